"""The queue of products whose search documents must be refreshed."""

from django.db import models


class PendingIndex(models.Model):
    """A product to re-index; the indexing worker drains these in batches."""

    product_id = models.PositiveIntegerField(unique=True)
    queued_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["queued_at", "pk"]

    def __str__(self):
        return f"product {self.product_id}"
