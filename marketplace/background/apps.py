from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackgroundConfig(AppConfig):
    """The room of background work: the retried task decorator, the periodic schedule and its
    command (`tasks_schedule`). The worker itself is django-tasks-db's `db_worker`."""

    name = "marketplace.background"
    label = "background"
    verbose_name = _("Background work")
