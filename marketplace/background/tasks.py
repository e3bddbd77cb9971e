"""Tasks that are retried: a failed attempt is logged and queued again after a growing delay;
the last one is logged as an error. Every attempt stays in the task results (Django admin)."""

import datetime
import functools
import logging
from collections.abc import Callable

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks.base import Task
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

# The keyword under which a retry carries its attempt number; the task function never sees it.
ATTEMPT = "attempt_"


def retry_delay(
    *, attempt: int, delay: datetime.timedelta, delay_max: datetime.timedelta
) -> datetime.timedelta:
    """The wait before the attempt after `attempt`: `delay`, doubled each time, at most
    `delay_max`."""
    return min(delay * 2 ** (attempt - 1), delay_max)


def task_retried(
    *,
    queue_name: str,
    attempts: int = 5,
    delay: datetime.timedelta = datetime.timedelta(seconds=30),
    delay_max: datetime.timedelta = datetime.timedelta(hours=1),
) -> Callable[[Callable], Task]:
    """A django-tasks task on `queue_name` that runs again, up to `attempts` times in all, when
    it raises. Its arguments must be JSON (ids, not objects)."""

    def decorate(func: Callable) -> Task:
        # `wraps` keeps the function's module and name: the worker finds the task by them.
        @functools.wraps(func)
        def run(*args, **kwargs):
            attempt = kwargs.pop(ATTEMPT, 1)
            try:
                return func(*args, **kwargs)
            except Exception:
                name = f"{func.__module__}.{func.__qualname__}"
                if attempt >= attempts:
                    logger.exception(
                        "Task %s failed for good after %d attempts (arguments %r %r)",
                        name,
                        attempt,
                        args,
                        kwargs,
                    )
                    raise
                wait = retry_delay(attempt=attempt, delay=delay, delay_max=delay_max)
                retried.using(run_after=timezone.now() + wait).enqueue(
                    *args, **kwargs, **{ATTEMPT: attempt + 1}
                )
                logger.warning(
                    "Task %s failed (attempt %d of %d); it runs again in %s",
                    name,
                    attempt,
                    attempts,
                    wait,
                    exc_info=True,
                )
                raise

        retried = task(queue_name=queue_name)(run)
        return retried

    return decorate


@task_retried(queue_name="periodic", attempts=3)
def task_results_prune() -> int:
    """Forget finished task results: successful ones after TASKS_KEEP_SUCCESSFUL_DAYS, failed
    ones (kept longer, to be looked into) after TASKS_KEEP_FAILED_DAYS. Returns how many."""
    now = timezone.now()
    removed = 0
    for status, days in (
        (TaskResultStatus.SUCCESSFUL, settings.TASKS_KEEP_SUCCESSFUL_DAYS),
        (TaskResultStatus.FAILED, settings.TASKS_KEEP_FAILED_DAYS),
    ):
        old = DBTaskResult.objects.filter(
            status=status, finished_at__lt=now - datetime.timedelta(days=days)
        )
        removed += old.delete()[0]
    return removed
