"""Product cards rendered once per product and language, kept until the product changes.

A listing shows 24 cards; each card reads two thumbnails, prices the product, builds its basket
form and includes four templates: most of a listing's time. A card is the same on every page
and for every visitor but for its CSRF token (a placeholder here, the visitor's token once the
page is sent) and, on search pages, its highlighted title. So each card is kept in the cache
with the versions of its tags (its product; its cooperative's, or for a basket its
components' and their cooperatives'), and a listing reads all its cards and their tags in two
round trips, rendering only those missing or stale.
"""

import hashlib
from collections.abc import Iterable

from django.conf import settings
from django.core.cache import cache
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

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
        from catalogue.selectors import basket_components

        for component in basket_components(basket=product.solidarity_basket):
            found.add(page_tags.product_tag(component.product_id))
            found.update(
                page_tags.partner_tag(record.partner_id)
                for record in component.product.stockrecords.all()
            )
    return found


def _card_key(product) -> str:
    highlight = getattr(product, "search_highlight", "") or ""
    digest = hashlib.blake2b(highlight.encode(), digest_size=8).hexdigest() if highlight else "-"
    release = settings.PAGE_CACHE_RELEASE
    return f"pagecache:card:{release}:{get_language()}:{product.pk}:{digest}"


def cards_render(context, products: Iterable) -> list[SafeString]:
    """The HTML of each product's card, in order, from the cache where it is fresh."""
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
    unchanged = request is not None and found.get(page_tags.GENERATION_KEY) == getattr(
        request, "page_cache_generation", object()
    )
    template = get_template(CARD_TEMPLATE).template
    cards, fresh = [], {}
    for product, key, tags in wanted:
        stored = found.get(key)
        expected = {tag: versions[tag] for tag in tags}
        if isinstance(stored, dict) and stored.get("tags") == expected:
            cards.append(mark_safe(stored["html"]))
            continue
        with context.push(product=product, csrf_token=PLACEHOLDER):
            html = template.render(context)
        cards.append(mark_safe(html))
        if unchanged:
            fresh[key] = {"tags": expected, "html": str(html)}
    if fresh:
        cache.set_many(fresh, timeout=seconds_until_stale())
    if request is not None:
        request.page_cache_placeholders = True
        page_cache_depends(request, *every_tag)
    return cards
