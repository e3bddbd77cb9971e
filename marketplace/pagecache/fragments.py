"""Data every page shows (menus), computed once per language and kept until its tags move.

Pages rendered for logged-in visitors, for visitors with a basket, and pages asked with filters
nobody asked before are rendered each time; what they share with every other page (the menus of
categories and editorial pages) need not be read from the database each time too.
"""

from collections.abc import Callable, Iterable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from marketplace.pagecache import tags as page_tags

T = TypeVar("T")


def fragment_get_or_set(
    *,
    name: str,
    tags: Iterable[str],
    compute: Callable[[], T],
    request=None,
    keep: Callable[[T], bool] | None = None,
) -> T:
    """`compute()`, cached per language under the current versions of `tags` (so a change of
    one of them computes it again). With a request, the page being cached depends on the tags.
    With `keep`, a value it refuses is returned but not stored."""
    tags = sorted({page_tags.ALL, *tags})
    if request is not None:
        from marketplace.pagecache.middleware import page_cache_depends

        page_cache_depends(request, *tags)
    versions = page_tags.tag_versions(tags)
    stamp = ".".join(f"{tag}={versions[tag]}" for tag in tags)
    key = f"pagecache:fragment:{settings.PAGE_CACHE_RELEASE}:{get_language()}:{name}:{stamp}"
    found = cache.get(key)
    if found is None:
        found = compute()
        if keep is None or keep(found):
            cache.set(key, found, timeout=settings.PAGE_CACHE_SECONDS)
    return found
