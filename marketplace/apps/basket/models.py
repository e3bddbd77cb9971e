"""Oscar's basket, knowing that baskets offered through a campaign need no address."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from oscar.apps.basket.abstract_models import AbstractBasket, AbstractLine

from catalogue.models import BasketComponent
from catalogue.selectors import stockrecords_with_cooperative


class Basket(AbstractBasket):
    """The buyer's basket. Solidarity baskets offered through a campaign travel from the hub to
    the campaign's partner organisation: a basket holding only those asks for no address."""

    def all_lines(self):
        """Oscar's lines, with what pricing and availability read for each (the product's class,
        its stock records and cooperative; a solidarity basket's hub and components) fetched
        with them: the header shows the basket on every page."""
        if self.id is None:
            return self.lines.model.objects.none()
        if self._lines is None:
            self._lines = (
                self.lines.select_related(
                    "product__product_class",
                    "product__solidarity_basket__hub",
                    "stockrecord__partner",
                )
                .prefetch_related(
                    Prefetch("attributes", queryset=LineAttribute.objects.select_related("option")),
                    "product__images",
                    stockrecords_with_cooperative("product__stockrecords"),
                    Prefetch(
                        "product__solidarity_basket__components",
                        queryset=BasketComponent.objects.select_related("product").prefetch_related(
                            stockrecords_with_cooperative("product__stockrecords")
                        ),
                    ),
                )
                .order_by(self._meta.pk.name)
            )
        return self._lines

    @property
    def num_lines(self):
        """The lines are read anyway (the header prices them): count them, not the database."""
        return len(self.all_lines())

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
from oscar.apps.basket.models import LineAttribute  # noqa: E402
