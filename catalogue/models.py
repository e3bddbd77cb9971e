"""Catalogue fork: Oscar's products with a shipping weight and the labels they carry."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.abstract_models import AbstractProduct

# Products without a recorded weight are quoted (and summed into baskets) as a small parcel.
DEFAULT_WEIGHT_GRAMS = 500


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

    @property
    def is_solidarity_basket(self) -> bool:
        """Whether this product is a "panier solidaire" made of other products."""
        try:
            return self.solidarity_basket is not None
        except SolidarityBasket.DoesNotExist:
            return False


class SolidarityBasket(models.Model):
    """A "panier solidaire": a product made of several cooperatives' products, assembled at a hub.

    Its price and title live on the product (its stock record belongs to the hub's partner); its
    stock follows its components; each cooperative is paid its share of the price.
    """

    product = models.OneToOneField(
        Product,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="solidarity_basket",
        verbose_name=_("product"),
    )
    hub = models.ForeignKey(
        "cooperatives.Hub",
        on_delete=models.PROTECT,
        related_name="baskets",
        verbose_name=_("hub"),
        help_text=_("Where the cooperatives send their products and the basket is assembled."),
    )
    commission_rate = models.DecimalField(
        _("commission rate"),
        max_digits=5,
        decimal_places=4,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("0.5"))],
        help_text=_("The marketplace's share of each cooperative's part, e.g. 0.05; 0 for none."),
    )

    class Meta:
        verbose_name = _("solidarity basket")
        verbose_name_plural = _("solidarity baskets")

    def __str__(self):
        return self.product.get_title()


class BasketComponent(models.Model):
    """One product of a solidarity basket and how many of it the basket holds."""

    basket = models.ForeignKey(
        SolidarityBasket,
        on_delete=models.CASCADE,
        related_name="components",
        verbose_name=_("basket"),
    )
    product = models.ForeignKey(
        Product,
        on_delete=models.PROTECT,
        related_name="basket_components",
        verbose_name=_("product"),
    )
    quantity = models.PositiveSmallIntegerField(
        _("quantity"), default=1, validators=[MinValueValidator(1), MaxValueValidator(99)]
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("basket component")
        verbose_name_plural = _("basket components")
        constraints = [
            models.UniqueConstraint(
                fields=["basket", "product"], name="basket_component_once_per_basket"
            ),
            models.CheckConstraint(
                condition=models.Q(quantity__gte=1), name="basket_component_quantity_positive"
            ),
        ]

    def __str__(self):
        return f"{self.quantity} × {self.product.get_title()}"


from oscar.apps.catalogue.models import *  # noqa: E402, F403  (Oscar's fork pattern)
