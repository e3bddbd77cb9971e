"""Queue the periodic background tasks when they are due (the worker, `db_worker`, runs them)."""

import logging
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from marketplace.background.schedule import periodic_enqueue

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    """Once, or every --every seconds with --forever: publishing scheduled pages, cancelling
    card orders left unpaid (settings.TASKS_PERIODIC)."""

    help = "Queue the periodic tasks that are due; with --forever, keep doing so."

    def add_arguments(self, parser):
        parser.add_argument("--forever", action="store_true", help="Keep checking.")
        parser.add_argument(
            "--every", type=float, default=15.0, help="Seconds between checks (with --forever)."
        )

    def handle(self, *args, forever: bool, every: float, **options):
        while True:
            if not forever:
                self._report(periodic_enqueue(), options["verbosity"])
                return
            close_old_connections()
            try:
                self._report(periodic_enqueue(), options["verbosity"])
            except Exception:  # the database may be away for a moment: log it, check again
                logger.exception("Could not queue the periodic tasks; trying again")
            time.sleep(max(every, 1.0))

    def _report(self, queued: list[str], verbosity: int) -> None:
        if queued and verbosity > 0:
            self.stdout.write("Queued: " + ", ".join(queued))
