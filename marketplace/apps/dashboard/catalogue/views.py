"""Oscar's catalogue dashboard, with its product lookup reading its query string safely."""

from oscar.apps.dashboard.catalogue import views
from oscar.apps.dashboard.catalogue.views import *  # noqa: F403  (Oscar's fork pattern)

from cooperatives.space.converters import row_id, row_ids


class ProductLookupView(views.ProductLookupView):
    """The product picker of the offers' ranges. Oscar reads `page` and `page_limit` with
    `int()`: "abc" was a ValueError, -1 a negative slice, a million a million products in
    one answer."""

    PAGE_LIMIT_MAX = 50

    def get_args(self):
        initial = self.request.GET.get("initial") or None
        if initial:
            # Oscar filters `pk__in` with the raw comma-separated values.
            initial = ",".join(map(str, row_ids(initial.split(",")))) or None
        page = row_id(self.request.GET.get("page", "1")) or 1
        limit = min(row_id(self.request.GET.get("page_limit", "20")) or 20, self.PAGE_LIMIT_MAX)
        return initial, self.request.GET.get("q") or None, page, limit
