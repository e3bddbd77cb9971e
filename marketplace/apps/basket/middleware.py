"""Oscar's basket middleware, with the site's offers read from the cache.

Every page shows the basket in its header, and pricing a basket applies the site's offers: Oscar
reads them from the database each time. They change only when an operator edits an offer, so
the open site offers are kept under the `offers` tag (see marketplace.pagecache.receivers), and
their dates are checked on each request.
"""

from django.utils import timezone
from oscar.apps.basket.middleware import BasketMiddleware as CoreBasketMiddleware
from oscar.apps.offer.applicator import Applicator
from oscar.apps.offer.models import ConditionalOffer

from marketplace.pagecache import tags as page_tags
from marketplace.pagecache.fragments import fragment_get_or_set


def _site_offers_open() -> list[ConditionalOffer]:
    offers = ConditionalOffer.objects.filter(
        offer_type=ConditionalOffer.SITE, status=ConditionalOffer.OPEN
    ).select_related("condition", "benefit")
    return list(offers.order_by("-priority", "pk"))


class CachedOffersApplicator(Applicator):
    def get_site_offers(self):
        """Oscar's active site offers: open ones from the cache, those current now."""
        now = timezone.now()
        offers = fragment_get_or_set(
            name="site-offers", tags=[page_tags.OFFERS], compute=_site_offers_open
        )
        return [
            offer
            for offer in offers
            if (offer.start_datetime is None or offer.start_datetime <= now)
            and (offer.end_datetime is None or offer.end_datetime >= now)
        ]


class BasketMiddleware(CoreBasketMiddleware):
    def apply_offers_to_basket(self, request, basket):
        if not basket.is_empty:
            CachedOffersApplicator().apply(basket, request.user, request)
