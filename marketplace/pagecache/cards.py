"""Product cards rendered once per product and language, kept until the product changes.

A listing shows 24 cards; each card reads two thumbnails, prices the product, builds its basket
form and includes four templates: most of a listing's time. A card is the same on every page
and for every visitor but for its CSRF token (a placeholder here, the visitor's token once the
page is sent) and, on search pages, its highlighted title. So each card is kept in the cache
with the versions of its tags (its product; its cooperative's, or for a basket its
components' and their cooperatives'), and a listing reads all its cards and their tags in two
round trips, rendering only those missing or stale.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from catalogue.selectors import basket_components, product_list_by_ids
from marketplace.pagecache import tags as page_tags
from marketplace.pagecache.middleware import page_cache_depends, seconds_until_stale
from marketplace.pagecache.storage import PLACEHOLDER

CARD_TEMPLATE = "oscar/catalogue/partials/product.html"


def card_tags(product) -> set[str]:
    """What a card shows: the product (price, stock, title, picture) and its cooperative; for
    a solidarity basket also its components, whose stock and cooperatives its availability
    follows."""
    found = {page_tags.ALL, page_tags.product_tag(product.pk)}
    found.update(page_tags.partner_tag(record.partner_id) for record in product.stockrecords.all())
    if product.is_solidarity_basket:
        for component in basket_components(basket=product.solidarity_basket):
            found.add(page_tags.product_tag(component.product_id))
            found.update(
                page_tags.partner_tag(record.partner_id)
                for record in component.product.stockrecords.all()
            )
    return found


def _card_key(product, highlight: str | None = None) -> str:
    pk = product if isinstance(product, int) else product.pk
    if highlight is None:
        highlight = getattr(product, "search_highlight", "") or ""
    digest = hashlib.blake2b(highlight.encode(), digest_size=8).hexdigest() if highlight else "-"
    release = settings.PAGE_CACHE_RELEASE
    return f"pagecache:card:{release}:{get_language()}:{pk}:{digest}"


def _unchanged_since_request_began(request, generation) -> bool:
    return request is not None and generation == getattr(request, "page_cache_generation", object())


def _render(context, template, product) -> str:
    with context.push(product=product, csrf_token=PLACEHOLDER):
        return template.render(context)


def _cards_by_id(context, wanted: ProductsById) -> list[SafeString]:
    """Cards of products known by id: the cached ones checked against their stored tags (two
    round trips), the others read and rendered."""
    request = context.get("request")
    if not wanted.ids:
        return []
    keys = {pk: _card_key(pk, wanted.highlights.get(pk, "")) for pk in wanted.ids}
    found = cache.get_many([*keys.values(), page_tags.GENERATION_KEY])
    stored = {pk: entry for pk, key in keys.items() if isinstance(entry := found.get(key), dict)}
    versions = page_tags.tag_versions(
        {tag for entry in stored.values() for tag in entry.get("tags", {})}
    )
    html: dict[int, str] = {}
    every_tag: set[str] = set()
    for pk, entry in stored.items():
        if all(versions.get(tag) == version for tag, version in entry["tags"].items()):
            html[pk] = entry["html"]
            every_tag.update(entry["tags"])
    missing = [pk for pk in wanted.ids if pk not in html]
    if missing:
        products = wanted.read(missing)
        tags_of = {product.pk: card_tags(product) for product in products}
        new_tags = set().union(set(), *tags_of.values()) - set(versions)
        versions.update(page_tags.tag_versions(new_tags))
        unchanged = _unchanged_since_request_began(request, found.get(page_tags.GENERATION_KEY))
        template = get_template(CARD_TEMPLATE).template
        fresh = {}
        for product in products:
            html[product.pk] = str(_render(context, template, product))
            expected = {tag: versions.get(tag) for tag in tags_of[product.pk]}
            every_tag.update(expected)
            if unchanged:
                fresh[keys[product.pk]] = {"tags": expected, "html": html[product.pk]}
        if fresh:
            cache.set_many(fresh, timeout=seconds_until_stale())
    if request is not None:
        request.page_cache_placeholders = True
        page_cache_depends(request, *every_tag)
    # Products no longer sold (or gone) since the ids were chosen have no card.
    return [mark_safe(html[pk]) for pk in wanted.ids if pk in html]


@dataclass
class ProductsById:
    """Products to show as cards, known by id (as the engine ranks them, or as editors chose
    them): their cards come from the cache, and only the products whose card is missing or stale
    are read from the database. Iterating reads them all (for anything but cards)."""

    ids: list[int]
    highlights: dict[int, str] = field(default_factory=dict)
    sellable_only: bool = False

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self):
        return iter(self.read(self.ids))

    def read(self, ids: list[int]) -> list:
        products = product_list_by_ids(ids=ids, sellable_only=self.sellable_only)
        for product in products:
            product.search_highlight = self.highlights.get(product.pk, "")
        return products


def cards_render(context, products: Iterable) -> list[SafeString]:
    """The HTML of each product's card, in order, from the cache where it is fresh."""
    if isinstance(products, ProductsById):
        return _cards_by_id(context, products)
    products = list(products)
    request = context.get("request")
    if not products:
        return []
    wanted = [(product, _card_key(product), card_tags(product)) for product in products]
    every_tag = set().union(*(tags for _product, _key, tags in wanted))
    found = cache.get_many(
        [
            *(key for _product, key, _tags in wanted),
            page_tags.GENERATION_KEY,
            *(page_tags.tag_key(tag) for tag in every_tag),
        ]
    )
    versions = {tag: found.get(page_tags.tag_key(tag)) for tag in every_tag}
    # A card rendered from data read before a change committed must not be stored with the
    # versions after it: only when nothing changed since the request began.
    unchanged = _unchanged_since_request_began(request, found.get(page_tags.GENERATION_KEY))
    template = get_template(CARD_TEMPLATE).template
    cards, fresh = [], {}
    for product, key, tags in wanted:
        stored = found.get(key)
        expected = {tag: versions[tag] for tag in tags}
        if isinstance(stored, dict) and stored.get("tags") == expected:
            cards.append(mark_safe(stored["html"]))
            continue
        html = _render(context, template, product)
        cards.append(mark_safe(html))
        if unchanged:
            fresh[key] = {"tags": expected, "html": str(html)}
    if fresh:
        cache.set_many(fresh, timeout=seconds_until_stale())
    if request is not None:
        request.page_cache_placeholders = True
        page_cache_depends(request, *every_tag)
    return cards
