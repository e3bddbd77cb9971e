"""Demo solidarity baskets ("paniers solidaires"), the hub that assembles them, and a few orders
that offer baskets through the running Ramadan campaign.

Baskets are found again by a stable key (their UPC), so loading twice creates nothing new and a
basket that already matches the data below is not written at all. The orders are placed once.
"""

import io
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction

from catalogue.models import Category, Product, ProductCategory
from catalogue.services import BasketData, basket_offer_add, basket_save
from cms.models import CampaignPage
from cms.selectors import campaign_accepts_offers
from cooperatives.demo.images import draw_picture
from cooperatives.demo.orders import (
    cash_on_delivery_attach,
    demo_address,
    demo_basket,
    demo_order_place,
)
from cooperatives.models import Hub, Region
from cooperatives.services import hub_ensure
from cooperatives.shipping import basket_quotes
from cooperatives.tasks import emails_silenced
from marketplace.apps.order.models import Order
from marketplace.apps.payment.services import card_payment_record

HUB = {
    "name": "Hub Souk Tadamoun — Casablanca",
    "address": "Zone industrielle de Lissasfa, lot 47\nRoute d'El Jadida\n20190 Casablanca",
    "city": "Casablanca",
    "region_code": "MA-06",
    "phone": "+212 5 22 65 18 40",
}
# The demo baskets' UPCs start with this: the key the loader finds them by.
UPC_PREFIX = "panier-demo-"
# The running campaign of cms/demo/content.py, through which the demo orders offer baskets.
RAMADAN_CAMPAIGN_SLUG = "paniers-solidaires-ramadan"
BASKET_ORDER_PREFIX = "DEMO-P"
CARD = Order.PaymentMethod.CARD
CASH_ON_DELIVERY = Order.PaymentMethod.CASH_ON_DELIVERY


@dataclass(frozen=True)
class DemoBasket:
    key: str
    title: dict[str, str]
    description: dict[str, str]
    # (component product slug, quantity); the price is a little below the components' sum.
    components: list[tuple[str, int]]
    price: str
    commission_rate: str
    category: str
    colour: str


