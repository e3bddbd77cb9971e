"""Writes of solidarity baskets: the baskets operators compose from several cooperatives'
products, and baskets a buyer offers through a campaign."""

from collections.abc import Sequence
from decimal import Decimal
from typing import IO, TypedDict

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from oscar.apps.catalogue.models import Option
from oscar.apps.partner.models import StockRecord

from catalogue.models import (
    DEFAULT_WEIGHT_GRAMS,
    BasketComponent,
    Category,
    Product,
    ProductClass,
    SolidarityBasket,
)
from catalogue.services.photos import photos_prepare, product_photos_add
from catalogue.services.products import (
    PRICE_MAX,
    PRICE_MIN,
    product_category_set,
    product_slug_for,
    product_texts_set,
)
from cooperatives.models import OFFERED_CAMPAIGN_OPTION, Hub

BASKET_CLASS_SLUG = "panier-solidaire"
COMPONENT_QUANTITY_MAX = 99
COMPONENTS_MAX = 20
OFFER_QUANTITY_MAX = 50


def basket_product_class() -> ProductClass:
    """The product class of solidarity baskets: shipped, with no stock of its own (it follows
    the components). The offered-campaign option is deliberately not attached to the class:
    Oscar would then show it as a free text field on the add-to-basket form; only
    `basket_offer_add` sets it, for a campaign the web layer checked."""
    klass, _created = ProductClass.objects.get_or_create(
        slug=BASKET_CLASS_SLUG,
        defaults={"name": "Panier solidaire", "requires_shipping": True, "track_stock": False},
    )
    return klass


def offered_campaign_option() -> Option:
    """Oscar's option whose value, on a basket line, is the campaign page the baskets are
    offered through."""
    option, _created = Option.objects.get_or_create(
        code=OFFERED_CAMPAIGN_OPTION,
        defaults={"name": "Offert via une campagne", "type": Option.TEXT, "required": False},
    )
    return option


class BasketData(TypedDict, total=False):
    """What operators say about a basket (the dashboard form's cleaned data)."""

    title_fr: str
    title_ar: str
    title_en: str
    description_fr: str
    description_ar: str
    description_en: str
    price: Decimal
    commission_rate: Decimal
    hub: Hub
    category: Category | None
    is_public: bool
    # (product, quantity) pairs, in the order the basket lists them.
    components: Sequence[tuple[Product, int]]


def _components_clean(components: Sequence[tuple[Product, int]]) -> list[tuple[Product, int]]:
    problems = []
    seen: set[int] = set()
    cooperatives: set[int] = set()
    clean = []
    for product, quantity in components:
        if product.pk in seen:
            problems.append(
                _("“%(title)s” is listed twice: give it one line with the quantity.")
                % {"title": product.get_title()}
            )
            continue
        seen.add(product.pk)
        if product.is_solidarity_basket:
            problems.append(_("A basket cannot contain another basket."))
            continue
        cooperative = product.cooperative
        if cooperative is None:
            problems.append(
                _("“%(title)s” is not sold by a cooperative.") % {"title": product.get_title()}
            )
            continue
        if not 1 <= quantity <= COMPONENT_QUANTITY_MAX:
            problems.append(
                _("The quantity of “%(title)s” must be between 1 and %(max)s.")
                % {"title": product.get_title(), "max": COMPONENT_QUANTITY_MAX}
            )
            continue
        cooperatives.add(cooperative.pk)
        clean.append((product, quantity))
    if len(clean) > COMPONENTS_MAX:
        problems.append(_("A basket holds at most %(max)s products.") % {"max": COMPONENTS_MAX})
    if not problems and len(cooperatives) < 2:
        problems.append(
            _("A solidarity basket brings together products of at least two cooperatives.")
        )
    if problems:
        raise ValidationError({"components": problems})
    return clean


