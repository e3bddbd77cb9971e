"""Emails about orders, each in its reader's language: customers, and cooperatives' staff.

One message per function, each sent by its background task (cooperatives/tasks.py), queued in the
transaction that causes it: nothing is sent for a rolled-back order, and a message that fails is
retried alone.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from cooperatives.models import CooperativeShipment, HubShipment
from cooperatives.selectors import order_parcels_lines, parcel_lines
from marketplace.apps.order.models import Order

logger = logging.getLogger(__name__)


def _absolute(path: str) -> str:
    return settings.MARKETPLACE_BASE_URL.rstrip("/") + path


def _send(*, template: str, context: dict, to: list[str], language: str) -> None:
    recipients = [address for address in to if address]
    if not recipients:
        logger.warning("No recipient for %s email", template)
        return
    with translation.override(language):
        context = {**context, "language": language, "rtl": translation.get_language_bidi()}
        subject = render_to_string(f"cooperatives/emails/{template}_subject.txt", context)
        text = render_to_string(f"cooperatives/emails/{template}.txt", context)
        html = render_to_string(f"cooperatives/emails/{template}.html", context)
    message = EmailMultiAlternatives(
        " ".join(subject.split()), text, settings.DEFAULT_FROM_EMAIL, recipients
    )
    message.attach_alternative(html, "text/html")
    message.send()


def order_status_url(order) -> str:
    """A link the customer can open without logging in (Oscar's signed order-status page)."""
    with translation.override(order.language):
        path = reverse(
            "customer:anon-order",
            kwargs={"order_number": order.number, "hash": order.verification_hash()},
        )
    return _absolute(path)


def _staff_addresses(cooperative) -> list[str]:
    addresses = list(
        cooperative.partner.users.filter(is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    return addresses or [cooperative.email]


def _order_parcels(order) -> tuple[list[CooperativeShipment], list[HubShipment]]:
    """The order's cooperatives' parcels and hubs' parcels, each with the lines it carries."""
    shipments, hub_parcels = [], []
    for parcel, lines in order_parcels_lines(order=order):
        parcel.order_lines = lines
        if isinstance(parcel, HubShipment):
            hub_parcels.append(parcel)
        else:
            shipments.append(parcel)
    return shipments, hub_parcels


def order_placed_send(*, order_id: int) -> None:
    """Confirm the order to the customer: what each cooperative sends them, and the baskets
    delivered to them (offered baskets have their own message)."""
    order = Order.objects.get(pk=order_id)
    shipments, hub_parcels = _order_parcels(order)
    to_buyer = [shipment for shipment in shipments if not shipment.hub_id]
    delivered_baskets = [parcel for parcel in hub_parcels if not parcel.is_offered]
    if not (to_buyer or delivered_baskets):
        return
    _send(
        template="order_placed",
        context={
            "order": order,
            "shipments": to_buyer,
            "hub_shipments": delivered_baskets,
            "status_url": order_status_url(order),
        },
        to=[order.email],
        language=order.language,
    )


def baskets_offered_send(*, order_id: int) -> None:
    """Thank the buyer for baskets offered through a campaign (never a word about who gets
    them: the partner organisation keeps that)."""
    from cms.models import CampaignPage

    order = Order.objects.get(pk=order_id)
    _shipments, hub_parcels = _order_parcels(order)
    offered = [parcel for parcel in hub_parcels if parcel.is_offered]
    if not offered:
        return
    titles = dict(
        CampaignPage.objects.filter(
            pk__in=[parcel.campaign_page_id for parcel in offered]
        ).values_list("pk", "title")
    )
    for parcel in offered:
        parcel.baskets = sum(line.quantity for line in parcel.order_lines)
        parcel.campaign_title = titles.get(parcel.campaign_page_id, "")
    _send(
        template="baskets_offered",
        context={"order": order, "offered": offered},
        to=[order.email],
        language=order.language,
    )


def shipment_new_send(*, shipment_id: int) -> None:
    """Tell a cooperative's staff about a new parcel to prepare, in the cooperative's language."""
    shipment = CooperativeShipment.objects.select_related("order", "cooperative", "hub").get(
        pk=shipment_id
    )
    shipment.order_lines = parcel_lines(parcel=shipment)
    shipment.shares = list(shipment.basket_shares.all()) if shipment.hub_id else []
    cooperative = shipment.cooperative
    with translation.override(cooperative.notification_language):
        space_url = _absolute(reverse("cooperative_space:shipment", args=[shipment.pk]))
    _send(
        template="shipment_new",
        context={"order": shipment.order, "shipment": shipment, "space_url": space_url},
        to=_staff_addresses(cooperative),
        language=cooperative.notification_language,
    )


def shipment_shipped_send(*, shipment_id: int) -> None:
    """Tell the customer a cooperative's parcel is on its way (or ready to collect)."""
    shipment = CooperativeShipment.objects.select_related("order", "cooperative").get(
        pk=shipment_id
    )
    order = shipment.order
    _send(
        template="shipment_shipped",
        context={
            "order": order,
            "shipment": shipment,
            "order_lines": parcel_lines(parcel=shipment),
            "status_url": order_status_url(order),
        },
        to=[order.email],
        language=order.language,
    )


def order_unpaid_send(*, order_id: int) -> None:
    """Tell the customer their card order was cancelled because it was never paid."""
    order = Order.objects.get(pk=order_id)
    _send(
        template="order_unpaid",
        context={"order": order},
        to=[order.email],
        language=order.language,
    )
