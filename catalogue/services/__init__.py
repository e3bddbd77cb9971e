"""Writes of the catalogue, one module per concern:

- `products`: a cooperative's products (texts, price, stock, weight, category, labels);
- `photos`: the photo pipeline (checked, re-encoded upright without metadata, stored);
- `baskets`: solidarity baskets operators compose, and baskets offered through a campaign.

The public names are re-exported here (`from catalogue import services`).
"""

from catalogue.services.baskets import (  # noqa: F401
    BASKET_CLASS_SLUG,
    COMPONENT_QUANTITY_MAX,
    COMPONENTS_MAX,
    OFFER_QUANTITY_MAX,
    BasketData,
    basket_offer_add,
    basket_product_class,
    basket_save,
    offered_campaign_option,
)
from catalogue.services.photos import (  # noqa: F401
    PHOTO_FORMATS,
    PHOTO_MAX_BYTES,
    PHOTO_MAX_SIDE,
    PHOTOS_MAX,
    photo_check,
    photos_prepare,
    product_photos_add,
)
from catalogue.services.products import (  # noqa: F401
    LANGUAGES,
    PRICE_MAX,
    PRICE_MIN,
    PRODUCT_CLASS_SLUG,
    STOCK_MAX,
    TITLE_MAX_LENGTH,
    WEIGHT_MAX_GRAMS,
    WEIGHT_MIN_GRAMS,
    ProductData,
    cooperative_product_create,
    cooperative_product_update,
    product_category_set,
    product_labels_set,
    product_slug_for,
    product_texts_set,
)
