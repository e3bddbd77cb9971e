"""Stripe's webhook under hostile input: a signature header that is not ASCII, and bodies that
carry a valid signature but not a Stripe event (or an event whose fields have the wrong type).
Each answers 400 (Stripe stops retrying what can never succeed), records nothing, changes no
order."""

import hashlib
import hmac
import json
import time

import pytest

from marketplace.apps.payment.models import Source, StripeEvent
from tests.stripe_fake import SECRET, WEBHOOK, session_event

pytestmark = pytest.mark.django_db


def _signature(body: bytes, secret: str = SECRET) -> str:
    timestamp = int(time.time())
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={digest.hexdigest()}"


def _post(client, body: bytes, signature: str):
    return client.post(
        WEBHOOK, data=body, content_type="application/json", HTTP_STRIPE_SIGNATURE=signature
    )


def _unchanged(order) -> None:
    order.refresh_from_db()
    assert not StripeEvent.objects.exists()
    assert not Source.objects.filter(order=order, source_type__code="card").exists()


@pytest.mark.parametrize(
    "signature",
    [
        "t=1,v1=\xe9\xe9",  # Latin-1 bytes, as WSGI hands over a non-ASCII header
        "t=\u0661\u0662\u0663,v1=abc",  # Arabic-Indic digits
        "v1=" + "\xff" * 64,
        "t=1,v1=" + "a" * 10_000,
    ],
    ids=["latin-1", "arabic-digits", "high-bytes", "long"],
)
def test_a_signature_header_that_is_not_ascii_is_refused(client, stripe_api, signature):
    body = json.dumps(session_event(event_id="evt_x", type_="x", order_number="1", amount=1))

    response = _post(client, body.encode(), signature)

    assert response.status_code == 400
    assert not StripeEvent.objects.exists()


@pytest.mark.parametrize(
    "body",
    [b"[]", b"null", b"{}", b'"event"', b"42", b"not json", b'{"id": "evt_1"}'],
    ids=["list", "null", "empty", "string", "number", "not-json", "no-type"],
)
def test_a_signed_body_that_is_not_an_event_is_refused(client, stripe_api, body):
    response = _post(client, body, _signature(body))

    assert response.status_code == 400
    assert not StripeEvent.objects.exists()


def _event(order, **session):
    event = session_event(
        event_id="evt_bad",
        type_="checkout.session.completed",
        order_number=order.number,
        amount=int(order.total_incl_tax * 100),
    )
    event["data"]["object"].update(session)
    return event


@pytest.mark.parametrize(
    "change",
    [
        {"event": {"id": 12}},
        {"event": {"id": ["evt"]}},
        {"event": {"type": {"a": 1}}},
        {"event": {"data": []}},
        {"event": {"data": {"object": "cs_1"}}},
        {"session": {"amount_total": "abc"}},
        {"session": {"amount_total": 12.5}},
        {"session": {"amount_total": True}},
        {"session": {"amount_total": 10**30}},
        {"session": {"currency": 5}},
        {"session": {"metadata": ["order"]}},
        {"session": {"metadata": {"order_number": {"n": 1}}}},
        {"session": {"payment_intent": 7}},
        {"session": {"payment_status": ["paid"]}},
    ],
    ids=lambda change: json.dumps(change)[:40],
)
def test_a_signed_event_with_fields_of_the_wrong_type_is_refused(
    client, stripe_api, placed_order, change
):
    event = _event(placed_order, **change.get("session", {}))
    event.update(change.get("event", {}))
    body = json.dumps(event).encode()

    response = _post(client, body, _signature(body))

    assert response.status_code == 400
    _unchanged(placed_order)
