"""The connection to Elasticsearch, when one is configured. Short timeouts: the shop never waits."""

import logging
from functools import lru_cache

from django.conf import settings

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


def get_indexing_client():
    """The client with a patient timeout, for indexing and maintenance (never for shoppers)."""
    client = get_client()
    if client is None:
        return None
    return client.options(request_timeout=settings.ELASTICSEARCH_INDEXING_TIMEOUT)
