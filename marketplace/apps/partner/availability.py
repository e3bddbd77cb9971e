"""Oscar's stock policy with our own wording: Oscar's Arabic catalogue leaves these messages
in English, and they show on the basket page and when adding to the basket."""

from django.utils.translation import gettext as _
from oscar.apps.partner.availability import StockRequired as OscarStockRequired


class StockRequired(OscarStockRequired):
    def is_purchase_permitted(self, quantity):
        if 0 < self.num_available < quantity:
            return False, _("Only %(max)d left: you can buy at most %(max)d.") % {
                "max": self.num_available
            }
        return super().is_purchase_permitted(quantity)

    @property
    def message(self) -> str:
        if self.num_available > 0:
            return _("In stock (%(count)d available)") % {"count": self.num_available}
        return super().message
