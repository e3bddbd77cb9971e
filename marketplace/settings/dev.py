"""Settings for a developer's machine: `make run` uses these."""

from .base import *  # noqa: F403
from .base import MIDDLEWARE, env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
# A fixed key is acceptable here only: production refuses to start without its own.
SECRET_KEY = env("DJANGO_SECRET_KEY", default="dev-only-insecure-key-souk-tadamoun")

# runserver and the live test server serve static files themselves; whitenoise is for production.
MIDDLEWARE = [m for m in MIDDLEWARE if m != "whitenoise.middleware.WhiteNoiseMiddleware"]

# `make elasticsearch` runs a local engine here; the site falls back to the database without it.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="http://127.0.0.1:9200")
