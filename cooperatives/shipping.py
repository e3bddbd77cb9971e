"""Delivery per cooperative: Amana parcel rates by weight band, pickup, free-delivery thresholds.

Each cooperative ships its own part of an order, so a basket is quoted group by group; the
order's delivery charge is the sum of the groups' charges.
"""

import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from catalogue.models import DEFAULT_WEIGHT_GRAMS
from cooperatives.models import (
    OFFERED_CAMPAIGN_OPTION,
    Cooperative,
    CooperativeShipment,
    Hub,
    Region,
)

# Amana parcel tariff (MAD, all taxes included): (up to grams, inside the region, elsewhere).
AMANA_BANDS: tuple[tuple[int, Decimal, Decimal], ...] = (
    (1_000, Decimal("25.00"), Decimal("35.00")),
    (3_000, Decimal("32.00"), Decimal("45.00")),
    (5_000, Decimal("40.00"), Decimal("55.00")),
    (10_000, Decimal("55.00"), Decimal("75.00")),
    (20_000, Decimal("80.00"), Decimal("110.00")),
)
# Beyond the last band, each started kilogram adds this much (inside the region, elsewhere).
AMANA_EXTRA_KG = (Decimal("3.00"), Decimal("4.00"))

Method = CooperativeShipment.DeliveryMethod


def amana_rate(*, weight_grams: int, same_region: bool) -> Decimal:
    """The Amana price of one parcel of this weight."""
    for limit, inside, elsewhere in AMANA_BANDS:
        if weight_grams <= limit:
            return inside if same_region else elsewhere
    last_limit, last_inside, last_elsewhere = AMANA_BANDS[-1]
    extra_kg = math.ceil((weight_grams - last_limit) / 1000)
    if same_region:
        return last_inside + extra_kg * AMANA_EXTRA_KG[0]
    return last_elsewhere + extra_kg * AMANA_EXTRA_KG[1]


def hub_parcel_title(*, hub: Hub, offered: bool, recipient: str = "") -> str:
    """How a parcel of solidarity baskets is named to the buyer."""
    if offered:
        return _("Solidarity baskets offered to %(recipient)s") % {
            "recipient": recipient or _("the campaign's partner")
        }
    return _("Solidarity baskets, assembled at %(hub)s") % {"hub": hub.name}


@dataclass(frozen=True)
class HubSender:
    """A hub in the place of a cooperative in a delivery group: it ships the assembled solidarity
    baskets, to the buyer or, for baskets offered through a campaign, to its partner."""

    hub: Hub
    campaign_page_id: int | None = None
    recipient: str = ""

    is_hub = True
    pickup_address = ""
    pickup_hours = ""
    free_shipping_threshold = None

    @property
    def pk(self) -> str:
        return self.slug

    @property
    def slug(self) -> str:
        if self.campaign_page_id is not None:
            return f"hub:{self.hub.pk}:offered:{self.campaign_page_id}"
        return f"hub:{self.hub.pk}"

    @property
    def name(self) -> str:
        return hub_parcel_title(
            hub=self.hub, offered=self.campaign_page_id is not None, recipient=self.recipient
        )

    @property
    def region(self) -> Region:
        return self.hub.region

    @property
    def region_id(self) -> int:
        return self.hub.region_id

    @property
    def partner_id(self) -> int:
        return self.hub.partner_id

    @property
    def is_offered(self) -> bool:
        return self.campaign_page_id is not None


def line_offered_campaign_id(line) -> int | None:
    """The campaign page a basket (or order) line's baskets are offered through, if any."""
    for attribute in line.attributes.all():
        if attribute.option.code == OFFERED_CAMPAIGN_OPTION:
            try:
                return int(attribute.value)
            except (TypeError, ValueError):
                return None
    return None


def line_sender(line, *, recipients: dict[int, str] | None = None) -> "Cooperative | HubSender":
    """Who ships a line: the product's cooperative, or the hub that assembles a basket."""
    partner = line.stockrecord.partner if line.stockrecord_id else line.partner
    cooperative = getattr(partner, "cooperative", None)
    if cooperative is not None:
        return cooperative
    campaign_id = line_offered_campaign_id(line)
    recipient = (recipients or {}).get(campaign_id, "") if campaign_id is not None else ""
    return HubSender(hub=partner.hub, campaign_page_id=campaign_id, recipient=recipient)


