"""Orders and their split: the stock lock, one parcel per sender, card orders waiting for
their payment and released or cancelled."""

from collections import defaultdict
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from oscar.apps.partner.models import StockRecord

from catalogue.selectors import basket_components, component_stockrecord
from cooperatives.models import (
    BasketShare,
    CooperativeShipment,
    HubShipment,
)
from cooperatives.services.ledger import shipment_sale_book
from cooperatives.services.parcels import parcel_mark_closed
from cooperatives.services.status import order_status_refresh
from cooperatives.shipping import line_sender, offered_recipients
from cooperatives.tasks import email_queue, order_placed_notify, order_unpaid_email
from marketplace.money import money, money_split_grouped

Status = CooperativeShipment.Status


def basket_stock_lock(*, basket) -> None:
    """Lock the basket's stock records and check they still cover it, or raise ValidationError.

    Called inside the order-placing transaction: on PostgreSQL the row locks make concurrent
    buyers of the last units queue, so the allocation that follows can never oversell.
    """
    needed, titles = lines_stock_needs(basket.all_lines())
    records = StockRecord.objects.select_for_update().filter(pk__in=needed).order_by("pk")
    problems = []
    for record in records:
        available = max(record.net_stock_level, 0)
        if needed[record.pk] > available:
            problems.append(
                _("Only %(count)s left of “%(title)s”: please lower the quantity in your basket.")
                % {"count": available, "title": titles[record.pk]}
            )
    if problems:
        raise ValidationError(problems)


def lines_stock_needs(lines) -> tuple[dict[int, int], dict[int, str]]:
    """Units needed per stock record: a product's own, or each component of a solidarity basket
    (its quantity in the basket times the baskets bought)."""
    needed: dict[int, int] = defaultdict(int)
    titles: dict[int, str] = {}
    for line in lines:
        product = line.product
        if product is not None and product.is_solidarity_basket:
            for component in basket_components(basket=product.solidarity_basket):
                record = component_stockrecord(component)
                if record is None:
                    raise ValidationError(
                        _("“%(title)s” can no longer be sold.") % {"title": product.get_title()}
                    )
                needed[record.pk] += component.quantity * line.quantity
                titles[record.pk] = component.product.get_title()
        else:
            needed[line.stockrecord_id] += line.quantity
            titles[line.stockrecord_id] = product.get_title() if product else ""
    return needed, titles


@transaction.atomic
def order_shipments_create(
    *, order, quotes, awaiting_payment: bool = False
) -> list[CooperativeShipment]:
    """Split a placed order into one shipment per cooperative and book each in the ledger.

    The commission rate is frozen at sale time; the cooperative is owed its products and its
    delivery charge, less the commission on the products. A card order's shipments wait for the
    payment (`order_shipments_release`): until then no cooperative sees them and nothing is
    booked or sent.
    """
    quotes_by_sender = {quote.cooperative.slug: quote for quote in quotes}
    lines = list(order.lines.select_related("partner", "product").prefetch_related("attributes"))
    recipients = offered_recipients(lines)
    items_by_sender: dict[str, Decimal] = defaultdict(Decimal)
    lines_by_sender: dict[str, list] = defaultdict(list)
    senders = {}
    for line in lines:
        sender = line_sender(line, recipients=recipients)
        senders[sender.slug] = sender
        items_by_sender[sender.slug] += line.line_price_incl_tax
        lines_by_sender[sender.slug].append(line)
    status = Status.AWAITING_PAYMENT if awaiting_payment else Status.NEW
    shipments = []
    basket_lines = []
    for key, items_total in items_by_sender.items():
        quote = quotes_by_sender.get(key)
        if quote is None:
            raise ValueError(f"Order {order.number}: no delivery quote for {key}")
        sender = senders[key]
        if getattr(sender, "is_hub", False):
            HubShipment.objects.create(
                order=order,
                hub=sender.hub,
                campaign_page_id=sender.campaign_page_id,
                recipient=sender.recipient,
                items_total=money(items_total),
                shipping_charge=money(quote.charge),
                status=status,
            )
            basket_lines += lines_by_sender[key]
            continue
        cooperative = sender
        rate = cooperative.effective_commission_rate
        commission = money(items_total * rate)
        shipment = CooperativeShipment.objects.create(
            order=order,
            cooperative=cooperative,
            delivery_method=quote.method,
            items_total=money(items_total),
            shipping_charge=money(quote.charge),
            commission_rate=rate,
            commission_amount=commission,
            amount_owed=money(items_total) + money(quote.charge) - commission,
            status=status,
        )
        if not awaiting_payment:
            shipment_sale_book(shipment)
        shipments.append(shipment)
    shipments += _order_basket_shares_create(order, basket_lines, status=status)
    order_status_refresh(order=order)
    if not awaiting_payment:
        order_placed_notify(order=order)
    return shipments


