"""Settings for the test suite: fast hashing, in-memory email, media in a temporary folder."""

import tempfile

from .base import *  # noqa: F403
from .base import MIDDLEWARE, env

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=tempfile.mkdtemp(prefix="souk-test-media-"))
# `make test` and `.ci/run` start a local engine here (tools/elasticsearch/es.sh).
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="http://127.0.0.1:9200")
# Tests never touch a developer's own index.
ELASTICSEARCH_INDEX = env("ELASTICSEARCH_INDEX", default="souk-test-catalogue")

# runserver and the live test server serve static files themselves; whitenoise is for production.
MIDDLEWARE = [m for m in MIDDLEWARE if m != "whitenoise.middleware.WhiteNoiseMiddleware"]
