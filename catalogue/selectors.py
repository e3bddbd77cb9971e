"""Reads of the catalogue: product listings with their cooperatives, in a flat number of queries."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import (
    Exists,
    F,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.models import StockRecord

from catalogue.models import BasketComponent, Category, Option, Product, SolidarityBasket
from cooperatives.models import Certification, Cooperative
from marketplace.money import money_split

# The price filter's ranges (key, label, from, below), for the engine and the database alike.
PRICE_RANGES = [
    ("0-100", _("Under 100 MAD"), None, 100),
    ("100-250", _("100 to 250 MAD"), 100, 250),
    ("250-500", _("250 to 500 MAD"), 250, 500),
    ("500-", _("500 MAD and more"), 500, None),
]

PRODUCT_SORTS = {
    "newest": ("-date_created", "-pk"),
    "price-asc": ("min_price", "pk"),
    "price-desc": ("-min_price", "-pk"),
}


def stockrecords_with_cooperative(lookup: str = "stockrecords") -> Prefetch:
    """A product's stock records with their partner, cooperative and region in one query (four
    with a plain prefetch of the same path)."""
    return Prefetch(
        lookup, queryset=StockRecord.objects.select_related("partner__cooperative__region")
    )


def _with_card_annotations(queryset: QuerySet) -> QuerySet:
    """Oscar's base_queryset less its prefetches of children and options (three queries a
    listing): cards only ask whether a product has options, which the annotations answer. What
    else cards show is read by `product_list_cards_prefetch` once the page's products are known."""
    option_classes = Option.objects.filter(productclass=OuterRef("product_class"))
    option_products = Option.objects.filter(product=OuterRef("pk"))
    return queryset.select_related("product_class", "solidarity_basket__hub").annotate(
        has_product_class_options=Exists(option_classes),
        has_product_options=Exists(option_products),
    )


def product_list_cards_prefetch(products) -> list[Product]:
    """What product cards show (image, price, cooperative, region; for a solidarity basket its
    hub and components, which its availability reads), read for a page of products in a fixed
    number of queries: the components' products share the products' own queries."""
    products = list(products)
    prefetch_related_objects(
        products,
        Prefetch("solidarity_basket", queryset=SolidarityBasket.objects.select_related("hub")),
    )
    baskets = [product.solidarity_basket for product in products if product.is_solidarity_basket]
    prefetch_related_objects(
        baskets,
        Prefetch("components", queryset=BasketComponent.objects.select_related("product")),
    )
    components = [component.product for basket in baskets for component in basket.components.all()]
    prefetch_related_objects([*products, *components], "images", stockrecords_with_cooperative())
    return products


VERIFIED = Cooperative.VerificationState.VERIFIED


def _single_products_sellable() -> QuerySet:
    return Product.objects.filter(
        is_public=True, stockrecords__partner__cooperative__verification_state=VERIFIED
    )


def product_list_sellable() -> QuerySet:
    """What the shop lists and search indexes: public products of verified cooperatives, and
    solidarity baskets of an active hub whose every component is such a product."""
    components = BasketComponent.objects.filter(basket_id=OuterRef("pk"))
    basket_sellable = (
        Q(solidarity_basket__hub__is_active=True)
        & Exists(components)
        & ~Exists(components.exclude(product__in=_single_products_sellable()))
    )
    return Product.objects.browsable().filter(
        Q(stockrecords__partner__cooperative__verification_state=VERIFIED) | basket_sellable
    )


# Solidarity baskets ------------------------------------------------------------------------------


def basket_components(*, basket: SolidarityBasket) -> list[BasketComponent]:
    """A basket's components with their products, stock records and cooperatives (read once per
    basket object: prices, availability and shares all use them)."""
    cached = basket.__dict__.get("_components")
    prefetched = getattr(basket, "_prefetched_objects_cache", {})
    if cached is None and "components" in prefetched:
        cached = basket.__dict__["_components"] = list(prefetched["components"])
    if cached is None:
        cached = list(_with_component_relations(basket.components.all()))
        basket.__dict__["_components"] = cached
    return cached


def _with_component_relations(components: QuerySet) -> QuerySet:
    """What readers of components use: the product, its stock record's partner, cooperative and
    region, and its images. Listings prefetch the same, so `basket_components` reads nothing."""
    return components.select_related("product").prefetch_related(
        stockrecords_with_cooperative("product__stockrecords"),
        "product__images",
    )


def component_stockrecord(component: BasketComponent):
    """The stock record a component is sold from (its cooperative's), or None."""
    records = list(component.product.stockrecords.all())
    return records[0] if records else None


def _component_sellable(component: BasketComponent) -> bool:
    record = component_stockrecord(component)
    cooperative = getattr(record.partner, "cooperative", None) if record else None
    return (
        component.product.is_public
        and cooperative is not None
        and cooperative.verification_state == VERIFIED
    )


