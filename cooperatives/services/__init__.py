"""Writes of the cooperatives domain, one module per concern:

- `cooperatives`: regions, creating, verifying, suspending and labelling cooperatives; hubs;
- `orders`: the stock lock and the split of an order into parcels, card orders released or
  cancelled;
- `parcels`: a parcel's life (a cooperative's or a hub's);
- `status`: an order's status, derived from its parcels;
- `ledger`: what each parcel books, and refunds.

The public names are re-exported here (`from cooperatives import services`).
"""

from cooperatives.services.cooperatives import (  # noqa: F401
    cooperative_create,
    cooperative_suspend,
    cooperative_verify,
    hub_ensure,
    regions_ensure,
    shipping_country_ensure,
)
from cooperatives.services.ledger import (  # noqa: F401
    ledger_book,
    ledger_refund_book,
    shipment_sale_book,
)
from cooperatives.services.orders import (  # noqa: F401
    basket_stock_lock,
    lines_stock_needs,
    order_shipments_create,
    order_shipments_release,
    order_unpaid_cancel,
)
from cooperatives.services.parcels import (  # noqa: F401
    STATUS_STAMPS,
    TRACKING_NUMBER,
    hub_shipment_accept,
    hub_shipment_cancel,
    hub_shipment_mark_delivered,
    hub_shipment_mark_shipped,
    parcel_mark_closed,
    shipment_accept,
    shipment_cancel,
    shipment_mark_delivered,
    shipment_mark_refused,
    shipment_mark_shipped,
)
from cooperatives.services.status import (  # noqa: F401
    ORDER_STATUS_CANCELLED,
    ORDER_STATUS_COMPLETE,
    ORDER_STATUS_PENDING,
    ORDER_STATUS_PENDING_PAYMENT,
    ORDER_STATUS_PROCESSING,
    ORDER_STATUS_SHIPPED,
    order_status_refresh,
)
