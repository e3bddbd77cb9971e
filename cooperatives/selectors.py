"""Reads of cooperatives: the directory, storefronts, regions, and each cooperative's space."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, Prefetch, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404
from oscar.apps.partner.models import StockRecord

from cooperatives.models import (
    OFFERED_CAMPAIGN_OPTION,
    BasketShare,
    Certification,
    Cooperative,
    CooperativeShipment,
    HubShipment,
    LedgerEntry,
    Region,
)
from cooperatives.shipping import hub_parcel_title
from marketplace.apps.order.models import Line


def cooperative_list_public(
    *,
    region: Region | None = None,
    sector: str = "",
    women_led: bool = False,
) -> QuerySet:
    """Verified cooperatives for the directory, with their region, filtered, by name (their
    products are counted by `cooperative_product_counts_add`, for the ones shown only)."""
    cooperatives = Cooperative.objects.public().select_related("region")
    if region is not None:
        cooperatives = cooperatives.filter(region=region)
    if sector:
        cooperatives = cooperatives.filter(sector=sector)
    if women_led:
        cooperatives = cooperatives.filter(women_led=True)
    return cooperatives.order_by("name")


def cooperative_product_counts_add(cooperatives) -> list[Cooperative]:
    """Each cooperative's number of public products as `product_count`, in one query for all of
    them (a card shows it)."""
    cooperatives = list(cooperatives)
    counts = dict(
        StockRecord.objects.filter(
            partner_id__in=[cooperative.partner_id for cooperative in cooperatives],
            product__is_public=True,
        )
        .values_list("partner_id")
        .annotate(count=Count("product", distinct=True))
    )
    for cooperative in cooperatives:
        cooperative.product_count = counts.get(cooperative.partner_id, 0)
    return cooperatives


def cooperative_list_featured(*, limit: int) -> list[Cooperative]:
    """A few verified cooperatives for the home page, women-led ones first (their products are
    counted for those few only, not for every cooperative before choosing)."""
    order = ("-women_led", "-members_count", "name")
    ids = list(Cooperative.objects.public().order_by(*order).values_list("pk", flat=True)[:limit])
    return cooperative_product_counts_add(
        cooperative_list_public().filter(pk__in=ids).order_by(*order)
    )


def cooperative_get_public(*, slug: str) -> Cooperative | None:
    """A verified cooperative with its region, photos and currently valid labels."""
    return (
        Cooperative.objects.public()
        .select_related("region")
        .prefetch_related(
            "photos",
            Prefetch(
                "certifications",
                queryset=Certification.objects.valid().order_by("kind"),
                to_attr="valid_certifications",
            ),
        )
        .filter(slug=slug)
        .first()
    )


def region_list_with_counts() -> list[Region]:
    """The 12 regions, each with its number of verified cooperatives."""
    return list(
        Region.objects.annotate(
            cooperative_count=Count(
                "cooperatives",
                filter=Q(cooperatives__verification_state=Cooperative.VerificationState.VERIFIED),
            )
        ).order_by("code")
    )


# The cooperative's space ----------------------------------------------------------------------


def cooperative_for_staff(*, user) -> Cooperative | None:
    """The cooperative a user staffs (through its Oscar partner), or None."""
    if not user.is_authenticated:
        return None
    return (
        Cooperative.objects.select_related("partner", "region")
        .filter(partner__users=user)
        .order_by("pk")
        .first()
    )


def shipment_list_for_cooperative(*, cooperative: Cooperative, status: str = ""):
    """The cooperative's shipments, newest first, optionally of one status."""
    # A card order's shipments stay invisible to the cooperative until the payment is confirmed.
    shipments = (
        CooperativeShipment.objects.filter(cooperative=cooperative)
        .exclude(status=CooperativeShipment.Status.AWAITING_PAYMENT)
        .select_related("order", "order__shipping_address", "hub")
    )
    if status:
        shipments = shipments.filter(status=status)
    return shipments


