"""The kinds of payment source an order can have, as Oscar's SourceType rows."""

from decimal import Decimal

from oscar.apps.payment.models import Source, SourceType

CASH_ON_DELIVERY = "cash-on-delivery"
CARD = "card"
NAMES = {CASH_ON_DELIVERY: "Cash on delivery", CARD: "Card (Stripe)"}


def source_type(code: str) -> SourceType:
    """The SourceType for one of our codes, created the first time it is needed."""
    found, _created = SourceType.objects.get_or_create(code=code, defaults={"name": NAMES[code]})
    return found


def cash_on_delivery_source(*, reference: str, currency: str, amount: Decimal) -> Source:
    """An unsaved source for a cash-on-delivery order: nothing is taken until delivery."""
    return Source(
        source_type=source_type(CASH_ON_DELIVERY),
        currency=currency,
        amount_allocated=amount,
        reference=reference,
    )
