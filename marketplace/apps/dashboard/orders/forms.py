"""Oscar's order dashboard forms, plus the refund form."""

import uuid
from decimal import Decimal

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.orders import forms as oscar_forms
from oscar.apps.dashboard.orders.forms import *  # noqa: F403  (Oscar's fork pattern)

from cooperatives.models import CooperativeShipment


class RefundForm(forms.Form):
    """How much to give back, on the whole order or on one cooperative's shipment."""

    shipment = forms.ModelChoiceField(
        queryset=CooperativeShipment.objects.none(),
        required=False,
        label=_("Shipment"),
        empty_label=_("The whole order"),
    )
    amount = forms.DecimalField(
        label=_("Amount (MAD)"),
        min_value=Decimal("0.01"),
        max_digits=12,
        decimal_places=2,
    )
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)
    request_key = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, order, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["shipment"].queryset = order.shipments.select_related("cooperative")
        self.fields["shipment"].label_from_instance = lambda shipment: (
            f"{shipment.cooperative.name} ({shipment.total} MAD)"
        )
        if not self.is_bound:
            self.initial["request_key"] = uuid.uuid4().hex


class OrderSearchForm(oscar_forms.OrderSearchForm):
    """Oscar's order search, with words no longer than what it searches: SQLite answers a
    `LIKE` pattern longer than 50,000 characters with an error."""

    TEXT_FIELDS = ("order_number", "name", "product_title", "upc", "partner_sku", "voucher")
    TEXT_MAX_LENGTH = 255

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.TEXT_FIELDS:
            field = self.fields[name]
            field.max_length = self.TEXT_MAX_LENGTH
            field.validators.append(MaxLengthValidator(self.TEXT_MAX_LENGTH))
