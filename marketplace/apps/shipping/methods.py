"""Oscar's shipping methods plus ours: each cooperative delivers its own part of the basket."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from oscar.apps.shipping.methods import *  # noqa: F403  (Oscar's fork pattern)
from oscar.apps.shipping.methods import Base
from oscar.core import prices


class CooperativeDelivery(Base):
    """The sum of each cooperative's delivery quote (Amana parcel or pickup)."""

    code = "cooperative-delivery"
    name = _("Delivery by each cooperative")
    description = _("Each cooperative sends its own parcel, or you collect it.")

    def __init__(self, quotes):
        self.quotes = quotes

    def calculate(self, basket):
        total = sum((quote.charge for quote in self.quotes), Decimal("0.00"))
        return prices.Price(currency=basket.currency, excl_tax=total, incl_tax=total)
