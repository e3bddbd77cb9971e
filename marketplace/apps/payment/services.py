"""Card payments: confirming, expiring and reconciling orders from Stripe's signed events."""

import datetime
import logging
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from cooperatives.services import (
    ORDER_STATUS_PENDING_PAYMENT,
    ledger_refund_book,
    order_shipments_release,
    order_unpaid_cancel,
)
from marketplace.apps.order.models import Order
from marketplace.apps.payment import gateway, sources
from marketplace.apps.payment import tasks as payment_tasks  # its tasks call back into here
from marketplace.apps.payment.models import Refund, Source, StripeEvent
from marketplace.money import money

logger = logging.getLogger(__name__)

CARD_SOURCE = sources.CARD


@transaction.atomic
def stripe_event_handle(*, event: dict) -> str:
    """Apply one verified Stripe event, once: a replayed event id changes nothing more."""
    record, created = StripeEvent.objects.get_or_create(
        event_id=event["id"], defaults={"type": event.get("type", "")}
    )
    if not created:
        return "duplicate"
    payload = event.get("data", {}).get("object", {}) or {}
    handlers = {
        "checkout.session.completed": _session_completed,
        "checkout.session.async_payment_succeeded": _session_completed,
        "checkout.session.expired": _session_expired,
        "charge.refunded": _charge_refunded,
    }
    handler = handlers.get(record.type)
    order_number, outcome = handler(payload) if handler else ("", "ignored")
    record.order_number = order_number or ""
    record.outcome = outcome
    record.save(update_fields=["order_number", "outcome"])
    logger.info("Stripe event %s (%s): %s %s", record.event_id, record.type, order_number, outcome)
    return outcome


def _order_for(session: dict) -> tuple[str, Order | None]:
    number = (session.get("metadata") or {}).get("order_number") or session.get(
        "client_reference_id", ""
    )
    order = Order.objects.select_for_update().filter(number=number).first() if number else None
    return number, order


def _session_completed(session: dict) -> tuple[str, str]:
    number, order = _order_for(session)
    if order is None:
        return number, "unknown order"
    if session.get("payment_status") != "paid":
        return number, "not paid yet"
    amount = gateway.from_minor(session.get("amount_total") or 0)
    currency = (session.get("currency") or "").lower()
    if currency != gateway.CURRENCY or amount != order.total_incl_tax:
        logger.error(
            "Order %s: Stripe says %s %s, the order is %s MAD: not marked paid",
            number,
            amount,
            currency,
            order.total_incl_tax,
        )
        return number, "amount or currency mismatch"
    payment_intent = session.get("payment_intent") or ""
    if order.sources.filter(source_type__code=CARD_SOURCE).exists():
        return number, "already paid"
    if order.status != ORDER_STATUS_PENDING_PAYMENT:
        # Paid after it expired: give the money back rather than revive a cancelled order.
        late_payment_refund_queue(order=order, amount=amount, payment_intent=payment_intent)
        return number, "paid too late: refund queued"
    card_payment_record(order=order, amount=amount, reference=payment_intent)
    return number, "paid"


def late_payment_refund_queue(*, order: Order, amount: Decimal, payment_intent: str) -> Refund:
    """Record the refund of a payment that arrived after its order expired, waiting for Stripe,
    and queue the task that sends it (outside any transaction, retried until Stripe accepts):
    the webhook answers at once, and the refund is never lost."""
    refund = Refund.objects.create(
        order=order,
        amount=amount,
        origin=Refund.Origin.LATE_PAYMENT,
        status=Refund.Status.PENDING,
        payment_intent=payment_intent,
    )
    payment_tasks.refund_send.enqueue(refund_id=refund.pk)
    return refund


def late_payment_refund_send(*, refund_id: int) -> str:
    """Ask Stripe for a waiting refund, then record its id; called by the `refund_send` task,
    outside any transaction (no row stays locked during the call). Idempotent: the key is the
    refund's, so a retry after a lost answer refunds once."""
    refund = Refund.objects.get(pk=refund_id)
    if refund.status == Refund.Status.SUCCEEDED:
        return refund.stripe_refund_id or ""
    stripe_id = gateway.refund_create(
        payment_intent=refund.payment_intent, amount=refund.amount, key=f"late-refund-{refund.pk}"
    )
    Refund.objects.filter(pk=refund.pk, status=Refund.Status.PENDING).update(
        stripe_refund_id=stripe_id, status=Refund.Status.SUCCEEDED
    )
    return stripe_id


def card_payment_record(*, order: Order, amount: Decimal, reference: str) -> None:
    """A card payment received for an order waiting for it: its card source, debited, and its
    parcels released to the cooperatives (booked, announced)."""
    source = Source.objects.create(
        order=order,
        source_type=sources.source_type(sources.CARD),
        currency=order.currency,
        amount_allocated=amount,
        reference=reference,
    )
    source.debit(amount, reference=reference, status="succeeded")
    order_shipments_release(order=order)


