"""What a cached page depends on, and how a change makes the pages that show it stale.

A page is stored with the *tags* of what it shows (`product:12`, `partner:3`, `listings`, `pages`
...) and the version each tag had when the page was rendered. Changing something gives each of
its tags a new version: a stored page whose tag versions differ from the current ones is stale.

Versions are unique tokens, so a tag evicted from the cache and set again never matches an old
page. A separate counter, the *generation*, moves on every change: a page whose rendering saw it
move is not stored, since it may have read the data before the change and its tags after.
"""

import uuid
from collections.abc import Iterable

from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "pagecache:generation"
TAG_PREFIX = "pagecache:tag:"

# Every page shows the menus (categories, editorial pages); `all` is moved by a full clear.
ALL = "all"
PAGES = "pages"
CATEGORIES = "categories"
LISTINGS = "listings"
CAMPAIGN_PROGRESS = "campaign-progress"
COOPERATIVES = "cooperatives"
OFFERS = "offers"
BASE_TAGS = (ALL, PAGES, CATEGORIES)


def product_tag(pk: int) -> str:
    return f"product:{pk}"


def partner_tag(pk: int) -> str:
    """Everything of one cooperative (or hub): its profile, labels and products."""
    return f"partner:{pk}"


def tag_key(tag: str) -> str:
    return f"{TAG_PREFIX}{tag}"


def generation_current() -> int | None:
    return cache.get(GENERATION_KEY)


def tag_versions(tags: Iterable[str]) -> dict[str, str | None]:
    """The current version of each tag (None for a tag never changed, or evicted)."""
    tags = list(tags)
    found = cache.get_many([tag_key(tag) for tag in tags])
    return {tag: found.get(tag_key(tag)) for tag in tags}


def _generation_move() -> None:
    cache.add(GENERATION_KEY, 0, timeout=None)
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # evicted between the two calls
        cache.set(GENERATION_KEY, 1, timeout=None)


class _Pending:
    # Set when a change could not be written to the cache (Redis did not answer): pages stored
    # before it may show what changed, so every page is made stale as soon as the cache answers.
    clear = False


def _bump(tags: frozenset[str]) -> None:
    # The generation moves first: a rendering that reads the new tag versions must also see the
    # generation moved, and then it is not stored.
    _generation_move()
    version = uuid.uuid4().hex
    failed = cache.set_many({tag_key(tag): version for tag in tags}, timeout=None)
    _Pending.clear = bool(failed) or (_Pending.clear and ALL not in tags)


def pending_retry() -> None:
    """Called on each request: if a change was lost while the cache was away, clear all pages."""
    if _Pending.clear:
        _bump(frozenset({ALL}))


def tags_invalidate(tags: Iterable[str]) -> None:
    """Make every page showing one of these tags stale: now, and again once the current
    transaction commits (a page rendered in between read the data from before the commit)."""
    tags = frozenset(tag for tag in tags if tag)
    if not tags:
        return
    _bump(tags)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _bump(tags))


def pages_clear() -> None:
    """Every cached page is stale (after a bulk load, a deployment of new templates ...)."""
    _bump(frozenset({ALL}))
