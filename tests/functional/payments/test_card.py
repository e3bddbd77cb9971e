"""Card payments: the real stripe library against a local Stripe-like server, real signatures."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from oscar.apps.partner.models import StockRecord

from cooperatives.models import CooperativeShipment, LedgerEntry
from marketplace.apps.basket.models import Basket
from marketplace.apps.order.models import Order
from marketplace.apps.payment.models import Refund, Source, StripeEvent
from marketplace.apps.payment.tasks import orders_unpaid_expire_task, refund_send
from marketplace.background.schedule import periodic_enqueue
from marketplace.background.tasks import ATTEMPT
from tests.background import tasks_run, tasks_waiting
from tests.journeys import add_to_basket, checkout_as_guest, fill_address
from tests.stripe_fake import SECRET, WEBHOOK, session_event, signed_event

pytestmark = pytest.mark.django_db


def _preview_paying_by(app, method: str):
    address_page = checkout_as_guest(app, email="carte@example.test")
    delivery = fill_address(address_page).maybe_follow()
    payment = next(f for f in delivery.forms.values() if "csrfmiddlewaretoken" in f.fields)
    payment_page = payment.submit().maybe_follow()
    form = next(f for f in payment_page.forms.values() if "method" in f.fields)
    form["method"] = method
    return form.submit().maybe_follow()


@pytest.fixture
def card_order(django_app, market, stripe_api):
    """A guest's card order for 2 oils and a carpet, sent to Stripe and not yet paid."""
    add_to_basket(django_app, market.oil, 2)
    add_to_basket(django_app, market.carpet, 1)
    preview = _preview_paying_by(django_app, "card")
    response = preview.forms["place_order_form"].submit()
    assert response.status_code == 302
    assert response.location.startswith("https://checkout.stripe.test/c/pay/")
    return Order.objects.get(guest_email="carte@example.test")


def _post_event(app, event, *, secret=SECRET, header=None):
    body, signature = signed_event(event, secret)
    return app.post(
        WEBHOOK,
        params=body,
        headers={"Stripe-Signature": header if header is not None else signature},
        content_type="application/json",
        expect_errors=True,
    )


def _paid(order, event_id="evt_paid_1", **overrides):
    fields = {"amount": int(order.total_incl_tax * 100)} | overrides
    return session_event(
        event_id=event_id,
        type_="checkout.session.completed",
        order_number=order.number,
        **fields,
    )


def test_the_card_option_appears_only_when_stripe_is_configured(django_app, market, settings):
    settings.STRIPE_SECRET_KEY = ""
    add_to_basket(django_app, market.oil, 1)
    address_page = checkout_as_guest(django_app)
    delivery = fill_address(address_page).maybe_follow()
    payment_page = (
        next(f for f in delivery.forms.values() if "csrfmiddlewaretoken" in f.fields)
        .submit()
        .maybe_follow()
    )
    form = next(f for f in payment_page.forms.values() if "method" in f.fields)

    assert [value for value, *_ in form["method"].options] == ["cash-on-delivery"]


def test_a_card_order_waits_for_payment_unseen_by_the_cooperatives(
    card_order, market, stripe_api, django_app
):
    (request,) = stripe_api.calls("/v1/checkout/sessions")
    assert request["form"]["line_items[0][price_data][currency]"] == "mad"
    assert request["form"]["line_items[0][price_data][unit_amount]"] == str(
        int(card_order.total_incl_tax * 100)
    )
    assert request["key"] == f"checkout-{card_order.number}-{int(card_order.total_incl_tax * 100)}"
    assert card_order.status == "Pending payment"
    assert card_order.payment_reference.startswith("cs_test_")
    assert set(card_order.shipments.values_list("status", flat=True)) == {"awaiting_payment"}
    assert StockRecord.objects.get(product=market.oil).num_allocated == 2
    assert not LedgerEntry.objects.filter(shipment__order=card_order).exists()
    tasks_run()
    assert mail.outbox == []
    page = django_app.get("/my-cooperative/shipments/", user=market.argan_staff)
    assert not page.html.select(".souk-shipment-row")


