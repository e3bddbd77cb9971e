# Souk Tadamoun — the front door. `make run` and `make test` are the quick start.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
HOST ?= 127.0.0.1
# The stylesheets the site sends (static/src/build-css.cjs): PurgeCSS keeps the part of Oscar's
# Bootstrap that templates and code use, so they are rebuilt when one of those changes.
CSS_BUILD := static/build/souk/souk.css static/build/souk/souk.rtl.css \
	static/build/oscar/css/dashboard.rtl.css
CSS_CONTENT := $(shell find marketplace catalogue cooperatives cms search static/souk static/src \
	-not -path '*/migrations/*' \( -name '*.html' -o -name '*.py' -o -name '*.js' -o -name '*.css' \
	-o -name '*.cjs' \) 2>/dev/null)
MO_FILES := $(patsubst %.po,%.mo,$(wildcard marketplace/locale/*/LC_MESSAGES/django.po))
OSCAR_DIR = $(shell $(PY) -c 'import oscar, pathlib; print(pathlib.Path(oscar.__file__).parent)')

.PHONY: install assets migrate demo run test lint format messages check-deploy clean \
	elasticsearch elasticsearch-stop bench bench-data bench-search bench-pages

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed ## Install Python and Node dependencies into .venv and node_modules

$(CSS_BUILD) &: $(VENV)/.installed node_modules/.installed $(CSS_CONTENT)
	node static/src/build-css.cjs "$(OSCAR_DIR)"

marketplace/locale/%/LC_MESSAGES/django.mo: marketplace/locale/%/LC_MESSAGES/django.po $(VENV)/.installed
	$(VENV)/bin/pybabel compile --domain django -l $* -i $< -o $@

assets: $(CSS_BUILD) $(MO_FILES) ## Build generated files (the site's stylesheets, compiled catalogues)

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate ## Load the demo marketplace (idempotent)
	$(PY) manage.py load_demo_data

run: install assets demo ## Install, migrate, load demo data, start the background worker and serve on PORT (default 8000)
	$(PY) manage.py search_index --if-missing
	$(PY) manage.py db_worker --queue-name '*' --no-reload & worker=$$!; \
		$(PY) manage.py tasks_schedule --forever & scheduler=$$!; \
		trap 'kill $$worker $$scheduler 2>/dev/null' EXIT INT TERM; \
		$(PY) manage.py runserver $(HOST):$(PORT)

lint: install ## ruff check and format check; the layers contract and the named inline imports
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	$(PY) -m tools.inline_imports

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

elasticsearch: ## Install (pinned, SHA-512 checked) and start Elasticsearch 8.12.2 on 127.0.0.1:9200
	tools/elasticsearch/es.sh start

elasticsearch-stop: ## Stop the local Elasticsearch by its pid
	tools/elasticsearch/es.sh stop

BENCH_PRODUCTS ?= 20000
# One data set per size (a 100,000-product run leaves the 20,000 one as it was), and its own index.
BENCH_DB = var/bench-$(BENCH_PRODUCTS).sqlite3
BENCH_ENV = DATABASE_URL=sqlite:///$(CURDIR)/$(BENCH_DB) ELASTICSEARCH_INDEX=souk-bench-$(BENCH_PRODUCTS)
# gunicorn (2 sync workers), a private Redis, wrk: see tools/bench/run.py and the README.
BENCH_RUN = $(PY) -m tools.bench --products $(BENCH_PRODUCTS)

.PHONY: bench-load bench-profile

# load_demo_data adds only what is missing: run again (a few seconds), it keeps the data.
bench-data: install ## Generate BENCH_PRODUCTS products (default 20,000) into var/bench-N.sqlite3, once
	mkdir -p var
	$(BENCH_ENV) $(PY) manage.py migrate --noinput -v0
	$(BENCH_ENV) $(PY) manage.py load_demo_data --cooperatives $$(( $(BENCH_PRODUCTS) / 10 ))

bench-search: elasticsearch bench-data ## Index BENCH_PRODUCTS products, time 500 searches on the engine alone
	$(BENCH_ENV) $(PY) manage.py search_bench --queries 500

bench-pages: elasticsearch bench-data ## Pages under gunicorn: cached and cold rps, latency, CPU, ceiling, SQL queries
	$(BENCH_RUN) --parts pages,queries

bench-load: elasticsearch bench-data ## The mixed-traffic load test under gunicorn, then the orders checked
	$(BENCH_RUN) --parts load

bench-profile: bench-data ## Render the most visited pages 50 times each in-process: queries, memory
	$(BENCH_ENV) $(PY) manage.py pages_bench --requests 50

bench: bench-search ## All of it in one table (pages, ceiling, search, queries, load test); 1 if a target is missed
	$(BENCH_RUN)

test: install assets lint elasticsearch ## Run the whole suite (SQLite unless DATABASE_URL is set)
	@# A private Redis (tools/redis.sh) holds the tests' cache when redis-server is installed, as in
	@# CI; without it the cache is local memory and the tests that need Redis say they skip.
	@if command -v redis-server >/dev/null 2>&1 && tools/redis.sh start; then \
		export REDIS_URL="$${REDIS_URL:-$$(tools/redis.sh url)}"; \
		export CACHE_URL="$${CACHE_URL:-$$REDIS_URL/1}"; \
	fi; $(PY) -m pytest $(PYTEST_ARGS)

messages: install ## Refresh the fr/ar/en catalogues from the code and compile them
	$(PY) manage.py makemessages --locale fr --locale ar --locale en --no-obsolete \
		--ignore '.venv/*' --ignore 'node_modules/*' --ignore 'staticfiles/*' --ignore 'tests/*'
	@# msgmerge's fuzzy guesses are wrong more often than not: empty them to be translated.
	for po in marketplace/locale/*/LC_MESSAGES/django.po; do \
		msgattrib --clear-fuzzy --empty --no-wrap -o "$$po" "$$po"; done
	$(PY) -m marketplace.i18n_tools fill-english marketplace/locale/en/LC_MESSAGES/django.po
	$(VENV)/bin/pybabel compile --statistics -d marketplace/locale -D django

check-deploy: install ## Django's deployment checks against the production settings
	DJANGO_SETTINGS_MODULE=marketplace.settings.production DJANGO_SECRET_KEY=$$(head -c 48 /dev/urandom | base64) \
		DJANGO_ALLOWED_HOSTS=souk-tadamoun.ma DATABASE_URL=sqlite:///:memory: \
		$(PY) manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) node_modules static/build staticfiles
