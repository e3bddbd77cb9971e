"""Running background tasks in a test: django-tasks-db's own worker, in this process."""

from unittest import mock

from django.core.mail.backends import locmem
from django.core.mail.backends.base import BaseEmailBackend
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult


def tasks_run() -> int:
    """Run every task that is due, as `manage.py db_worker --batch` does; returns how many ran.

    The worker checks for stale connections between tasks; here the connection is the test's
    own, inside its transaction, and must stay open.
    """
    worker = db_worker.Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="tests",
        excluded_queue_names=[],
    )
    with mock.patch.object(db_worker, "close_old_connections", return_value=None):
        worker.run()
    return worker._run_tasks


def tasks_waiting(task=None) -> list[DBTaskResult]:
    """The tasks queued and not run yet (of this task only, if given), oldest first."""
    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    if task is not None:
        waiting = waiting.filter(task_path=task.module_path)
    return list(waiting.order_by("enqueued_at"))


class MailServerDown(Exception):
    """What the failing mail server below raises."""


class FailingEmailBackend(BaseEmailBackend):
    """A mail server that refuses the next `failures` messages (a class attribute the test
    sets), then delivers into Django's test outbox like the locmem backend."""

    failures = 0

    def send_messages(self, messages):
        if FailingEmailBackend.failures > 0:
            FailingEmailBackend.failures -= 1
            raise MailServerDown("421 Service not available")
        return locmem.EmailBackend().send_messages(messages)
