"""An order's overall status, derived from its parcels, set through Oscar's pipeline."""

from django.db import transaction

from cooperatives.models import CooperativeShipment
from cooperatives.signals import parcels_changed

Status = CooperativeShipment.Status

# The statuses an order takes (the pipeline in the settings allows every move between them).
ORDER_STATUS_PENDING = "Pending"
ORDER_STATUS_PENDING_PAYMENT = "Pending payment"
ORDER_STATUS_PROCESSING = "Being processed"
ORDER_STATUS_SHIPPED = "Shipped"
ORDER_STATUS_COMPLETE = "Complete"
ORDER_STATUS_CANCELLED = "Cancelled"


def order_status_refresh(*, order) -> str:
    """Derive the order's overall status from its shipments (for operators and Oscar)."""
    statuses = set(order.shipments.values_list("status", flat=True))
    statuses |= set(order.hub_shipments.values_list("status", flat=True))
    closed = {Status.CANCELLED, Status.REFUSED}
    if not statuses:
        status = ORDER_STATUS_PENDING
    elif statuses == {Status.AWAITING_PAYMENT}:
        status = ORDER_STATUS_PENDING_PAYMENT
    elif statuses <= closed:
        status = ORDER_STATUS_CANCELLED
    elif statuses <= closed | {Status.DELIVERED}:
        status = ORDER_STATUS_COMPLETE
    elif statuses & {Status.SHIPPED, Status.DELIVERED}:
        status = ORDER_STATUS_SHIPPED
    elif Status.ACCEPTED in statuses:
        status = ORDER_STATUS_PROCESSING
    else:
        status = ORDER_STATUS_PENDING
    if order.status != status:
        with transaction.atomic():
            # Oscar's set_status saves the whole order: read it afresh, locked, so that a stale
            # copy never writes back fields another request changed.
            current = type(order).objects.select_for_update().get(pk=order.pk)
            current.set_status(status)  # the pipeline allows every derived move
        order.status = status
    sender, order_id = type(order), order.pk
    transaction.on_commit(lambda: parcels_changed.send(sender=sender, order_id=order_id))
    return status
