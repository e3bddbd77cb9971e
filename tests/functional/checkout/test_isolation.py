"""One cooperative's staff can neither see nor change another cooperative's shipments, lines
or products: every URL of the cooperative space and of Oscar's dashboard, tried."""

import pytest
from django.contrib.auth.models import Permission
from oscar.apps.partner.models import StockRecord

from cooperatives.models import CooperativeShipment, LedgerEntry
from marketplace.apps.order.models import Line

pytestmark = pytest.mark.django_db

ACTIONS = ["accept", "ship", "deliver", "cancel", "refuse"]


def _snapshot(order):
    return (
        sorted(order.shipments.values_list("pk", "status", "tracking_number")),
        sorted(order.lines.values_list("pk", "status", "quantity")),
        order.status,
        LedgerEntry.objects.count(),
        sorted(StockRecord.objects.values_list("pk", "num_in_stock", "num_allocated")),
        order.shipping_events.count(),
        order.notes.count(),
    )


def test_the_space_lists_only_the_cooperatives_own_shipments(django_app, market, placed_order):
    page = django_app.get("/my-cooperative/shipments/", user=market.argan_staff)

    rows = page.html.select(".souk-shipment-row")
    own = CooperativeShipment.objects.get(order=placed_order, cooperative=market.argan)
    assert [row["href"] for row in rows] == [f"/my-cooperative/shipments/{own.pk}/"]
    detail = django_app.get(rows[0]["href"], user=market.argan_staff)
    assert "Huile test" in detail.text
    assert "Tapis test" not in detail.text


@pytest.mark.parametrize("action", ACTIONS)
def test_another_cooperatives_shipment_cannot_be_moved(django_app, market, placed_order, action):
    theirs = CooperativeShipment.objects.get(order=placed_order, cooperative=market.carpets)
    own = CooperativeShipment.objects.get(order=placed_order, cooperative=market.argan)
    before = _snapshot(placed_order)
    page = django_app.get(f"/my-cooperative/shipments/{own.pk}/", user=market.argan_staff)
    token = page.forms["accept-form"]["csrfmiddlewaretoken"].value

    response = django_app.post(
        f"/my-cooperative/shipments/{theirs.pk}/{action}/",
        {"csrfmiddlewaretoken": token, "tracking_number": "CA123456789MA", "reason": "x"},
        user=market.argan_staff,
        expect_errors=True,
    )

    assert response.status_code == 404
    assert _snapshot(placed_order) == before


def test_another_cooperatives_shipment_page_is_not_found(django_app, market, placed_order):
    theirs = CooperativeShipment.objects.get(order=placed_order, cooperative=market.carpets)

    response = django_app.get(
        f"/my-cooperative/shipments/{theirs.pk}/", user=market.argan_staff, expect_errors=True
    )

    assert response.status_code == 404


@pytest.mark.parametrize(
    "path", ["/my-cooperative/shipments/999999/", "/my-cooperative/shipments/abc/"]
)
def test_a_tampered_shipment_id_is_not_found(django_app, market, path):
    response = django_app.get(path, user=market.argan_staff, expect_errors=True)

    assert response.status_code == 404


def test_an_unknown_action_is_not_found_and_changes_nothing(django_app, market, placed_order):
    own = CooperativeShipment.objects.get(order=placed_order, cooperative=market.argan)
    before = _snapshot(placed_order)

    response = django_app.post(
        f"/my-cooperative/shipments/{own.pk}/delete/", user=market.argan_staff, expect_errors=True
    )

    assert response.status_code in (403, 404)  # CSRF refuses first without a token
    assert _snapshot(placed_order) == before


@pytest.mark.parametrize("path", ["/my-cooperative/", "/my-cooperative/shipments/"])
def test_anonymous_visitors_are_sent_to_log_in(django_app, path):
    response = django_app.get(path)

    assert response.status_code == 302
    assert "/accounts/login/" in response.location


def test_a_customer_who_staffs_no_cooperative_is_refused(django_app, market):
    from tests.factories import UserFactory

    response = django_app.get("/my-cooperative/", user=UserFactory(), expect_errors=True)

    assert response.status_code == 403


def _dashboard_paths(order, market):
    line = Line.objects.get(order=order, partner=market.carpets.partner)
    return [
        "/dashboard/",
        "/dashboard/orders/",
        f"/dashboard/orders/{order.number}/",
        f"/dashboard/orders/{order.number}/lines/{line.pk}/",
        f"/dashboard/catalogue/products/{market.carpet.pk}/",
        "/dashboard/partners/",
        f"/dashboard/partners/{market.carpets.partner.pk}/",
    ]


def test_cooperative_staff_without_dashboard_access_never_reach_the_dashboard(
    django_app, market, placed_order
):
    for path in _dashboard_paths(placed_order, market):
        response = django_app.get(path, user=market.argan_staff, expect_errors=True)
        assert response.status_code in (302, 403, 404), path
        if response.status_code == 302:
            assert "login" in response.location, path


@pytest.fixture
def argan_staff_with_dashboard(market):
    """The vendor gap: a cooperative user given Oscar's partner dashboard access."""
    market.argan_staff.user_permissions.add(Permission.objects.get(codename="dashboard_access"))
    return market.argan_staff


def test_a_vendor_in_the_dashboard_sees_only_its_own_lines(
    django_app, market, placed_order, argan_staff_with_dashboard
):
    page = django_app.get(
        f"/dashboard/orders/{placed_order.number}/", user=argan_staff_with_dashboard
    )

    assert "Huile test" in page.text
    assert "Tapis test" not in page.text


def test_a_vendor_cannot_see_another_cooperatives_line_or_product_in_the_dashboard(
    django_app, market, placed_order, argan_staff_with_dashboard
):
    line = Line.objects.get(order=placed_order, partner=market.carpets.partner)
    for path in (
        f"/dashboard/orders/{placed_order.number}/lines/{line.pk}/",
        f"/dashboard/catalogue/products/{market.carpet.pk}/",
    ):
        response = django_app.get(path, user=argan_staff_with_dashboard, expect_errors=True)
        assert response.status_code in (403, 404), path


@pytest.mark.parametrize(
    "data",
    [
        {"order_action": "change_order_status", "new_status": "Cancelled"},
        {"order_action": "create_shipping_event", "event_type": "1"},
        {"order_action": "change_line_statuses", "new_status": "Shipped"},
        {"order_action": "create_order_payment_event", "event_type": "1", "amount": "10"},
        {"order_action": "save_note", "message": "hello"},
    ],
)
def test_a_vendor_cannot_act_on_a_shared_order_in_the_dashboard(
    django_app, market, placed_order, argan_staff_with_dashboard, data
):
    theirs = Line.objects.get(order=placed_order, partner=market.carpets.partner)
    before = _snapshot(placed_order)
    page = django_app.get(
        f"/dashboard/orders/{placed_order.number}/", user=argan_staff_with_dashboard
    )
    token = page.forms[next(iter(page.forms))]["csrfmiddlewaretoken"].value

    response = django_app.post(
        f"/dashboard/orders/{placed_order.number}/",
        {
            "csrfmiddlewaretoken": token,
            "selected_line": [theirs.pk],
            f"selected_line_qty_{theirs.pk}": "1",
            **data,
        },
        user=argan_staff_with_dashboard,
        expect_errors=True,
    )

    assert response.status_code == 403
    assert _snapshot(placed_order) == before
