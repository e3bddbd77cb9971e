"""The health endpoint that load balancers and operators poll."""

import datetime
import logging

from django.conf import settings
from django.db import connection
from django.db.models import Q
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from search.engine import ENGINE_ERRORS, engine_available, get_client
from search.indexing import index_exists

logger = logging.getLogger(__name__)


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # any failure of the database means "down" here, and is logged
        logger.exception("Health check: database unreachable")
        return False


def search_state() -> str:
    """ "ok", "degraded" (the engine answers, but no index built with our mappings stands behind
    the alias: searches come from the database until `search_index --rebuild`) or
    "unavailable". Asked anew on every check."""
    if not engine_available():
        return "unavailable"
    try:
        # The shoppers' client and its short timeout: a slow engine must not hold the check.
        return "ok" if index_exists(client=get_client()) else "degraded"
    except ENGINE_ERRORS:
        logger.warning("Health check: the search index could not be read", exc_info=True)
        return "degraded"


def tasks_state() -> str:
    """ "ok", or "late" when a background task due more than TASKS_LATE_SECONDS ago has not
    started: no worker is running (e-mails, indexing and expiry wait)."""
    late = timezone.now() - datetime.timedelta(seconds=settings.TASKS_LATE_SECONDS)
    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY).filter(
        Q(run_after=get_date_max(), enqueued_at__lt=late) | Q(run_after__lt=late)
    )
    return "late" if waiting.exists() else "ok"


@never_cache
@require_GET
def health(request):
    """Database, search and background-work state as JSON; 200 while the database answers, 503
    otherwise (a search engine away or degraded, or late tasks, leave the shop selling)."""
    db_ok = database_ok()
    body = {
        "database": "ok" if db_ok else "unavailable",
        "search": search_state(),
        "tasks": tasks_state() if db_ok else "unknown",
    }
    return JsonResponse(body, status=200 if db_ok else 503)
