"""A guest buys from two cooperatives with cash on delivery, through the real pages."""

from decimal import Decimal

import pytest
from django.core import mail
from oscar.apps.partner.models import StockRecord

from cooperatives.models import CooperativeShipment, LedgerEntry
from cooperatives.selectors import parcel_lines
from marketplace.apps.order.models import Order
from tests.background import tasks_run
from tests.journeys import add_to_basket, guest_checkout_until_preview

pytestmark = pytest.mark.django_db


def test_a_guest_order_from_two_cooperatives_makes_two_shipments_and_three_emails(
    django_app, market, django_capture_on_commit_callbacks
):
    add_to_basket(django_app, market.oil, 2)
    add_to_basket(django_app, market.amlou, 1)
    add_to_basket(django_app, market.carpet, 1)

    preview = guest_checkout_until_preview(django_app)
    assert preview.request.path == "/checkout/preview/"
    groups = preview.html.select(".souk-cooperative-group")
    assert [group["data-cooperative"] for group in groups] == [
        market.argan.slug,
        market.carpets.slug,
    ]
    with django_capture_on_commit_callbacks(execute=True):
        thank_you = preview.forms["place_order_form"].submit().maybe_follow()

    assert thank_you.request.path == "/checkout/thank-you/"
    order = Order.objects.get(guest_email="fatima@example.test")
    # Argan: 2 × 120.00 + 45.50 = 285.50, 1,250 g inside its region → 32.00; 10 % commission.
    # Carpets: 300.00, 2,000 g to another region → 45.00; 8 % commission.
    assert order.total_incl_tax == Decimal("662.50")
    assert order.shipping_incl_tax == Decimal("77.00")
    assert order.payment_method == "cash-on-delivery"
    assert order.language == "fr"
    argan = CooperativeShipment.objects.get(order=order, cooperative=market.argan)
    carpets = CooperativeShipment.objects.get(order=order, cooperative=market.carpets)
    assert sorted((line.title, line.quantity) for line in parcel_lines(parcel=argan)) == [
        ("Amlou test", 1),
        ("Huile test", 2),
    ]
    assert [(line.title, line.quantity) for line in parcel_lines(parcel=carpets)] == [
        ("Tapis test", 1)
    ]
    assert (argan.items_total, argan.shipping_charge) == (Decimal("285.50"), Decimal("32.00"))
    assert (argan.commission_rate, argan.commission_amount) == (Decimal("0.1000"), Decimal("28.55"))
    assert argan.amount_owed == Decimal("288.95")
    assert (carpets.items_total, carpets.shipping_charge) == (Decimal("300.00"), Decimal("45.00"))
    assert (carpets.commission_amount, carpets.amount_owed) == (Decimal("24.00"), Decimal("321.00"))
    assert argan.status == carpets.status == CooperativeShipment.Status.NEW
    assert sorted(LedgerEntry.objects.filter(shipment=argan).values_list("kind", "amount")) == [
        ("commission", Decimal("-28.55")),
        ("sale", Decimal("285.50")),
        ("shipping", Decimal("32.00")),
    ]
    # Stock is allocated, not yet consumed.
    assert StockRecord.objects.get(product=market.oil).num_allocated == 2
    assert StockRecord.objects.get(product=market.carpet).num_allocated == 1

    assert mail.outbox == []  # sent by the background worker, not the shopper's request
    assert tasks_run() == 3
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["fatima@example.test", "staff@argan.test", "staff@tapis.test"]
    customer_mail = next(m for m in mail.outbox if m.to == ["fatima@example.test"])
    assert order.number in customer_mail.subject
    assert "Coopérative Argan Test" in customer_mail.body
    assert "Coopérative Tapis Test" in customer_mail.body
    carpets_mail = next(m for m in mail.outbox if m.to == ["staff@tapis.test"])
    assert order.number in carpets_mail.subject
    assert "طلبية" in carpets_mail.subject or "طلب" in carpets_mail.subject  # in Arabic
    assert "Huile test" not in carpets_mail.body

    assert "Coopérative Argan Test" in thank_you.text
    assert thank_you.html.select(".souk-shipment")[0]["data-status"] == "new"
