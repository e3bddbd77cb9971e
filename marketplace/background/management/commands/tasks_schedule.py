"""Queue the periodic background tasks when they are due (the worker, `db_worker`, runs them)."""

import logging
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from marketplace.background.schedule import periodic_enqueue

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    """Once, or every --every seconds with --forever: publishing scheduled pages, cancelling
    card orders left unpaid (settings.TASKS_PERIODIC). What it queues is logged."""

    help = "Queue the periodic tasks that are due; with --forever, keep doing so."

    def add_arguments(self, parser):
        parser.add_argument("--forever", action="store_true", help="Keep checking.")
        parser.add_argument(
            "--every", type=float, default=15.0, help="Seconds between checks (with --forever)."
        )

    def handle(self, *args, forever: bool, every: float, **options):
        while True:
            if not forever:
                periodic_enqueue()
                return
            close_old_connections()
            try:
                periodic_enqueue()
            except Exception:  # the database may be away for a moment: log it, check again
                logger.exception("Could not queue the periodic tasks; trying again")
            time.sleep(max(every, 1.0))