DEMO_BASKETS = [
    DemoBasket(
        key="petit-dejeuner-souss",
        title={
            "fr": "Panier petit-déjeuner du Souss",
            "ar": "سلة فطور الصباح من سوس",
            "en": "Souss breakfast basket",
        },
        description={
            "fr": (
                "Le petit-déjeuner du Souss, à tartiner sur le msemen ou le pain chaud : l'huile "
                "d'argan alimentaire des femmes de la coopérative Tifawin à Tafraout, l'amlou au "
                "miel de thym et le miel de thym de la coopérative Tamment à Imouzzer."
            ),
            "ar": (
                "فطور سوس كما يُقدَّم مع المسمن أو الخبز الساخن: زيت الأركان الغذائي الذي تنتجه "
                "نساء تعاونية تيفاوين بتافراوت، وأملو بعسل الزعتر وعسل الزعتر من تعاونية تامنت "
                "بإيموزار."
            ),
            "en": (
                "A Souss breakfast, to spread on msemen or warm bread: culinary argan oil made by "
                "the women of the Tifawin cooperative in Tafraout, with amlou with thyme honey and "
                "thyme honey from the Tamment cooperative in Imouzzer."
            ),
        },
        components=[
            ("tifawin-huile-argan-alimentaire-250ml", 1),
            ("tamment-amlou-miel-thym-250g", 1),
            ("tamment-miel-thym-500g", 1),
        ],
        price="495.00",  # components: 190 + 95 + 240 = 525
        commission_rate="0.05",
        category="epicerie",
        colour="#8a5a2b",
    ),
    DemoBasket(
        key="ramadan",
        title={"fr": "Panier Ramadan", "ar": "سلة رمضان", "en": "Ramadan basket"},
        description={
            "fr": (
                "De quoi garnir la table du ftour : des dattes Mejhoul de la palmeraie d'Aoufous, "
                "deux kilos de couscous roulé main par les femmes de Nour Chaouia, de l'huile "
                "d'olive vierge extra d'Aït Ouallal et le ras el hanout de Nahla Doukkala pour la "
                "harira. Sans commission : tout le prix va aux quatre coopératives."
            ),
            "ar": (
                "ما يكفي لمائدة الإفطار: تمر المجهول من واحة أوفوس، وكيلوغرامان من الكسكس الذي "
                "تفتله يدويًا نساء تعاونية نور الشاوية، وزيت الزيتون البكر الممتاز من آيت ولال، "
                "ورأس الحانوت من تعاونية نحلة دكالة لتتبيل الحريرة. بلا عمولة: يعود الثمن كاملًا "
                "إلى التعاونيات الأربع."
            ),
            "en": (
                "Enough to fill the ftour table: Mejhoul dates from the Aoufous palm grove, two "
                "kilos of couscous rolled by hand by the women of Nour Chaouia, extra virgin olive "
                "oil from Aït Ouallal and Nahla Doukkala's ras el hanout for the harira. No "
                "commission: the whole price goes to the four cooperatives."
            ),
        },
        components=[
            ("nakhil-dattes-mejhoul-1kg", 1),
            ("nour-couscous-ble-dur-1kg", 2),
            ("zitouna-huile-olive-vierge-extra-1l", 1),
            ("nahla-ras-el-hanout-100g", 1),
        ],
        price="350.00",  # components: 160 + 2 × 45 + 95 + 35 = 380
        commission_rate="0",  # the campaign's basket: everything goes to the cooperatives
        category="epicerie",
        colour="#6b3a1e",
    ),
    DemoBasket(
        key="saveurs-atlas",
        title={
            "fr": "Panier des saveurs de l'Atlas",
            "ar": "سلة نكهات الأطلس",
            "en": "Flavours of the Atlas basket",
        },
        description={
            "fr": (
                "Trois versants de l'Atlas dans un panier : le miel de thym et le thym sauvage des "
                "ruchers d'Ouzoud, la confiture de cerises de Sefrou et un gramme de safran en "
                "pistils de Taliouine."
            ),
            "ar": (
                "ثلاث جهات من الأطلس في سلة واحدة: عسل الزعتر والزعتر البري من مناحل أوزود، "
                "ومربى كرز صفرو، وغرام من خيوط زعفران تالوين."
            ),
            "en": (
                "Three sides of the Atlas in one basket: thyme honey and wild thyme from the hives "
                "of Ouzoud, Sefrou cherry jam and a gram of saffron threads from Taliouine."
            ),
        },
        components=[
            ("tamazirt-miel-de-thym-500g", 1),
            ("tamazirt-thym-seche-50g", 1),
            ("hablmlouk-confiture-cerise-350g", 1),
            ("azaghar-safran-pistils-1g", 1),
        ],
        price="325.00",  # components: 220 + 25 + 45 + 55 = 345
        commission_rate="0.05",
        category="epicerie",
        colour="#e0a526",
    ),
    DemoBasket(
        key="bien-etre",
        title={"fr": "Panier bien-être", "ar": "سلة العناية والاسترخاء", "en": "Well-being basket"},
        description={
            "fr": (
                "Un rituel de hammam tout en douceur : l'eau de rose distillée de la vallée du "
                "Dadès, le savon à la figue de Barbarie d'Aït Baâmrane et l'huile d'argan "
                "cosmétique pressée par les femmes de Tilelli, près d'Essaouira."
            ),
            "ar": (
                "طقس حمّام هادئ: ماء الورد المقطّر من وادي دادس، وصابون التين الشوكي من آيت "
                "باعمران، وزيت الأركان التجميلي الذي تعصره نساء تعاونية تيليلي قرب الصويرة."
            ),
            "en": (
                "A gentle hammam ritual: distilled rose water from the Dadès valley, prickly pear "
                "soap from Aït Baâmrane and cosmetic argan oil pressed by the women of Tilelli, "
                "near Essaouira."
            ),
        },
        components=[
            ("ajddig-eau-de-rose-250ml", 1),
            ("tafoukt-savon-figue-barbarie-100g", 1),
            ("tilelli-huile-argan-cosmetique-100ml", 1),
        ],
        price="189.00",  # components: 45 + 40 + 120 = 205
        commission_rate="0.05",
        category="cosmetiques",
        colour="#d66b8c",
    ),
]


