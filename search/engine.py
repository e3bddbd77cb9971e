"""The connection to Elasticsearch, when one is configured. Short timeouts: the shop never waits."""

import logging
from functools import lru_cache

from django.conf import settings

logger = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def get_client():
    """A client for ELASTICSEARCH_URL, or None when search runs from the database."""
    if not settings.ELASTICSEARCH_URL:
        return None
    from elasticsearch import Elasticsearch

    return Elasticsearch(
        settings.ELASTICSEARCH_URL,
        request_timeout=settings.ELASTICSEARCH_TIMEOUT,
        max_retries=0,
        retry_on_timeout=False,
    )


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
