import oscar.apps.dashboard.orders.apps as apps
from django.urls import path
from oscar.core.loading import get_class

from cooperatives.space import converters  # noqa: F401  (registers `row_id`, `order_number`)


class OrdersDashboardConfig(apps.OrdersDashboardConfig):
    name = "marketplace.apps.dashboard.orders"

    def get_urls(self):
        # Oscar's patterns, with bounded converters: its `<str:number>` lets a NUL byte reach
        # PostgreSQL (an error, not a 404).
        refund = get_class("dashboard.orders.views", "OrderRefundView")
        urls = [
            # Not in Oscar's permission map: staff only (default_permissions), and checked
            # again in the view.
            path("<order_number:number>/refund/", refund.as_view(), name="order-refund"),
            path("", self.order_list_view.as_view(), name="order-list"),
            path("statistics/", self.order_stats_view.as_view(), name="order-stats"),
            path(
                "<order_number:number>/",
                self.order_detail_view.as_view(),
                name="order-detail",
            ),
            path(
                "<order_number:number>/notes/<row_id:note_id>/",
                self.order_detail_view.as_view(),
                name="order-detail-note",
            ),
            path(
                "<order_number:number>/lines/<row_id:line_id>/",
                self.line_detail_view.as_view(),
                name="order-line-detail",
            ),
            path(
                "<order_number:number>/shipping-address/",
                self.shipping_address_view.as_view(),
                name="order-shipping-address",
            ),
        ]
        return self.post_process_urls(urls)
