"""Catalogue fork: Oscar's products with a shipping weight and the labels they carry."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.abstract_models import AbstractProduct


class Product(AbstractProduct):
    """A product made by one cooperative: the partner of its stock record."""

    weight_grams = models.PositiveIntegerField(
        _("shipping weight (grams)"),
        null=True,
        blank=True,
        help_text=_("Weight of the packed product, used for parcel rates."),
    )
    labels = models.ManyToManyField(
        "cooperatives.Certification",
        verbose_name=_("labels"),
        blank=True,
        related_name="products",
        help_text=_("Certifications of the product's cooperative that apply to this product."),
    )

    @property
    def cooperative(self):
        """The cooperative selling this product, read from prefetched stock records when present."""
        for stockrecord in self.stockrecords.all():
            return getattr(stockrecord.partner, "cooperative", None)
        return None


from oscar.apps.catalogue.models import *  # noqa: E402, F403  (Oscar's fork pattern)
