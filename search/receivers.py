"""Changes saved by code we do not own (Oscar's stock, admin edits ...) queue search updates.

Each save queues the affected product ids; one indexing task per transaction takes them once it
commits (a rolled-back change queues nothing), and the worker (`db_worker`) indexes them in
batches, never the shopper's request.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from catalogue.models import BasketComponent, Product, ProductCategory
from cooperatives.models import Certification, Cooperative
from search.queue import queue_products


def _queue_after_commit(ids) -> None:
    queue_products(product_ids=ids)


def product_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _queue_after_commit([instance.pk])


def _with_baskets(product_ids) -> list[int]:
    """The products and the solidarity baskets they are part of (whose stock follows theirs)."""
    ids = [pk for pk in product_ids if pk]
    baskets = BasketComponent.objects.filter(product_id__in=ids).values_list("basket_id", flat=True)
    return [*ids, *baskets]


def stockrecord_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _queue_after_commit(_with_baskets([instance.product_id]))


def basket_component_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _queue_after_commit([instance.basket_id])


def product_category_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _queue_after_commit([instance.product_id])


def cooperative_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from oscar.apps.partner.models import StockRecord

    _queue_after_commit(
        _with_baskets(
            StockRecord.objects.filter(partner_id=instance.partner_id).values_list(
                "product_id", flat=True
            )
        )
    )


def certification_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    _queue_after_commit(instance.products.values_list("pk", flat=True))


def product_labels_changed(sender, instance, action, pk_set=None, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        if isinstance(instance, Product):
            _queue_after_commit([instance.pk])
        else:  # a certification's products
            _queue_after_commit(pk_set or [])


def connect() -> None:
    from oscar.apps.partner.models import StockRecord

    post_save.connect(product_saved, sender=Product, dispatch_uid="search-product")
    post_delete.connect(product_saved, sender=Product, dispatch_uid="search-product-del")
    post_save.connect(stockrecord_saved, sender=StockRecord, dispatch_uid="search-stock")
    post_delete.connect(stockrecord_saved, sender=StockRecord, dispatch_uid="search-stock-del")
    post_save.connect(product_category_saved, sender=ProductCategory, dispatch_uid="search-cat")
    post_delete.connect(
        product_category_saved, sender=ProductCategory, dispatch_uid="search-cat-del"
    )
    post_save.connect(cooperative_saved, sender=Cooperative, dispatch_uid="search-coop")
    post_save.connect(basket_component_saved, sender=BasketComponent, dispatch_uid="search-bc")
    post_delete.connect(
        basket_component_saved, sender=BasketComponent, dispatch_uid="search-bc-del"
    )
    post_save.connect(certification_saved, sender=Certification, dispatch_uid="search-label")
    m2m_changed.connect(
        product_labels_changed, sender=Product.labels.through, dispatch_uid="search-labels"
    )
