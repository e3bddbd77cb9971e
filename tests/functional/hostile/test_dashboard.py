"""Hostile requests from an operator in the dashboard: orders, refunds, baskets, hub parcels."""

import time

import pytest

from catalogue.models import Product, SolidarityBasket
from cooperatives.models import HubShipment
from marketplace.apps.order.models import Order
from marketplace.apps.payment.models import Refund
from tests.factories import UserFactory
from tests.functional.hostile.tools import HUGE_ID, LONG, NUL, csrf_token, post
from tests.journeys import hub_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_order(db):
    """One of the demo orders (load_demo_data): no checkout to run for each test."""
    return Order.objects.get(number="DEMO-1001")


@pytest.fixture
def operator_app(django_app):
    django_app.set_user(UserFactory(is_staff=True, is_superuser=True))
    return django_app


@pytest.mark.parametrize(
    "path",
    [
        "/dashboard/orders/%00/",
        "/dashboard/orders/%00/refund/",
        "/dashboard/orders/%00/shipping-address/",
        "/dashboard/orders/{number}/lines/{huge}/",
        "/dashboard/orders/{number}/notes/{huge}/",
        "/dashboard/orders/no-such-order/",
    ],
)
def test_an_order_url_that_names_no_order_is_not_found(client, demo_order, path):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.get(path.format(number=demo_order.number, huge=HUGE_ID))

    assert response.status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        *[f"{field}=%00" for field in ("order_number", "name", "product_title", "upc", "voucher")],
        f"order_number={LONG}",
        f"name={LONG}",
        "date_from=2026-02-30",
        "date_to=99999-01-01",
        "status=%00",
        "payment_method=%00",
        "response_format=%00",
        "page=abc",
        "sort=zzz",
    ],
    ids=lambda query: query[:40],
)
def test_the_order_list_answers_any_search(operator_app, query):
    response = operator_app.get(f"/dashboard/orders/?{query}", expect_errors=True)

    assert response.status_code in (200, 404)


def test_an_exact_order_number_still_opens_the_order(operator_app, demo_order):
    response = operator_app.get(f"/dashboard/orders/?order_number={demo_order.number}")

    assert response.status_code == 302
    assert response.location.endswith(f"/dashboard/orders/{demo_order.number}/")


@pytest.mark.parametrize(
    "selected",
    [["abc"], [HUGE_ID], [NUL], ["9" * 5000], ["-1"]],
    ids=["letters", "beyond 64 bits", "nul", "5000 digits", "negative"],
)
def test_bulk_actions_on_ids_that_are_no_orders_change_nothing(operator_app, selected):
    token = csrf_token(operator_app, "/dashboard/orders/")
    statuses = dict(Order.objects.values_list("pk", "status"))

    for action in ("change_order_statuses", "download_selected_orders"):
        response = post(
            operator_app,
            "/dashboard/orders/",
            [
                ("action", action),
                ("new_status", "Cancelled"),
                *(("selected_order", s) for s in selected),
            ],
            token=token,
        )
        assert response.status_code == 302

    assert dict(Order.objects.values_list("pk", "status")) == statuses


@pytest.mark.parametrize(
    "fields",
    [
        {"action": "no_such_action"},
        {"action": "change_order_status", "new_status": NUL},
        {"action": "create_order_note", "message": NUL},
        {"action": "delete_note", "note_id": HUGE_ID},
        {"action": "delete_note", "note_id": "abc"},
        {"action": "change_line_statuses", "selected_line": ["abc", HUGE_ID]},
        {"action": "create_shipping_event", "selected_line": HUGE_ID, "shipping_event_type": "x"},
        {"action": "create_payment_event", "payment_event_type": "abc", "amount": "NaN"},
    ],
    ids=lambda fields: fields["action"] + "-" + str(len(fields)),
)
def test_hostile_order_actions_leave_the_order_as_it_was(operator_app, demo_order, fields):
    url = f"/dashboard/orders/{demo_order.number}/"
    token = csrf_token(operator_app, url)
    status, notes = demo_order.status, demo_order.notes.count()

    response = post(operator_app, url, fields, token=token)

    assert response.status_code in (200, 302)
    demo_order.refresh_from_db()
    assert demo_order.status == status
    assert demo_order.notes.count() == notes


@pytest.mark.parametrize(
    "fields",
    [
        {"amount": "NaN"},
        {"amount": "Infinity"},
        {"amount": "1e9"},
        {"amount": "-1"},
        {"amount": HUGE_ID},
        {"amount": "1", "shipment": HUGE_ID},
        {"amount": "1", "shipment": "abc"},
        {"amount": "1", "request_key": NUL},
        {"amount": "1", "request_key": LONG},
        {"amount": "1", "reason": LONG},
    ],
    ids=lambda fields: "-".join(f"{k}={v[:8]!r}" for k, v in fields.items()),
)
def test_a_hostile_refund_is_shown_again_and_refunds_nothing(operator_app, demo_order, fields):
    url = f"/dashboard/orders/{demo_order.number}/refund/"
    token = csrf_token(operator_app, url)

    response = post(operator_app, url, {"request_key": "k" * 32, **fields}, token=token)

    assert response.status_code == 200
    assert not Refund.objects.filter(order=demo_order).exists()


