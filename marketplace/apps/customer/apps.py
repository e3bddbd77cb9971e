import oscar.apps.customer.apps as apps
from oscar.core.loading import feature_hidden


class CustomerConfig(apps.CustomerConfig):
    name = "marketplace.apps.customer"

    def get_urls(self):
        # Oscar hides its wishlists' links (OSCAR_HIDDEN_FEATURES) but keeps their account URLs,
        # which then end in errors (their templates reverse URLs that are gone): a hidden
        # feature has no URL at all.
        urls = super().get_urls()
        if feature_hidden("wishlists"):
            urls = [url for url in urls if not (url.name or "").startswith("wishlists-")]
        return urls