@dataclass
class CooperativeGroup:
    """The basket lines one cooperative (or one hub, for solidarity baskets) fulfils."""

    cooperative: "Cooperative | HubSender"
    lines: list = field(default_factory=list)
    items_total: Decimal = Decimal("0.00")
    weight_grams: int = 0


@dataclass
class DeliveryQuote:
    """What delivering one cooperative's group costs with the chosen method."""

    group: CooperativeGroup
    method: str
    charge: Decimal
    free_from_threshold: bool = False

    @property
    def cooperative(self) -> Cooperative:
        return self.group.cooperative


def basket_groups(basket) -> list[CooperativeGroup]:
    """Group a basket's lines by the cooperative selling them (solidarity baskets by their hub),
    in the order they were added."""
    return lines_groups(basket.all_lines())


def lines_groups(lines) -> list[CooperativeGroup]:
    """Group basket lines by who ships them, in the order given."""
    groups: dict = {}
    recipients = offered_recipients(lines)
    for line in lines:
        sender = line_sender(line, recipients=recipients)
        group = groups.setdefault(sender.slug, CooperativeGroup(cooperative=sender))
        group_add_line(group, line)
    return list(groups.values())


def offered_recipients(lines) -> dict[int, str]:
    """The partner organisation of each campaign the lines offer baskets through."""
    ids = {line_offered_campaign_id(line) for line in lines} - {None}
    if not ids:
        return {}
    from cms.models import CampaignPage

    return dict(CampaignPage.objects.filter(pk__in=ids).values_list("pk", "partner_name"))


def group_add_line(group: CooperativeGroup, line) -> None:
    """Add a basket line to its cooperative's group: its price and its weight."""
    group.lines.append(line)
    group.items_total += line.line_price_incl_tax or Decimal("0.00")
    group.weight_grams += (line.product.weight_grams or DEFAULT_WEIGHT_GRAMS) * line.quantity


def delivery_methods_for(cooperative: "Cooperative | HubSender") -> list[str]:
    """Amana always; pickup when the cooperative gives a pickup address."""
    methods = [Method.AMANA]
    if cooperative.pickup_address.strip():
        methods.append(Method.PICKUP)
    return methods


def delivery_quote(
    *, group: CooperativeGroup, method: str, destination: Region | None
) -> DeliveryQuote:
    """Quote one group; an unknown destination is quoted at the national (higher) rate. Baskets
    offered through a campaign travel to its partner at the marketplace's cost."""
    if getattr(group.cooperative, "is_offered", False):
        return DeliveryQuote(group=group, method=Method.AMANA, charge=Decimal("0.00"))
    if method == Method.PICKUP and Method.PICKUP in delivery_methods_for(group.cooperative):
        return DeliveryQuote(group=group, method=Method.PICKUP, charge=Decimal("0.00"))
    threshold = group.cooperative.free_shipping_threshold
    if threshold is not None and group.items_total >= threshold:
        return DeliveryQuote(
            group=group, method=Method.AMANA, charge=Decimal("0.00"), free_from_threshold=True
        )
    same_region = destination is not None and destination.pk == group.cooperative.region_id
    charge = amana_rate(weight_grams=group.weight_grams, same_region=same_region)
    return DeliveryQuote(group=group, method=Method.AMANA, charge=charge)


def basket_quotes(
    basket, *, choices: dict[str, str] | None = None, destination: Region | None = None
) -> list[DeliveryQuote]:
    """Quote every cooperative group of a basket; `choices` maps cooperative slug to a method."""
    choices = choices or {}
    return [
        delivery_quote(
            group=group,
            method=choices.get(group.cooperative.slug, Method.AMANA),
            destination=destination,
        )
        for group in basket_groups(basket)
    ]


def region_for_address(address) -> Region | None:
    """The region of a shipping address (its `state` holds the region's French name)."""
    if address is None or not getattr(address, "state", ""):
        return None
    return Region.objects.filter(name_fr=address.state).first()
