"""Hostile requests to Oscar's basket: forged formsets, quantities, vouchers, foreign lines."""

import pytest
from oscar.apps.voucher.models import Voucher

from marketplace.apps.basket.models import Basket, Line
from tests.factories import UserFactory
from tests.functional.hostile.tools import BAD_NUMBERS, HUGE_ID, LONG, NUL, csrf_token, post
from tests.functional.hostile.tools import text_in_french as fr
from tests.journeys import add_to_basket

pytestmark = pytest.mark.django_db

REFUSED = "Your basket could not be updated. Please check it and try again."


def _management(total, initial, minimum="0", maximum="1000"):
    return {
        "form-TOTAL_FORMS": total,
        "form-INITIAL_FORMS": initial,
        "form-MIN_NUM_FORMS": minimum,
        "form-MAX_NUM_FORMS": maximum,
    }


FORGED_FORMSETS = {
    "total 2001, nothing else": {"form-TOTAL_FORMS": "2001"},
    "total only": {"form-TOTAL_FORMS": "1"},
    "no management form": {},
    "total 2001": _management("2001", "0"),
    "initial above total": _management("1", "5"),
    "negative counts": _management("-1", "-1", "-5", "-5"),
    "non-numeric counts": _management("abc", "abc", "x", "y"),
    "arabic digits": _management("١", "١"),
    "huge counts": _management(HUGE_ID, HUGE_ID),
    "nul": _management(NUL, NUL),
}


@pytest.mark.parametrize("fields", FORGED_FORMSETS.values(), ids=FORGED_FORMSETS.keys())
def test_a_forged_basket_formset_is_refused_with_a_message_and_changes_nothing(
    django_app, market, fields
):
    add_to_basket(django_app, market.oil, 2)
    line = Line.objects.get(product=market.oil)
    token = csrf_token(django_app, "/basket/")

    response = post(
        django_app,
        "/basket/",
        {**fields, "form-0-id": str(line.pk), "form-0-quantity": "0"},
        token=token,
    )

    assert response.status_code == 302
    page = response.follow()
    assert fr(REFUSED) in page.html.text
    assert Line.objects.get(pk=line.pk).quantity == 2


def test_a_forged_basket_formset_from_a_customer_is_refused(django_app, market):
    django_app.set_user(UserFactory())
    add_to_basket(django_app, market.oil, 2)
    token = csrf_token(django_app, "/basket/")

    response = post(django_app, "/basket/", {"form-TOTAL_FORMS": "2001"}, token=token)

    assert response.status_code == 302
    assert Line.objects.get(product=market.oil).quantity == 2


def test_a_forged_basket_formset_sent_by_script_gets_a_400_with_the_message(django_app, market):
    add_to_basket(django_app, market.oil, 1)
    token = csrf_token(django_app, "/basket/")

    response = post(
        django_app,
        "/basket/",
        {"form-TOTAL_FORMS": "2001"},
        token=token,
        headers={"X-Requested-With": "XMLHttpRequest"},
    )

    assert response.status_code == 400
    assert response.json == {"messages": {"error": [fr(REFUSED)]}}
    assert Line.objects.get(product=market.oil).quantity == 1


def test_the_basket_pages_own_form_still_updates_and_removes_lines(django_app, market):
    add_to_basket(django_app, market.oil, 1)
    add_to_basket(django_app, market.carpet, 1)
    form = django_app.get("/basket/").forms["basket_formset"]
    oil_pk = str(Line.objects.get(product=market.oil).pk)
    oil_index = next(i for i in range(2) if form[f"form-{i}-id"].value == oil_pk)
    form[f"form-{oil_index}-quantity"] = "3"
    form[f"form-{1 - oil_index}-quantity"] = "0"

    response = form.submit()

    assert response.status_code == 302
    assert Line.objects.get(product=market.oil).quantity == 3
    assert not Line.objects.filter(product=market.carpet).exists()


def test_a_basket_page_left_open_while_a_line_was_removed_still_saves(django_app, market):
    add_to_basket(django_app, market.oil, 1)
    add_to_basket(django_app, market.carpet, 1)
    form = django_app.get("/basket/").forms["basket_formset"]
    Line.objects.filter(product=market.carpet).delete()  # removed in another tab
    oil_pk = str(Line.objects.get(product=market.oil).pk)
    oil_index = next(i for i in range(2) if form[f"form-{i}-id"].value == oil_pk)
    form[f"form-{oil_index}-quantity"] = "2"

    response = form.submit().maybe_follow()

    assert response.status_code == 200
    assert Line.objects.get(product=market.oil).quantity == 2


