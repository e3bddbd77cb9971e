"""Operators build solidarity baskets and follow the hubs' parcels in Oscar's dashboard."""

from decimal import Decimal

import pytest
from django.utils.html import escape
from django.utils.translation import gettext

from catalogue.models import Product, SolidarityBasket
from cooperatives.models import HubShipment
from marketplace.apps.order.models import Order
from tests.factories import UserFactory
from tests.journeys import add_to_basket, guest_checkout_until_preview, hub_create

pytestmark = pytest.mark.django_db
Status = HubShipment.Status


@pytest.fixture
def operator(db):
    return UserFactory(is_staff=True)


def _fill_basket_form(form, *, hub, components, price="199.00"):
    form["title_fr"] = "Panier du Souss"
    form["title_ar"] = "سلة سوس"
    form["title_en"] = "Souss basket"
    form["description_fr"] = "Huile et tapis."
    form["price"] = price
    form["commission_rate"] = "0.05"
    form["hub"] = str(hub.pk)
    form["is_public"] = True
    for index, (product, quantity) in enumerate(components):
        form[f"components-{index}-product"] = str(product.pk)
        form[f"components-{index}-quantity"] = str(quantity)


def test_an_operator_creates_a_basket_through_the_form(django_app, operator, market):
    hub = hub_create()
    page = django_app.get("/dashboard/baskets/", user=operator)
    page = page.click(href="/dashboard/baskets/new/")
    form = page.forms["basket-form"]
    _fill_basket_form(form, hub=hub, components=[(market.oil, 1), (market.carpet, 2)])

    page = form.submit()

    assert page.status_code == 302
    assert page.location.endswith("/dashboard/baskets/")
    basket = SolidarityBasket.objects.get(product__title_en="Souss basket")
    assert basket.hub == hub
    assert basket.commission_rate == Decimal("0.0500")
    assert [(c.product, c.quantity) for c in basket.product.solidarity_basket.components.all()] == [
        (market.oil, 1),
        (market.carpet, 2),
    ]
    assert basket.product.stockrecords.get().price == Decimal("199.00")
    listing = page.follow()
    assert "Panier du Souss" in listing.text


def test_the_component_choices_exclude_baskets_and_name_the_cooperative(
    django_app, operator, market, solidarity_basket
):
    page = django_app.get("/dashboard/baskets/new/", user=operator)
    select = page.forms["basket-form"]["components-0-product"]
    options = {value: text for value, _selected, text in select.options}

    assert options[str(market.oil.pk)] == "Huile test — Coopérative Argan Test"
    assert str(solidarity_basket.pk) not in options


def test_a_basket_of_a_single_cooperative_is_refused(django_app, operator, market):
    hub = hub_create()
    before = (Product.objects.count(), SolidarityBasket.objects.count())
    form = django_app.get("/dashboard/baskets/new/", user=operator).forms["basket-form"]
    _fill_basket_form(form, hub=hub, components=[(market.oil, 1), (market.amlou, 2)])

    page = form.submit()

    assert page.status_code == 200
    message = gettext("A solidarity basket brings together products of at least two cooperatives.")
    assert escape(message) in page.text
    assert (Product.objects.count(), SolidarityBasket.objects.count()) == before


def test_a_price_out_of_range_shows_on_the_field(django_app, operator, market):
    hub = hub_create()
    before = SolidarityBasket.objects.count()
    form = django_app.get("/dashboard/baskets/new/", user=operator).forms["basket-form"]
    _fill_basket_form(form, hub=hub, components=[(market.oil, 1), (market.carpet, 1)], price="0")

    page = form.submit()

    assert page.status_code == 200
    assert page.forms["basket-form"]["price"].value == "0"
    assert SolidarityBasket.objects.count() == before


def test_an_operator_edits_a_baskets_price(django_app, operator, market, solidarity_basket):
    page = django_app.get("/dashboard/baskets/", user=operator)
    form = page.click(href=f"/dashboard/baskets/{solidarity_basket.pk}/edit/").forms["basket-form"]
    assert form["title_en"].value == "Test basket"
    assert form["components-1-product"].value == str(market.amlou.pk)
    assert form["components-1-quantity"].value == "2"
    form["price"] = "275.50"

    form.submit().follow()

    solidarity_basket.refresh_from_db()
    assert solidarity_basket.stockrecords.get().price == Decimal("275.50")
    components = solidarity_basket.solidarity_basket.components.all()
    assert [(c.product, c.quantity) for c in components] == [
        (market.oil, 1),
        (market.amlou, 2),
        (market.carpet, 1),
    ]


def test_an_operator_removes_a_component(django_app, operator, market, solidarity_basket):
    form = django_app.get(f"/dashboard/baskets/{solidarity_basket.pk}/edit/", user=operator).forms[
        "basket-form"
    ]
    form["components-1-DELETE"] = True

    form.submit().follow()

    components = solidarity_basket.solidarity_basket.components.all()
    assert [(c.product, c.quantity) for c in components] == [(market.oil, 1), (market.carpet, 1)]


