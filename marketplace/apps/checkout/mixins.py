"""Order placement: the checkout's language, payment method and delivery quotes handed to the
one entry point that places an order (`marketplace.apps.order.utils.OrderCreator`)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from oscar.apps.checkout import mixins
from oscar.apps.order.exceptions import UnableToPlaceOrder

from cooperatives.shipping import basket_quotes
from marketplace.apps.checkout.payment import CARD, CASH_ON_DELIVERY


def _delivery_quotes(shipping_method, basket):
    # Oscar wraps a method in an offer-discount object when a shipping offer applies.
    method = getattr(shipping_method, "method", shipping_method)
    quotes = getattr(method, "quotes", None)
    if quotes is None:
        # Only offered baskets (Oscar's "no shipping required"): the hub sends them, free.
        return basket_quotes(basket)
    return quotes


class OrderPlacementMixin(mixins.OrderPlacementMixin):
    def place_order(
        self,
        order_number,
        user,
        basket,
        shipping_address,
        shipping_method,
        shipping_charge,
        order_total,
        billing_address=None,
        surcharges=None,
        **kwargs,
    ):
        language = translation.get_supported_language_variant(
            translation.get_language() or settings.LANGUAGE_CODE
        )
        kwargs.setdefault("language", language)
        kwargs.setdefault(
            "payment_method", self.checkout_session.payment_method() or CASH_ON_DELIVERY
        )
        card_session = getattr(self, "card_session", None)
        if card_session is not None:
            kwargs.setdefault("payment_reference", card_session.id)
        kwargs["quotes"] = _delivery_quotes(shipping_method, basket)
        kwargs["awaiting_payment"] = kwargs["payment_method"] == CARD
        try:
            # A savepoint: if the stock ran out meanwhile, nothing of the order remains (nor
            # the addresses Oscar saves before creating it).
            with transaction.atomic():
                return super().place_order(
                    order_number,
                    user,
                    basket,
                    shipping_address,
                    shipping_method,
                    shipping_charge,
                    order_total,
                    billing_address=billing_address,
                    surcharges=surcharges,
                    **kwargs,
                )
        except ValidationError as error:  # the stock ran out meanwhile
            raise UnableToPlaceOrder(" ".join(error.messages)) from error

    def send_order_placed_email(self, order):
        """Nothing here: the shipments service emails the customer and each cooperative."""
