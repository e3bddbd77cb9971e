"""A few demo orders in every state, so that a new cooperative user sees a living space."""

from dataclasses import dataclass, field

from django.db import transaction
from oscar.apps.address.models import Country
from oscar.apps.checkout.calculators import OrderTotalCalculator
from oscar.apps.partner.models import StockRecord
from oscar.apps.shipping.methods import NoShippingRequired

from cooperatives import services
from cooperatives.models import CooperativeShipment, Region
from cooperatives.shipping import basket_quotes
from cooperatives.tasks import emails_silenced
from marketplace.apps.basket.models import Basket
from marketplace.apps.order.models import Order, ShippingAddress
from marketplace.apps.order.utils import OrderCreator
from marketplace.apps.partner.strategy import Selector
from marketplace.apps.payment.sources import cash_on_delivery_source
from marketplace.apps.shipping.methods import CooperativeDelivery

DEMO_ORDER_PREFIX = "DEMO-"
Status = CooperativeShipment.Status


@dataclass
class DemoOrder:
    number: str
    lines: list[tuple[str, int]]  # (product sku, quantity)
    # Final status per cooperative slug; cooperatives not listed stay new.
    statuses: dict[str, str] = field(default_factory=dict)
    pickup: tuple[str, ...] = ()
    city: str = "Casablanca"
    region: str = "MA-06"


DEMO_ORDERS = [
    DemoOrder(
        "1001",
        [("tifawin-huile-argan-alimentaire-250ml", 2), ("azaghar-safran-pistils-1g", 1)],
    ),
    DemoOrder(
        "1002",
        [("nour-couscous-ble-dur-1kg", 3), ("nakhil-dattes-mejhoul-1kg", 1)],
        {"nour-chaouia-couscous": Status.ACCEPTED, "nakhil-aoufous": Status.SHIPPED},
    ),
    DemoOrder(
        "1003",
        [("khazaf-tajine-emaille-30cm", 1)],
        {"khazaf-safi": Status.DELIVERED},
        city="Marrakech",
        region="MA-07",
    ),
    DemoOrder(
        "1004",
        [("bouhachem-jben-frais-250g", 2), ("zitouna-huile-olive-vierge-extra-1l", 1)],
        {"bouhachem-jben": Status.CANCELLED, "zitouna-ouallal": Status.DELIVERED},
        city="Tanger",
        region="MA-01",
    ),
    DemoOrder(
        "1005",
        [("tilelli-huile-argan-alimentaire-250ml", 1)],
        {"tilelli-mogador": Status.REFUSED},
        city="Rabat",
        region="MA-04",
    ),
    DemoOrder(
        "1006",
        [("tifawin-huile-argan-alimentaire-500ml", 1), ("izlan-tapis-zayane-120x180", 1)],
        {"tifawin-argan": Status.ACCEPTED},
        city="Agadir",
        region="MA-09",
    ),
]

# The path each final status is reached by.
STEPS = {
    Status.NEW: [],
    Status.ACCEPTED: ["accept"],
    Status.SHIPPED: ["accept", "ship"],
    Status.DELIVERED: ["accept", "ship", "deliver"],
    Status.CANCELLED: ["cancel"],
    Status.REFUSED: ["accept", "ship", "refuse"],
}


def load_orders(*, customer) -> int:
    """Place the demo orders once (their numbers start with DEMO-); returns how many were made.

    No e-mail is queued: the demo customer and cooperatives are not real people.
    """
    if Order.objects.filter(number__startswith=DEMO_ORDER_PREFIX).exists():
        return 0
    with (
        emails_silenced(),
        transaction.atomic(),
    ):
        for spec in DEMO_ORDERS:
            _place(spec, customer)
    return len(DEMO_ORDERS)


def _place(spec: DemoOrder, customer) -> Order:
    basket = demo_basket(customer)
    for sku, quantity in spec.lines:
        record = StockRecord.objects.select_related("product").get(partner_sku=sku)
        basket.add_product(record.product, quantity)
    region = Region.objects.get(code=spec.region)
    choices = dict.fromkeys(spec.pickup, CooperativeShipment.DeliveryMethod.PICKUP)
    quotes = basket_quotes(basket, choices=choices, destination=region)
    order = demo_order_place(
        basket,
        customer=customer,
        quotes=quotes,
        address=demo_address(customer, region=region, city=spec.city),
        number=DEMO_ORDER_PREFIX + spec.number,
        payment_method=Order.PaymentMethod.CASH_ON_DELIVERY,
    )
    cash_on_delivery_attach(order)
    for shipment in order.shipments.select_related("cooperative").order_by("pk"):
        for step in STEPS[spec.statuses.get(shipment.cooperative.slug, Status.NEW)]:
            _advance(shipment, step)
    return order


def demo_basket(customer) -> Basket:
    basket = Basket.objects.create(owner=customer)
    basket.strategy = Selector().strategy(user=customer)
    return basket


def demo_address(customer, *, region: Region, city: str) -> ShippingAddress:
    """The demo customer's delivery address in this region and city."""
    return ShippingAddress.objects.create(
        first_name=customer.first_name,
        last_name=customer.last_name,
        line1="12, rue des Orangers",
        line4=city,
        state=region.name_fr,
        country=Country.objects.get(iso_3166_1_a2="MA"),
        phone_number="+212612345678",
    )


def demo_order_place(
    basket: Basket,
    *,
    customer,
    quotes,
    address: ShippingAddress | None,
    number: str,
    payment_method: str,
) -> Order:
    """Place the basket through the checkout's own entry point (`OrderCreator`): its delivery
    quotes (none when nothing is shipped to the buyer), its stock locked, the order created and
    split into parcels, then the basket submitted. A card order's parcels wait for its
    payment."""
    method = CooperativeDelivery(quotes) if address is not None else NoShippingRequired()
    charge = method.calculate(basket)
    total = OrderTotalCalculator().calculate(basket, charge)
    order = OrderCreator().place_order(
        basket=basket,
        total=total,
        shipping_method=method,
        shipping_charge=charge,
        quotes=quotes,
        awaiting_payment=payment_method == Order.PaymentMethod.CARD,
        user=customer,
        shipping_address=address,
        order_number=number,
        language="fr",
        payment_method=payment_method,
    )
    basket.submit()
    return order


def cash_on_delivery_attach(order: Order) -> None:
    """The cash-on-delivery source the checkout gives an order."""
    source = cash_on_delivery_source(
        reference=order.number, currency=order.currency, amount=order.total_incl_tax
    )
    source.order = order
    source.save()


def _advance(shipment: CooperativeShipment, step: str) -> None:
    if step == "accept":
        services.shipment_accept(shipment=shipment)
    elif step == "ship":
        services.shipment_mark_shipped(shipment=shipment, tracking_number=f"CA{shipment.pk:09d}MA")
    elif step == "deliver":
        services.shipment_mark_delivered(shipment=shipment)
    elif step == "cancel":
        services.shipment_cancel(shipment=shipment, reason="Fromage épuisé cette semaine.")
    elif step == "refuse":
        services.shipment_mark_refused(shipment=shipment, reason="Client absent à trois reprises.")
