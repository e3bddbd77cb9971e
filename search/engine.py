"""The connection to Elasticsearch, when one is configured. Short timeouts: the shop never waits."""

import logging
from functools import lru_cache

from django.conf import settings
from elastic_transport import TransportError
from elasticsearch import ApiError, NotFoundError

logger = logging.getLogger(__name__)


def get_client():
    """A client for ELASTICSEARCH_URL, or None when search runs from the database."""
    if not settings.ELASTICSEARCH_URL:
        return None
    return _client_for(settings.ELASTICSEARCH_URL, settings.ELASTICSEARCH_TIMEOUT)


@lru_cache(maxsize=4)
def _client_for(url: str, timeout: float):
    from elasticsearch import Elasticsearch

    return Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False)


get_client.cache_clear = _client_for.cache_clear


def engine_available() -> bool:
    """Whether the engine answers a ping right now."""
    client = get_client()
    if client is None:
        return False
    try:
        return bool(client.ping())
    except Exception:  # an unreachable engine is an expected state, not an error
        logger.warning("Elasticsearch at %s is unreachable", settings.ELASTICSEARCH_URL)
        return False


# What the engine raises; `engine_failed` says which of them mean "search from the database".
ENGINE_ERRORS = (TransportError, ApiError)


def engine_failed(error: Exception) -> bool:
    """Whether `error` is the engine's own failure (unreachable, too slow, overloaded, its index
    missing), when the shop sells from the database instead. A refused query (400) is a bug of
    ours: it must fail loudly (and in the tests), not hide behind the fallback."""
    if isinstance(error, TransportError | NotFoundError):
        return True
    if isinstance(error, ApiError):
        # A multi-search answers 200 and carries each search's own status in its body.
        body = error.body if isinstance(error.body, dict) else {}
        status = body.get("status", error.status_code)
        return status in (404, 429) or status >= 500
    return False


def get_indexing_client():
    """The client with a patient timeout, for indexing and maintenance (never for shoppers)."""
    client = get_client()
    if client is None:
        return None
    return client.options(request_timeout=settings.ELASTICSEARCH_INDEXING_TIMEOUT)