def shipment_get_for_cooperative(*, cooperative: Cooperative, pk: int) -> CooperativeShipment:
    """One of the cooperative's own shipments; another cooperative's is a 404."""
    return get_object_or_404(
        CooperativeShipment.objects.select_related(
            "order", "order__shipping_address", "hub"
        ).exclude(status=CooperativeShipment.Status.AWAITING_PAYMENT),
        pk=pk,
        cooperative=cooperative,
    )


# Free stock at or below this (unless a stock record sets its own threshold) counts as low.
LOW_STOCK_DEFAULT = 3
# A stock record's free stock (Oscar's net_stock_level) as a query expression.
FREE_STOCK = F("num_in_stock") - Coalesce(F("num_allocated"), 0)


def stockrecord_list_low(*, cooperative: Cooperative, default_threshold: int = LOW_STOCK_DEFAULT):
    """The cooperative's products whose free stock is at or below their alert threshold."""
    threshold = Coalesce(F("low_stock_threshold"), default_threshold)
    return (
        StockRecord.objects.filter(partner_id=cooperative.partner_id)
        .annotate(free_stock=FREE_STOCK)
        .filter(free_stock__lte=threshold)
        .select_related("product")
        .order_by("free_stock", "product__title")
    )


def cooperative_sales_summary(*, cooperative: Cooperative, since) -> dict[str, Decimal | int]:
    """Sales since a date (shipments not cancelled or refused) and what the cooperative is owed.

    `owed` is everything booked in its ledger less payouts; `awaiting_delivery` is the part of it
    still riding on open shipments, so `payable` is what the operators can transfer now.
    """
    closed = [
        CooperativeShipment.Status.CANCELLED,
        CooperativeShipment.Status.REFUSED,
        CooperativeShipment.Status.AWAITING_PAYMENT,
    ]
    recent = CooperativeShipment.objects.filter(
        cooperative=cooperative, created_at__gte=since
    ).exclude(status__in=closed)
    sales = recent.aggregate(
        count=Count("pk"),
        items=Coalesce(Sum("items_total"), Decimal("0")),
        commission=Coalesce(Sum("commission_amount"), Decimal("0")),
    )
    owed = LedgerEntry.objects.filter(
        cooperative=cooperative, kind__in=LedgerEntry.OWED_KINDS
    ).aggregate(total=Coalesce(Sum("amount"), Decimal("0")))["total"]
    awaiting = CooperativeShipment.objects.filter(
        cooperative=cooperative, status__in=CooperativeShipment.OPEN_STATUSES
    ).aggregate(total=Coalesce(Sum("amount_owed"), Decimal("0")))["total"]
    return {
        "orders": sales["count"],
        "sales": sales["items"],
        "commission": sales["commission"],
        "owed": owed,
        "awaiting_delivery": awaiting,
        "payable": owed - awaiting,
    }


def stockrecord_list_for_products(*, cooperative: Cooperative) -> QuerySet:
    """The cooperative's stock records with their product, free stock and alert level, newest
    product first."""
    return (
        StockRecord.objects.filter(partner_id=cooperative.partner_id, product__isnull=False)
        .select_related("product")
        .annotate(
            free_stock=FREE_STOCK,
            alert_at=Coalesce(F("low_stock_threshold"), LOW_STOCK_DEFAULT),
        )
        .order_by("-product__date_created", "-pk")
    )


def stockrecord_get_for_product(*, cooperative: Cooperative, pk: int) -> StockRecord:
    """The cooperative's stock record of product `pk`; another cooperative's product is a 404."""
    record = (
        StockRecord.objects.select_related("product")
        .filter(partner_id=cooperative.partner_id, product_id=pk)
        .order_by("pk")
        .first()
    )
    if record is None:
        raise Http404
    return record


