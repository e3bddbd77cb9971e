"""The search app's background work: bringing products' documents up to date."""

import datetime

from django.conf import settings

from marketplace.background.tasks import task_retried
from search.indexing import BATCH_SIZE, index_update
from search.signals import products_indexed


# An engine away for a while (a restart, an upgrade) is waited for: up to about a day.
@task_retried(
    queue_name="search",
    attempts=30,
    delay=datetime.timedelta(seconds=10),
    delay_max=datetime.timedelta(hours=1),
)
def products_index(*, product_ids: list[int]) -> int:
    """Index these products (the sellable ones; the others leave the index), in batches, each
    searchable when its `products_indexed` signal goes out. Returns how many were processed.
    Without an engine configured there is nothing to do: the site searches the database, and
    `search_index --rebuild` fills a new engine."""
    if not settings.ELASTICSEARCH_URL:
        return 0
    ids = sorted(set(product_ids))
    for start in range(0, len(ids), BATCH_SIZE):
        batch = ids[start : start + BATCH_SIZE]
        index_update(product_ids=batch, refresh=True)
        products_indexed.send(sender=products_index, product_ids=batch)
    return len(ids)
