"""The ways to pay: cash on delivery always; card once Stripe is configured (a later step)."""

from django.utils.translation import gettext_lazy as _

from marketplace.apps.order.models import Order

CASH_ON_DELIVERY = Order.PaymentMethod.CASH_ON_DELIVERY.value


def payment_methods_available() -> list[tuple[str, str]]:
    """(code, label) pairs offered at checkout, the default first."""
    return [(CASH_ON_DELIVERY, _("Cash on delivery: pay each cooperative's parcel on arrival"))]


def payment_method_label(code: str | None) -> str:
    return dict(payment_methods_available()).get(code or "", "")
