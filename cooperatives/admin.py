"""Django admin for operators: cooperatives, their labels, shipments and ledger (read-mostly)."""

from django.contrib import admin

from cooperatives.models import Certification, Cooperative, CooperativeShipment, LedgerEntry


class CertificationInline(admin.TabularInline):
    model = Certification
    extra = 0


@admin.register(Cooperative)
class CooperativeAdmin(admin.ModelAdmin):
    list_display = ["name", "region", "verification_state", "women_led", "commission_rate"]
    list_filter = ["verification_state", "region", "sector", "women_led"]
    search_fields = ["name", "slug", "odco_number"]
    inlines = [CertificationInline]
    raw_id_fields = ["partner"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Shipments and ledger entries change only through the services, never by hand."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CooperativeShipment)
class CooperativeShipmentAdmin(ReadOnlyAdmin):
    list_display = [
        "order",
        "cooperative",
        "status",
        "delivery_method",
        "items_total",
        "shipping_charge",
        "commission_amount",
        "amount_owed",
        "created_at",
    ]
    list_filter = ["status", "delivery_method", "cooperative__region"]
    search_fields = ["order__number", "cooperative__name", "tracking_number"]
    list_select_related = ["order", "cooperative"]


@admin.register(LedgerEntry)
class LedgerEntryAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "cooperative", "kind", "amount", "shipment"]
    list_filter = ["kind", "cooperative"]
    search_fields = ["cooperative__name", "shipment__order__number"]
    list_select_related = ["cooperative", "shipment__order"]