def demo_hub() -> Hub:
    """The operator-run hub in Casablanca where the demo baskets are assembled."""
    return hub_ensure(
        name=HUB["name"],
        address=HUB["address"],
        city=HUB["city"],
        region=Region.objects.get(code=HUB["region_code"]),
        phone=HUB["phone"],
    )


def basket_upc(*, key: str) -> str:
    return f"{UPC_PREFIX}{key}"


def demo_basket_products(*, keys: list[str]) -> list[Product]:
    """The demo baskets with these keys that exist, in the order asked."""
    by_upc = {
        product.upc: product
        for product in Product.objects.filter(upc__in=[basket_upc(key=key) for key in keys])
    }
    return [by_upc[basket_upc(key=key)] for key in keys if basket_upc(key=key) in by_upc]


def _find(spec: DemoBasket) -> Product | None:
    """The basket loaded before: by its UPC, else (a basket made by hand) by its French title."""
    baskets = Product.objects.filter(solidarity_basket__isnull=False)
    return (
        baskets.filter(upc=basket_upc(key=spec.key)).first()
        or baskets.filter(upc__isnull=True, title_fr=spec.title["fr"]).order_by("pk").first()
    )


def _data(spec: DemoBasket, *, hub: Hub, components: list[tuple[Product, int]]) -> BasketData:
    data = BasketData(
        price=Decimal(spec.price),
        commission_rate=Decimal(spec.commission_rate),
        hub=hub,
        category=Category.objects.filter(slug=spec.category).first(),
        is_public=True,
        components=components,
    )
    for code in ("fr", "ar", "en"):
        data[f"title_{code}"] = spec.title[code]
        data[f"description_{code}"] = spec.description[code]
    return data


def _matches(product: Product, data: BasketData) -> bool:
    """Whether the basket already says what `data` says (then it is left untouched)."""
    basket = product.solidarity_basket
    texts_same = all(
        getattr(product, f"{field}_{code}") == data[f"{field}_{code}"]
        for field in ("title", "description")
        for code in ("fr", "ar", "en")
    )
    record = product.stockrecords.first()
    components = [(c.product_id, c.quantity) for c in basket.components.order_by("position")]
    category = data.get("category")
    categories = set(
        ProductCategory.objects.filter(product=product).values_list("category_id", flat=True)
    )
    return (
        texts_same
        and product.is_public
        and record is not None
        and record.partner_id == data["hub"].partner_id
        and record.price == data["price"]
        and basket.hub_id == data["hub"].pk
        and basket.commission_rate == data["commission_rate"]
        and components == [(p.pk, quantity) for p, quantity in data["components"]]
        and (category is None or categories == {category.pk})
        and product.images.exists()
    )


def load_baskets() -> int:
    """Make sure the hub and the demo baskets exist and match the data above; returns how many
    baskets were created this run (baskets whose components are missing are skipped)."""
    created = 0
    with transaction.atomic():
        hub = demo_hub()
        for spec in DEMO_BASKETS:
            # The demo loader gives each hand-written product its slug as UPC (unique, unlike
            # slugs, which synthetic cooperatives' copies share).
            slugs = [slug for slug, _quantity in spec.components]
            found = {product.upc: product for product in Product.objects.filter(upc__in=slugs)}
            if len(found) != len(slugs):
                continue  # a catalogue without these products (e.g. trimmed test data)
            components = [(found[slug], quantity) for slug, quantity in spec.components]
            data = _data(spec, hub=hub, components=components)
            product = _find(spec)
            if product is not None and _matches(product, data):
                continue
            # One drawn picture when the basket has none, so it looks like the rest of the shop.
            images = []
            if product is None or not product.images.exists():
                images = [io.BytesIO(draw_picture(seed=f"panier/{spec.key}", colour=spec.colour))]
            saved = basket_save(data=data, product=product, images=images)
            if saved.upc != basket_upc(key=spec.key):
                saved.upc = basket_upc(key=spec.key)
                saved.save(update_fields=["upc"])
            if product is None:
                created += 1
    return created