@pytest.mark.parametrize("line_id", [HUGE_ID, "-1", "abc", NUL, "١"])
def test_a_basket_line_id_that_is_no_line_changes_nothing(django_app, market, line_id):
    add_to_basket(django_app, market.oil, 2)
    form = django_app.get("/basket/").forms["basket_formset"]
    form["form-0-id"].force_value(line_id)
    form["form-0-quantity"] = "0"

    response = form.submit(expect_errors=True)

    assert response.status_code < 500
    assert Line.objects.get(product=market.oil).quantity == 2


def test_deleting_someone_elses_basket_line_changes_nothing(django_app, django_app_factory, market):
    other = django_app_factory(csrf_checks=True)
    add_to_basket(other, market.oil, 1)
    their_line = Line.objects.get(product=market.oil)
    add_to_basket(django_app, market.carpet, 1)
    form = django_app.get("/basket/").forms["basket_formset"]
    form["form-0-id"].force_value(str(their_line.pk))
    form["form-0-DELETE"] = True

    response = form.submit(expect_errors=True)

    assert response.status_code < 500
    assert Line.objects.get(pk=their_line.pk).quantity == 1
    assert Line.objects.filter(product=market.carpet).exists()


@pytest.mark.parametrize("quantity", [*BAD_NUMBERS, "2147483648"])
def test_adding_with_a_hostile_quantity_changes_nothing(django_app, market, quantity):
    token = csrf_token(django_app, market.oil.get_absolute_url())

    post(django_app, f"/basket/add/{market.oil.pk}/", {"quantity": quantity}, token=token)

    assert not Line.objects.filter(product=market.oil).exists()


def test_a_quantity_in_arabic_digits_means_that_number(django_app, market):
    token = csrf_token(django_app, market.oil.get_absolute_url())

    post(django_app, f"/basket/add/{market.oil.pk}/", {"quantity": "٣"}, token=token)

    assert Line.objects.get(product=market.oil).quantity == 3


def test_adding_with_a_list_of_quantities_adds_at_most_one_line(django_app, market):
    token = csrf_token(django_app, market.oil.get_absolute_url())

    post(
        django_app,
        f"/basket/add/{market.oil.pk}/",
        [("quantity", "1"), ("quantity", "999")],
        token=token,
    )

    assert [line.quantity for line in Line.objects.filter(product=market.oil)] in ([], [1])


@pytest.mark.parametrize("pk", [HUGE_ID, "9223372036854775808", "2147483648", "0"])
def test_adding_a_product_that_cannot_exist_is_not_found(django_app, market, pk):
    token = csrf_token(django_app, market.oil.get_absolute_url())

    response = post(django_app, f"/basket/add/{pk}/", {"quantity": "1"}, token=token)

    assert response.status_code == 404


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "https:/\\evil.example"]
)
def test_adding_to_the_basket_never_redirects_off_site(django_app, market, target):
    token = csrf_token(django_app, market.oil.get_absolute_url())

    response = post(
        django_app,
        f"/basket/add/{market.oil.pk}/",
        {"quantity": "1", "next": target},
        token=token,
        headers={"Referer": target},
    )

    assert response.status_code == 302
    assert "evil.example" not in response.location


@pytest.mark.parametrize("code", [NUL, LONG, "X" * 200, "%ff", HUGE_ID, "' OR 1=1 --"])
def test_a_hostile_voucher_code_adds_no_voucher(django_app, market, code):
    add_to_basket(django_app, market.oil, 1)
    token = csrf_token(django_app, "/basket/")

    response = post(django_app, "/basket/vouchers/add/", {"code": code}, token=token)

    assert response.status_code == 302
    assert not Basket.objects.get(lines__product=market.oil).vouchers.exists()


@pytest.mark.parametrize("pk", [HUGE_ID, "1", "0"])
def test_removing_a_voucher_that_is_not_in_the_basket_changes_nothing(django_app, market, pk):
    add_to_basket(django_app, market.oil, 1)
    token = csrf_token(django_app, "/basket/")
    vouchers = Voucher.objects.count()

    response = post(django_app, f"/basket/vouchers/{pk}/remove/", {}, token=token)

    assert response.status_code in (302, 404)
    assert Voucher.objects.count() == vouchers


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b'{"form-TOTAL_FORMS": 2001}', "application/json"),
        (b"form-TOTAL_FORMS=%ff%fe&\xff\xfe=1", "application/x-www-form-urlencoded"),
        (b"--xx\r\njunk", "multipart/form-data; boundary=xx"),
        (b"form-TOTAL_FORMS=1", "text/plain"),
    ],
    ids=["json", "invalid utf-8", "broken multipart", "text"],
)
def test_a_basket_update_that_is_not_a_form_changes_nothing(django_app, market, body, content_type):
    add_to_basket(django_app, market.oil, 2)
    token = csrf_token(django_app, "/basket/")

    response = post(django_app, "/basket/", body, token=token, content_type=content_type)

    assert response.status_code in (302, 400, 403)
    assert Line.objects.get(product=market.oil).quantity == 2