@dataclass
class CustomerParcel:
    """A parcel as its customer sees it: a cooperative's own, or solidarity baskets leaving a hub
    (whose cooperatives' parcels to the hub are the marketplace's business, not the buyer's)."""

    shipment: CooperativeShipment | HubShipment
    lines: list
    contributors: list[Cooperative] = field(default_factory=list)

    @property
    def is_hub(self) -> bool:
        return isinstance(self.shipment, HubShipment)

    @property
    def hub_title(self) -> str:
        shipment = self.shipment
        return hub_parcel_title(
            hub=shipment.hub, offered=shipment.is_offered, recipient=shipment.recipient
        )


def order_parcels_for_customer(*, order) -> list[CustomerParcel]:
    """What a customer receives: each cooperative's parcel to them, then each hub parcel of
    baskets (to them, or offered to a campaign's partner) with the cooperatives that filled it."""
    # Who filled each basket line: the cooperatives of its shares, in the order of their parcels.
    fillers: dict[int, dict[int, Cooperative]] = defaultdict(dict)
    shares = BasketShare.objects.filter(line__order=order).select_related("shipment__cooperative")
    for share in shares.order_by("shipment_id", "pk"):
        cooperative = share.shipment.cooperative
        fillers[share.line_id][cooperative.pk] = cooperative
    parcels = []
    for parcel, carried in order_parcels_lines(order=order):
        if isinstance(parcel, HubShipment):
            contributors: dict[int, Cooperative] = {}
            for line in carried:
                contributors.update(fillers[line.pk])
            parcels.append(
                CustomerParcel(
                    shipment=parcel, lines=carried, contributors=list(contributors.values())
                )
            )
        elif not parcel.is_to_hub:
            parcels.append(CustomerParcel(shipment=parcel, lines=carried))
    return parcels


# Which lines are in which parcel -----------------------------------------------------------------


def _line_campaign(line) -> str | None:
    """The campaign a basket line is offered through (its page's id), or None."""
    for attribute in line.attributes.all():
        if attribute.option is not None and attribute.option.code == OFFERED_CAMPAIGN_OPTION:
            return str(attribute.value)
    return None


def _parcel_holds(parcel, line) -> bool:
    """Whether this order line travels in this parcel. A cooperative sends the customer its own
    lines (Oscar records each line's partner); its parcel to a hub carries basket components,
    not lines (`basket_shares`). A hub sends the customer the baskets bought for them, and each
    campaign's partner the baskets offered through that campaign."""
    if isinstance(parcel, HubShipment):
        if line.partner_id != parcel.hub.partner_id:
            return False
        campaign = _line_campaign(line)
        if parcel.is_offered:
            return campaign == str(parcel.campaign_page_id)
        return campaign is None
    return not parcel.is_to_hub and line.partner_id == parcel.cooperative.partner_id


def parcels_lines(*, parcels) -> list[list]:
    """The order lines each parcel (a cooperative's or a hub's) carries, in the same order as
    the parcels; three queries for all of them, whatever their orders."""
    parcels = list(parcels)
    by_order = defaultdict(list)
    lines = (
        Line.objects.filter(order_id__in={parcel.order_id for parcel in parcels})
        .select_related("stockrecord", "product")
        .prefetch_related("attributes__option")
        .order_by("pk")
    )
    for line in lines:
        by_order[line.order_id].append(line)
    return [
        [line for line in by_order[parcel.order_id] if _parcel_holds(parcel, line)]
        for parcel in parcels
    ]


def parcel_lines(*, parcel) -> list:
    """The order lines one parcel carries."""
    return parcels_lines(parcels=[parcel])[0]


def order_parcels_lines(*, order) -> list[tuple[CooperativeShipment | HubShipment, list]]:
    """Every parcel of the order with the lines it carries: the cooperatives' parcels, then the
    hubs', each in the order they were made."""
    parcels = [
        *order.shipments.select_related("cooperative", "hub").order_by("pk"),
        *order.hub_shipments.select_related("hub").order_by("pk"),
    ]
    return list(zip(parcels, parcels_lines(parcels=parcels), strict=True))
