"""Data every page shows (menus), computed once per language and kept until its tags move.

Pages rendered for logged-in visitors, for visitors with a basket, and pages asked with filters
nobody asked before are rendered each time; what they share with every other page (the menus of
categories and editorial pages) need not be read from the database each time too.
"""

import threading
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from marketplace.pagecache import tags as page_tags

T = TypeVar("T")


# What the request this thread serves already read: a page asks for some fragments several
# times (the list of restricted pages, once per list of pages). The middleware opens it when a
# request begins and drops it when it ends; outside requests nothing is remembered.
_read = threading.local()


def request_memo_open() -> None:
    _read.values = {}


def request_memo_close() -> None:
    _read.values = None


def _memo() -> dict | None:
    return getattr(_read, "values", None)


def fragment_get_or_set(
    *,
    name: str,
    tags: Iterable[str],
    compute: Callable[[], T],
    request=None,
    keep: Callable[[T], bool] | None = None,
) -> T:
    """`compute()`, cached per language until one of `tags` moves: the value is kept with the
    versions its tags had before it was computed, and one read brings back the value and the
    current versions. With a request, the page being cached depends on the tags. With `keep`, a
    value it refuses is returned but not stored. Within one request it is read once."""
    tags = sorted({page_tags.ALL, *tags})
    if request is not None:
        from marketplace.pagecache.middleware import page_cache_depends

        page_cache_depends(request, *tags)
    key = f"pagecache:fragment:{settings.PAGE_CACHE_RELEASE}:{get_language()}:{name}"
    memo = _memo()
    if memo is not None and key in memo:
        return memo[key]
    found = cache.get_many([key, *(page_tags.tag_key(tag) for tag in tags)])
    versions = {tag: found.get(page_tags.tag_key(tag)) for tag in tags}
    stored = found.get(key)
    if isinstance(stored, dict) and stored.get("tags") == versions:
        value = stored["value"]
    else:
        # Computed after reading the versions: a change committed meanwhile moves them again,
        # and the next read computes it afresh.
        value = compute()
        if keep is None or keep(value):
            cache.set(key, {"tags": versions, "value": value}, timeout=settings.PAGE_CACHE_SECONDS)
    if memo is not None:
        memo[key] = value
    return value
