"""While a page is rendered for the cache, forms get a placeholder instead of a CSRF token."""

from marketplace.pagecache.storage import PLACEHOLDER


def csrf_placeholder(request):
    """Overrides Django's `csrf_token` for pages that may be stored: the middleware puts each
    visitor's own token in place of the placeholder when it serves the page."""
    if getattr(request, "page_cache", None) is not None:
        return {"csrf_token": PLACEHOLDER}
    return {}
