"""An order's status follows its parcels: operators read it in the dashboard, never set it."""

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator():
    return UserFactory(is_staff=True, is_superuser=True)


def test_the_order_page_shows_the_status_without_a_form_to_change_it(
    django_app, operator, placed_order
):
    page = django_app.get(f"/dashboard/orders/{placed_order.number}/", user=operator)

    assert "new_status" not in page.forms["order_status_form"].fields
    assert "souk-status-from-parcels" in page.text
    assert 'value="change_order_status"' not in page.text


def test_a_forged_status_change_on_the_order_page_changes_nothing(
    django_app, operator, placed_order
):
    page = django_app.get(f"/dashboard/orders/{placed_order.number}/", user=operator)
    token = page.forms["order_note_form"]["csrfmiddlewaretoken"].value

    django_app.post(
        f"/dashboard/orders/{placed_order.number}/",
        {
            "csrfmiddlewaretoken": token,
            "order_action": "change_order_status",
            "new_status": "Complete",
        },
        user=operator,
    )

    placed_order.refresh_from_db()
    assert placed_order.status == "Pending"
    assert not placed_order.status_changes.exists()


def test_the_order_list_offers_no_bulk_status_change(django_app, operator, placed_order):
    page = django_app.get("/dashboard/orders/", user=operator)
    form = page.forms["orders_form"]
    assert 'value="change_order_statuses"' not in page.text

    django_app.post(
        "/dashboard/orders/",
        {
            "csrfmiddlewaretoken": form["csrfmiddlewaretoken"].value,
            "action": "change_order_statuses",
            "new_status": "Cancelled",
            "selected_order": str(placed_order.pk),
        },
        user=operator,
    )

    placed_order.refresh_from_db()
    assert placed_order.status == "Pending"
