"""A cooperative shipment's life: accept, ship, deliver, cancel, refuse — stock, ledger, emails."""

from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from oscar.apps.partner.models import StockRecord

from cooperatives import selectors, services
from cooperatives.models import CooperativeShipment, LedgerEntry
from cooperatives.shipping import amana_rate
from tests.background import tasks_run

pytestmark = pytest.mark.django_db
Status = CooperativeShipment.Status


@pytest.fixture
def argan_shipment(placed_order, market):
    return CooperativeShipment.objects.get(order=placed_order, cooperative=market.argan)


def _stock(product):
    record = StockRecord.objects.get(product=product)
    return record.num_in_stock, record.num_allocated


def test_delivering_consumes_the_stock_and_books_the_cash(
    argan_shipment, market, django_capture_on_commit_callbacks
):
    assert _stock(market.oil) == (10, 2)
    tasks_run()  # the order's own messages
    mail.outbox.clear()
    services.shipment_accept(shipment=argan_shipment)
    with django_capture_on_commit_callbacks(execute=True):
        services.shipment_mark_shipped(shipment=argan_shipment, tracking_number="ca123456789ma")
    services.shipment_mark_delivered(shipment=argan_shipment)

    argan_shipment.refresh_from_db()
    assert argan_shipment.status == Status.DELIVERED
    assert argan_shipment.tracking_number == "CA123456789MA"
    assert _stock(market.oil) == (8, 0)
    cash = LedgerEntry.objects.get(shipment=argan_shipment, kind=LedgerEntry.Kind.CASH_COLLECTED)
    assert cash.amount == argan_shipment.total
    source = argan_shipment.order.sources.get()
    assert source.amount_debited == argan_shipment.total
    assert tasks_run() == 1
    assert [message.to for message in mail.outbox] == [["buyer@example.test"]]
    assert "CA123456789MA" in mail.outbox[0].body


@pytest.mark.parametrize("close", ["cancel_new", "cancel_accepted", "refuse"])
def test_closing_a_shipment_releases_the_stock_and_reverses_what_is_owed(
    argan_shipment, market, close
):
    if close == "cancel_new":
        services.shipment_cancel(shipment=argan_shipment, reason="Rupture")
    elif close == "cancel_accepted":
        services.shipment_accept(shipment=argan_shipment)
        services.shipment_cancel(shipment=argan_shipment, reason="Rupture")
    else:
        services.shipment_accept(shipment=argan_shipment)
        services.shipment_mark_shipped(shipment=argan_shipment, tracking_number="CA000000001MA")
        services.shipment_mark_refused(shipment=argan_shipment)

    assert _stock(market.oil) == (10, 0)
    owed = sum(
        LedgerEntry.objects.filter(
            shipment=argan_shipment, kind__in=LedgerEntry.OWED_KINDS
        ).values_list("amount", flat=True)
    )
    assert owed == Decimal("0.00")


@pytest.mark.parametrize(
    ("steps", "forbidden"),
    [
        ([], "ship"),
        ([], "deliver"),
        (["accept"], "accept"),
        (["accept"], "deliver"),
        (["accept", "ship"], "cancel"),
        (["cancel"], "accept"),
        (["accept", "ship", "deliver"], "refuse"),
    ],
)
def test_a_shipment_only_moves_along_its_path(argan_shipment, steps, forbidden):
    actions = {
        "accept": lambda s: services.shipment_accept(shipment=s),
        "ship": lambda s: services.shipment_mark_shipped(shipment=s, tracking_number="CA1234567MA"),
        "deliver": lambda s: services.shipment_mark_delivered(shipment=s),
        "cancel": lambda s: services.shipment_cancel(shipment=s, reason="Rupture"),
        "refuse": lambda s: services.shipment_mark_refused(shipment=s),
    }
    for step in steps:
        actions[step](argan_shipment)
    argan_shipment.refresh_from_db()
    before = (argan_shipment.status, LedgerEntry.objects.count())

    with pytest.raises(ValidationError):
        actions[forbidden](argan_shipment)

    argan_shipment.refresh_from_db()
    assert (argan_shipment.status, LedgerEntry.objects.count()) == before


