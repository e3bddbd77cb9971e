"""Writes of the cooperatives domain: creating, verifying and labelling cooperatives."""

import re
from collections import defaultdict
from decimal import Decimal
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from oscar.apps.partner.models import Partner, StockRecord

from cooperatives import emails
from cooperatives.models import (
    BasketShare,
    Certification,
    Cooperative,
    CooperativeShipment,
    HubShipment,
    LedgerEntry,
    Region,
)
from cooperatives.regions import MOROCCO, REGIONS
from marketplace.apps.payment import sources
from marketplace.money import money, money_split, money_split_grouped


@transaction.atomic
def regions_ensure() -> dict[str, Region]:
    """Make sure the 12 regions exist (a flushed test database loses migration data)."""
    by_code = {}
    for code, slug, name_fr, name_ar, name_en in REGIONS:
        by_code[code], _created = Region.objects.get_or_create(
            code=code,
            defaults={
                "slug": slug,
                "name": name_fr,
                "name_fr": name_fr,
                "name_ar": name_ar,
                "name_en": name_en,
            },
        )
    return by_code


def shipping_country_ensure() -> None:
    """Morocco, the one shipping country (also created by a migration; flushed test databases
    lose it)."""
    from oscar.apps.address.models import Country

    fields = dict(MOROCCO)
    Country.objects.update_or_create(iso_3166_1_a2=fields.pop("iso_3166_1_a2"), defaults=fields)


@transaction.atomic
def cooperative_create(
    *,
    name: str,
    odco_number: str,
    region: Region,
    sector: str,
    slug: str = "",
    **fields,
) -> Cooperative:
    """Create a cooperative and the Oscar partner that sells for it, pending verification."""
    slug = slug or slugify(name)
    if Cooperative.objects.filter(slug=slug).exists():
        raise ValidationError({"slug": _("A cooperative with this address already exists.")})
    partner = Partner.objects.create(name=name, code=slug)
    cooperative = Cooperative(
        partner=partner,
        name=name,
        slug=slug,
        odco_number=odco_number,
        region=region,
        sector=sector,
        **fields,
    )
    cooperative.full_clean()
    cooperative.save()
    return cooperative


@transaction.atomic
def cooperative_verify(*, cooperative: Cooperative) -> Cooperative:
    """Mark a cooperative verified by the operators: it appears in the directory and sells."""
    cooperative.verification_state = Cooperative.VerificationState.VERIFIED
    cooperative.save(update_fields=["verification_state", "updated_at"])
    return cooperative


@transaction.atomic
def cooperative_suspend(*, cooperative: Cooperative) -> Cooperative:
    """Suspend a cooperative: its storefront and products disappear from the site."""
    cooperative.verification_state = Cooperative.VerificationState.SUSPENDED
    cooperative.save(update_fields=["verification_state", "updated_at"])
    return cooperative


@transaction.atomic
def product_labels_set(*, product, labels: list[Certification]) -> None:
    """Attach labels to a product; each must be held by the product's own cooperative."""
    cooperative = product.cooperative
    foreign = [
        label for label in labels if cooperative is None or label.cooperative_id != cooperative.pk
    ]
    if foreign:
        raise ValidationError(
            _("A product can only carry the labels of the cooperative that makes it.")
        )
    product.labels.set(labels)


# Orders, shipments and the ledger -------------------------------------------------------------

TRACKING_NUMBER = re.compile(r"[A-Z0-9]{8,30}")
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
    from catalogue.selectors import basket_components, component_stockrecord

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
    from cooperatives.shipping import line_sender, offered_recipients

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
            _shipment_book_sale(shipment)
        shipments.append(shipment)
    shipments += _order_basket_shares_create(order, basket_lines, status=status)
    order_status_refresh(order=order)
    if not awaiting_payment:
        transaction.on_commit(partial(emails.order_placed_send, order_id=order.pk))
    return shipments


def _order_basket_shares_create(order, lines, *, status: str) -> list[CooperativeShipment]:
    """Split each solidarity basket line among the cooperatives of its components: one parcel
    to the hub per cooperative, the components' stock allocated, each share of the price (in
    proportion to the components' value, to the centime) recorded and, once paid, booked."""
    from catalogue.selectors import basket_components, component_stockrecord

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
            _shipment_book_sale(shipment)
    return list(to_hub.values())


