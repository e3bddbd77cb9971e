"""A parcel's life, a cooperative's or a hub's: accept, ship, deliver, cancel, refuse (stock,
ledger, cash collected, e-mails)."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cooperatives.models import (
    CooperativeShipment,
    HubShipment,
    LedgerEntry,
)
from cooperatives.selectors import parcel_lines
from cooperatives.services.ledger import ledger_book
from cooperatives.services.status import order_status_refresh
from cooperatives.tasks import email_queue, shipment_shipped_email
from marketplace.apps.payment import sources

Status = CooperativeShipment.Status


TRACKING_NUMBER = re.compile(r"[A-Z0-9]{8,30}")


def _shipment_locked(shipment, target: str):
    """Reload the shipment (a cooperative's or a hub's) under a row lock and check the move is
    allowed from its state now."""
    locked = type(shipment).objects.select_for_update().get(pk=shipment.pk)
    if not locked.can_become(target):
        raise ValidationError(
            _("This shipment is %(status)s: it cannot become %(target)s.")
            % {"status": locked.get_status_display(), "target": Status(target).label}
        )
    return locked


def _shipment_stock(shipment: CooperativeShipment, *, consume: bool) -> None:
    if shipment.is_to_hub:
        items = shipment.basket_shares.select_related("stockrecord")
    else:
        items = parcel_lines(parcel=shipment)
    for item in items:
        if item.stockrecord is None:
            continue
        if consume:
            item.stockrecord.consume_allocation(item.quantity)
        else:
            item.stockrecord.cancel_allocation(item.quantity)


# When a parcel (a cooperative's or a hub's) reached each status.
STATUS_STAMPS = {
    Status.ACCEPTED: "accepted_at",
    Status.SHIPPED: "shipped_at",
    Status.DELIVERED: "delivered_at",
}


def _shipment_stamp(shipment, status: str, **fields) -> None:
    """Move a locked parcel to this status, noting when, with these other fields."""
    stamp = STATUS_STAMPS[status]
    shipment.status = status
    setattr(shipment, stamp, timezone.now())
    for name, value in fields.items():
        setattr(shipment, name, value)
    shipment.save(update_fields=["status", stamp, *fields])


def _tracking_number_checked(tracking_number: str, *, required: bool) -> str:
    tracking_number = tracking_number.strip().upper()
    if required and not TRACKING_NUMBER.fullmatch(tracking_number):
        message = _("Enter the Amana tracking number (8 to 30 letters or digits).")
        raise ValidationError({"tracking_number": message})
    return tracking_number


@transaction.atomic
def shipment_accept(*, shipment: CooperativeShipment) -> CooperativeShipment:
    """The cooperative confirms it will prepare this shipment."""
    shipment = _shipment_locked(shipment, Status.ACCEPTED)
    _shipment_stamp(shipment, Status.ACCEPTED)
    order_status_refresh(order=shipment.order)
    return shipment


@transaction.atomic
def shipment_mark_shipped(
    *, shipment: CooperativeShipment, tracking_number: str = ""
) -> CooperativeShipment:
    """The parcel left (Amana, with its tracking number) or is ready to be picked up."""
    shipment = _shipment_locked(shipment, Status.SHIPPED)
    tracking_number = _tracking_number_checked(
        tracking_number,
        required=shipment.delivery_method == CooperativeShipment.DeliveryMethod.AMANA,
    )
    _shipment_stamp(shipment, Status.SHIPPED, tracking_number=tracking_number)
    order_status_refresh(order=shipment.order)
    email_queue(shipment_shipped_email, shipment_id=shipment.pk)
    return shipment


@transaction.atomic
def shipment_mark_delivered(*, shipment: CooperativeShipment) -> CooperativeShipment:
    """The customer has the parcel: stock leaves for good; cash on delivery is collected."""
    shipment = _shipment_locked(shipment, Status.DELIVERED)
    _shipment_stamp(shipment, Status.DELIVERED)
    _shipment_stock(shipment, consume=True)
    order = shipment.order
    # A parcel for the hub is paid for with the basket: no cash changes hands at the hub's door.
    if order.payment_method == order.PaymentMethod.CASH_ON_DELIVERY and not shipment.is_to_hub:
        ledger_book(shipment, LedgerEntry.Kind.CASH_COLLECTED, shipment.total)
        _cash_collected(shipment)
    order_status_refresh(order=order)
    return shipment


def _cash_collected(shipment) -> None:
    """The courier took the parcel's amount (a cooperative's or a hub's): debit the order's
    cash-on-delivery source by it."""
    source = shipment.order.sources.filter(source_type__code=sources.CASH_ON_DELIVERY).first()
    if source is not None:
        source.debit(shipment.total, reference=shipment.reference)


@transaction.atomic
def shipment_cancel(*, shipment: CooperativeShipment, reason: str) -> CooperativeShipment:
    """Cancel before shipping, with a reason the customer reads; the stock comes back."""
    return _shipment_close(shipment, Status.CANCELLED, reason)


@transaction.atomic
def shipment_mark_refused(
    *, shipment: CooperativeShipment, reason: str = ""
) -> CooperativeShipment:
    """The customer refused the parcel at the door: nothing is owed, the stock comes back."""
    return _shipment_close(shipment, Status.REFUSED, reason)


def _close_reason(target: str, reason: str) -> str:
    """The reason given for closing a shipment; a cancellation must say why."""
    reason = reason.strip()
    if target == Status.CANCELLED and not reason:
        raise ValidationError({"reason": _("Say why the shipment is cancelled.")})
    return reason


def _shipment_close(shipment: CooperativeShipment, target: str, reason: str) -> CooperativeShipment:
    reason = _close_reason(target, reason)
    shipment = _shipment_locked(shipment, target)
    parcel_mark_closed(shipment, target, reason)
    ledger_book(shipment, LedgerEntry.Kind.REVERSAL, -shipment.amount_owed)
    order_status_refresh(order=shipment.order)
    return shipment


def parcel_mark_closed(shipment, target: str, reason: str) -> None:
    """Cancelled or refused (the shipment, a cooperative's or a hub's, is locked by the caller):
    a cooperative's stock comes back (a hub holds none of its own)."""
    shipment.status = target
    shipment.cancellation_reason = reason[:500]
    shipment.closed_at = timezone.now()
    shipment.save(update_fields=["status", "cancellation_reason", "closed_at"])
    if isinstance(shipment, CooperativeShipment):
        _shipment_stock(shipment, consume=False)


