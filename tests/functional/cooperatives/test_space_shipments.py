"""A cooperative's staff follow their shipments from their phone: accept, send, deliver."""

import pytest
from django.urls import reverse

from cooperatives.models import CooperativeShipment, LedgerEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_shipment(placed_order, market):
    return CooperativeShipment.objects.get(order=placed_order, cooperative=market.argan)


def test_the_space_says_what_to_do_now(django_app, market, own_shipment):
    page = django_app.get("/my-cooperative/", user=market.argan_staff)

    assert page.html.select_one("#new-count").text == "1"
    rows = page.html.select(".souk-shipment-row")
    assert [row["href"] for row in rows] == [f"/my-cooperative/shipments/{own_shipment.pk}/"]
    assert own_shipment.order.number in rows[0].text


def test_staff_accept_send_and_deliver_a_shipment_through_the_pages(
    django_app, market, own_shipment
):
    url = f"/my-cooperative/shipments/{own_shipment.pk}/"
    page = django_app.get(url, user=market.argan_staff)
    page = page.forms["accept-form"].submit().follow()
    assert page.html.select_one("#shipment-status").text.strip() == "Acceptée"

    form = next(f for f in page.forms.values() if "tracking_number" in f.fields)
    form["tracking_number"] = "short"
    page = form.submit().follow()
    assert page.html.select(".alert-danger, .alert-error")
    form = next(f for f in page.forms.values() if "tracking_number" in f.fields)
    form["tracking_number"] = "CA123456789MA"
    page = form.submit().follow()
    assert page.html.select_one("#shipment-status").text.strip() == "Expédiée"

    page = next(f for f in page.forms.values() if f.action.endswith("/deliver/")).submit().follow()
    own_shipment.refresh_from_db()
    assert own_shipment.status == CooperativeShipment.Status.DELIVERED
    assert LedgerEntry.objects.filter(
        shipment=own_shipment, kind=LedgerEntry.Kind.CASH_COLLECTED
    ).exists()


def test_staff_cancel_with_a_reason_the_customer_then_reads(
    django_app, market, own_shipment, placed_order
):
    page = django_app.get(f"/my-cooperative/shipments/{own_shipment.pk}/", user=market.argan_staff)
    form = next(f for f in page.forms.values() if f.action.endswith("/cancel/"))
    form["reason"] = "Récolte épuisée"
    form.submit().follow()

    # The guest opens the signed link from the e-mail and confirms their e-mail address.
    confirm = django_app.get(
        reverse(
            "customer:anon-order",
            kwargs={"order_number": placed_order.number, "hash": placed_order.verification_hash()},
        )
    ).follow()
    form = next(f for f in confirm.forms.values() if "email" in f.fields)
    form["email"] = "buyer@example.test"
    status_page = form.submit().follow()
    assert "Récolte épuisée" in status_page.text
    shipments = status_page.html.select(".souk-shipment")
    assert sorted(s["data-status"] for s in shipments) == ["cancelled", "new"]


def test_the_space_in_arabic_is_right_to_left(django_app, market, own_shipment):
    url = f"/ar/my-cooperative/shipments/{own_shipment.pk}/"
    page = django_app.get(url, user=market.argan_staff)

    assert page.html.html["dir"] == "rtl"
    assert page.html.html["lang"] == "ar"


def test_an_unknown_status_filter_shows_everything_with_a_notice(django_app, market, own_shipment):
    page = django_app.get("/my-cooperative/shipments/?status=<script>", user=market.argan_staff)

    assert page.status_code == 200
    assert len(page.html.select(".souk-shipment-row")) == 1
    assert "Statut inconnu" in page.text