def _shipment_book_sale(shipment: CooperativeShipment) -> None:
    if shipment.is_to_hub:
        # Each basket share is booked on its own: what the cooperative sold, its commission.
        for share in shipment.basket_shares.all():
            _ledger_book(shipment, LedgerEntry.Kind.SALE, share.amount, basket_share=share)
            if share.commission_amount:
                _ledger_book(shipment, LedgerEntry.Kind.COMMISSION, -share.commission_amount, share)
        return
    _ledger_book(shipment, LedgerEntry.Kind.SALE, shipment.items_total)
    if shipment.shipping_charge:
        _ledger_book(shipment, LedgerEntry.Kind.SHIPPING, shipment.shipping_charge)
    if shipment.commission_amount:
        _ledger_book(shipment, LedgerEntry.Kind.COMMISSION, -shipment.commission_amount)


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
        _shipment_book_sale(shipment)
    hub_waiting = HubShipment.objects.select_for_update().filter(
        order=order, status=Status.AWAITING_PAYMENT
    )
    waiting += list(hub_waiting)
    hub_waiting.update(status=Status.NEW)
    if waiting:
        order_status_refresh(order=order)
        transaction.on_commit(partial(emails.order_placed_send, order_id=order.pk))
    return len(waiting)


@transaction.atomic
def order_unpaid_cancel(*, order, reason: str) -> int:
    """A card order never paid: cancel its waiting shipments and release their stock."""
    waiting = _shipments_awaiting_payment(order)
    for shipment in waiting:
        _shipment_mark_closed(shipment, Status.CANCELLED, reason)
    hub_waiting = HubShipment.objects.select_for_update().filter(
        order=order, status=Status.AWAITING_PAYMENT
    )
    for parcel in hub_waiting:
        _shipment_mark_closed(parcel, Status.CANCELLED, reason)
    if waiting:
        order_status_refresh(order=order)
        transaction.on_commit(partial(emails.order_unpaid_send, order_id=order.pk))
    return len(waiting)


def _ledger_book(
    shipment: CooperativeShipment, kind: str, amount: Decimal, basket_share=None
) -> LedgerEntry:
    entry, _created = LedgerEntry.objects.get_or_create(
        shipment=shipment,
        kind=kind,
        basket_share=basket_share,
        defaults={"cooperative_id": shipment.cooperative_id, "amount": amount},
    )
    return entry


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
        items = shipment.lines().select_related("stockrecord")
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
    transaction.on_commit(partial(emails.shipment_shipped_send, shipment_id=shipment.pk))
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
        _ledger_book(shipment, LedgerEntry.Kind.CASH_COLLECTED, shipment.total)
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
    _shipment_mark_closed(shipment, target, reason)
    _ledger_book(shipment, LedgerEntry.Kind.REVERSAL, -shipment.amount_owed)
    order_status_refresh(order=shipment.order)
    return shipment


def _shipment_mark_closed(shipment, target: str, reason: str) -> None:
    """Cancelled or refused (the shipment, a cooperative's or a hub's, is locked by the caller):
    a cooperative's stock comes back (a hub holds none of its own)."""
    shipment.status = target
    shipment.cancellation_reason = reason[:500]
    shipment.closed_at = timezone.now()
    shipment.save(update_fields=["status", "cancellation_reason", "closed_at"])
    if isinstance(shipment, CooperativeShipment):
        _shipment_stock(shipment, consume=False)


# The hubs' side of solidarity baskets ----------------------------------------------------------


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
    _shipment_mark_closed(shipment, Status.CANCELLED, reason)
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
    transaction.on_commit(_campaign_progress_forget)
    return status


def _campaign_progress_forget() -> None:
    from cms.services import campaign_progress_forget

    campaign_progress_forget()


def ledger_refund_book(*, order, amount: Decimal, shipment=None) -> None:
    """A refund lowers what the cooperatives are owed: its own shipment's, or every paid
    shipment's in proportion to its total when the refund is for the whole order. The hubs'
    delivery charges take their part of a whole-order refund too: that money was the
    marketplace's, never a cooperative's, so no cooperative gives it back."""
    if shipment is not None:
        targets = [shipment]
        platform = Decimal("0.00")
    else:
        targets = list(order.shipments.exclude(status__in=[Status.AWAITING_PAYMENT]).order_by("pk"))
        platform = sum(
            (
                parcel.shipping_charge
                for parcel in order.hub_shipments.exclude(status=Status.AWAITING_PAYMENT)
            ),
            Decimal("0.00"),
        )
    if not targets:
        return
    weights = [target.total for target in targets] + [platform]
    shares = money_split(amount=amount, weights=weights)[: len(targets)]
    for target, share in zip(targets, shares, strict=True):
        if share:
            LedgerEntry.objects.create(
                cooperative_id=target.cooperative_id,
                shipment=target,
                kind=LedgerEntry.Kind.REFUND,
                amount=-share,
            )
