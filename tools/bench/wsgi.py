"""The benchmark's WSGI entry point: Django's application, plus a constant answer.

`/__bench__/constant` is answered here, before Django, with a few bytes: what the same gunicorn
workers serve when the application does nothing. Pages are reported as a share of that
ceiling, which holds on a noisy machine where absolute figures do not. Every other path goes to
Django unchanged. Only the benchmark serves through this module; the site's own entry point is
`marketplace.wsgi`.
"""

import os

from django.core.wsgi import get_wsgi_application
from django.db import connections

from tools.bench import CONSTANT_PATH

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings.dev")

CONSTANT_BODY = b"ok\n"
_HEADERS = [("Content-Type", "text/plain"), ("Content-Length", str(len(CONSTANT_BODY)))]

django_application = get_wsgi_application()
# Loaded once before forking (gunicorn --preload), no worker may inherit a database connection.
connections.close_all()


def application(environ, start_response):
    if environ.get("PATH_INFO") == CONSTANT_PATH:
        start_response("200 OK", list(_HEADERS))
        return [CONSTANT_BODY]
    return django_application(environ, start_response)
