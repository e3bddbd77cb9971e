"""The indexing queue: product ids waiting for their search documents to be refreshed."""

import logging
from collections.abc import Iterable

from search.indexing import index_update
from search.models import PendingIndex
from search.signals import products_indexed

logger = logging.getLogger(__name__)


def queue_products(*, product_ids: Iterable[int]) -> None:
    """Queue products for re-indexing (one row each, however often they change meanwhile)."""
    PendingIndex.objects.bulk_create(
        [PendingIndex(product_id=pk) for pk in set(product_ids)], ignore_conflicts=True
    )


def queue_drain(*, batch_size: int = 500) -> int:
    """Index queued products in batches; returns how many were processed.

    A batch leaves the queue before it is indexed, so a change made meanwhile queues the product
    again; if the engine fails, the batch goes back into the queue and nothing is lost. Each batch
    is searchable when its `products_indexed` signal goes out (listings cached from the engine
    are then rendered again).
    """
    done = 0
    while True:
        batch = list(PendingIndex.objects.order_by("pk")[:batch_size])
        if not batch:
            return done
        ids = [row.product_id for row in batch]
        PendingIndex.objects.filter(pk__in=[row.pk for row in batch]).delete()
        try:
            index_update(product_ids=ids, refresh=True)
        except Exception:
            queue_products(product_ids=ids)
            raise
        products_indexed.send(sender=queue_drain, product_ids=ids)
        done += len(batch)
