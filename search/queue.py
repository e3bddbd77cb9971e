"""Products waiting for their search documents: one indexing task per committed transaction."""

import threading
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction

from search.tasks import products_index

_pending = threading.local()


def queue_products(*, product_ids: Iterable[int]) -> None:
    """Index these products once the current transaction commits (at once outside one).

    Every product a transaction touches goes into one task, however many times it changed; a
    rolled-back transaction queues nothing. Without an engine configured, nothing is queued.
    """
    ids = {pk for pk in product_ids if pk}
    if not ids or not settings.ELASTICSEARCH_URL:
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        products_index.enqueue(product_ids=sorted(ids))
        return
    pending = getattr(_pending, "ids", None)
    # A rolled-back transaction (or savepoint) drops its commit callbacks: start afresh then.
    # Ids left from it are only indexed again, which is harmless.
    if pending is None or not any(hook is _flush for _, hook, _ in connection.run_on_commit):
        pending = _pending.ids = set()
        transaction.on_commit(_flush)
    pending.update(ids)


def _flush() -> None:
    ids, _pending.ids = getattr(_pending, "ids", None), None
    if ids:
        products_index.enqueue(product_ids=sorted(ids))
