"""On PostgreSQL, buyers racing for the last units never oversell: row locks queue them."""

import threading
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from oscar.apps.partner.models import StockRecord

from catalogue.services import basket_save
from cooperatives.models import Region
from cooperatives.services import regions_ensure, shipping_country_ensure
from marketplace.apps.order.models import Order
from tests.factories import CooperativeFactory, product_create
from tests.journeys import hub_create

# serialized_rollback: start from the migrated database (Site, regions...), whatever the
# transactional test before left.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BUYERS = 20
STOCK = 5


def _client_at_preview(product, cooperative, number: int, delivery=None) -> Client:
    """A guest's browser that has filled everything and is about to press "Place order"."""
    client = Client()
    steps = [
        (f"/basket/add/{product.pk}/", {"quantity": 1}),
        ("/checkout/", {"username": f"buyer{number}@example.test", "options": "anonymous"}),
        (
            "/checkout/shipping-address/",
            {
                "first_name": "Buyer",
                "last_name": str(number),
                "phone_number": "0661234567",
                "line1": "1, avenue Hassan II",
                "line4": "Agadir",
                "region": Region.objects.get(code="MA-09").pk,
            },
        ),
        ("/checkout/shipping-method/", delivery or {f"delivery_{cooperative.slug}": "amana"}),
        ("/checkout/payment-method/", {"method": "cash-on-delivery"}),
    ]
    for path, data in steps:
        response = client.post(path, data)
        assert response.status_code == 302, (path, response.content[:500])
    assert client.get("/checkout/preview/").status_code == 200
    return client


def test_twenty_simultaneous_buyers_of_five_units_make_exactly_five_orders():
    if connection.vendor != "postgresql":
        pytest.skip("Row locking is only meaningful on PostgreSQL (set DATABASE_URL)")
    regions_ensure()
    shipping_country_ensure()
    cooperative = CooperativeFactory(region=Region.objects.get(code="MA-09"))
    product = product_create(cooperative=cooperative, title="Dernières unités", stock=STOCK)
    clients = [_client_at_preview(product, cooperative, n) for n in range(BUYERS)]

    results = _buy_all_at_once(clients)

    assert len(results) == BUYERS
    placed = [result for result in results if result[1].endswith("/checkout/thank-you/")]
    assert len(placed) == STOCK
    assert Order.objects.filter(lines__product=product).count() == STOCK
    record = StockRecord.objects.get(product=product)
    assert (record.num_in_stock, record.num_allocated) == (STOCK, STOCK)


def _buy_all_at_once(clients: list[Client]) -> list[tuple[int, str]]:
    barrier = threading.Barrier(len(clients))
    results: list[tuple[int, str]] = []
    lock = threading.Lock()

    def buy(client: Client) -> None:
        try:
            barrier.wait(timeout=30)
            response = client.post("/checkout/preview/", {"action": "place_order"})
            with lock:
                results.append((response.status_code, response.get("Location", "")))
        finally:
            connection.close()

    threads = [threading.Thread(target=buy, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def test_buyers_racing_for_the_last_solidarity_basket_never_oversell_its_components():
    """Ten buyers want the last basket (it needs both remaining jars) while two others want one
    jar each: either one basket or two jars are sold, never more than the stock."""
    if connection.vendor != "postgresql":
        pytest.skip("Row locking is only meaningful on PostgreSQL (set DATABASE_URL)")
    regions_ensure()
    shipping_country_ensure()
    honey_coop = CooperativeFactory(region=Region.objects.get(code="MA-09"))
    dates_coop = CooperativeFactory(region=Region.objects.get(code="MA-08"))
    honey = product_create(cooperative=honey_coop, title="Miel, derniers pots", stock=2)
    dates = product_create(cooperative=dates_coop, title="Dattes", stock=10)
    basket = basket_save(
        data={
            "title_fr": "Panier du dernier pot",
            "title_ar": "سلة",
            "title_en": "Last jar basket",
            "price": Decimal("150.00"),
            "commission_rate": Decimal("0"),
            "hub": hub_create(),
            "components": [(honey, 2), (dates, 1)],
        }
    )
    hub = basket.solidarity_basket.hub
    basket_buyers = [
        _client_at_preview(basket, None, n, delivery={f"delivery_hub:{hub.pk}": "amana"})
        for n in range(10)
    ]
    jar_buyers = [_client_at_preview(honey, honey_coop, 100 + n) for n in range(2)]

    results = _buy_all_at_once(basket_buyers + jar_buyers)

    assert len(results) == 12
    baskets_sold = Order.objects.filter(lines__product=basket).count()
    jars_sold = Order.objects.filter(lines__product=honey).count()
    assert (baskets_sold, jars_sold) in {(1, 0), (0, 2)}
    placed = [result for result in results if result[1].endswith("/checkout/thank-you/")]
    assert len(placed) == baskets_sold + jars_sold
    honey_record = StockRecord.objects.get(product=honey)
    dates_record = StockRecord.objects.get(product=dates)
    assert (honey_record.num_in_stock, honey_record.num_allocated) == (2, 2)
    assert (dates_record.num_in_stock, dates_record.num_allocated or 0) == (10, baskets_sold)