@transaction.atomic
def hub_shipment_accept(*, shipment: HubShipment) -> HubShipment:
    """The hub has the components and assembles the baskets."""
    shipment = _shipment_locked(shipment, Status.ACCEPTED)
    _shipment_stamp(shipment, Status.ACCEPTED)
    order_status_refresh(order=shipment.order)
    return shipment


@transaction.atomic
def hub_shipment_mark_shipped(*, shipment: HubShipment, tracking_number: str = "") -> HubShipment:
    """The assembled baskets left the hub: an Amana parcel to the buyer (with its tracking
    number), or the partner organisation's collection."""
    shipment = _shipment_locked(shipment, Status.SHIPPED)
    tracking_number = _tracking_number_checked(tracking_number, required=not shipment.is_offered)
    _shipment_stamp(shipment, Status.SHIPPED, tracking_number=tracking_number)
    order_status_refresh(order=shipment.order)
    return shipment


@transaction.atomic
def hub_shipment_mark_delivered(*, shipment: HubShipment) -> HubShipment:
    """The baskets reached the buyer (cash on delivery is collected) or the partner."""
    shipment = _shipment_locked(shipment, Status.DELIVERED)
    _shipment_stamp(shipment, Status.DELIVERED)
    order = shipment.order
    if order.payment_method == order.PaymentMethod.CASH_ON_DELIVERY:
        _cash_collected(shipment)
    order_status_refresh(order=order)
    return shipment


@transaction.atomic
def hub_shipment_cancel(*, shipment: HubShipment, reason: str) -> HubShipment:
    """Cancel baskets before they leave the hub. The cooperatives' parcels for them that have
    not left yet are cancelled too, and their stock comes back."""
    reason = _close_reason(Status.CANCELLED, reason)
    shipment = _shipment_locked(shipment, Status.CANCELLED)
    parcel_mark_closed(shipment, Status.CANCELLED, reason)
    still_open = HubShipment.objects.filter(
        order=shipment.order, hub=shipment.hub, status__in=HubShipment.OPEN_STATUSES
    )
    if not still_open.exists():
        inbound = shipment.order.shipments.filter(
            hub=shipment.hub, status__in=[Status.NEW, Status.ACCEPTED]
        )
        for parcel in inbound:
            _shipment_close(parcel, Status.CANCELLED, reason)
    order_status_refresh(order=shipment.order)
    return shipment
