import oscar.apps.dashboard.apps as apps
from django.urls import path
from oscar.core.loading import get_class


class DashboardConfig(apps.DashboardConfig):
    name = "marketplace.apps.dashboard"

    # Our pages (solidarity baskets, hubs' parcels): staff only.
    STAFF_URL_NAMES = (
        "basket-list",
        "basket-create",
        "basket-update",
        "hub-shipment-list",
        "hub-shipment-detail",
    )

    def configure_permissions(self):
        super().configure_permissions()
        DashboardPermission = get_class("dashboard.permissions", "DashboardPermission")
        for name in self.STAFF_URL_NAMES:
            self.permissions_map[name] = (DashboardPermission.staff,)

    def get_urls(self):
        from marketplace.apps.dashboard.baskets import views

        urls = [
            path("baskets/", views.BasketListView.as_view(), name="basket-list"),
            path("baskets/new/", views.BasketFormView.as_view(), name="basket-create"),
            path("baskets/<int:pk>/edit/", views.BasketFormView.as_view(), name="basket-update"),
            path("hub-shipments/", views.HubShipmentListView.as_view(), name="hub-shipment-list"),
            path(
                "hub-shipments/<int:pk>/",
                views.HubShipmentDetailView.as_view(),
                name="hub-shipment-detail",
            ),
        ]
        return super().get_urls() + self.post_process_urls(urls)