@dataclass(frozen=True)
class DemoBasketOrder:
    number: str
    lines: list[tuple[str, int]]  # (basket key, quantity)
    # Offered through the Ramadan campaign (the hub sends them to its partner, no address).
    offered: bool
    payment_method: str
    city: str = "Casablanca"
    region: str = "MA-06"


DEMO_BASKET_ORDERS = [
    DemoBasketOrder("001", [("ramadan", 3)], offered=True, payment_method=CARD),
    DemoBasketOrder(
        "002", [("ramadan", 2), ("petit-dejeuner-souss", 1)], offered=True, payment_method=CARD
    ),
    DemoBasketOrder("003", [("ramadan", 4)], offered=True, payment_method=CARD),
    DemoBasketOrder("004", [("saveurs-atlas", 1)], offered=False, payment_method=CASH_ON_DELIVERY),
]


def load_basket_orders(*, customer: AbstractBaseUser) -> int:
    """Place the demo basket orders once (numbers start with DEMO-P): three card orders offering
    baskets through the running Ramadan campaign, and one cash order of a basket delivered to
    `customer`. Returns how many were placed.

    Needs the baskets (load_baskets) and the campaign (load_editorial). Emails are not sent: the
    demo customer and cooperatives are not real people.
    """
    if Order.objects.filter(number__startswith=BASKET_ORDER_PREFIX).exists():
        return 0
    campaign = CampaignPage.objects.filter(
        locale__language_code="fr", slug=RAMADAN_CAMPAIGN_SLUG
    ).first()
    if campaign is None or not campaign_accepts_offers(campaign=campaign):
        # Loaded long ago, the campaign has ended: nothing can be offered through it any more.
        return 0
    keys = {key for spec in DEMO_BASKET_ORDERS for key, _quantity in spec.lines}
    baskets = {product.upc: product for product in demo_basket_products(keys=sorted(keys))}
    if len(baskets) != len(keys):
        return 0
    with (
        emails_silenced(),
        transaction.atomic(),
    ):
        for spec in DEMO_BASKET_ORDERS:
            _place(spec, customer=customer, baskets=baskets, campaign=campaign)
    return len(DEMO_BASKET_ORDERS)


def _place(
    spec: DemoBasketOrder,
    *,
    customer: AbstractBaseUser,
    baskets: dict[str, Product],
    campaign: CampaignPage,
) -> Order:
    basket = demo_basket(customer)
    for key, quantity in spec.lines:
        product = baskets[basket_upc(key=key)]
        if spec.offered:
            basket_offer_add(
                oscar_basket=basket, product=product, campaign=campaign, quantity=quantity
            )
        else:
            basket.add_product(product, quantity)
    address, destination = None, None
    if basket.is_shipping_required():
        destination = Region.objects.get(code=spec.region)
        address = demo_address(customer, region=destination, city=spec.city)
    quotes = basket_quotes(basket, destination=destination)
    # As at checkout: offered baskets alone need no delivery (the marketplace pays the hub's).
    order = demo_order_place(
        basket,
        customer=customer,
        quotes=quotes,
        address=address,
        number=BASKET_ORDER_PREFIX + spec.number,
        payment_method=spec.payment_method,
    )
    if spec.payment_method == CARD:
        # What Stripe's confirmation records, through the same service.
        card_payment_record(
            order=order, amount=order.total_incl_tax, reference=f"demo-{order.number.lower()}"
        )
    else:
        cash_on_delivery_attach(order)
    return order