def basket_available_quantity(*, basket: SolidarityBasket) -> int:
    """How many baskets the components' stock allows: the lowest, over the components, of the
    free stock divided by the quantity one basket holds (0 if a component is no longer sold)."""
    components = basket_components(basket=basket)
    if not components or not basket.hub.is_active:
        return 0
    counts = []
    for component in components:
        if not _component_sellable(component):
            return 0
        record = component_stockrecord(component)
        counts.append(max(record.net_stock_level, 0) // component.quantity)
    return min(counts)


@dataclass
class CooperativeShare:
    """One cooperative's part of a basket: its components and the share of the price it gets."""

    cooperative: Cooperative
    components: list = field(default_factory=list)
    value: Decimal = Decimal("0.00")
    amount: Decimal = Decimal("0.00")


def basket_cooperative_shares(
    *, basket: SolidarityBasket, price: Decimal
) -> list[CooperativeShare]:
    """How a basket's price splits among its cooperatives: in proportion to the value of each
    one's components (their own prices), to the centime, adding up exactly to the price."""
    shares: dict[int, CooperativeShare] = {}
    for component in basket_components(basket=basket):
        record = component_stockrecord(component)
        if record is None:
            continue
        cooperative = record.partner.cooperative
        share = shares.setdefault(cooperative.pk, CooperativeShare(cooperative=cooperative))
        share.components.append(component)
        share.value += (record.price or Decimal("0")) * component.quantity
    result = list(shares.values())
    if result and sum(share.value for share in result) > 0:
        amounts = money_split(amount=price, weights=[share.value for share in result])
        for share, amount in zip(result, amounts, strict=True):
            share.amount = amount
    return result


def product_list_browsable(
    *,
    category: Category | None = None,
    cooperative: Cooperative | None = None,
    query: str = "",
    sort: str = "newest",
    filters=None,
) -> QuerySet:
    """Public products of verified cooperatives, optionally in a category subtree or matching words.

    This is the database path of browsing and search; the search engine takes over when it runs.
    """
    products = product_list_sellable()
    if category is not None:
        products = products.filter(categories__in=category.get_descendants_and_self())
    if cooperative is not None:
        products = products.filter(stockrecords__partner__cooperative=cooperative)
    if filters is not None:
        products = _filtered(products, filters)
    for word in query.split()[:10]:
        products = products.filter(
            Q(title_fr__icontains=word)
            | Q(title_ar__icontains=word)
            | Q(title_en__icontains=word)
            | Q(stockrecords__partner__cooperative__name__icontains=word)
            | Q(categories__name_fr__icontains=word)
            | Q(categories__name_ar__icontains=word)
            | Q(categories__name_en__icontains=word)
        )
    # The joins above may repeat a product; keep each once before annotating its price.
    ids = products.values("pk")
    ordered = Product.objects.filter(pk__in=ids).annotate(min_price=Min("stockrecords__price"))
    ordered = ordered.order_by(*PRODUCT_SORTS.get(sort, PRODUCT_SORTS["newest"]))
    return _with_card_annotations(ordered)


def _made_by(lookup: str, value) -> Q:
    """Products of cooperatives matching a lookup, and baskets holding any of their products
    (as the engine indexes a basket with all its cooperatives)."""
    own = "stockrecords__partner__cooperative"
    components = "solidarity_basket__components__product__stockrecords__partner__cooperative"
    return Q(**{f"{own}__{lookup}": value}) | Q(**{f"{components}__{lookup}": value})


def _in_stock() -> Q:
    """Products with free stock; baskets whose every component has enough for one basket."""
    enough = StockRecord.objects.filter(
        product_id=OuterRef("product_id"),
        num_in_stock__gte=Coalesce(F("num_allocated"), 0) + OuterRef("quantity"),
    )
    short = BasketComponent.objects.filter(basket_id=OuterRef("pk")).exclude(Exists(enough))
    return Q(
        solidarity_basket__isnull=True,
        stockrecords__num_in_stock__gt=Coalesce(F("stockrecords__num_allocated"), 0),
    ) | Q(Q(solidarity_basket__isnull=False) & ~Exists(short))


def _filtered(products: QuerySet, filters) -> QuerySet:
    """The search page's filters (search.queries.Filters), for when the engine is away."""
    if filters.region:
        products = products.filter(_made_by("region__code__in", filters.region))
    if filters.cooperative:
        products = products.filter(_made_by("slug__in", filters.cooperative))
    if filters.women_led:
        products = products.filter(_made_by("women_led", True))
    if filters.label:
        valid = Certification.objects.valid().filter(kind__in=filters.label)
        products = products.filter(labels__in=valid)
    if filters.category:
        trees = Q()
        for category in Category.objects.filter(slug__in=filters.category):
            trees |= Q(categories__path__startswith=category.path)
        products = products.filter(trees) if trees else products.none()
    if filters.in_stock:
        products = products.filter(_in_stock())
    if filters.price:
        ranges = Q()
        for key, _label, low, high in PRICE_RANGES:
            if key in filters.price:
                bounds = {}
                if low is not None:
                    bounds["stockrecords__price__gte"] = low
                if high is not None:
                    bounds["stockrecords__price__lt"] = high
                ranges |= Q(**bounds)
        products = products.filter(ranges) if ranges else products
    if filters.kind:
        kinds = Q()
        if "product" in filters.kind:
            kinds |= Q(solidarity_basket__isnull=True)
        if "basket" in filters.kind:
            kinds |= Q(solidarity_basket__isnull=False)
        products = products.filter(kinds) if kinds else products.none()
    return products


def product_ids_featured(*, limit: int) -> list[int]:
    """The ids of recent products with free stock for the home page, each from a different verified
    cooperative. Only the newest products are read (a window of the creation-date index, widened
    while too few of them qualify), whatever the size of the catalogue."""
    sold_here = StockRecord.objects.filter(
        product_id=OuterRef("pk"),
        partner__cooperative__verification_state=VERIFIED,
        num_in_stock__gt=Coalesce(F("num_allocated"), 0),
    )
    window = limit * 10
    chosen: list[int] = []
    for _attempt in range(4):
        recent = list(
            Product.objects.order_by("-date_created", "-pk").values_list("pk", flat=True)[:window]
        )
        rows = (
            Product.objects.browsable()
            .filter(pk__in=recent)
            .filter(Exists(sold_here))
            .order_by("-date_created", "-pk")
            .values_list("pk", "stockrecords__partner_id")
        )
        chosen, partners = [], set()
        for pk, partner_id in rows:
            if partner_id not in partners:
                partners.add(partner_id)
                chosen.append(pk)
                if len(chosen) == limit:
                    return chosen
        if len(recent) < window:
            break
        window *= 4
    return chosen


def product_list_featured(*, limit: int) -> list[Product]:
    """`product_ids_featured`, read with what their cards show."""
    return product_list_by_ids(ids=product_ids_featured(limit=limit))


def product_is_sellable(*, product: Product) -> bool:
    """What `product_list_sellable` says of one product, read from its prefetched relations
    (`product_prefetch_for_detail`) instead of a query over the whole catalogue."""
    if not product.is_public or product.parent_id is not None:
        return False
    if product.is_solidarity_basket:
        basket = product.solidarity_basket
        components = basket_components(basket=basket)
        return (
            basket.hub.is_active
            and bool(components)
            and all(_component_sellable(component) for component in components)
        )
    return any(
        getattr(record.partner, "cooperative", None) is not None
        and record.partner.cooperative.verification_state == VERIFIED
        for record in product.stockrecords.all()
    )


def product_detail_labels(*, product: Product) -> list[Certification]:
    """The product's labels that are verified and currently valid."""
    return list(product.labels.valid().order_by("kind"))


def product_prefetch_for_detail(*, queryset: QuerySet) -> QuerySet:
    """A product page's queryset: the cooperative, its region and valid labels come along, and
    for a solidarity basket its hub and components."""
    return _with_card_annotations(queryset).prefetch_related(
        stockrecords_with_cooperative(),
        "images",
        Prefetch("labels", queryset=Certification.objects.valid(), to_attr="valid_labels"),
        Prefetch(
            "solidarity_basket__components",
            queryset=_with_component_relations(BasketComponent.objects.all()),
        ),
    )


def category_list_top_level() -> list[Category]:
    """Public top-level categories, for the home page and menus."""
    return list(Category.get_root_nodes().filter(is_public=True))


def product_list_by_ids(*, ids: list[int], sellable_only: bool = False) -> list[Product]:
    """Products in the given order (as the search engine ranked them), with what cards show;
    with `sellable_only`, those the shop no longer sells are left out (checked on the products
    read, not with a query over the whole catalogue)."""
    products = _with_card_annotations(Product.objects.filter(pk__in=ids))
    by_id = {
        product.pk: product
        for product in product_list_cards_prefetch(products)
        if not sellable_only or product_is_sellable(product=product)
    }
    return [by_id[pk] for pk in ids if pk in by_id]


def category_list_for_products():
    """Categories a product may be filed in: public leaves of the category tree."""
    return Category.objects.filter(numchild=0, is_public=True, ancestors_are_public=True)


def label_list_offered(*, cooperative: Cooperative):
    """The labels a cooperative may put on its products: its own, verified and currently valid."""
    return Certification.objects.valid().filter(cooperative=cooperative).order_by("kind", "pk")
