"""The anonymous page cache (label `pagecache`): no models, receivers that invalidate pages."""

from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "marketplace.pagecache"
    label = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        from marketplace.pagecache import receivers

        receivers.connect()
