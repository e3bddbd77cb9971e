# Production image: gunicorn behind any proxy; whitenoise serves compressed, hashed static files.
FROM python:3.11-slim-bookworm AS python-deps
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /venv
COPY requirements.txt /tmp/requirements.txt
RUN /venv/bin/pip install -r /tmp/requirements.txt

# The shop's stylesheets, as `make assets` builds them (static/src/build-css.cjs): PurgeCSS keeps
# the part of Oscar's Bootstrap that our templates and code and Oscar's templates use, rtlcss
# mirrors it for Arabic; the dashboard's stylesheet is mirrored whole.
FROM node:20-bookworm-slim AS assets
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY --from=python-deps /venv/lib/python3.11/site-packages/oscar /oscar
COPY . .
RUN node static/src/build-css.cjs /oscar

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PATH="/venv/bin:$PATH" \
    DJANGO_SETTINGS_MODULE=marketplace.settings.production
RUN useradd --system --create-home --uid 1000 souk
COPY --from=python-deps /venv /venv
WORKDIR /app
COPY --chown=souk:souk . /app
COPY --from=assets --chown=souk:souk /app/static/build /app/static/build
RUN for po in marketplace/locale/*/LC_MESSAGES/django.po; do \
        pybabel compile --domain django -i "$po" -o "${po%.po}.mo" -l "$(basename "$(dirname "$(dirname "$po")")")"; \
    done \
    && DJANGO_SECRET_KEY=collectstatic-only DJANGO_ALLOWED_HOSTS=localhost DATABASE_URL=sqlite:////tmp/x.db \
    python manage.py collectstatic --noinput \
    && mkdir -p /app/media && chown -R souk:souk /app/media /app/staticfiles
USER souk
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
    CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/health/', timeout=4).status != 200)"
CMD ["gunicorn", "marketplace.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "60", "--access-logfile", "-"]
