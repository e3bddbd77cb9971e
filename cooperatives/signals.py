"""What the cooperatives domain tells the layers above it, which receive it (the domain never
imports them)."""

from django.dispatch import Signal

# Sent once committed, when an order's parcels moved (and so what the order counts for: paid,
# delivered, cancelled). `order_id`: the order's id. The CMS drops its campaigns' progress.
parcels_changed = Signal()
