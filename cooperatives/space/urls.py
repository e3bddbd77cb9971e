from django.urls import path

from cooperatives.space import (
    converters,  # noqa: F401  (registers the `row_id` converter)
    products,
    views,
)

app_name = "cooperative_space"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("shipments/", views.ShipmentListView.as_view(), name="shipments"),
    path("shipments/<row_id:pk>/", views.ShipmentDetailView.as_view(), name="shipment"),
    path(
        "shipments/<row_id:pk>/<str:action>/",
        views.ShipmentActionView.as_view(),
        name="shipment-action",
    ),
    path("products/", products.ProductListView.as_view(), name="products"),
    path("products/new/", products.ProductCreateView.as_view(), name="product-create"),
    path("products/<row_id:pk>/", products.ProductEditView.as_view(), name="product-edit"),
]
