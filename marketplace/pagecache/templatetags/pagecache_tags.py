"""`{% page_cache_depends "campaign-progress" %}`: a fragment names what its page shows."""

from django import template

from marketplace.pagecache.cards import cards_render
from marketplace.pagecache.middleware import page_cache_depends as _depends

register = template.Library()


@register.simple_tag(takes_context=True)
def page_cache_depends(context, *tags):
    request = context.get("request")
    if request is not None:
        _depends(request, *(str(tag) for tag in tags))
    return ""


@register.simple_tag(takes_context=True)
def product_cards(context, products):
    """`{% product_cards products as cards %}`: each product's card, from the cache where it is
    fresh (marketplace.pagecache.cards)."""
    from django.db.models import Model

    return cards_render(context, [products] if isinstance(products, Model) else products)
