"""On PostgreSQL, buyers racing for the last units never oversell: row locks queue them."""

import threading

import pytest
from django.db import connection
from django.test import Client
from oscar.apps.partner.models import StockRecord

from cooperatives.models import Region
from cooperatives.services import regions_ensure, shipping_country_ensure
from marketplace.apps.order.models import Order
from tests.factories import CooperativeFactory, product_create

# serialized_rollback: start from the migrated database (Site, regions...), whatever the
# transactional test before left.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BUYERS = 20
STOCK = 5


def _client_at_preview(product, cooperative, number: int) -> Client:
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
        ("/checkout/shipping-method/", {f"delivery_{cooperative.slug}": "amana"}),
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
    barrier = threading.Barrier(BUYERS)
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

    assert len(results) == BUYERS
    placed = [result for result in results if result[1].endswith("/checkout/thank-you/")]
    assert len(placed) == STOCK
    assert Order.objects.filter(lines__product=product).count() == STOCK
    record = StockRecord.objects.get(product=product)
    assert (record.num_in_stock, record.num_allocated) == (STOCK, STOCK)
