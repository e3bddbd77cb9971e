"""All Wagtail code: pages, blocks, choosers, campaigns, the sitemap."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from cooperatives.signals import parcels_changed


def _campaign_progress_forget(sender, **kwargs):
    from cms.services import campaign_progress_forget

    campaign_progress_forget()


def _editorial_setup(sender, using, **kwargs):
    from wagtail.models import Page

    from cms import services

    # A flushed database (transactional tests) has no page tree to set up.
    if not Page.objects.using(using).filter(depth=1).exists():
        return
    services.editorial_setup_ensure()
    services.home_translations_ensure()


class CmsConfig(AppConfig):
    name = "cms"
    label = "cms"
    verbose_name = _("Editorial pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Groups, locales and the workflow are data every installation needs; permissions only
        # exist once all apps have migrated, hence after `migrate` rather than in a migration.
        post_migrate.connect(_editorial_setup, sender=self, dispatch_uid="cms-editorial-setup")
        # What paid orders add up to changes with their parcels.
        parcels_changed.connect(_campaign_progress_forget, dispatch_uid="cms-campaign-progress")
