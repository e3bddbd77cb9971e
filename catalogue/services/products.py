"""Writes of a cooperative's products: texts in three languages, price, stock, weight, category,
labels and photos (through the photo pipeline), used by the cooperative's space.

Every function takes the acting cooperative and refuses a product that is not entirely its own, so
a view that forgot to scope its query still cannot touch another cooperative's product.
"""

import uuid
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import IO, TypedDict

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from oscar.apps.partner.models import StockRecord

from catalogue.models import Category, Product, ProductCategory, ProductClass
from catalogue.selectors import category_list_for_products, label_list_offered
from catalogue.services.photos import photos_prepare, product_photos_add
from cooperatives.models import Certification, Cooperative

PRODUCT_CLASS_SLUG = "produit-cooperative"
LANGUAGES = ("fr", "ar", "en")
TITLE_MAX_LENGTH = 255
PRICE_MIN = Decimal("0.01")
PRICE_MAX = Decimal("100000")
STOCK_MAX = 100_000
WEIGHT_MIN_GRAMS = 1
WEIGHT_MAX_GRAMS = 100_000


class ProductData(TypedDict, total=False):
    """What a cooperative says about one of its products (the form's cleaned data)."""

    title_fr: str
    title_ar: str
    title_en: str
    description_fr: str
    description_ar: str
    description_en: str
    price: Decimal
    stock: int
    weight_grams: int
    category: Category
    labels: Sequence[Certification]
    is_public: bool
    # The stock level the editor saw; a different level now means someone else changed it.
    stock_seen: int | None


def _data_clean(*, cooperative: Cooperative, data: ProductData) -> ProductData:
    """Validate and normalise product data, raising every problem at once, keyed by field."""
    errors: dict[str, list[str]] = {}
    clean: ProductData = {}
    for code in LANGUAGES:
        title = (data.get(f"title_{code}") or "").strip()
        if len(title) > TITLE_MAX_LENGTH:
            errors[f"title_{code}"] = [_("At most %(max)s characters.") % {"max": TITLE_MAX_LENGTH}]
        clean[f"title_{code}"] = title
        clean[f"description_{code}"] = (data.get(f"description_{code}") or "").strip()
    if not clean["title_fr"]:
        errors["title_fr"] = [_("Give the product a name in French.")]

    try:
        price = Decimal(data.get("price"))
    except (TypeError, ValueError, InvalidOperation):
        price = None
    if price is None or not price.is_finite():
        errors["price"] = [_("Enter the price in dirhams.")]
    elif not PRICE_MIN <= price <= PRICE_MAX:
        errors["price"] = [
            _("The price must be more than 0 and at most %(max)s MAD.") % {"max": PRICE_MAX}
        ]
    elif price != price.quantize(Decimal("0.01")):
        errors["price"] = [_("The price has at most two decimals (centimes).")]
    clean["price"] = price

    for key, low, high in (
        ("stock", 0, STOCK_MAX),
        ("weight_grams", WEIGHT_MIN_GRAMS, WEIGHT_MAX_GRAMS),
    ):
        value = data.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            errors[key] = [
                _("Enter a whole number from %(low)s to %(high)s.") % {"low": low, "high": high}
            ]
        clean[key] = value
    clean["stock_seen"] = data.get("stock_seen")

    category = data.get("category")
    if not isinstance(category, Category) or not (
        category_list_for_products().filter(pk=category.pk).exists()
    ):
        errors["category"] = [_("Choose the most precise category of the list.")]
    clean["category"] = category

    labels = list(data.get("labels") or [])
    offered = set(label_list_offered(cooperative=cooperative).values_list("pk", flat=True))
    if any(not isinstance(label, Certification) or label.pk not in offered for label in labels):
        errors["labels"] = [
            _("A product can only carry the cooperative's own labels that are currently valid.")
        ]
    clean["labels"] = labels
    clean["is_public"] = bool(data.get("is_public", False))
    if errors:
        raise ValidationError(errors)
    return clean


def _product_class() -> ProductClass:
    klass, _created = ProductClass.objects.get_or_create(
        slug=PRODUCT_CLASS_SLUG,
        defaults={"name": "Produit de coopérative", "requires_shipping": True, "track_stock": True},
    )
    return klass


def product_texts_set(product: Product, data: ProductData) -> None:
    # Assigning `title` writes the active language's column (modeltranslation): set the base
    # column and the French one under French, then the others by name.
    with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        product.title = data["title_fr"]
        product.description = data["description_fr"]
    for code in LANGUAGES:
        setattr(product, f"title_{code}", data[f"title_{code}"])
        setattr(product, f"description_{code}", data[f"description_{code}"])


