"""The ledger's writes: what each parcel books (sale, delivery, commission) and refunds."""

from decimal import Decimal

from cooperatives.models import CooperativeShipment, LedgerEntry
from marketplace.money import money_split

Status = CooperativeShipment.Status


def ledger_book(
    shipment: CooperativeShipment, kind: str, amount: Decimal, basket_share=None
) -> LedgerEntry:
    entry, _created = LedgerEntry.objects.get_or_create(
        shipment=shipment,
        kind=kind,
        basket_share=basket_share,
        defaults={"cooperative_id": shipment.cooperative_id, "amount": amount},
    )
    return entry


def shipment_sale_book(shipment: CooperativeShipment) -> None:
    if shipment.is_to_hub:
        # Each basket share is booked on its own: what the cooperative sold, its commission.
        for share in shipment.basket_shares.all():
            ledger_book(shipment, LedgerEntry.Kind.SALE, share.amount, basket_share=share)
            if share.commission_amount:
                ledger_book(shipment, LedgerEntry.Kind.COMMISSION, -share.commission_amount, share)
        return
    ledger_book(shipment, LedgerEntry.Kind.SALE, shipment.items_total)
    if shipment.shipping_charge:
        ledger_book(shipment, LedgerEntry.Kind.SHIPPING, shipment.shipping_charge)
    if shipment.commission_amount:
        ledger_book(shipment, LedgerEntry.Kind.COMMISSION, -shipment.commission_amount)


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