def test_the_signed_webhook_confirms_the_order_and_releases_the_shipments(
    card_order, django_app, market, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _post_event(django_app, _paid(card_order))

    assert response.status_code == 200
    assert response.text == "paid"
    card_order.refresh_from_db()
    assert card_order.status == "Pending"
    assert set(card_order.shipments.values_list("status", flat=True)) == {"new"}
    source = Source.objects.get(order=card_order)
    assert (source.amount_debited, source.reference) == (card_order.total_incl_tax, "pi_test_1")
    assert LedgerEntry.objects.filter(shipment__order=card_order, kind="sale").count() == 2
    tasks_run()
    assert sorted(m.to[0] for m in mail.outbox) == [
        "carte@example.test",
        "staff@argan.test",
        "staff@tapis.test",
    ]


@pytest.mark.parametrize("header", ["", "t=1,v1=deadbeef", "garbage"])
def test_a_bad_or_missing_signature_is_refused_and_changes_nothing(card_order, django_app, header):
    response = _post_event(django_app, _paid(card_order), header=header)

    assert response.status_code == 400
    card_order.refresh_from_db()
    assert card_order.status == "Pending payment"
    assert not StripeEvent.objects.exists()


def test_a_payload_signed_with_another_secret_is_refused(card_order, django_app):
    response = _post_event(django_app, _paid(card_order), secret="whsec_someone_else")

    assert response.status_code == 400
    assert not Source.objects.filter(order=card_order).exists()


def test_the_same_event_twice_or_a_second_event_pays_once(card_order, django_app):
    first = _post_event(django_app, _paid(card_order))
    again = _post_event(django_app, _paid(card_order))
    other = _post_event(django_app, _paid(card_order, event_id="evt_paid_2"))

    assert (first.text, again.text, other.text) == ("paid", "duplicate", "already paid")
    assert Source.objects.filter(order=card_order).count() == 1
    assert LedgerEntry.objects.filter(shipment__order=card_order, kind="sale").count() == 2


@pytest.mark.parametrize(
    "overrides",
    [{"amount": 100}, {"currency": "eur"}, {"payment_status": "unpaid"}],
)
def test_a_wrong_amount_currency_or_unpaid_session_never_marks_the_order_paid(
    card_order, django_app, overrides
):
    response = _post_event(django_app, _paid(card_order, **overrides))

    assert response.status_code == 200
    card_order.refresh_from_db()
    assert card_order.status == "Pending payment"
    assert not Source.objects.filter(order=card_order).exists()


def test_an_expired_session_cancels_the_order_and_releases_the_stock(
    card_order, django_app, market, django_capture_on_commit_callbacks
):
    expired = session_event(
        event_id="evt_expired",
        type_="checkout.session.expired",
        order_number=card_order.number,
        amount=int(card_order.total_incl_tax * 100),
        payment_status="unpaid",
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = _post_event(django_app, expired)

    assert response.text == "expired"
    card_order.refresh_from_db()
    assert card_order.status == "Cancelled"
    assert StockRecord.objects.get(product=market.oil).num_allocated == 0
    tasks_run()
    assert [m.to for m in mail.outbox] == [["carte@example.test"]]


def _paid_late(card_order, django_app):
    expired = session_event(
        event_id="evt_expired",
        type_="checkout.session.expired",
        order_number=card_order.number,
        amount=0,
        payment_status="unpaid",
    )
    _post_event(django_app, expired)
    return _post_event(django_app, _paid(card_order, event_id="evt_late"))


def test_a_payment_arriving_after_expiry_is_refunded_not_revived(
    card_order, django_app, stripe_api
):
    response = _paid_late(card_order, django_app)

    assert (response.status_code, response.text) == (200, "paid too late: refund queued")
    assert stripe_api.calls("/v1/refunds") == []  # not inside the webhook's transaction
    (refund,) = Refund.objects.filter(order=card_order)
    assert (refund.origin, refund.status, refund.amount) == (
        Refund.Origin.LATE_PAYMENT,
        Refund.Status.PENDING,
        card_order.total_incl_tax,
    )

    tasks_run()

    (call,) = stripe_api.calls("/v1/refunds")
    assert call["form"] == {
        "payment_intent": "pi_test_1",
        "amount": str(int(card_order.total_incl_tax * 100)),
    }
    refund.refresh_from_db()
    assert refund.status == Refund.Status.SUCCEEDED
    assert refund.stripe_refund_id.startswith("re_")
    card_order.refresh_from_db()
    assert card_order.status == "Cancelled"
    assert not Source.objects.filter(order=card_order).exists()


def test_a_late_refund_that_stripe_fails_stays_pending_and_its_retry_completes_it(
    card_order, django_app, stripe_api, operator
):
    response = _paid_late(card_order, django_app)
    stripe_api.down = True

    tasks_run()

    assert response.status_code == 200
    (refund,) = Refund.objects.filter(order=card_order)
    assert (refund.status, refund.stripe_refund_id) == (Refund.Status.PENDING, None)
    (retry,) = tasks_waiting(refund_send)
    assert retry.args_kwargs["kwargs"] == {"refund_id": refund.pk, ATTEMPT: 2}
    # Operators see it waiting.
    page = django_app.get(f"/dashboard/orders/{card_order.number}/refund/", user=operator)
    assert [cell["data-status"] for cell in page.html.select(".souk-refund [data-status]")] == [
        "pending"
    ]

    stripe_api.down = False
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())  # a minute later
    tasks_run()

    refund.refresh_from_db()
    assert refund.status == Refund.Status.SUCCEEDED
    # One refund at Stripe, whatever the attempts: the key is the refund's own.
    keys = {call["key"] for call in stripe_api.requests if call["path"] == "/v1/refunds"}
    assert keys == {f"late-refund-{refund.pk}"}


def test_events_out_of_order_change_nothing_more(card_order, django_app):
    _post_event(django_app, _paid(card_order))
    expired = session_event(
        event_id="evt_expired_late",
        type_="checkout.session.expired",
        order_number=card_order.number,
        amount=0,
        payment_status="unpaid",
    )

    response = _post_event(django_app, expired)

    assert response.text == "ignored"
    card_order.refresh_from_db()
    assert card_order.status == "Pending"


def test_the_return_page_waits_for_the_webhook_then_thanks(card_order, django_app):
    waiting = django_app.get("/checkout/card/return/")
    assert waiting.html.select_one("#card-status")["data-state"] == "confirming"
    assert 'http-equiv="refresh"' in waiting.text

    _post_event(django_app, _paid(card_order))
    done = django_app.get("/checkout/card/return/")

    assert done.status_code == 302
    assert done.location.endswith("/checkout/thank-you/")


def test_unpaid_orders_expire_after_the_delay(
    card_order, market, settings, stripe_api, django_capture_on_commit_callbacks
):
    settings.CARD_PAYMENT_EXPIRY_MINUTES = 30
    Order.objects.filter(pk=card_order.pk).update(
        date_placed=timezone.now() - datetime.timedelta(minutes=31)
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("expire_unpaid_orders", stdout=open("/dev/null", "w"))  # noqa: SIM115

    card_order.refresh_from_db()
    assert card_order.status == "Cancelled"
    assert set(card_order.shipments.values_list("status", flat=True)) == {"cancelled"}
    assert StockRecord.objects.get(product=market.oil).num_allocated == 0
    assert stripe_api.calls(f"/v1/checkout/sessions/{card_order.payment_reference}/expire")


def test_the_expiry_task_cancels_an_unpaid_card_order_and_tells_its_customer(
    card_order, settings, stripe_api, django_capture_on_commit_callbacks
):
    settings.CARD_PAYMENT_EXPIRY_MINUTES = 30
    Order.objects.filter(pk=card_order.pk).update(
        date_placed=timezone.now() - datetime.timedelta(minutes=31)
    )
    periodic_enqueue()

    with django_capture_on_commit_callbacks(execute=True):
        tasks_run()  # the expiry, then the e-mail it queued

    card_order.refresh_from_db()
    assert card_order.status == "Cancelled"
    (expiry,) = DBTaskResult.objects.filter(task_path=orders_unpaid_expire_task.module_path)
    assert (expiry.status, expiry.return_value) == (
        TaskResultStatus.SUCCESSFUL,
        [card_order.number],
    )
    assert [message.to for message in mail.outbox] == [["carte@example.test"]]
    assert stripe_api.calls(f"/v1/checkout/sessions/{card_order.payment_reference}/expire")


def test_a_recent_unpaid_order_is_left_alone(card_order, settings):
    settings.CARD_PAYMENT_EXPIRY_MINUTES = 30
    call_command("expire_unpaid_orders", stdout=open("/dev/null", "w"))  # noqa: SIM115

    card_order.refresh_from_db()
    assert card_order.status == "Pending payment"


def test_stripe_down_at_checkout_gives_a_clear_message_and_keeps_the_basket(
    django_app, market, stripe_api
):
    add_to_basket(django_app, market.oil, 2)
    preview = _preview_paying_by(django_app, "card")
    stripe_api.down = True

    response = preview.forms["place_order_form"].submit().maybe_follow()

    assert response.status_code == 200
    assert "Rien n’a été débité" in response.text
    assert not Order.objects.filter(guest_email="carte@example.test").exists()
    basket = Basket.objects.get(lines__product=market.oil)
    assert basket.status == Basket.OPEN
    assert basket.lines.get().quantity == 2
    assert not StockRecord.objects.get(product=market.oil).num_allocated


def test_cash_on_delivery_still_works_with_stripe_configured(
    django_app, market, stripe_api, django_capture_on_commit_callbacks
):
    add_to_basket(django_app, market.oil, 1)
    preview = _preview_paying_by(django_app, "cash-on-delivery")
    with django_capture_on_commit_callbacks(execute=True):
        preview.forms["place_order_form"].submit().follow()

    order = Order.objects.get(guest_email="carte@example.test")
    assert order.status == "Pending"
    assert CooperativeShipment.objects.get(order=order).status == "new"
    assert stripe_api.calls("/v1/") == []
    assert Decimal(order.total_incl_tax) > 0


# Refunds ----------------------------------------------------------------------------------------


@pytest.fixture
def paid_order(card_order, django_app):
    assert _post_event(django_app, _paid(card_order)).text == "paid"
    card_order.refresh_from_db()
    return card_order


@pytest.fixture
def operator():
    from tests.factories import UserFactory

    return UserFactory(is_staff=True, is_superuser=True)


def _refund_form(app, order, operator):
    return app.get(f"/dashboard/orders/{order.number}/refund/", user=operator).forms["refund-form"]


def test_an_operator_refunds_part_of_a_shipment_and_the_ledger_follows(
    paid_order, django_app, operator, stripe_api, market
):
    carpets = paid_order.shipments.get(cooperative=market.carpets)
    form = _refund_form(django_app, paid_order, operator)
    form["shipment"] = str(carpets.pk)
    form["amount"] = "120.50"
    form["reason"] = "Tapis abîmé"
    key = form["request_key"].value

    page = form.submit().follow()

    (call,) = stripe_api.calls("/v1/refunds")
    assert call["form"] == {"payment_intent": "pi_test_1", "amount": "12050"}
    assert call["key"] == f"refund-{key}"
    assert len(page.html.select(".souk-refund")) == 1
    entry = LedgerEntry.objects.get(shipment=carpets, kind="refund")
    assert entry.amount == Decimal("-120.50")
    source = Source.objects.get(order=paid_order)
    assert source.amount_refunded == Decimal("120.50")


def test_a_full_refund_splits_exactly_across_the_shipments(
    paid_order, django_app, operator, stripe_api
):
    form = _refund_form(django_app, paid_order, operator)
    form["amount"] = str(paid_order.total_incl_tax)
    form.submit().follow()

    entries = LedgerEntry.objects.filter(shipment__order=paid_order, kind="refund")
    assert entries.count() == 2
    assert sum(e.amount for e in entries) == -paid_order.total_incl_tax
    page = django_app.get(f"/dashboard/orders/{paid_order.number}/refund/", user=operator)
    assert "refund-form" not in page.forms  # nothing left to refund


def test_a_resent_refund_form_refunds_once(paid_order, django_app, operator, stripe_api):
    form = _refund_form(django_app, paid_order, operator)
    form["amount"] = "50.00"
    form.submit()
    form.submit()

    assert len(stripe_api.calls("/v1/refunds")) == 1
    assert paid_order.refunds.count() == 1


@pytest.mark.parametrize("amount", ["0", "-5", "999999", "abc"])
def test_an_impossible_refund_amount_changes_nothing(
    paid_order, django_app, operator, stripe_api, amount
):
    form = _refund_form(django_app, paid_order, operator)
    form["amount"] = amount

    response = form.submit()

    assert response.status_code == 200
    assert response.html.select(".text-danger, .alert-danger")
    assert not paid_order.refunds.exists()
    assert stripe_api.calls("/v1/refunds") == []


def test_stripe_refusing_a_refund_records_nothing(paid_order, django_app, operator, stripe_api):
    form = _refund_form(django_app, paid_order, operator)
    form["amount"] = "10.00"
    stripe_api.down = True

    response = form.submit()

    assert response.status_code == 200
    assert not paid_order.refunds.exists()
    assert not LedgerEntry.objects.filter(kind="refund").exists()


def test_cooperative_staff_cannot_refund(paid_order, django_app, market):
    response = django_app.get(
        f"/dashboard/orders/{paid_order.number}/refund/",
        user=market.argan_staff,
        expect_errors=True,
    )

    assert response.status_code in (302, 403)
    assert not paid_order.refunds.exists()


def _charge_refunded(order, refunds, event_id):
    return {
        "id": event_id,
        "object": "event",
        "type": "charge.refunded",
        "data": {
            "object": {
                "id": "ch_test_1",
                "object": "charge",
                "payment_intent": "pi_test_1",
                "amount_refunded": sum(amount for _id, amount in refunds),
                "refunds": {"data": [{"id": i, "amount": a} for i, a in refunds]},
            }
        },
    }


def test_a_refund_made_in_stripes_dashboard_is_reconciled_once(paid_order, django_app):
    event = _charge_refunded(paid_order, [("re_dash_1", 3000)], "evt_refund_1")
    first = _post_event(django_app, event)
    again = _post_event(django_app, _charge_refunded(paid_order, [("re_dash_1", 3000)], "evt_2"))

    assert (first.text, again.text) == ("1 refund(s) recorded", "0 refund(s) recorded")
    (refund,) = paid_order.refunds.all()
    assert (refund.amount, refund.origin) == (Decimal("30.00"), "stripe")
    assert sum(
        LedgerEntry.objects.filter(shipment__order=paid_order, kind="refund").values_list(
            "amount", flat=True
        )
    ) == Decimal("-30.00")


def test_our_own_refund_echoed_by_stripe_is_not_counted_twice(
    paid_order, django_app, operator, stripe_api
):
    form = _refund_form(django_app, paid_order, operator)
    form["amount"] = "20.00"
    form.submit()
    refund_id = paid_order.refunds.get().stripe_refund_id

    _post_event(django_app, _charge_refunded(paid_order, [(refund_id, 2000)], "evt_echo"))

    assert paid_order.refunds.count() == 1
    assert LedgerEntry.objects.filter(kind="refund").count() == 2  # split over two shipments


def test_the_dashboard_order_page_shows_shipments_and_the_refund_link(
    paid_order, django_app, operator, market
):
    page = django_app.get(f"/dashboard/orders/{paid_order.number}/", user=operator)

    assert page.html.select_one("#refund-link")
    rows = page.html.select(".souk-dashboard-shipments tr")
    assert len(rows) == 3  # header and two shipments
    assert market.carpets.name in page.text
