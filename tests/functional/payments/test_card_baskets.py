"""Card orders holding solidarity baskets: an unpaid order that expires gives the components back,
and a refund lowers what each cooperative is owed by its part, never by the hub's delivery."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from oscar.apps.partner.models import StockRecord

from cooperatives.models import CooperativeShipment, HubShipment, LedgerEntry
from marketplace.apps.order.models import Order
from tests.factories import UserFactory
from tests.journeys import add_to_basket, checkout_as_guest, fill_address
from tests.stripe_fake import webhook_paid

pytestmark = pytest.mark.django_db
Status = CooperativeShipment.Status


@pytest.fixture
def basket_card_order(django_app, market, solidarity_basket, stripe_api):
    """A guest pays by card for 2 solidarity baskets delivered home and 1 oil; not yet paid."""
    add_to_basket(django_app, solidarity_basket, 2)
    add_to_basket(django_app, market.oil, 1)
    delivery = fill_address(checkout_as_guest(django_app, email="carte@example.test"))
    delivery = delivery.maybe_follow()
    payment = next(f for f in delivery.forms.values() if "csrfmiddlewaretoken" in f.fields)
    form = next(f for f in payment.submit().maybe_follow().forms.values() if "method" in f.fields)
    form["method"] = "card"
    response = form.submit().maybe_follow().forms["place_order_form"].submit()
    assert response.location.startswith("https://checkout.stripe.test/")
    return Order.objects.get(guest_email="carte@example.test")


def _allocated(product) -> int:
    return StockRecord.objects.get(product=product).num_allocated


def test_an_unpaid_basket_order_expires_and_gives_the_components_back(
    basket_card_order, market, settings, stripe_api, django_capture_on_commit_callbacks
):
    # 2 baskets (1 oil, 2 amlou, 1 carpet each) and 1 oil bought alone.
    assert (_allocated(market.oil), _allocated(market.amlou), _allocated(market.carpet)) == (
        3,
        4,
        2,
    )
    assert HubShipment.objects.get(order=basket_card_order).status == Status.AWAITING_PAYMENT
    settings.CARD_PAYMENT_EXPIRY_MINUTES = 30
    Order.objects.filter(pk=basket_card_order.pk).update(
        date_placed=timezone.now() - datetime.timedelta(minutes=31)
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("expire_unpaid_orders", stdout=open("/dev/null", "w"))  # noqa: SIM115

    basket_card_order.refresh_from_db()
    assert basket_card_order.status == "Cancelled"
    assert set(basket_card_order.shipments.values_list("status", flat=True)) == {Status.CANCELLED}
    assert basket_card_order.shipments.filter(hub__isnull=False).count() == 2
    assert HubShipment.objects.get(order=basket_card_order).status == Status.CANCELLED
    assert (_allocated(market.oil), _allocated(market.amlou), _allocated(market.carpet)) == (
        0,
        0,
        0,
    )
    assert not LedgerEntry.objects.filter(shipment__order=basket_card_order).exists()


def test_a_full_refund_takes_back_each_cooperatives_part_and_leaves_the_hubs_delivery(
    basket_card_order, django_app, stripe_api
):
    order = basket_card_order
    assert webhook_paid(django_app, order).text == "paid"
    hub_parcel = HubShipment.objects.get(order=order)
    assert hub_parcel.shipping_charge > 0
    operator = UserFactory(is_staff=True, is_superuser=True)
    form = django_app.get(f"/dashboard/orders/{order.number}/refund/", user=operator).forms[
        "refund-form"
    ]
    form["amount"] = str(order.total_incl_tax)
    form["reason"] = "Commande annulée par la cliente"
    form.submit().follow()

    for shipment in order.shipments.all():
        refunded = sum(
            entry.amount for entry in LedgerEntry.objects.filter(shipment=shipment, kind="refund")
        )
        # Each cooperative gives back exactly what its parcel was paid: its items and delivery.
        assert refunded == -shipment.total
    booked = LedgerEntry.objects.filter(shipment__order=order, kind="refund")
    assert sum(e.amount for e in booked) == -(order.total_incl_tax - hub_parcel.shipping_charge)