def _order_basket_shares_create(order, lines, *, status: str) -> list[CooperativeShipment]:
    """Split each solidarity basket line among the cooperatives of its components: one parcel
    to the hub per cooperative, the components' stock allocated, each share of the price (in
    proportion to the components' value, to the centime) recorded and, once paid, booked."""
    to_hub: dict[tuple[int, int], CooperativeShipment] = {}
    rates: dict[tuple[int, int], set] = defaultdict(set)
    for line in lines:
        basket = line.product.solidarity_basket
        components = basket_components(basket=basket)
        records = [component_stockrecord(component) for component in components]
        weights = [
            (record.price or Decimal("0")) * component.quantity * line.quantity
            for component, record in zip(components, records, strict=True)
        ]
        # Split by cooperative first, as the basket page shows it, then among each one's components.
        amounts = money_split_grouped(
            amount=line.line_price_incl_tax,
            weights=weights,
            groups=[record.partner.cooperative.pk for record in records],
        )
        for component, record, weight, amount in zip(
            components, records, weights, amounts, strict=True
        ):
            cooperative = record.partner.cooperative
            key = (cooperative.pk, basket.hub_id)
            shipment = to_hub.get(key)
            if shipment is None:
                shipment = to_hub[key] = CooperativeShipment.objects.create(
                    order=order,
                    cooperative=cooperative,
                    hub=basket.hub,
                    delivery_method=CooperativeShipment.DeliveryMethod.AMANA,
                    items_total=Decimal("0.00"),
                    shipping_charge=Decimal("0.00"),
                    commission_rate=basket.commission_rate,
                    commission_amount=Decimal("0.00"),
                    amount_owed=Decimal("0.00"),
                    status=status,
                )
            quantity = component.quantity * line.quantity
            commission = money(amount * basket.commission_rate)
            BasketShare.objects.create(
                line=line,
                shipment=shipment,
                product=component.product,
                stockrecord=record,
                title=component.product.get_title()[:255],
                quantity=quantity,
                value=money(weight),
                amount=amount,
                commission_amount=commission,
            )
            record.allocate(quantity)
            shipment.items_total += amount
            shipment.commission_amount += commission
            rates[key].add(basket.commission_rate)
    for key, shipment in to_hub.items():
        if len(rates[key]) > 1 and shipment.items_total:
            # Baskets with different rates: the shipment shows the blended rate.
            shipment.commission_rate = (shipment.commission_amount / shipment.items_total).quantize(
                Decimal("0.0001")
            )
        shipment.amount_owed = shipment.items_total - shipment.commission_amount
        shipment.save(
            update_fields=["items_total", "commission_amount", "commission_rate", "amount_owed"]
        )
        if status != Status.AWAITING_PAYMENT:
            shipment_sale_book(shipment)
    return list(to_hub.values())


def _shipments_awaiting_payment(order) -> list[CooperativeShipment]:
    return list(
        CooperativeShipment.objects.select_for_update().filter(
            order=order, status=Status.AWAITING_PAYMENT
        )
    )


@transaction.atomic
def order_shipments_release(*, order) -> int:
    """The card payment is confirmed: hand the shipments to their cooperatives, book the sales,
    send the confirmation and the cooperatives' notices. Releasing twice changes nothing."""
    waiting = _shipments_awaiting_payment(order)
    for shipment in waiting:
        shipment.status = Status.NEW
        shipment.save(update_fields=["status"])
        shipment_sale_book(shipment)
    hub_waiting = HubShipment.objects.select_for_update().filter(
        order=order, status=Status.AWAITING_PAYMENT
    )
    waiting += list(hub_waiting)
    hub_waiting.update(status=Status.NEW)
    if waiting:
        order_status_refresh(order=order)
        order_placed_notify(order=order)
    return len(waiting)


@transaction.atomic
def order_unpaid_cancel(*, order, reason: str) -> int:
    """A card order never paid: cancel its waiting shipments and release their stock."""
    waiting = _shipments_awaiting_payment(order)
    for shipment in waiting:
        parcel_mark_closed(shipment, Status.CANCELLED, reason)
    hub_waiting = HubShipment.objects.select_for_update().filter(
        order=order, status=Status.AWAITING_PAYMENT
    )
    for parcel in hub_waiting:
        parcel_mark_closed(parcel, Status.CANCELLED, reason)
    if waiting:
        order_status_refresh(order=order)
        email_queue(order_unpaid_email, order_id=order.pk)
    return len(waiting)
