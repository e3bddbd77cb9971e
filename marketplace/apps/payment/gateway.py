"""The one place that talks to Stripe: amounts in MAD, idempotency keys, signatures, logging.

Nothing else imports `stripe`. Amounts cross this boundary as Decimal MAD; Stripe counts MAD in
centimes (two decimals), so 123.45 MAD is 12345.
"""

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
    """The event as a plain dict, if its signature verifies with our webhook secret."""
    try:
        event = stripe.Webhook.construct_event(payload, signature, settings.STRIPE_WEBHOOK_SECRET)
    except (ValueError, stripe.SignatureVerificationError) as error:
        raise BadSignature(str(error)) from error
    return event.to_dict()


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
