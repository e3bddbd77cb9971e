"""A customer with an account checks out and follows the order in their account."""

import pytest
from oscar.apps.address.models import Country, UserAddress

from marketplace.apps.order.models import Order
from tests.factories import UserFactory
from tests.journeys import add_to_basket, fill_address

pytestmark = pytest.mark.django_db


def _to_preview(app, address_page):
    delivery = fill_address(address_page).maybe_follow()
    payment = next(f for f in delivery.forms.values() if "csrfmiddlewaretoken" in f.fields)
    payment_page = payment.submit().maybe_follow()
    return next(f for f in payment_page.forms.values() if "method" in f.fields).submit().follow()


def test_a_customer_checks_out_and_sees_the_shipments_in_their_account(
    django_app, market, django_capture_on_commit_callbacks
):
    customer = UserFactory(email="youssef@example.test", first_name="Youssef")
    django_app.get("/", user=customer)
    add_to_basket(django_app, market.oil, 1)
    add_to_basket(django_app, market.carpet, 1)
    address_page = django_app.get("/checkout/").maybe_follow()
    assert address_page.request.path == "/checkout/shipping-address/"

    preview = _to_preview(django_app, address_page)
    with django_capture_on_commit_callbacks(execute=True):
        preview.forms["place_order_form"].submit().follow()

    order = Order.objects.get(user=customer)
    assert order.email == "youssef@example.test"
    page = django_app.get(f"/accounts/orders/{order.number}/")
    assert len(page.html.select(".souk-shipment")) == 2
    assert market.argan.name in page.text


def test_a_saved_address_without_region_or_mobile_is_sent_back_to_be_completed(django_app, market):
    customer = UserFactory()
    saved = UserAddress.objects.create(
        user=customer,
        first_name="Youssef",
        last_name="Test",
        line1="3, rue de Fès",
        line4="Rabat",
        country=Country.objects.get(iso_3166_1_a2="MA"),
    )
    django_app.get("/", user=customer)
    add_to_basket(django_app, market.oil, 1)
    address_page = django_app.get("/checkout/").maybe_follow()
    ship_to = next(
        f for f in address_page.forms.values() if f.get("address_id", default=None) is not None
    )
    assert ship_to["address_id"].value == str(saved.pk)

    response = ship_to.submit().maybe_follow().maybe_follow()

    assert response.request.path == "/checkout/shipping-address/"
    assert not Order.objects.filter(user=customer).exists()
