"""Hostile requests at every checkout step: nothing is placed, stored or changed, never a 500."""

import pytest
from django.contrib.auth import get_user_model
from oscar.apps.address.models import Country, UserAddress

from marketplace.apps.order.models import Order
from tests.factories import UserFactory
from tests.functional.hostile.tools import HUGE_ID, LONG, NUL, csrf_token, post
from tests.functional.hostile.tools import text_in_french as fr
from tests.journeys import (
    ADDRESS,
    add_to_basket,
    checkout_as_guest,
    fill_address,
    guest_checkout_until_preview,
)

pytestmark = pytest.mark.django_db

NOT_YOURS = "Choose one of your own addresses, or enter a new one."


def _address(user, **fields):
    return UserAddress.objects.create(
        user=user,
        first_name="Youssef",
        last_name="Test",
        line1="3, rue de Fès",
        line4="Rabat",
        country=Country.objects.get(iso_3166_1_a2="MA"),
        **fields,
    )


@pytest.fixture
def customer_at_address_step(django_app, market):
    customer = UserFactory()
    django_app.get("/", user=customer)
    add_to_basket(django_app, market.oil, 1)
    page = django_app.get("/checkout/").maybe_follow()
    assert page.request.path == "/checkout/shipping-address/"
    return customer


@pytest.mark.parametrize("address_id", [HUGE_ID, "abc", NUL, "-1", "", "١", "theirs"])
def test_shipping_to_an_address_that_is_not_the_customers_is_refused_with_a_message(
    django_app, customer_at_address_step, address_id
):
    theirs = _address(UserFactory())
    if address_id == "theirs":
        address_id = str(theirs.pk)
    token = csrf_token(django_app, "/checkout/shipping-address/")

    response = post(
        django_app,
        "/checkout/shipping-address/",
        {"address_id": address_id, "action": "ship_to"},
        token=token,
    )

    assert response.status_code == 302
    assert response.location.endswith("/checkout/shipping-address/")
    assert fr(NOT_YOURS) in response.follow().html.text
    shipping = django_app.session.get("checkout_data", {}).get("shipping", {})
    assert not shipping.get("user_address_id")
    assert UserAddress.objects.get(pk=theirs.pk).user_id != customer_at_address_step.pk


def test_shipping_to_the_customers_own_address_still_works(django_app, customer_at_address_step):
    own = _address(customer_at_address_step, phone_number="+212661234567")
    token = csrf_token(django_app, "/checkout/shipping-address/")

    response = post(
        django_app,
        "/checkout/shipping-address/",
        {"address_id": str(own.pk), "action": "ship_to"},
        token=token,
    )

    assert response.status_code == 302
    assert django_app.session["checkout_data"]["shipping"]["user_address_id"] == own.pk


@pytest.mark.parametrize(
    "url", ["/checkout/user-address/edit/{}/", "/checkout/user-address/delete/{}/"]
)
def test_someone_elses_address_cannot_be_changed_or_deleted(
    django_app, customer_at_address_step, url
):
    theirs = _address(UserFactory())
    token = csrf_token(django_app, "/checkout/shipping-address/")

    response = post(django_app, url.format(theirs.pk), dict(ADDRESS), token=token)

    assert response.status_code == 404
    assert UserAddress.objects.get(pk=theirs.pk).line1 == "3, rue de Fès"


@pytest.mark.parametrize(
    "fields",
    [
        {"username": NUL, "options": "anonymous"},
        {"username": LONG, "options": "anonymous"},
        {"username": "guest@example.test", "options": "no-such-option"},
        {"username": "guest@example.test", "options": "existing", "password": NUL},
        {"username": "guest@example.test", "options": "existing", "password": LONG},
        {"username": "guest@example.test", "options": "new"},
    ],
    ids=["nul email", "long email", "bad option", "nul password", "long password", "new"],
)
def test_a_hostile_checkout_gateway_form_logs_nobody_in_and_creates_no_account(
    django_app, market, fields
):
    add_to_basket(django_app, market.oil, 1)
    token = csrf_token(django_app, "/checkout/")
    users = get_user_model().objects.count()

    response = post(django_app, "/checkout/", fields, token=token)

    assert response.status_code in (200, 302)
    assert get_user_model().objects.count() == users
    assert "_auth_user_id" not in django_app.session


ADDRESS_FIELDS = [*ADDRESS, "line2", "postcode", "notes"]
HOSTILE_ADDRESSES = [
    *[(field, NUL) for field in ADDRESS_FIELDS],
    # Every field but the courier's directions (a text) has a length limit.
    *[(field, LONG) for field in ADDRESS_FIELDS if field != "notes"],
    ("phone_number", HUGE_ID),
]


