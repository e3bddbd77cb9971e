"""Saves that change what cached pages show make those pages stale.

Oscar allocates and consumes stock, the Django admin and Wagtail save our data: signals are the
one place that sees every such save. Each receiver names the tags of what changed (see `tags`):
the product and the cooperative (its partner) it belongs to, the solidarity baskets it is part
of, and the listings; Wagtail's publishing moves `pages`. Raw saves (fixtures) are skipped.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from oscar.apps.offer.models import Benefit, Condition, ConditionalOffer, Range
from oscar.apps.partner.models import Partner, StockRecord
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from catalogue.models import (
    BasketComponent,
    Category,
    Product,
    ProductCategory,
    ProductImage,
    SolidarityBasket,
)
from cooperatives.models import Certification, Cooperative, CooperativePhoto, Hub, Region
from marketplace.pagecache import tags as t
from search.signals import products_indexed


def _baskets_holding(product_ids) -> list[int]:
    return list(
        BasketComponent.objects.filter(product_id__in=product_ids).values_list(
            "basket_id", flat=True
        )
    )


def products_changed(product_ids, partner_ids=()) -> None:
    """Pages of these products, of the baskets holding them, of their cooperatives, and every
    listing are stale."""
    product_ids = {pk for pk in product_ids if pk}
    if not product_ids and not partner_ids:
        return
    if not partner_ids:
        partner_ids = StockRecord.objects.filter(product_id__in=product_ids).values_list(
            "partner_id", flat=True
        )
    baskets = _baskets_holding(product_ids) if product_ids else []
    t.tags_invalidate(
        [
            t.LISTINGS,
            *(t.product_tag(pk) for pk in (*product_ids, *baskets)),
            *(t.partner_tag(pk) for pk in partner_ids if pk),
        ]
    )


def _product_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        products_changed([instance.pk])


def _stockrecord_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        products_changed([instance.product_id], [instance.partner_id])


def _product_part_saved(sender, instance, raw=False, **kwargs):
    """An image or a category link of one product."""
    if not raw:
        products_changed([instance.product_id])


def _basket_part_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        products_changed([instance.basket_id if sender is BasketComponent else instance.pk])


def _hub_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        baskets = SolidarityBasket.objects.filter(hub=instance).values_list("pk", flat=True)
        products_changed(list(baskets), [instance.partner_id])


def _cooperative_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        t.tags_invalidate([t.LISTINGS, t.COOPERATIVES, t.partner_tag(instance.partner_id)])


def _cooperative_part_saved(sender, instance, raw=False, **kwargs):
    """A certification (a label) or a photo of one cooperative."""
    if raw:
        return
    cooperative = Cooperative.objects.filter(pk=instance.cooperative_id).first()
    tags = [t.LISTINGS, t.COOPERATIVES]
    if cooperative is not None:
        tags.append(t.partner_tag(cooperative.partner_id))
    if sender is Certification and instance.pk:
        tags.extend(t.product_tag(pk) for pk in instance.products.values_list("pk", flat=True))
    t.tags_invalidate(tags)


def _partner_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        t.tags_invalidate([t.LISTINGS, t.partner_tag(instance.pk)])


def _product_labels_changed(sender, instance, action, pk_set=None, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if isinstance(instance, Product):
        products_changed([instance.pk])
    else:
        products_changed(pk_set or [])


def _categories_saved(sender, raw=False, **kwargs):
    if not raw:
        t.tags_invalidate([t.CATEGORIES, t.LISTINGS])


def _everything(sender, raw=False, **kwargs):
    """Regions and sites appear on nearly every page."""
    if not raw:
        t.pages_clear()


def _pages_changed(sender=None, **kwargs):
    if not kwargs.get("raw", False):
        t.tags_invalidate([t.PAGES])


def _offers_changed(sender, raw=False, **kwargs):
    """The site's offers, which price every basket (marketplace.apps.basket.middleware)."""
    if not raw:
        t.tags_invalidate([t.OFFERS])


def _products_indexed(sender, **kwargs):
    # Listings come from the engine: once it holds the new state they are rendered again.
    t.tags_invalidate([t.LISTINGS])


def connect() -> None:
    for model, receiver in (
        (Product, _product_saved),
        (StockRecord, _stockrecord_saved),
        (ProductImage, _product_part_saved),
        (ProductCategory, _product_part_saved),
        (BasketComponent, _basket_part_saved),
        (SolidarityBasket, _basket_part_saved),
        (Hub, _hub_saved),
        (Cooperative, _cooperative_saved),
        (Certification, _cooperative_part_saved),
        (CooperativePhoto, _cooperative_part_saved),
        (Partner, _partner_saved),
        (Category, _categories_saved),
        (Region, _everything),
        (Site, _everything),
        (Locale, _everything),
        (get_image_model(), _pages_changed),
        (PageViewRestriction, _pages_changed),
        (ConditionalOffer, _offers_changed),
        (Condition, _offers_changed),
        (Benefit, _offers_changed),
        (Range, _offers_changed),
        # A page saved by code (not published from the admin) changes what its live version shows.
        *((model, _pages_changed) for model in {Page, *get_page_models()}),
    ):
        uid = f"pagecache-{model._meta.label_lower}"
        post_save.connect(receiver, sender=model, dispatch_uid=uid)
        post_delete.connect(receiver, sender=model, dispatch_uid=f"{uid}-delete")
    m2m_changed.connect(
        _product_labels_changed, sender=Product.labels.through, dispatch_uid="pagecache-labels"
    )
    page_published.connect(_pages_changed, dispatch_uid="pagecache-published")
    page_unpublished.connect(_pages_changed, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(_pages_changed, dispatch_uid="pagecache-moved")
    products_indexed.connect(_products_indexed, dispatch_uid="pagecache-indexed")
