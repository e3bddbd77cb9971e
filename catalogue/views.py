"""Catalogue views: Oscar's product page, limited to verified cooperatives' products."""

from oscar.apps.catalogue.views import ProductDetailView as CoreProductDetailView

from catalogue.selectors import product_prefetch_for_detail
from cooperatives.models import Cooperative


class ProductDetailView(CoreProductDetailView):
    """A product page with its cooperative and valid labels fetched up front."""

    def get_queryset(self):
        products = (
            super()
            .get_queryset()
            .filter(
                stockrecords__partner__cooperative__verification_state=(
                    Cooperative.VerificationState.VERIFIED
                )
            )
        )
        return product_prefetch_for_detail(queryset=products.distinct())