def _session_expired(session: dict) -> tuple[str, str]:
    number, order = _order_for(session)
    if order is None or order.status != ORDER_STATUS_PENDING_PAYMENT:
        return number, "ignored"
    order_unpaid_cancel(order=order, reason=_unpaid_reason(order))
    return number, "expired"


def _unpaid_reason(order: Order) -> str:
    with translation.override(order.language):
        return gettext("The card payment was not received in time.")


def orders_unpaid_expire(*, now: datetime.datetime | None = None) -> list[str]:
    """Cancel card orders left unpaid past the delay; returns their numbers."""
    now = now or timezone.now()
    limit = now - datetime.timedelta(minutes=settings.CARD_PAYMENT_EXPIRY_MINUTES)
    expired = []
    stale = Order.objects.filter(status=ORDER_STATUS_PENDING_PAYMENT, date_placed__lt=limit)
    for number in stale.values_list("number", flat=True):
        with transaction.atomic():
            order = Order.objects.select_for_update().get(number=number)
            if order.status != ORDER_STATUS_PENDING_PAYMENT:
                continue
            order_unpaid_cancel(order=order, reason=_unpaid_reason(order))
            if order.payment_reference:
                reference = order.payment_reference
                transaction.on_commit(
                    lambda reference=reference: gateway.checkout_session_expire(
                        session_id=reference
                    )
                )
            expired.append(number)
    return expired


def refundable_amount(*, order: Order, shipment=None) -> Decimal:
    """What can still be refunded: on the order, or on one of its shipments."""
    paid = sum(
        (source.amount_debited for source in order.sources.filter(source_type__code=CARD_SOURCE)),
        Decimal("0.00"),
    )
    refunded = sum((refund.amount for refund in order.refunds.all()), Decimal("0.00"))
    left = paid - refunded
    if shipment is not None:
        on_shipment = sum((refund.amount for refund in shipment.refunds.all()), Decimal("0.00"))
        left = min(left, shipment.total - on_shipment)
    return max(left, Decimal("0.00"))


@transaction.atomic
def refund_issue(
    *,
    order: Order,
    amount: Decimal,
    reason: str,
    request_key: str,
    shipment=None,
    by_user=None,
) -> Refund:
    """Refund part or all of a card order (or of one shipment) through Stripe, once per form."""
    order = Order.objects.select_for_update().get(pk=order.pk)
    existing = Refund.objects.filter(request_key=request_key).first()
    if existing is not None:
        return existing
    source = order.sources.filter(source_type__code=CARD_SOURCE).first()
    if source is None:
        raise ValidationError(_("Only orders paid by card can be refunded here."))
    if shipment is not None and shipment.order_id != order.pk:
        raise ValidationError(_("This shipment belongs to another order."))
    amount = money(amount)
    limit = refundable_amount(order=order, shipment=shipment)
    if amount <= 0 or amount > limit:
        raise ValidationError(
            _("The amount must be more than 0 and at most %(limit)s MAD.") % {"limit": limit}
        )
    refund = Refund.objects.create(
        order=order,
        shipment=shipment,
        amount=amount,
        reason=reason.strip()[:300],
        origin=Refund.Origin.DASHBOARD,
        created_by=by_user,
        request_key=request_key,
    )
    try:
        refund.stripe_refund_id = gateway.refund_create(
            payment_intent=source.reference, amount=amount, key=f"refund-{request_key}"
        )
    except gateway.GatewayUnavailable as error:
        raise ValidationError(
            _("Stripe did not accept the refund; nothing was refunded. Try again later.")
        ) from error
    refund.save(update_fields=["stripe_refund_id"])
    source.refund(amount, reference=refund.stripe_refund_id, status="succeeded")
    ledger_refund_book(order=order, amount=amount, shipment=shipment)
    return refund


def _charge_refunded(charge: dict) -> tuple[str, str]:
    """Refunds made in Stripe's own dashboard: record those we do not know yet."""
    payment_intent = charge.get("payment_intent") or ""
    source = (
        Source.objects.select_related("order")
        .filter(source_type__code=CARD_SOURCE, reference=payment_intent)
        .first()
        if payment_intent
        else None
    )
    if source is None:
        return "", "unknown payment"
    order = Order.objects.select_for_update().get(pk=source.order_id)
    recorded = 0
    for item in (charge.get("refunds") or {}).get("data", []):
        if Refund.objects.filter(stripe_refund_id=item.get("id")).exists():
            continue
        amount = gateway.from_minor(item.get("amount") or 0)
        if amount <= 0:
            continue
        Refund.objects.create(
            order=order,
            amount=amount,
            reason="Refunded in Stripe's dashboard",
            origin=Refund.Origin.STRIPE,
            stripe_refund_id=item["id"],
        )
        source.refund(amount, reference=item["id"], status="succeeded")
        ledger_refund_book(order=order, amount=amount)
        recorded += 1
    return order.number, f"{recorded} refund(s) recorded"
