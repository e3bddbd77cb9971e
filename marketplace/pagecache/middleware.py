"""Anonymous page views served from the cache, rendered once per language and address.

A visitor who is not logged in, has no basket and no message waiting sees the same page as every
other such visitor but for the CSRF token of its forms. Views that may be cached say so, with
the tags of what they show (`page_cache_allow`); the rendered page is stored with those tags'
versions and served until one of them changes (see `tags`) or local midnight passes (labels
expire and campaigns start or end at midnight).

Everyone else (logged in, a basket, messages) gets the page rendered for them, and nothing of
theirs is stored. Tracking parameters (utm_*, fbclid ...) are dropped from the address before the
page is looked up or rendered, so that shared links do not each render the page again.
"""

import datetime
import hashlib
import logging
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, QueryDict
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import patch_vary_headers

from marketplace.pagecache import tags as page_tags
from marketplace.pagecache.fragments import request_memo_close, request_memo_open
from marketplace.pagecache.storage import PLACEHOLDER_BYTES, StoredPage

logger = logging.getLogger(__name__)

TRACKING_PARAMETER = re.compile(
    r"^(utm_[a-z_]+|fbclid|gclid|gbraid|wbraid|dclid|msclkid|yclid|igshid|mc_cid|mc_eid|_ga|_gl)$"
)
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
KEY_PREFIX = "pagecache:page:v1"


@dataclass
class PageCacheRequest:
    """What the middleware knows of a request whose page may be stored: where, and since
    which generation of changes; the view fills `tags` if its page may be cached."""

    key: str
    generation: int | None
    tags: set[str] | None = None
    reasons_not_to_store: list[str] = field(default_factory=list)


def page_cache_allow(request, *tags: str) -> None:
    """Called by a view whose page is the same for every anonymous visitor: the page may be
    stored, and is stale once one of these tags (or the base tags of every page) changes."""
    state = getattr(request, "page_cache", None)
    if state is None:
        return
    if state.tags is None:
        state.tags = set(page_tags.BASE_TAGS)
    state.tags.update(tag for tag in tags if tag)


def page_cache_depends(request, *tags: str) -> None:
    """Add tags to a page being stored (a template fragment showing campaign progress ...)."""
    state = getattr(request, "page_cache", None)
    if state is not None and state.tags is not None:
        state.tags.update(tag for tag in tags if tag)


def page_cache_refuse(request, reason: str) -> None:
    """This rendering must not be stored (a fallback page, a degraded answer ...)."""
    state = getattr(request, "page_cache", None)
    if state is not None:
        state.reasons_not_to_store.append(reason)


def _is_plain_visitor(request) -> bool:
    """Not logged in, no basket, no message waiting: the page has nothing of theirs."""
    cookies = request.COOKIES
    if settings.OSCAR_BASKET_COOKIE_OPEN in cookies or "messages" in cookies:
        return False
    if settings.SESSION_COOKIE_NAME in cookies:
        if request.user.is_authenticated:
            return False
        if "_messages" in request.session:
            return False
    return True


def _query_cleaned(request) -> list[tuple[str, str]] | None:
    """The query's parameters without tracking ones, sorted; None if one of them is not a
    parameter any cached page reads (such pages are rendered but not stored)."""
    pairs = [
        (key, value)
        for key, values in request.GET.lists()
        for value in values
        if not TRACKING_PARAMETER.match(key)
    ]
    if len(pairs) != sum(len(values) for _key, values in request.GET.lists()):
        query = urlencode(pairs)
        request.META["QUERY_STRING"] = query
        request.GET = QueryDict(query)
    if any(key not in settings.PAGE_CACHE_QUERY_PARAMETERS for key, _value in pairs):
        return None
    if len(pairs) > settings.PAGE_CACHE_MAX_QUERY_PARAMETERS:
        return None
    return sorted(pairs)


def _page_key(request, query: list[tuple[str, str]]) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.path}?{urlencode(query)}"
    digest = hashlib.sha256(address.encode("utf-8", "surrogateescape")).hexdigest()
    language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    return f"{KEY_PREFIX}:{settings.PAGE_CACHE_RELEASE}:{language}:{digest}"


def seconds_until_stale(now: datetime.datetime | None = None) -> int:
    """How long a page may be kept: PAGE_CACHE_SECONDS, and never past local midnight."""
    now = timezone.localtime(now)
    midnight = timezone.make_aware(
        datetime.datetime.combine(now.date() + datetime.timedelta(days=1), datetime.time.min)
    )
    until_midnight = int((midnight - now).total_seconds())
    return max(1, min(settings.PAGE_CACHE_SECONDS, until_midnight))