def _basket_fields(market, hub, changes: dict):
    fields = {
        "title_fr": "Panier",
        "title_ar": "سلة",
        "title_en": "Basket",
        "price": "100",
        "commission_rate": "0",
        "hub": str(hub.pk),
        "is_public": "on",
        "components-TOTAL_FORMS": "2",
        "components-INITIAL_FORMS": "0",
        "components-MIN_NUM_FORMS": "0",
        "components-MAX_NUM_FORMS": "1000",
        "components-0-product": str(market.oil.pk),
        "components-0-quantity": "1",
        "components-1-product": str(market.carpet.pk),
        "components-1-quantity": "1",
    }
    fields.update(changes)
    return {name: value for name, value in fields.items() if value is not None}


BASKET_CHANGES = {
    "total abc": {"components-TOTAL_FORMS": "abc"},
    "total negative": {"components-TOTAL_FORMS": "-1"},
    "no management form": {"components-TOTAL_FORMS": None, "components-INITIAL_FORMS": None},
    **{f"quantity {v!r}": {"components-0-quantity": v} for v in ["1e9", "-1", "NaN", HUGE_ID, NUL]},
    **{f"product {v!r}": {"components-0-product": v} for v in [HUGE_ID, "abc", NUL, "-1"]},
    **{f"price {v!r}": {"price": v} for v in ["NaN", "Infinity", "-1", HUGE_ID, NUL, "1e99999"]},
    **{f"commission {v!r}": {"commission_rate": v} for v in ["NaN", "1e9", "-0.1", HUGE_ID]},
    **{f"hub {v!r}": {"hub": v} for v in [HUGE_ID, "abc", NUL]},
    "title nul": {"title_fr": NUL},
}


def test_a_forged_count_of_2001_components_is_refused_quickly(operator_app, market):
    hub = hub_create()
    token = csrf_token(operator_app, "/dashboard/baskets/new/")
    before = SolidarityBasket.objects.count()
    started = time.monotonic()

    response = post(
        operator_app,
        "/dashboard/baskets/new/",
        _basket_fields(market, hub, {"components-TOTAL_FORMS": "2001"}),
        token=token,
    )

    assert response.status_code == 200
    assert response.context["formset"].non_form_errors()
    assert SolidarityBasket.objects.count() == before
    # It used to build and render 2,000 rows listing every product: minutes of CPU.
    assert time.monotonic() - started < 10


@pytest.mark.parametrize("changes", BASKET_CHANGES.values(), ids=BASKET_CHANGES.keys())
def test_a_hostile_basket_form_is_shown_again_and_saves_nothing(
    operator_app, market, solidarity_basket, changes
):
    hub = solidarity_basket.solidarity_basket.hub
    token = csrf_token(operator_app, "/dashboard/baskets/new/")
    before = (Product.objects.count(), SolidarityBasket.objects.count())
    title = solidarity_basket.title_fr

    created = post(
        operator_app, "/dashboard/baskets/new/", _basket_fields(market, hub, changes), token=token
    )
    edited = post(
        operator_app,
        f"/dashboard/baskets/{solidarity_basket.pk}/edit/",
        _basket_fields(market, hub, changes),
        token=token,
    )

    assert created.status_code == 200
    assert edited.status_code == 200
    assert (Product.objects.count(), SolidarityBasket.objects.count()) == before
    assert Product.objects.get(pk=solidarity_basket.pk).title_fr == title


@pytest.mark.parametrize("pk", [HUGE_ID, "0", "2147483648"])
@pytest.mark.parametrize("path", ["/dashboard/baskets/{}/edit/", "/dashboard/hub-shipments/{}/"])
def test_a_basket_or_hub_parcel_that_cannot_exist_is_not_found(operator_app, path, pk):
    assert operator_app.get(path.format(pk), expect_errors=True).status_code == 404


@pytest.fixture
def hub_shipment(django_app_factory, market, solidarity_basket, django_capture_on_commit_callbacks):
    from tests.journeys import add_to_basket, guest_checkout_until_preview

    app = django_app_factory(csrf_checks=True)
    add_to_basket(app, solidarity_basket, 1)
    preview = guest_checkout_until_preview(app, email="basket-buyer@example.test")
    with django_capture_on_commit_callbacks(execute=True):
        preview.forms["place_order_form"].submit()
    return HubShipment.objects.get(order__guest_email="basket-buyer@example.test")


@pytest.mark.parametrize(
    "fields",
    [
        {"action": "no-such-action"},
        {"action": NUL},
        {"action": ""},
        {"action": "ship", "tracking_number": NUL},
        {"action": "ship", "tracking_number": LONG},
        {"action": "cancel", "reason": LONG},
        {"action": "deliver"},  # not shipped yet
    ],
    ids=lambda fields: "-".join(f"{k}={v[:8]!r}" for k, v in fields.items()),
)
def test_a_hostile_hub_parcel_action_leaves_the_parcel_as_it_was(
    operator_app, hub_shipment, fields
):
    url = f"/dashboard/hub-shipments/{hub_shipment.pk}/"
    token = csrf_token(operator_app, url)
    status = hub_shipment.status

    response = post(operator_app, url, fields, token=token)

    assert response.status_code == 302
    assert HubShipment.objects.get(pk=hub_shipment.pk).status == status


@pytest.mark.parametrize(
    "query", ["status=%00", "status=zzz", "page=abc", "page=0", f"page={HUGE_ID}"]
)
def test_the_hub_parcels_list_answers_any_query(operator_app, query):
    response = operator_app.get(f"/dashboard/hub-shipments/?{query}", expect_errors=True)

    assert response.status_code in (200, 404)
