"""Hostile requests to the accounts: logins, registration, password reset, profile, address
book, alerts, order history and re-ordering; redirects never leave the site."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from oscar.apps.address.models import UserAddress
from oscar.apps.customer.models import ProductAlert

from marketplace.apps.basket.models import Basket, Line
from tests.background import tasks_run
from tests.factories import UserFactory
from tests.functional.hostile.tools import HUGE_ID, LONG, NUL, csrf_token, post

pytestmark = pytest.mark.django_db

PASSWORD = "pass-1234-word"  # tests.factories.UserFactory's
HOSTILE_TEXTS = [NUL, LONG, "%ff", HUGE_ID, ""]
EVIL = ["https://evil.example/", "//evil.example/", "https:/\\evil.example/", "\\\\evil.example"]


def _users() -> int:
    return get_user_model().objects.count()


@pytest.mark.parametrize("value", HOSTILE_TEXTS, ids=["nul", "100 KB", "percent", "huge", "empty"])
def test_hostile_login_and_registration_forms_log_nobody_in(django_app, value):
    token = csrf_token(django_app, "/accounts/login/")
    users = _users()

    login = post(
        django_app,
        "/accounts/login/",
        {"login_submit": "1", "login-username": value, "login-password": value},
        token=token,
    )
    register = post(
        django_app,
        "/accounts/login/",
        {
            "registration_submit": "1",
            "registration-email": value,
            "registration-password1": value,
            "registration-password2": value,
        },
        token=token,
    )

    assert login.status_code == 200
    assert register.status_code == 200
    assert _users() == users
    assert "_auth_user_id" not in django_app.session


@pytest.mark.parametrize("value", HOSTILE_TEXTS, ids=["nul", "100 KB", "percent", "huge", "empty"])
def test_a_hostile_password_reset_request_sends_nothing(django_app, value):
    token = csrf_token(django_app, "/password-reset/")

    response = post(django_app, "/password-reset/", {"email": value}, token=token)

    assert response.status_code in (200, 302)
    tasks_run()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("uid", "token"),
    [("abc", "def"), ("%00", "%00"), ("MQ", "x" * 1000), (HUGE_ID, "set-password")],
)
def test_a_forged_password_reset_link_changes_no_password(client, uid, token):
    user = UserFactory()
    url = f"/password-reset/confirm/{uid}/{token}/"

    assert client.get(url).status_code in (200, 302, 404)
    response = client.post(
        url, {"new_password1": "N3w-pass-word", "new_password2": "N3w-pass-word"}
    )

    assert response.status_code in (200, 302, 404)
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


@pytest.mark.parametrize("target", EVIL)
def test_logging_in_never_redirects_off_site(django_app, target):
    user = UserFactory()
    token = csrf_token(django_app, "/accounts/login/")

    response = post(
        django_app,
        f"/accounts/login/?next={target}",
        {
            "login_submit": "1",
            "login-username": user.email,
            "login-password": PASSWORD,
            "login-redirect_url": target,
        },
        token=token,
    )

    assert response.status_code == 302
    assert "evil.example" not in response.location


@pytest.mark.parametrize("target", EVIL)
def test_choosing_a_language_never_redirects_off_site(django_app, target):
    token = csrf_token(django_app, "/accounts/login/")

    response = post(django_app, "/i18n/setlang/", {"language": "ar", "next": target}, token=token)

    assert response.status_code == 302
    assert "evil.example" not in response.location


@pytest.mark.parametrize("value", [NUL, LONG, "zz", ""])
def test_a_hostile_language_choice_answers_a_redirect(django_app, value):
    token = csrf_token(django_app, "/accounts/login/")

    response = post(django_app, "/i18n/setlang/", {"language": value, "next": value}, token=token)

    assert response.status_code == 302


@pytest.mark.parametrize("path", ["/_util/login/", "/dashboard/login/", "/cms/login/"])
@pytest.mark.parametrize("value", [NUL, LONG, ""], ids=["nul", "100 KB", "empty"])
def test_the_other_login_forms_refuse_hostile_input(django_app, path, value):
    token = csrf_token(django_app, path)

    response = post(django_app, path, {"username": value, "password": value}, token=token)

    assert response.status_code == 200
    assert "_auth_user_id" not in django_app.session


@pytest.mark.parametrize("path", ["/_util/login/", "/cms/login/"])
@pytest.mark.parametrize("target", EVIL)
def test_the_other_login_forms_never_redirect_off_site(django_app, path, target):
    user = UserFactory(is_staff=True, is_superuser=True)
    token = csrf_token(django_app, path)

    response = post(
        django_app,
        f"{path}?next={target}",
        {"username": user.email, "password": PASSWORD, "next": target},
        token=token,
    )

    assert response.status_code in (200, 302)
    assert "evil.example" not in response.headers.get("Location", "")


@pytest.fixture
def customer_app(django_app):
    customer = UserFactory(first_name="Youssef", last_name="Test")
    django_app.set_user(customer)
    django_app.customer = customer
    return django_app


@pytest.mark.parametrize("value", HOSTILE_TEXTS, ids=["nul", "100 KB", "percent", "huge", "empty"])
def test_a_hostile_profile_change_changes_nothing(customer_app, value):
    customer = customer_app.customer
    token = csrf_token(customer_app, "/accounts/profile/edit/")

    response = post(
        customer_app,
        "/accounts/profile/edit/",
        {"first_name": value, "last_name": value, "email": value},
        token=token,
    )

    assert response.status_code == 200
    customer.refresh_from_db()
    assert (customer.first_name, customer.last_name) == ("Youssef", "Test")


@pytest.mark.parametrize("value", HOSTILE_TEXTS, ids=["nul", "100 KB", "percent", "huge", "empty"])
def test_hostile_password_changes_and_deletions_change_nothing(customer_app, value):
    customer = customer_app.customer
    token = csrf_token(customer_app, "/accounts/change-password/")

    changed = post(
        customer_app,
        "/accounts/change-password/",
        {"old_password": value, "new_password1": value, "new_password2": value},
        token=token,
    )
    deleted = post(customer_app, "/accounts/profile/delete/", {"password": value}, token=token)

    assert changed.status_code == 200
    assert deleted.status_code == 200
    customer.refresh_from_db()
    assert customer.check_password(PASSWORD)


@pytest.mark.parametrize("value", [NUL, LONG], ids=["nul", "100 KB"])
def test_a_hostile_address_book_entry_is_not_saved(customer_app, value):
    token = csrf_token(customer_app, "/accounts/addresses/add/")
    fields = {
        "first_name": "Youssef",
        "last_name": "Test",
        "line1": "3, rue de Fès",
        "line4": "Rabat",
        "country": "MA",
        "phone_number": "+212661234567",
    }
    for name in ("first_name", "line1", "line4", "country", "phone_number", "postcode"):
        response = post(
            customer_app, "/accounts/addresses/add/", {**fields, name: value}, token=token
        )
        assert response.status_code == 200, name

    huge_phone = post(
        customer_app, "/accounts/addresses/add/", {**fields, "phone_number": HUGE_ID}, token=token
    )
    assert huge_phone.status_code == 200
    assert not UserAddress.objects.filter(user=customer_app.customer).exists()


@pytest.mark.parametrize(
    "path",
    [
        "/accounts/addresses/{}/",
        "/accounts/addresses/{}/delete/",
        "/accounts/addresses/{}/default_for_shipping/",
        "/accounts/addresses/{}/default_for_billing/",
    ],
)
def test_someone_elses_address_book_entry_cannot_be_changed(customer_app, market, path):
    theirs = UserAddress.objects.create(
        user=UserFactory(), first_name="X", last_name="Y", line1="l", line4="c", country_id="MA"
    )
    token = csrf_token(customer_app, "/accounts/addresses/add/")

    for pk in (theirs.pk, HUGE_ID):
        response = post(customer_app, path.format(pk), {"line1": "changed"}, token=token)
        assert response.status_code == 404

    theirs.refresh_from_db()
    assert (theirs.line1, theirs.is_default_for_shipping) == ("l", False)


@pytest.mark.parametrize("email", [NUL, LONG, "%ff", HUGE_ID, ""])
def test_a_hostile_stock_alert_creates_no_alert(django_app, market, email):
    token = csrf_token(django_app, market.oil.get_absolute_url())

    response = post(
        django_app, f"/accounts/alerts/create/{market.oil.pk}/", {"email": email}, token=token
    )

    assert response.status_code in (200, 302)
    assert not ProductAlert.objects.filter(product=market.oil).exists()


@pytest.mark.parametrize(
    "query",
    [
        "date_from=2026-02-30",
        "date_to=99999-01-01",
        "date_from=%00&date_to=%00",
        "order_number=%00",
        f"order_number={'9' * 1000}",
        "page=abc",
        "page=0",
        f"page={HUGE_ID}",
    ],
)
def test_the_order_history_answers_any_filter(customer_app, query):
    response = customer_app.get(f"/accounts/orders/?{query}", expect_errors=True)

    assert response.status_code in (200, 404)


@pytest.fixture
def own_order(customer_app, market, django_capture_on_commit_callbacks):
    from tests.journeys import add_to_basket, fill_address

    add_to_basket(customer_app, market.oil, 1)
    delivery = fill_address(customer_app.get("/checkout/").maybe_follow()).maybe_follow()
    payment = next(f for f in delivery.forms.values() if "csrfmiddlewaretoken" in f.fields)
    payment_page = payment.submit().maybe_follow()
    preview = next(f for f in payment_page.forms.values() if "method" in f.fields).submit().follow()
    with django_capture_on_commit_callbacks(execute=True):
        preview.forms["place_order_form"].submit()
    return customer_app.customer.orders.get()


def _basket_lines(user):
    return Line.objects.filter(basket__owner=user, basket__status=Basket.OPEN)


def test_opening_an_order_line_goes_to_its_order(customer_app, own_order):
    line = own_order.lines.get()

    response = customer_app.get(f"/accounts/orders/{own_order.number}/{line.pk}/")

    assert response.status_code == 302
    assert response.location.endswith(f"/accounts/orders/{own_order.number}/")


@pytest.mark.parametrize("line_id", [HUGE_ID, "0", "2147483647", "other order's"])
def test_an_order_line_that_is_not_in_the_order_is_not_found(customer_app, own_order, line_id):
    if line_id == "other order's":
        line_id = own_order.lines.get().pk + 10_000
    url = f"/accounts/orders/{own_order.number}/{line_id}/"
    token = csrf_token(customer_app, "/accounts/profile/edit/")

    assert customer_app.get(url, expect_errors=True).status_code == 404
    assert post(customer_app, url, {"action": "reorder"}, token=token).status_code == 404
    assert not _basket_lines(customer_app.customer).exists()


@pytest.mark.parametrize("fields", [{"action": "no_such_action"}, {"action": NUL}, {}])
def test_an_unknown_action_on_an_order_line_goes_to_the_order_and_adds_nothing(
    customer_app, own_order, fields
):
    line = own_order.lines.get()
    token = csrf_token(customer_app, "/accounts/profile/edit/")

    response = post(
        customer_app, f"/accounts/orders/{own_order.number}/{line.pk}/", fields, token=token
    )

    assert response.status_code == 302
    assert response.location.endswith(f"/accounts/orders/{own_order.number}/")
    assert not _basket_lines(customer_app.customer).exists()


def test_re_ordering_a_line_still_puts_it_in_the_basket(customer_app, own_order):
    line = own_order.lines.get()
    token = csrf_token(customer_app, "/accounts/profile/edit/")

    response = post(
        customer_app,
        f"/accounts/orders/{own_order.number}/{line.pk}/",
        {"action": "reorder"},
        token=token,
    )

    assert response.status_code == 302
    assert _basket_lines(customer_app.customer).get().product_id == line.product_id


def test_someone_elses_order_and_its_lines_are_not_found(customer_app, placed_order):
    line = placed_order.lines.first()
    token = csrf_token(customer_app, "/accounts/profile/edit/")

    for url in (
        f"/accounts/orders/{placed_order.number}/",
        f"/accounts/orders/{placed_order.number}/{line.pk}/",
    ):
        assert customer_app.get(url, expect_errors=True).status_code == 404
        assert post(customer_app, url, {"action": "reorder"}, token=token).status_code == 404
    assert not _basket_lines(customer_app.customer).exists()
