"""Solidarity baskets: stock from the components, orders split per cooperative towards the hub,
shares of the price to the centime, the ledger and cancellations."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from oscar.apps.partner.models import StockRecord

from catalogue.models import Product
from catalogue.selectors import basket_cooperative_shares
from cooperatives import services
from cooperatives.models import BasketShare, CooperativeShipment, HubShipment, LedgerEntry
from cooperatives.selectors import order_parcels_lines, parcel_lines
from marketplace.apps.order.models import Order
from marketplace.apps.partner.strategy import Selector
from marketplace.money import money
from tests.factories import CooperativeFactory, product_create
from tests.journeys import add_to_basket, basket_create, guest_checkout_until_preview

pytestmark = pytest.mark.django_db
Status = CooperativeShipment.Status


def _available(product) -> int:
    # As a request would: a fresh product (a basket reads its components once per object).
    info = Selector().strategy().fetch_for_product(Product.objects.get(pk=product.pk))
    return info.availability.num_available


def _set_stock(product, in_stock: int, allocated: int = 0) -> None:
    StockRecord.objects.filter(product=product).update(
        num_in_stock=in_stock, num_allocated=allocated
    )


def _stock(product) -> tuple[int, int]:
    record = StockRecord.objects.get(product=product)
    return record.num_in_stock, record.num_allocated


def test_availability_is_the_scarcest_component_divided_by_its_quantity(market, solidarity_basket):
    # oil 10 / 1, amlou 10 / 2, carpet 5 / 1
    assert _available(solidarity_basket) == 5
    _set_stock(market.amlou, 7)
    assert _available(solidarity_basket) == 3
    _set_stock(market.carpet, 5, allocated=4)
    assert _available(solidarity_basket) == 1
    _set_stock(market.oil, 0)
    assert _available(solidarity_basket) == 0
    info = Selector().strategy().fetch_for_product(Product.objects.get(pk=solidarity_basket.pk))
    assert info.availability.is_purchase_permitted(1)[0] is False


def test_a_basket_is_unavailable_once_a_component_is_no_longer_sold(market, solidarity_basket):
    services.cooperative_suspend(cooperative=market.carpets)
    assert _available(solidarity_basket) == 0
    from catalogue.selectors import product_list_sellable

    assert not product_list_sellable().filter(pk=solidarity_basket.pk).exists()


def test_a_basket_needs_products_of_two_cooperatives(market):
    with pytest.raises(ValidationError) as error:
        basket_create(market, components=[(market.oil, 1), (market.amlou, 3)])
    assert "components" in error.value.message_dict
    with pytest.raises(ValidationError):
        basket_create(market, components=[(market.oil, 1), (market.carpet, 0)])


@pytest.mark.parametrize(
    ("price", "quantities", "expected"),
    [
        # components' value: argan 120 + 2 × 45.50 = 211, carpets 300: total 511
        ("250.00", (1, 2, 1), {"argan": Decimal("103.23"), "carpets": Decimal("146.77")}),
        ("0.01", (1, 2, 1), {"argan": Decimal("0.00"), "carpets": Decimal("0.01")}),
        ("99999.99", (3, 7, 1), None),
        ("333.33", (1, 1, 2), None),
        ("10.01", (2, 3, 1), None),
    ],
)
def test_shares_add_up_exactly_to_the_price(market, price, quantities, expected):
    oil, amlou, carpet = quantities
    product = basket_create(
        market,
        price=price,
        components=[(market.oil, oil), (market.amlou, amlou), (market.carpet, carpet)],
    )
    shares = basket_cooperative_shares(basket=product.solidarity_basket, price=Decimal(price))
    assert sum(share.amount for share in shares) == Decimal(price)
    values = {share.cooperative.pk: share.value for share in shares}
    argan_value = Decimal("120.00") * oil + Decimal("45.50") * amlou
    assert values == {market.argan.pk: argan_value, market.carpets.pk: Decimal("300.00") * carpet}
    for share in shares:
        exact = Decimal(price) * share.value / sum(values.values())
        assert abs(share.amount - exact) < Decimal("0.01")
    if expected is not None:
        by_name = {"argan": market.argan.pk, "carpets": market.carpets.pk}
        assert {
            name: next(s.amount for s in shares if s.cooperative.pk == pk)
            for name, pk in by_name.items()
        } == expected


def _order_placed(app_factory, capture, *items, email: str) -> Order:
    """A guest buys these (product, quantity) pairs, cash on delivery."""
    app = app_factory(csrf_checks=True)
    for product, quantity in items:
        add_to_basket(app, product, quantity)
    preview = guest_checkout_until_preview(app, email=email)
    with capture(execute=True):
        preview.forms["place_order_form"].submit()
    return Order.objects.get(guest_email=email)


@pytest.fixture
def basket_order(django_app_factory, market, solidarity_basket, django_capture_on_commit_callbacks):
    """A guest buys 2 baskets and 1 oil, cash on delivery."""
    return _order_placed(
        django_app_factory,
        django_capture_on_commit_callbacks,
        (solidarity_basket, 2),
        (market.oil, 1),
        email="panier@example.test",
    )


def test_each_line_of_an_order_travels_in_exactly_one_parcel(
    basket_order, django_assert_max_num_queries
):
    with django_assert_max_num_queries(5):
        parcels = order_parcels_lines(order=basket_order)

    carried = sorted(line.pk for _parcel, lines in parcels for line in lines)
    assert carried == sorted(basket_order.lines.values_list("pk", flat=True))
    to_hub = [lines for parcel, lines in parcels if getattr(parcel, "is_to_hub", False)]
    assert to_hub
    assert all(lines == [] for lines in to_hub)  # a parcel to a hub holds components, not lines


def test_a_basket_order_splits_into_cooperative_parcels_for_the_hub(
    basket_order, market, solidarity_basket
):
    hub = solidarity_basket.solidarity_basket.hub
    direct = CooperativeShipment.objects.get(order=basket_order, hub=None)
    assert direct.cooperative == market.argan
    assert [(line.product, line.quantity) for line in parcel_lines(parcel=direct)] == [
        (market.oil, 1)
    ]

    argan_to_hub = CooperativeShipment.objects.get(
        order=basket_order, hub=hub, cooperative=market.argan
    )
    carpets_to_hub = CooperativeShipment.objects.get(
        order=basket_order, hub=hub, cooperative=market.carpets
    )
    assert list(parcel_lines(parcel=argan_to_hub)) == []
    assert [(s.product, s.quantity) for s in argan_to_hub.basket_shares.all()] == [
        (market.oil, 2),
        (market.amlou, 4),
    ]
    assert [(s.product, s.quantity) for s in carpets_to_hub.basket_shares.all()] == [
        (market.carpet, 2)
    ]
    assert argan_to_hub.shipping_charge == carpets_to_hub.shipping_charge == Decimal("0.00")

    outbound = HubShipment.objects.get(order=basket_order)
    basket_line = basket_order.lines.get(product=solidarity_basket)
    assert outbound.items_total == basket_line.line_price_incl_tax == Decimal("500.00")
    assert outbound.shipping_charge > 0
    assert list(parcel_lines(parcel=outbound)) == [basket_line]
    shares = BasketShare.objects.filter(line=basket_line)
    assert sum(share.amount for share in shares) == Decimal("500.00")
    assert argan_to_hub.items_total + carpets_to_hub.items_total == Decimal("500.00")
    # Everything the customer pays is a parcel's total: theirs, the hub's.
    assert basket_order.total_incl_tax == direct.total + outbound.total
    # The components' stock is allocated (and the oil bought alone).
    assert _stock(market.oil) == (10, 3)
    assert _stock(market.amlou) == (10, 4)
    assert _stock(market.carpet) == (5, 2)


def test_the_buyer_sees_the_hubs_parcel_of_baskets_not_the_cooperatives_parcels_to_the_hub(
    django_app_factory, basket_order, market, solidarity_basket
):
    confirm = (
        django_app_factory()
        .get(
            reverse(
                "customer:anon-order",
                kwargs={
                    "order_number": basket_order.number,
                    "hash": basket_order.verification_hash(),
                },
            )
        )
        .follow()
    )
    form = next(f for f in confirm.forms.values() if "email" in f.fields)
    form["email"] = "panier@example.test"
    page = form.submit().follow()
    parcels = page.html.select(".souk-shipment")
    # The argan cooperative's own parcel (the oil) and the hub's parcel of two baskets.
    assert len(parcels) == 2
    own, baskets = parcels
    assert "Huile test" in own.text
    assert "souk-hub-shipment" in baskets["class"]
    assert "Hub test Casablanca" in baskets.text
    assert f"2 × {solidarity_basket.get_title()}" in " ".join(baskets.text.split())
    contributors = baskets.select_one(".souk-parcel-cooperatives").text
    assert market.argan.name in contributors
    assert market.carpets.name in contributors
    # Shares paid to cooperatives are not the buyer's business: no parcel shows them.
    to_hub = CooperativeShipment.objects.filter(order=basket_order, hub__isnull=False)
    for shipment in to_hub:
        assert money(shipment.items_total) > 0
        assert f"{shipment.items_total:.2f}".replace(".", ",") not in page.text
    totals = [
        Decimal(p.select("li")[-1].select("span")[-1].text.split()[0].replace(",", "."))
        for p in parcels
    ]
    assert sum(totals) == basket_order.total_incl_tax


def test_each_share_is_booked_with_the_baskets_own_commission(
    django_app_factory, market, django_capture_on_commit_callbacks
):
    product = basket_create(market, price="99.99", commission_rate="0.05")
    order = _order_placed(
        django_app_factory,
        django_capture_on_commit_callbacks,
        (product, 3),
        email="commission@example.test",
    )
    shares = list(BasketShare.objects.filter(line__order=order))
    assert sum(share.amount for share in shares) == Decimal("299.97")
    for share in shares:
        sale = LedgerEntry.objects.get(basket_share=share, kind=LedgerEntry.Kind.SALE)
        commission = LedgerEntry.objects.get(basket_share=share, kind=LedgerEntry.Kind.COMMISSION)
        assert sale.amount == share.amount
        assert sale.cooperative == share.shipment.cooperative
        assert commission.amount == -money(share.amount * Decimal("0.05"))
    for shipment in order.shipments.all():
        assert shipment.commission_rate == Decimal("0.0500")
        assert shipment.amount_owed == shipment.items_total - shipment.commission_amount


def test_each_cooperative_is_booked_the_share_its_basket_page_shows(
    django_app_factory, market, django_capture_on_commit_callbacks
):
    # At 249.99 a split component by component gives argan 58.71 + 44.52 = 103.23 and carpets
    # 146.76, while the split by cooperative the page shows gives 103.22 and 146.77.
    product = basket_create(market, price="249.99")
    page = django_app_factory().get(product.get_absolute_url())
    assert "103,22" in page.text
    assert "146,77" in page.text
    order = _order_placed(
        django_app_factory,
        django_capture_on_commit_callbacks,
        (product, 1),
        email="page@example.test",
    )
    booked = {
        shipment.cooperative_id: shipment.items_total
        for shipment in order.shipments.filter(hub__isnull=False)
    }
    assert booked == {market.argan.pk: Decimal("103.22"), market.carpets.pk: Decimal("146.77")}
    assert {
        share.product_id: share.amount for share in BasketShare.objects.filter(line__order=order)
    } == {
        market.oil.pk: Decimal("58.70"),
        market.amlou.pk: Decimal("44.52"),
        market.carpet.pk: Decimal("146.77"),
    }


def test_a_cooperative_whose_slug_looks_like_a_hub_keeps_its_own_parcel(
    django_app_factory, market, solidarity_basket, django_capture_on_commit_callbacks
):
    hub = solidarity_basket.solidarity_basket.hub
    lookalike = CooperativeFactory(slug=f"hub-{hub.pk}", region=market.argan.region)
    honey = product_create(cooperative=lookalike, title="Miel test", price="80.00")
    order = _order_placed(
        django_app_factory,
        django_capture_on_commit_callbacks,
        (solidarity_basket, 1),
        (honey, 1),
        email="lookalike@example.test",
    )

    direct = CooperativeShipment.objects.get(order=order, cooperative=lookalike)
    assert [(line.product, line.quantity) for line in parcel_lines(parcel=direct)] == [(honey, 1)]
    assert direct.items_total == Decimal("80.00")
    outbound = HubShipment.objects.get(order=order)
    assert outbound.items_total == Decimal("250.00")
    assert order.total_incl_tax == direct.total + outbound.total


def test_a_zero_commission_basket_pays_the_cooperatives_everything(basket_order, solidarity_basket):
    to_hub = CooperativeShipment.objects.filter(order=basket_order, hub__isnull=False)
    assert sum(shipment.amount_owed for shipment in to_hub) == Decimal("500.00")
    assert not LedgerEntry.objects.filter(
        basket_share__line__order=basket_order, kind=LedgerEntry.Kind.COMMISSION
    ).exists()


def test_cancelling_the_hubs_parcel_cancels_the_cooperatives_parcels_and_releases_stock(
    basket_order, market
):
    outbound = HubShipment.objects.get(order=basket_order)
    with pytest.raises(ValidationError):
        services.hub_shipment_cancel(shipment=outbound, reason=" ")
    services.hub_shipment_cancel(shipment=outbound, reason="Adresse introuvable")

    to_hub = CooperativeShipment.objects.filter(order=basket_order, hub__isnull=False)
    assert {shipment.status for shipment in to_hub} == {Status.CANCELLED}
    assert _stock(market.oil) == (10, 1)  # the oil bought alone stays allocated
    assert _stock(market.amlou) == (10, 0)
    assert _stock(market.carpet) == (5, 0)
    reversed_total = sum(
        entry.amount
        for entry in LedgerEntry.objects.filter(shipment__in=to_hub, kind=LedgerEntry.Kind.REVERSAL)
    )
    assert reversed_total == Decimal("-500.00")


def test_components_received_at_the_hub_leave_the_stock_and_the_hub_ships_on(basket_order, market):
    for parcel in CooperativeShipment.objects.filter(order=basket_order, hub__isnull=False):
        services.shipment_accept(shipment=parcel)
        services.shipment_mark_shipped(shipment=parcel, tracking_number="CA000111222MA")
        services.shipment_mark_delivered(shipment=parcel)
    assert _stock(market.carpet) == (3, 0)
    # No cash changes hands at the hub's door: the buyer pays the hub's parcel.
    assert not LedgerEntry.objects.filter(
        shipment__order=basket_order,
        shipment__hub__isnull=False,
        kind=LedgerEntry.Kind.CASH_COLLECTED,
    ).exists()
    outbound = HubShipment.objects.get(order=basket_order)
    services.hub_shipment_accept(shipment=outbound)
    with pytest.raises(ValidationError):
        services.hub_shipment_mark_shipped(shipment=outbound, tracking_number="x")
    services.hub_shipment_mark_shipped(shipment=outbound, tracking_number="CA999888777MA")
    services.hub_shipment_mark_delivered(shipment=outbound)
    source = basket_order.sources.get()
    assert source.amount_debited == outbound.total


def test_a_cooperative_sees_what_to_send_the_hub_and_never_the_buyers_address(
    basket_order, market, django_app
):
    parcel = CooperativeShipment.objects.get(
        order=basket_order, hub__isnull=False, cooperative=market.carpets
    )
    page = django_app.get(f"/my-cooperative/shipments/{parcel.pk}/", user=market.carpets_staff)
    shares = [item.get_text(" ", strip=True) for item in page.html.select(".souk-basket-share")]
    assert len(shares) == 1
    assert shares[0].startswith("2 × Tapis test")
    hub = parcel.hub
    assert hub.address in page.html.select_one(".souk-send-to-hub").get_text()
    assert basket_order.shipping_address.line1 not in page.text
    # The argan cooperative's own parcel to the buyer is a different shipment it sees apart.
    listing = django_app.get("/my-cooperative/shipments/", user=market.argan_staff)
    assert len(listing.html.select(".souk-shipment-row")) == 2
