"""The ways to pay: cash on delivery always; card when Stripe is configured."""

from django.utils.translation import gettext_lazy as _

from marketplace.apps.order.models import Order
from marketplace.apps.payment import gateway

CASH_ON_DELIVERY = Order.PaymentMethod.CASH_ON_DELIVERY.value
CARD = Order.PaymentMethod.CARD.value
LABELS = {
    CASH_ON_DELIVERY: _("Cash on delivery: pay each cooperative's parcel on arrival"),
    CARD: _("Card (Visa, Mastercard): pay now, securely, with Stripe"),
}


def payment_methods_available(*, basket=None) -> list[tuple[str, str]]:
    """(code, label) pairs offered at checkout, the default first. Baskets offered through a
    campaign never reach the buyer's door, so nobody could collect cash for them: card only."""
    methods = []
    if basket is None or not basket.has_offered_lines:
        methods.append((CASH_ON_DELIVERY, LABELS[CASH_ON_DELIVERY]))
    if gateway.configured():
        methods.append((CARD, LABELS[CARD]))
    return methods


def payment_method_label(code: str | None) -> str:
    return LABELS.get(code or "", "")
