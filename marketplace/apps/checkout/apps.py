import oscar.apps.checkout.apps as apps
from django.urls import path
from oscar.core.loading import get_class


class CheckoutConfig(apps.CheckoutConfig):
    name = "marketplace.apps.checkout"

    def get_urls(self):
        card_return = get_class("checkout.views", "CardReturnView")
        urls = [path("card/return/", card_return.as_view(), name="card-return")]
        return self.post_process_urls(urls) + super().get_urls()
