"""Delivery per cooperative: Amana parcel rates by weight band, pickup, free-delivery thresholds.

Each cooperative ships its own part of an order, so a basket is quoted group by group; the
order's delivery charge is the sum of the groups' charges.
"""

import math
from dataclasses import dataclass, field
from decimal import Decimal

from cooperatives.models import Cooperative, CooperativeShipment, Region

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
# Products without a recorded weight are quoted as a small parcel.
DEFAULT_WEIGHT_GRAMS = 500

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


@dataclass
class CooperativeGroup:
    """The basket lines one cooperative fulfils."""

    cooperative: Cooperative
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
    """Group a basket's lines by the cooperative selling them, in the order they were added."""
    groups: dict[int, CooperativeGroup] = {}
    for line in basket.all_lines():
        cooperative = line.stockrecord.partner.cooperative
        group = groups.setdefault(cooperative.pk, CooperativeGroup(cooperative=cooperative))
        group_add_line(group, line)
    return list(groups.values())


def group_add_line(group: CooperativeGroup, line) -> None:
    """Add a basket line to its cooperative's group: its price and its weight."""
    group.lines.append(line)
    group.items_total += line.line_price_incl_tax or Decimal("0.00")
    group.weight_grams += (line.product.weight_grams or DEFAULT_WEIGHT_GRAMS) * line.quantity


def delivery_methods_for(cooperative: Cooperative) -> list[str]:
    """Amana always; pickup when the cooperative gives a pickup address."""
    methods = [Method.AMANA]
    if cooperative.pickup_address.strip():
        methods.append(Method.PICKUP)
    return methods


def delivery_quote(
    *, group: CooperativeGroup, method: str, destination: Region | None
) -> DeliveryQuote:
    """Quote one group; an unknown destination is quoted at the national (higher) rate."""
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