def _basket_clean(data: BasketData) -> BasketData:
    errors: dict[str, list[str]] = {}
    for code in ("fr", "ar", "en"):
        if not (data.get(f"title_{code}") or "").strip():
            errors[f"title_{code}"] = [_("Give the basket a name in each language.")]
    price = data.get("price")
    if price is None or not PRICE_MIN <= price <= PRICE_MAX:
        errors["price"] = [
            _("Enter a price between %(min)s and %(max)s MAD.")
            % {"min": PRICE_MIN, "max": PRICE_MAX}
        ]
    rate = data.get("commission_rate", Decimal("0"))
    if rate is None or not Decimal("0") <= rate <= Decimal("0.5"):
        errors["commission_rate"] = [_("The commission rate is between 0 and 0.5 (50 %).")]
    if data.get("hub") is None:
        errors["hub"] = [_("Choose the hub where the basket is assembled.")]
    try:
        components = _components_clean(data.get("components") or [])
    except ValidationError as error:
        errors.update(error.message_dict)
        components = []
    if errors:
        raise ValidationError(errors)
    clean = BasketData(**data)
    clean["components"] = components
    clean["commission_rate"] = rate
    for code in ("fr", "ar", "en"):
        clean[f"title_{code}"] = data[f"title_{code}"].strip()
        clean[f"description_{code}"] = (data.get(f"description_{code}") or "").strip()
    return clean


@transaction.atomic
def basket_save(
    *,
    data: BasketData,
    product: Product | None = None,
    images: Sequence[IO[bytes]] = (),
) -> Product:
    """Create (or, given `product`, update) a solidarity basket: its texts in three languages,
    its price at the hub, its commission rate and its components. Nothing is written if any of
    it is wrong."""
    clean = _basket_clean(data)
    photos = photos_prepare(images=images, existing=product.images.count() if product else 0)
    if product is None:
        product = Product(
            product_class=basket_product_class(),
            structure=Product.STANDALONE,
            slug=product_slug_for(clean["title_fr"]),
        )
    elif not product.is_solidarity_basket:
        raise ValidationError(_("This product is not a solidarity basket."))
    product.is_public = bool(clean.get("is_public", True))
    product.weight_grams = sum(
        (component.weight_grams or DEFAULT_WEIGHT_GRAMS) * quantity
        for component, quantity in clean["components"]
    )
    product_texts_set(product, clean)
    product.save()
    basket, _created = SolidarityBasket.objects.update_or_create(
        product=product,
        defaults={"hub": clean["hub"], "commission_rate": clean["commission_rate"]},
    )
    basket.components.all().delete()
    BasketComponent.objects.bulk_create(
        BasketComponent(basket=basket, product=component, quantity=quantity, position=position)
        for position, (component, quantity) in enumerate(clean["components"])
    )
    # The basket's price lives on a stock record of its hub's partner (one per basket).
    StockRecord.objects.filter(product=product).exclude(partner_id=clean["hub"].partner_id).delete()
    StockRecord.objects.update_or_create(
        product=product,
        partner_id=clean["hub"].partner_id,
        defaults={
            "partner_sku": f"panier-{product.pk}",
            "price": clean["price"],
            "price_currency": settings.OSCAR_DEFAULT_CURRENCY,
            "num_in_stock": None,
        },
    )
    if clean.get("category") is not None:
        product_category_set(product, clean["category"])
    product_photos_add(product=product, photos=photos)
    return product


def basket_offer_add(*, oscar_basket, product: Product, campaign, quantity: int) -> None:
    """Put baskets offered through a campaign in the buyer's basket: a line of its own, marked
    with the campaign, that the hub will send to the campaign's partner organisation.

    `campaign` is a campaign page the caller chose among those that take offers now (the CMS
    knows which: `cms.selectors.campaign_list_accepting_offers`); only its id is read here."""
    if not product.is_solidarity_basket:
        raise ValidationError(_("Only solidarity baskets can be offered."))
    if not 1 <= quantity <= OFFER_QUANTITY_MAX:
        raise ValidationError(
            _("Offer between 1 and %(max)s baskets at a time.") % {"max": OFFER_QUANTITY_MAX}
        )
    option = offered_campaign_option()
    oscar_basket.add_product(
        product, quantity=quantity, options=[{"option": option, "value": str(campaign.pk)}]
    )
