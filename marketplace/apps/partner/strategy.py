"""Oscar's pricing and availability, except that a solidarity basket's stock follows its
components: it can be bought as many times as the scarcest component allows."""

from oscar.apps.partner import strategy
from oscar.apps.partner.availability import Available, Unavailable

from catalogue.selectors import basket_available_quantity
from marketplace.apps.partner.availability import StockRequired


class Selector:
    def strategy(self, request=None, user=None, **kwargs):
        return Default(request)


class Default(strategy.Default):
    """First stock record, stock required, prices with tax included (MAD has no tax split)."""

    def availability_policy(self, product, stockrecord):
        if product.is_solidarity_basket:
            if stockrecord is None:
                return Unavailable()
            return StockRequired(basket_available_quantity(basket=product.solidarity_basket))
        if stockrecord is None:
            return Unavailable()
        if not product.get_product_class().track_stock:
            return Available()
        return StockRequired(stockrecord.net_stock_level)
