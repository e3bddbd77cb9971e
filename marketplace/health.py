"""The health endpoint that load balancers and operators poll."""

import logging

from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from search.engine import engine_available

logger = logging.getLogger(__name__)


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # any failure of the database means "down" here, and is logged
        logger.exception("Health check: database unreachable")
        return False


@never_cache
@require_GET
def health(request):
    """Database and search state as JSON; 200 while the database answers, 503 otherwise."""
    db_ok = database_ok()
    body = {
        "database": "ok" if db_ok else "unavailable",
        "search": "ok" if engine_available() else "unavailable",
    }
    return JsonResponse(body, status=200 if db_ok else 503)
