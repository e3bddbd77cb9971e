"""Signals of the search app, for the layers above it."""

from django.dispatch import Signal

# Sent by the indexing task once documents it updated are searchable: listings that came from
# the engine may show something else now. Arguments: product_ids.
products_indexed = Signal()
