"""The ways to pay: cash on delivery always; card when Stripe is configured."""

from django.utils.translation import gettext_lazy as _

from marketplace.apps.order.models import Order
from marketplace.apps.payment import gateway

CASH_ON_DELIVERY = Order.PaymentMethod.CASH_ON_DELIVERY.value
CARD = Order.PaymentMethod.CARD.value


def payment_methods_available() -> list[tuple[str, str]]:
    """(code, label) pairs offered at checkout, the default first."""
    methods = [(CASH_ON_DELIVERY, _("Cash on delivery: pay each cooperative's parcel on arrival"))]
    if gateway.configured():
        methods.append((CARD, _("Card (Visa, Mastercard): pay now, securely, with Stripe")))
    return methods


def payment_method_label(code: str | None) -> str:
    return dict(payment_methods_available()).get(code or "", "")
