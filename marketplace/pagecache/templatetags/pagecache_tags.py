"""`{% page_cache_depends "campaign-progress" %}`: a fragment names what its page shows."""

from django import template

from marketplace.pagecache.middleware import page_cache_depends as _depends

register = template.Library()


@register.simple_tag(takes_context=True)
def page_cache_depends(context, *tags):
    request = context.get("request")
    if request is not None:
        _depends(request, *(str(tag) for tag in tags))
    return ""
