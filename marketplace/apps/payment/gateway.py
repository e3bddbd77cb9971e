"""The one place that talks to Stripe: amounts in MAD, idempotency keys, signatures, logging.

Nothing else imports `stripe`. Amounts cross this boundary as Decimal MAD; Stripe counts MAD in
centimes (two decimals), so 123.45 MAD is 12345.
"""

import json
import logging
from dataclasses import dataclass
from decimal import Decimal

import stripe
from django.conf import settings

from marketplace.money import CENT, money

logger = logging.getLogger(__name__)

CURRENCY = "mad"


class GatewayUnavailable(Exception):
    """Stripe could not be reached or refused the request: nothing was charged."""


class BadSignature(Exception):
    """A webhook whose signature does not verify with our secret."""


class BadEvent(Exception):
    """A correctly signed webhook body that is not a Stripe event we can read: retrying it can
    never succeed."""


# Stripe's amounts are integers of centimes; anything beyond this is not a shop's payment.
AMOUNT_MAX = 10**12
# The fields the webhook's handlers read, by object, with the types Stripe sends (None allowed).
_SESSION_FIELDS = {
    "id": str,
    "amount_total": int,
    "currency": str,
    "payment_status": str,
    "payment_intent": str,
    "client_reference_id": str,
    "metadata": dict,
}
_CHARGE_FIELDS = {"id": str, "payment_intent": str, "refunds": dict}


def configured() -> bool:
    """Card payment is offered only when all three Stripe settings are present."""
    return bool(
        settings.STRIPE_SECRET_KEY
        and settings.STRIPE_PUBLISHABLE_KEY
        and settings.STRIPE_WEBHOOK_SECRET
    )


def to_minor(amount: Decimal) -> int:
    """Decimal MAD to Stripe's centimes."""
    return int((money(amount) * 100).to_integral_value())


def from_minor(amount: int) -> Decimal:
    """Stripe's centimes to Decimal MAD."""
    return (Decimal(int(amount)) / 100).quantize(CENT)


def _client() -> stripe.StripeClient:
    base = {"api": settings.STRIPE_API_BASE} if settings.STRIPE_API_BASE else None
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        base_addresses=base,
        max_network_retries=1,
    )


@dataclass
class CheckoutSession:
    id: str
    url: str


def checkout_session_create(
    *,
    order_number: str,
    amount: Decimal,
    email: str,
    description: str,
    success_url: str,
    cancel_url: str,
    language: str,
) -> CheckoutSession:
    """A Stripe Checkout page for the order's total; the order number is the idempotency key."""
    params = {
        "mode": "payment",
        "client_reference_id": order_number,
        "metadata": {"order_number": order_number},
        "payment_intent_data": {"metadata": {"order_number": order_number}},
        "customer_email": email or None,
        "locale": language if language in ("fr", "en") else "auto",
        "success_url": success_url,
        "cancel_url": cancel_url,
        "line_items": [
            {
                "quantity": 1,
                "price_data": {
                    "currency": CURRENCY,
                    "unit_amount": to_minor(amount),
                    "product_data": {"name": description},
                },
            }
        ],
    }
    params = {key: value for key, value in params.items() if value is not None}
    try:
        session = _client().v1.checkout.sessions.create(
            params=params,
            # Same order and amount: Stripe answers with the same session, never a second one.
            options={"idempotency_key": f"checkout-{order_number}-{to_minor(amount)}"},
        )
    except stripe.StripeError as error:
        logger.warning("Stripe refused a checkout session for %s: %s", order_number, error)
        raise GatewayUnavailable(str(error)) from error
    logger.info("Stripe checkout session %s for order %s", session.id, order_number)
    return CheckoutSession(id=session.id, url=session.url)


def checkout_session_expire(*, session_id: str) -> None:
    """Close a checkout page so that it can no longer be paid (best effort)."""
    try:
        _client().v1.checkout.sessions.expire(session_id)
    except stripe.StripeError as error:
        logger.warning("Could not expire Stripe session %s: %s", session_id, error)


def event_verify(*, payload: bytes, signature: str) -> dict:
    """The event as a plain dict, if its signature verifies with our webhook secret (BadSignature
    otherwise) and it has the shape of the Stripe events we read (BadEvent otherwise)."""
    if not signature.isascii():
        raise BadSignature("the signature header is not ASCII")
    try:
        stripe.WebhookSignature.verify_header(payload, signature, settings.STRIPE_WEBHOOK_SECRET)
    except (ValueError, TypeError, stripe.SignatureVerificationError) as error:
        raise BadSignature(str(error)) from error
    try:
        event = json.loads(payload)
    except (ValueError, UnicodeDecodeError) as error:
        raise BadEvent("the body is not JSON") from error
    _event_check(event)
    return event


def _fields_check(values, fields: dict, what: str) -> None:
    if not isinstance(values, dict):
        raise BadEvent(f"{what} is not an object")
    for name, kind in fields.items():
        value = values.get(name)
        if value is None:
            continue
        # bool is an int to Python, never an amount to Stripe.
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise BadEvent(f"{what}.{name} is not a {kind.__name__}")
        if kind is int and not 0 <= value <= AMOUNT_MAX:
            raise BadEvent(f"{what}.{name} is out of range")
        if kind is str and len(value) > 500:
            raise BadEvent(f"{what}.{name} is too long")


def _event_check(event) -> None:
    """Refuse what the handlers could not read: ids and types that are not text, objects that
    are not objects, amounts that are not whole centimes."""
    _fields_check(event, {"id": str, "type": str, "data": dict}, "the event")
    if not event.get("id") or not event.get("type") or not isinstance(event.get("data"), dict):
        raise BadEvent("the event has no id, type or data")
    payload = event["data"].get("object")
    if event["type"].startswith("checkout.session."):
        _fields_check(payload, _SESSION_FIELDS, "the session")
        _fields_check(payload.get("metadata") or {}, {"order_number": str}, "the metadata")
    elif event["type"] == "charge.refunded":
        _fields_check(payload, _CHARGE_FIELDS, "the charge")
        refunds = (payload.get("refunds") or {}).get("data") or []
        if not isinstance(refunds, list):
            raise BadEvent("the charge's refunds are not a list")
        for refund in refunds:
            _fields_check(refund, {"id": str, "amount": int}, "a refund")
    elif payload is not None and not isinstance(payload, dict):
        raise BadEvent("the event's object is not an object")


def refund_create(*, payment_intent: str, amount: Decimal, key: str) -> str:
    """Refund part or all of a payment; `key` makes a retried refund happen once."""
    try:
        refund = _client().v1.refunds.create(
            params={"payment_intent": payment_intent, "amount": to_minor(amount)},
            options={"idempotency_key": key},
        )
    except stripe.StripeError as error:
        logger.warning("Stripe refused a refund on %s: %s", payment_intent, error)
        raise GatewayUnavailable(str(error)) from error
    return refund.id
