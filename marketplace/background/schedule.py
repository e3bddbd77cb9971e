"""The periodic tasks (settings.TASKS_PERIODIC): each is queued when its interval has passed
since it was last queued and no run of it is waiting or running. Stateless: the task results are
the memory, so any number of schedulers (or restarts) queue each run once, give or take a race
that only repeats an idempotent task."""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Max
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import TaskResultStatus
from django_tasks.base import Task
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Periodic:
    task: Task
    every: datetime.timedelta

    @property
    def path(self) -> str:
        return self.task.module_path


def periodic_tasks() -> list[Periodic]:
    """The schedule, from settings.TASKS_PERIODIC: (dotted path of a task, seconds)."""
    return [
        Periodic(task=import_string(path), every=datetime.timedelta(seconds=seconds))
        for path, seconds in settings.TASKS_PERIODIC
    ]


def periodic_enqueue(*, now: datetime.datetime | None = None) -> list[str]:
    """Queue the periodic tasks that are due; returns their dotted paths."""
    now = now or timezone.now()
    queued = []
    for periodic in periodic_tasks():
        runs = DBTaskResult.objects.filter(task_path=periodic.path)
        if runs.filter(status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]).exists():
            continue
        last = runs.aggregate(last=Max("enqueued_at"))["last"]
        if last is not None and now - last < periodic.every:
            continue
        periodic.task.enqueue()
        queued.append(periodic.path)
    if queued:
        logger.info("Queued the periodic tasks %s", ", ".join(queued))
    return queued
