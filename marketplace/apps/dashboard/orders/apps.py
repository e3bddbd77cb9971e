import oscar.apps.dashboard.orders.apps as apps
from django.urls import path
from oscar.core.loading import get_class


class OrdersDashboardConfig(apps.OrdersDashboardConfig):
    name = "marketplace.apps.dashboard.orders"

    def get_urls(self):
        # Not in Oscar's permission map: staff only (default_permissions), and checked again
        # in the view.
        refund = get_class("dashboard.orders.views", "OrderRefundView")
        urls = [path("<str:number>/refund/", refund.as_view(), name="order-refund")]
        return self.post_process_urls(urls) + super().get_urls()
