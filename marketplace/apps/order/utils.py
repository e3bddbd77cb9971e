"""Placing an order, in one place: Oscar's `OrderCreator`, forked, is what the checkout (through
Oscar's `OrderPlacementMixin`) and the demo data both call."""

from django.db import transaction
from oscar.apps.order import utils
from oscar.apps.order.utils import *  # noqa: F403  (Oscar's fork pattern)

from cooperatives.services import basket_stock_lock, order_shipments_create


class OrderCreator(utils.OrderCreator):
    def place_order(
        self,
        basket,
        total,
        shipping_method,
        shipping_charge,
        *,
        quotes,
        awaiting_payment=False,
        **kwargs,
    ):
        """Lock the basket's stock (and check it still covers the basket), create Oscar's
        order, and split it into one parcel per sender (a cooperative, or a hub for solidarity
        baskets), each booked in the ledger with its baskets' shares, all in one savepoint.

        `quotes` are the delivery quotes chosen for each sender; `awaiting_payment` keeps a
        card order's parcels from the cooperatives until it is paid. Raises ValidationError
        when the stock ran out meanwhile: nothing of the order remains then.
        """
        with transaction.atomic():
            basket_stock_lock(basket=basket)
            order = super().place_order(basket, total, shipping_method, shipping_charge, **kwargs)
            order_shipments_create(order=order, quotes=quotes, awaiting_payment=awaiting_payment)
        return order