# Hub parcels -------------------------------------------------------------------------------------


@pytest.fixture
def basket_order(django_app_factory, market, solidarity_basket, django_capture_on_commit_callbacks):
    """A guest buys 2 baskets and 1 oil, cash on delivery."""
    app = django_app_factory(csrf_checks=True)
    add_to_basket(app, solidarity_basket, 2)
    add_to_basket(app, market.oil, 1)
    preview = guest_checkout_until_preview(app, email="panier@example.test")
    with django_capture_on_commit_callbacks(execute=True):
        preview.forms["place_order_form"].submit()
    return Order.objects.get(guest_email="panier@example.test")


def _staff_paths(basket):
    return [
        "/dashboard/baskets/",
        "/dashboard/baskets/new/",
        f"/dashboard/baskets/{basket.pk}/edit/",
        "/dashboard/hub-shipments/",
    ]


def test_cooperative_staff_and_anonymous_users_never_reach_the_pages(
    django_app, market, basket_order, solidarity_basket
):
    shipment = HubShipment.objects.get(order=basket_order)
    paths = [*_staff_paths(solidarity_basket), f"/dashboard/hub-shipments/{shipment.pk}/"]
    for user in (market.argan_staff, None):
        for path in paths:
            response = django_app.get(path, user=user, expect_errors=True)
            assert response.status_code in (302, 403), path
            if response.status_code == 302:
                assert "login" in response.location, path
    response = django_app.post(
        f"/dashboard/hub-shipments/{shipment.pk}/",
        {"action": "accept"},
        user=market.argan_staff,
        expect_errors=True,
    )
    assert response.status_code in (302, 403)
    shipment.refresh_from_db()
    assert shipment.status == Status.NEW


def test_the_hub_parcels_list_filters_by_status(django_app, operator, basket_order):
    page = django_app.get("/dashboard/hub-shipments/", user=operator)
    assert basket_order.number in page.text
    assert "Panier test" in page.text

    page = django_app.get("/dashboard/hub-shipments/?status=delivered", user=operator)
    assert basket_order.number not in page.text


def test_a_hub_parcel_goes_from_accepted_to_delivered(django_app, operator, market, basket_order):
    shipment = HubShipment.objects.get(order=basket_order)
    page = django_app.get("/dashboard/hub-shipments/", user=operator)
    page = page.click(href=f"/dashboard/hub-shipments/{shipment.pk}/")
    assert "Coopérative Argan Test" in page.text  # the cooperatives' parcels to the hub
    assert "Tapis test" in page.text

    page = page.forms["hub-accept-form"].submit().follow()
    shipment.refresh_from_db()
    assert shipment.status == Status.ACCEPTED

    form = page.forms["hub-ship-form"]
    form["tracking_number"] = "ab123456789ma"
    page = form.submit().follow()
    shipment.refresh_from_db()
    assert (shipment.status, shipment.tracking_number) == (Status.SHIPPED, "AB123456789MA")

    page.forms["hub-deliver-form"].submit().follow()
    shipment.refresh_from_db()
    assert shipment.status == Status.DELIVERED


def test_a_bad_tracking_number_shows_an_error_and_changes_nothing(
    django_app, operator, basket_order
):
    shipment = HubShipment.objects.get(order=basket_order)
    page = django_app.get(f"/dashboard/hub-shipments/{shipment.pk}/", user=operator)
    page = page.forms["hub-accept-form"].submit().follow()
    form = page.forms["hub-ship-form"]
    form["tracking_number"] = "12"

    response = form.submit()

    assert response.status_code == 302
    page = response.follow()
    message = gettext("Enter the Amana tracking number (8 to 30 letters or digits).")
    assert escape(message) in page.text
    shipment.refresh_from_db()
    assert (shipment.status, shipment.tracking_number) == (Status.ACCEPTED, "")


def test_cancelling_needs_a_reason(django_app, operator, basket_order):
    shipment = HubShipment.objects.get(order=basket_order)
    page = django_app.get(f"/dashboard/hub-shipments/{shipment.pk}/", user=operator)
    page = page.forms["hub-cancel-form"].submit().follow()
    shipment.refresh_from_db()
    assert shipment.status == Status.NEW

    form = page.forms["hub-cancel-form"]
    form["reason"] = "Adresse introuvable"
    form.submit().follow()
    shipment.refresh_from_db()
    assert (shipment.status, shipment.cancellation_reason) == (
        Status.CANCELLED,
        "Adresse introuvable",
    )


def test_the_dashboard_menu_links_the_pages_for_operators_only(django_app, operator, market):
    from django.contrib.auth.models import Permission

    page = django_app.get("/dashboard/", user=operator)
    assert 'href="/dashboard/baskets/"' in page.text
    assert 'href="/dashboard/hub-shipments/"' in page.text

    market.argan_staff.user_permissions.add(Permission.objects.get(codename="dashboard_access"))
    page = django_app.get("/dashboard/", user=market.argan_staff)
    assert 'href="/dashboard/baskets/"' not in page.text