def product_slug_for(title: str) -> str:
    # ASCII like the demo products' slugs (accents dropped); the URL also carries the id.
    return slugify(title)[:255].strip("-") or "produit"


def _partner_sku_new(cooperative: Cooperative) -> str:
    """A SKU unused by this partner (demo data uses slugs as SKUs, so check rather than trust)."""
    while True:
        sku = f"{cooperative.slug[:40]}-{uuid.uuid4().hex[:10]}"
        if not StockRecord.objects.filter(
            partner_id=cooperative.partner_id, partner_sku=sku
        ).exists():
            return sku


def product_category_set(product: Product, category: Category) -> None:
    ProductCategory.objects.filter(product=product).exclude(category=category).delete()
    ProductCategory.objects.get_or_create(product=product, category=category)


@transaction.atomic
def cooperative_product_create(
    *,
    cooperative: Cooperative,
    data: ProductData,
    images: Sequence[IO[bytes]] = (),
) -> Product:
    """Create a product sold by `cooperative`: texts in three languages, its stock record,
    category, labels and photos."""
    clean = _data_clean(cooperative=cooperative, data=data)
    photos = photos_prepare(images=images, existing=0)
    product = Product(
        product_class=_product_class(),
        structure=Product.STANDALONE,
        is_public=clean["is_public"],
        weight_grams=clean["weight_grams"],
        slug=product_slug_for(clean["title_fr"]),
    )
    product_texts_set(product, clean)
    product.save()
    StockRecord.objects.create(
        product=product,
        partner_id=cooperative.partner_id,
        partner_sku=_partner_sku_new(cooperative),
        price=clean["price"],
        price_currency=settings.OSCAR_DEFAULT_CURRENCY,
        num_in_stock=clean["stock"],
    )
    product_category_set(product, clean["category"])
    product_labels_set(product=product, labels=clean["labels"])
    product_photos_add(product=product, photos=photos)
    return product


@transaction.atomic
def cooperative_product_update(
    *,
    cooperative: Cooperative,
    product: Product,
    data: ProductData,
    images: Sequence[IO[bytes]] = (),
) -> Product:
    """Change one of the cooperative's own products and add photos; another's is refused.

    The stock entered is the number of units on the shelf, including those reserved by orders not
    yet delivered, so it may not go below what is reserved.
    """
    records = list(StockRecord.objects.select_for_update().filter(product_id=product.pk))
    if not records or any(record.partner_id != cooperative.partner_id for record in records):
        raise PermissionDenied("This product is not sold by this cooperative.")
    record = records[0]
    clean = _data_clean(cooperative=cooperative, data=data)
    reserved = record.num_allocated or 0
    stock_seen = clean["stock_seen"]
    if stock_seen is not None and stock_seen != record.num_in_stock:
        # A delivery (or a colleague) changed the stock since the form was shown.
        if clean["stock"] == stock_seen:
            clean["stock"] = record.num_in_stock  # the editor left it alone: keep today's level
        elif clean["stock"] != record.num_in_stock:
            raise ValidationError(
                {
                    "stock": [
                        _(
                            "The stock changed to %(now)s while you were editing: "
                            "check it and save again."
                        )
                        % {"now": record.num_in_stock}
                    ]
                }
            )
    if clean["stock"] < reserved:
        message = ngettext(
            "%(count)s unit is reserved by orders not yet delivered: the stock cannot be lower.",
            "%(count)s units are reserved by orders not yet delivered: the stock cannot be lower.",
            reserved,
        )
        raise ValidationError({"stock": [message % {"count": reserved}]})
    photos = photos_prepare(images=images, existing=product.images.count())

    product = Product.objects.select_for_update().get(pk=product.pk)
    old_title = product.title_fr
    product_texts_set(product, clean)
    if clean["title_fr"] != old_title:
        product.slug = product_slug_for(clean["title_fr"])
    product.weight_grams = clean["weight_grams"]
    product.is_public = clean["is_public"]
    product.save()
    record.price = clean["price"]
    record.num_in_stock = clean["stock"]
    record.save(update_fields=["price", "num_in_stock", "date_updated"])
    product_category_set(product, clean["category"])
    product_labels_set(product=product, labels=clean["labels"])
    product_photos_add(product=product, photos=photos)
    return product


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
