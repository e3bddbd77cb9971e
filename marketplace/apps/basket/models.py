"""Oscar's basket, knowing that baskets offered through a campaign need no address."""

from django.utils.translation import gettext as _
from oscar.apps.basket.abstract_models import AbstractBasket, AbstractLine


class Basket(AbstractBasket):
    """The buyer's basket. Solidarity baskets offered through a campaign travel from the hub to
    the campaign's partner organisation: a basket holding only those asks for no address."""

    def is_shipping_required(self):
        return any(
            line.product.is_shipping_required and not self.line_is_offered(line)
            for line in self.all_lines()
        )

    @staticmethod
    def line_is_offered(line) -> bool:
        from cooperatives.shipping import line_offered_campaign_id

        return line_offered_campaign_id(line) is not None

    @property
    def has_offered_lines(self) -> bool:
        return any(self.line_is_offered(line) for line in self.all_lines())


class Line(AbstractLine):
    """A basket line. Oscar describes a line by its options ("name = 'value'"); an offered
    solidarity basket's option holds a campaign page's id, which is nobody's business."""

    @property
    def description(self):
        if Basket.line_is_offered(self):
            return _("%(title)s — offered") % {"title": self.product.get_title()}
        return super().description


from oscar.apps.basket.models import *  # noqa: E402, F403  (Oscar's fork pattern)
