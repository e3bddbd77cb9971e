"""Serving editorial pages: Wagtail's `serve`, with the route to the page remembered.

Wagtail finds a page by reading the site, the locale, the home page's translation and then each
page down the path with its specific type: two queries per level, on every view. The route (the
site and which page a path leads to) changes only when pages are published, moved or removed, so
it is kept per host, language and path under the `pages` tag; a view then reads the page alone.
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from wagtail import views as wagtail_views
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from marketplace.pagecache import tags as page_tags
from marketplace.pagecache.fragments import fragment_get_or_set

_NOT_FOUND = "not-found"


def _route_remembered(request, path: str) -> None:
    """Fill Wagtail's per-request route and site from the cache, or remember them."""

    def compute():
        result = Page.route_for_request(request, path)
        if result is None:
            return _NOT_FOUND
        page, args, kwargs = result
        return {
            "site": Site.find_for_request(request),
            "content_type": page.content_type_id,
            "page": page.pk,
            "args": tuple(args),
            "kwargs": dict(kwargs),
        }

    # The path is anyone's text, of any length: the key holds its digest.
    where = hashlib.blake2b(f"{request.get_host()}:{path}".encode(), digest_size=16).hexdigest()
    route = fragment_get_or_set(
        name=f"route:{where}",
        tags=[page_tags.PAGES],
        compute=compute,
        # Paths that lead nowhere are not remembered: anyone can ask for millions of them.
        keep=lambda found: found != _NOT_FOUND,
    )
    if route == _NOT_FOUND or hasattr(request, "_wagtail_route_for_request"):
        return
    model = ContentType.objects.get_for_id(route["content_type"]).model_class()
    page = model.objects.filter(pk=route["page"]).first()
    if page is None:  # removed since (the tag moves on deletion, but a cache may lag)
        return
    request._wagtail_site = route["site"]
    request._wagtail_route_for_request = RouteResult(page, route["args"], route["kwargs"])


def serve(request, path=""):
    """Wagtail's page view, routed from the cache."""
    _route_remembered(request, path)
    return wagtail_views.serve(request, path)