@pytest.mark.parametrize(("field", "value"), HOSTILE_ADDRESSES)
def test_a_hostile_address_is_shown_again_and_not_kept(django_app, market, field, value):
    add_to_basket(django_app, market.oil, 1)
    page = checkout_as_guest(django_app)

    response = fill_address(page, **{field: value})

    assert response.status_code == 200
    assert response.request.path == "/checkout/shipping-address/"
    assert not _session(django_app, "shipping").get("new_address_fields")


@pytest.mark.parametrize("region", [NUL, LONG, HUGE_ID, "abc", "-1"])
def test_a_hostile_region_is_shown_again_and_not_kept(django_app, market, region):
    add_to_basket(django_app, market.oil, 1)
    page = checkout_as_guest(django_app)
    form = page.forms[next(key for key, form in page.forms.items() if "line1" in form.fields)]
    for name, value in ADDRESS.items():
        form[name] = value
    form["region"].force_value(region)

    response = form.submit()

    assert response.status_code == 200
    assert not _session(django_app, "shipping").get("new_address_fields")


def _session(app, section: str) -> dict:
    return app.session.get("checkout_data", {}).get(section, {})


def _token(page) -> str:
    return next(
        form["csrfmiddlewaretoken"].value
        for form in page.forms.values()
        if "csrfmiddlewaretoken" in form.fields
    )


def _at_delivery_step(app, market):
    add_to_basket(app, market.oil, 1)
    page = checkout_as_guest(app)
    return fill_address(page).maybe_follow()


@pytest.mark.parametrize(
    "fields",
    [
        {"delivery_no-such-cooperative": "amana"},
        {"delivery_{slug}": NUL},
        {"delivery_{slug}": "teleport"},
        {"delivery_{slug}": LONG},
        {},
    ],
    ids=["unknown cooperative", "nul", "unknown method", "long", "nothing"],
)
def test_a_hostile_delivery_choice_is_refused_and_not_kept(django_app, market, fields):
    page = _at_delivery_step(django_app, market)
    token = _token(page)
    fields = {name.format(slug=market.argan.slug): value for name, value in fields.items()}

    response = post(django_app, "/checkout/shipping-method/", fields, token=token)

    assert response.status_code == 200
    assert not _session(django_app, "shipping").get("method_code")


@pytest.mark.parametrize("method", [NUL, "bitcoin", LONG, ""])
def test_a_hostile_payment_method_is_refused_and_not_kept(django_app, market, method):
    delivery = _at_delivery_step(django_app, market)
    delivery_form = next(f for f in delivery.forms.values() if "csrfmiddlewaretoken" in f.fields)
    page = delivery_form.submit().maybe_follow()
    assert page.request.path == "/checkout/payment-method/"

    response = post(django_app, "/checkout/payment-method/", {"method": method}, token=_token(page))

    assert response.status_code == 200
    assert not _session(django_app, "payment").get("method")


@pytest.mark.parametrize("action", [NUL, "no_such_action", LONG, ""])
def test_a_hostile_preview_submission_places_no_order(django_app, market, action):
    add_to_basket(django_app, market.oil, 1)
    guest_checkout_until_preview(django_app, email="hostile@example.test")
    token = csrf_token(django_app, "/checkout/preview/")

    post(django_app, "/checkout/preview/", {"action": action}, token=token)
    post(django_app, "/checkout/payment-details/", {"action": action}, token=token)

    assert not Order.objects.filter(guest_email="hostile@example.test").exists()


@pytest.mark.parametrize(
    "query",
    ["order_id=abc", f"order_id={HUGE_ID}", "order_id=%00", "order_number=%00", "order_id=-1"],
)
def test_an_operators_malformed_thank_you_preview_goes_home(django_app, query):
    operator = UserFactory(is_staff=True, is_superuser=True)

    response = django_app.get(f"/checkout/thank-you/?{query}", user=operator)

    assert response.status_code == 302
    assert response.location == "/"


@pytest.mark.parametrize("query", ["order_id=abc", "order_number=%00", "cancelled=%00"])
def test_a_visitor_without_an_order_is_sent_away_from_the_thank_you_pages(django_app, query):
    assert django_app.get(f"/checkout/thank-you/?{query}").status_code == 302
    assert django_app.get(f"/checkout/card/return/?{query}").status_code == 302