def _tokens_put(request, response) -> None:
    """The visitor's CSRF token where the page holds placeholders."""
    body = response.content
    if PLACEHOLDER_BYTES in body:
        response.content = body.replace(PLACEHOLDER_BYTES, get_token(request).encode())


def _is_fresh(stored: StoredPage) -> bool:
    return page_tags.tag_versions(stored.tags) == stored.tags


class AnonymousPageCacheMiddleware:
    """Serves and stores pages for plain anonymous visitors (after the session, locale, CSRF,
    authentication, messages and basket middleware, whose work it reads)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_memo_open()
        try:
            return self._respond(request)
        finally:
            request_memo_close()

    def _respond(self, request):
        page_tags.pending_retry()
        if not settings.PAGE_CACHE_ENABLED or request.method not in ("GET", "HEAD"):
            return self._rendered(request)
        if not _is_plain_visitor(request):
            response = self._rendered(request)
            response.headers.setdefault("X-Page-Cache", "bypass")
            return response
        query = _query_cleaned(request)
        if query is None:
            return self._rendered(request)
        key = _page_key(request, query)
        found = cache.get_many([key, page_tags.GENERATION_KEY])
        stored = found.get(key)
        if isinstance(stored, StoredPage) and _is_fresh(stored):
            return self._serve(request, stored)
        generation = found.get(page_tags.GENERATION_KEY)
        request.page_cache_generation = generation
        request.page_cache = PageCacheRequest(key=key, generation=generation)
        response = self.get_response(request)
        return self._store(request, response)

    def _rendered(self, request):
        """A page rendered for this request only; fragments it shows from the cache (product
        cards) may hold CSRF placeholders, replaced by the visitor's token."""
        if request.method in ("GET", "HEAD"):
            request.page_cache_generation = page_tags.generation_current()
        response = self.get_response(request)
        if getattr(request, "page_cache_placeholders", False) and not getattr(
            response, "streaming", False
        ):
            _tokens_put(request, response)
        return response

    # Serving -----------------------------------------------------------------------------------

    @staticmethod
    def _serve(request, stored: StoredPage) -> HttpResponse:
        token = get_token(request) if len(stored.pieces) > 1 else ""
        response = HttpResponse(content_type=stored.content_type)
        if ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
            response.content = stored.gzipped(token)
            response["Content-Encoding"] = "gzip"
        else:
            response.content = stored.body(token)
        patch_vary_headers(response, ("Accept-Encoding", "Cookie"))
        response["X-Page-Cache"] = "hit"
        return response

    # Storing -----------------------------------------------------------------------------------

    def _store(self, request, response):
        state: PageCacheRequest = request.page_cache
        if getattr(response, "streaming", False):
            return response
        body = response.content
        has_placeholder = PLACEHOLDER_BYTES in body
        reason = self._reason_not_to_store(request, response, state)
        if reason is None:
            reason = self._save(state, body, response["Content-Type"])
        response["X-Page-Cache"] = "miss" if reason is None else f"not stored: {reason}"
        if has_placeholder:
            _tokens_put(request, response)
        return response

    @staticmethod
    def _reason_not_to_store(request, response, state: PageCacheRequest) -> str | None:
        if state.tags is None:
            return "view not cacheable"
        if state.reasons_not_to_store:
            return state.reasons_not_to_store[0]
        if response.status_code != 200:
            return "status"
        if not response.get("Content-Type", "").startswith("text/html"):
            return "content type"
        if response.cookies:
            return "cookie set"
        if "private" in response.get("Cache-Control", "") or response.has_header("Set-Cookie"):
            return "private"
        session = getattr(request, "session", None)
        if session is not None and session.modified:
            return "session changed"
        messages = getattr(request, "_messages", None)
        if messages is not None and (messages.used or messages.added_new):
            return "messages"
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            # Something read the real CSRF token into the page instead of the placeholder.
            return "csrf token"
        return None

    @staticmethod
    def _save(state: PageCacheRequest, body: bytes, content_type: str) -> str | None:
        found = cache.get_many(
            [page_tags.GENERATION_KEY, *(page_tags.tag_key(tag) for tag in state.tags)]
        )
        if found.get(page_tags.GENERATION_KEY) != state.generation:
            # Something changed while the page was rendered: it may show some of it half old.
            return "changed while rendering"
        versions = {tag: found.get(page_tags.tag_key(tag)) for tag in state.tags}
        stored = StoredPage.from_body(body=body, content_type=content_type, tags=versions)
        cache.set(state.key, stored, timeout=seconds_until_stale())
        return None