@pytest.mark.parametrize("tracking", ["", "abc", "CA 123", "<script>", "X" * 31])
def test_an_amana_shipment_needs_a_real_tracking_number(argan_shipment, tracking):
    services.shipment_accept(shipment=argan_shipment)

    with pytest.raises(ValidationError):
        services.shipment_mark_shipped(shipment=argan_shipment, tracking_number=tracking)

    argan_shipment.refresh_from_db()
    assert argan_shipment.status == Status.ACCEPTED


def test_cancelling_needs_a_reason(argan_shipment):
    with pytest.raises(ValidationError):
        services.shipment_cancel(shipment=argan_shipment, reason="   ")


def test_the_order_status_follows_its_shipments(placed_order, market):
    argan, carpets = (
        CooperativeShipment.objects.get(order=placed_order, cooperative=c)
        for c in (market.argan, market.carpets)
    )
    assert placed_order.status == "Pending"
    services.shipment_accept(shipment=argan)
    placed_order.refresh_from_db()
    assert placed_order.status == "Being processed"
    services.shipment_mark_shipped(shipment=argan, tracking_number="CA123456789MA")
    services.shipment_cancel(shipment=carpets, reason="Rupture")
    placed_order.refresh_from_db()
    assert placed_order.status == "Shipped"
    services.shipment_mark_delivered(shipment=argan)
    placed_order.refresh_from_db()
    assert placed_order.status == "Complete"


def test_each_derived_status_goes_into_oscars_history_with_its_signal(placed_order, market):
    from oscar.apps.order.signals import order_status_changed

    argan, carpets = (
        CooperativeShipment.objects.get(order=placed_order, cooperative=c)
        for c in (market.argan, market.carpets)
    )
    heard = []

    def listener(sender, order, old_status, new_status, **kwargs):
        heard.append((order.pk, old_status, new_status))

    order_status_changed.connect(listener)
    try:
        services.shipment_accept(shipment=argan)
        services.shipment_mark_shipped(shipment=argan, tracking_number="CA123456789MA")
        services.shipment_cancel(shipment=carpets, reason="Rupture")
        services.shipment_mark_delivered(shipment=argan)
    finally:
        order_status_changed.disconnect(listener)

    moves = [
        ("Pending", "Being processed"),
        ("Being processed", "Shipped"),
        ("Shipped", "Complete"),
    ]
    history = placed_order.status_changes.order_by("date_created", "pk")
    assert [(c.old_status, c.new_status) for c in history] == moves
    assert heard == [(placed_order.pk, *move) for move in moves]


def test_what_a_cooperative_is_owed_becomes_payable_on_delivery(argan_shipment, market):
    since = argan_shipment.created_at
    summary = selectors.cooperative_sales_summary(cooperative=market.argan, since=since)
    assert summary["sales"] == Decimal("240.00")
    assert summary["owed"] == argan_shipment.amount_owed
    assert summary["payable"] == Decimal("0.00")

    services.shipment_accept(shipment=argan_shipment)
    services.shipment_mark_shipped(shipment=argan_shipment, tracking_number="CA123456789MA")
    services.shipment_mark_delivered(shipment=argan_shipment)

    summary = selectors.cooperative_sales_summary(cooperative=market.argan, since=since)
    assert summary["payable"] == argan_shipment.amount_owed


@pytest.mark.parametrize(
    ("grams", "same_region", "price"),
    [
        (1, True, "25.00"),
        (1000, True, "25.00"),
        (1001, False, "45.00"),
        (5000, False, "55.00"),
        (20000, True, "80.00"),
        (20001, True, "83.00"),
        (23500, False, "126.00"),
    ],
)
def test_amana_rates_follow_the_weight_bands(grams, same_region, price):
    assert amana_rate(weight_grams=grams, same_region=same_region) == Decimal(price)
