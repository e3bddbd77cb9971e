"""One entry point places every order: the checkout and the demo both go through our
`OrderCreator`, which locks the stock, creates the order and splits it into parcels."""

import pytest
from django.core.exceptions import ValidationError
from oscar.apps.checkout import mixins as oscar_checkout_mixins
from oscar.apps.partner.models import StockRecord

from cooperatives.demo import orders as demo_orders
from cooperatives.models import CooperativeShipment, LedgerEntry
from cooperatives.shipping import basket_quotes
from marketplace.apps.order.models import Order
from marketplace.apps.order.utils import OrderCreator
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def placements(monkeypatch):
    """The numbers of the orders our OrderCreator placed (it runs unchanged)."""
    placed = []
    place_order = OrderCreator.place_order

    def counted(self, *args, **kwargs):
        order = place_order(self, *args, **kwargs)
        placed.append(str(order.number))
        return order

    monkeypatch.setattr(OrderCreator, "place_order", counted)
    return placed


def _demo_basket(market, customer, *, oil: int, carpet: int):
    basket = demo_orders.demo_basket(customer)
    basket.add_product(market.oil, oil)
    basket.add_product(market.carpet, carpet)
    return basket


def test_the_checkout_places_its_orders_through_the_entry_point(placements, placed_order):
    assert oscar_checkout_mixins.OrderCreator is OrderCreator
    assert placements == [placed_order.number]
    assert placed_order.shipments.count() == 2


def test_the_demo_places_its_orders_through_the_entry_point(placements, market):
    customer = UserFactory()
    basket = _demo_basket(market, customer, oil=2, carpet=1)
    quotes = basket_quotes(basket)

    order = demo_orders.demo_order_place(
        basket,
        customer=customer,
        quotes=quotes,
        address=demo_orders.demo_address(customer, region=market.argan.region, city="Agadir"),
        number="ENTRY-1",
        payment_method=Order.PaymentMethod.CASH_ON_DELIVERY,
    )

    assert placements == ["ENTRY-1"]
    shipments = order.shipments.order_by("cooperative__slug")
    assert [s.cooperative for s in shipments] == sorted(
        [market.argan, market.carpets], key=lambda c: c.slug
    )
    assert all(s.status == CooperativeShipment.Status.NEW for s in shipments)
    # Booked in the ledger as the checkout books it: sale, delivery and commission per parcel.
    assert LedgerEntry.objects.filter(shipment__order=order).count() == 6
    assert sum(s.total for s in shipments) == order.total_incl_tax
    record = StockRecord.objects.get(product=market.oil)
    assert record.num_allocated == 2


def test_a_card_order_from_the_entry_point_waits_for_its_payment(market):
    customer = UserFactory()
    basket = _demo_basket(market, customer, oil=1, carpet=0)

    order = demo_orders.demo_order_place(
        basket,
        customer=customer,
        quotes=basket_quotes(basket),
        address=demo_orders.demo_address(customer, region=market.argan.region, city="Agadir"),
        number="ENTRY-2",
        payment_method=Order.PaymentMethod.CARD,
    )

    assert order.status == "Pending payment"
    assert set(order.shipments.values_list("status", flat=True)) == {"awaiting_payment"}
    assert not LedgerEntry.objects.filter(shipment__order=order).exists()


def test_when_the_stock_ran_out_nothing_of_the_order_remains(market):
    customer = UserFactory()
    basket = _demo_basket(market, customer, oil=1, carpet=2)
    StockRecord.objects.filter(product=market.carpet).update(num_in_stock=1)

    with pytest.raises(ValidationError):
        demo_orders.demo_order_place(
            basket,
            customer=customer,
            quotes=basket_quotes(basket),
            address=None,
            number="ENTRY-3",
            payment_method=Order.PaymentMethod.CASH_ON_DELIVERY,
        )

    assert not Order.objects.filter(number="ENTRY-3").exists()
    for product in (market.oil, market.carpet):
        assert not StockRecord.objects.get(product=product).num_allocated  # None or 0
