"""The cooperatives domain's background work: the e-mails about orders and parcels.

Each message is its own task, queued in the transaction that causes it (the tasks live in the
same database: a rolled-back order sends nothing), and retried alone when the mail server fails.
"""

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django_tasks.base import Task

from cooperatives import emails
from cooperatives.models import CooperativeShipment
from marketplace.background.tasks import task_retried

_silenced: ContextVar[bool] = ContextVar("emails_silenced", default=False)


@contextmanager
def emails_silenced() -> Iterator[None]:
    """Queue no e-mail inside this block (the demo's orders: its people are not real)."""
    token = _silenced.set(True)
    try:
        yield
    finally:
        _silenced.reset(token)


def email_queue(task: Task, **kwargs) -> None:
    """Queue one of the e-mail tasks below, unless e-mails are silenced."""
    if not _silenced.get():
        task.enqueue(**kwargs)


RETRIED = {
    "queue_name": "emails",
    "attempts": 8,
    "delay": datetime.timedelta(minutes=1),
    "delay_max": datetime.timedelta(hours=2),
}


@task_retried(**RETRIED)
def order_placed_email(*, order_id: int) -> None:
    """The customer's order confirmation."""
    emails.order_placed_send(order_id=order_id)


@task_retried(**RETRIED)
def baskets_offered_email(*, order_id: int) -> None:
    """The thanks for baskets offered through a campaign."""
    emails.baskets_offered_send(order_id=order_id)


@task_retried(**RETRIED)
def shipment_new_email(*, shipment_id: int) -> None:
    """A cooperative's notice of a new parcel to prepare."""
    emails.shipment_new_send(shipment_id=shipment_id)


@task_retried(**RETRIED)
def shipment_shipped_email(*, shipment_id: int) -> None:
    """The customer's notice that a parcel left."""
    emails.shipment_shipped_send(shipment_id=shipment_id)


@task_retried(**RETRIED)
def order_unpaid_email(*, order_id: int) -> None:
    """The customer's notice that an unpaid card order was cancelled."""
    emails.order_unpaid_send(order_id=order_id)


def order_placed_notify(*, order) -> None:
    """Queue the messages of an order now going to the cooperatives: the customer's
    confirmation (and thanks for offered baskets), and a notice to each cooperative."""
    if _silenced.get():
        return
    email_queue(order_placed_email, order_id=order.pk)
    if order.hub_shipments.filter(campaign_page_id__isnull=False).exists():
        email_queue(baskets_offered_email, order_id=order.pk)
    parcels = order.shipments.exclude(
        status__in=[
            CooperativeShipment.Status.AWAITING_PAYMENT,
            CooperativeShipment.Status.CANCELLED,
        ]
    ).order_by("pk")
    for shipment_id in parcels.values_list("pk", flat=True):
        email_queue(shipment_new_email, shipment_id=shipment_id)
