"""Choosers that let editors find a product or a cooperative by typing part of its name.

Oscar's products and our cooperatives are not in Wagtail's search index, so each chooser filters
with the database: any word of the query may match a title in any language, a code, a cooperative
or a region.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet

from catalogue import selectors as catalogue_selectors
from cooperatives import selectors as cooperative_selectors

QUERY_MAX_LENGTH = 100


class WordsFilterForm(BaseFilterForm):
    """A search box; every word must match one of `search_fields` (case- and accent-insensitive
    as far as the database allows)."""

    search_fields: tuple[str, ...] = ()

    q = forms.CharField(
        label=_("Search term"),
        max_length=QUERY_MAX_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Search")}),
    )

    def filter(self, objects: QuerySet) -> QuerySet:
        query = (self.cleaned_data.get("q") or "").strip()
        if not query:
            return objects
        self.is_searching = True
        self.search_query = query
        for word in query.split()[:8]:
            match = Q()
            for field in self.search_fields:
                match |= Q(**{f"{field}__icontains": word})
            objects = objects.filter(match)
        return objects


class ProductFilterForm(WordsFilterForm):
    search_fields = (
        "title_fr",
        "title_ar",
        "title_en",
        "upc",
        "stockrecords__partner__cooperative__name",
        "stockrecords__partner__cooperative__region__name_fr",
        "stockrecords__partner__cooperative__region__name_ar",
        "stockrecords__partner__cooperative__region__name_en",
    )


class CooperativeFilterForm(WordsFilterForm):
    search_fields = ("name", "commune", "region__name_fr", "region__name_ar", "region__name_en")


def _cooperative_of(product) -> str:
    cooperative = product.cooperative
    return cooperative.name if cooperative else ""


class ProductChooseMixin:
    filter_form_class = ProductFilterForm
    per_page = 20

    def get_object_list(self):
        return (
            catalogue_selectors.product_list_sellable()
            .select_related("product_class")
            .prefetch_related("stockrecords__partner__cooperative")
            .distinct()
            .order_by("title")
        )

    @property
    def columns(self):
        return [
            self.title_column,
            Column("cooperative", label=_("Cooperative"), accessor=_cooperative_of),
        ]


class ProductChooseView(ProductChooseMixin, ChooseView):
    pass


class ProductChooseResultsView(ProductChooseMixin, ChooseResultsView):
    pass


def _hub_of(product) -> str:
    basket = getattr(product, "solidarity_basket", None)
    return basket.hub.name if basket is not None else ""


class BasketChooseMixin(ProductChooseMixin):
    """Only the solidarity baskets the shop sells."""

    def get_object_list(self):
        return (
            super()
            .get_object_list()
            .filter(solidarity_basket__isnull=False)
            .select_related("solidarity_basket__hub")
        )

    @property
    def columns(self):
        return [self.title_column, Column("hub", label=_("Hub"), accessor=_hub_of)]


class BasketChooseView(BasketChooseMixin, ChooseView):
    pass


class BasketChooseResultsView(BasketChooseMixin, ChooseResultsView):
    pass


class CooperativeChooseMixin:
    filter_form_class = CooperativeFilterForm
    per_page = 20

    def get_object_list(self):
        return (
            cooperative_selectors.cooperative_list_public()
            .select_related("region")
            .order_by("name")
        )

    @property
    def columns(self):
        return [self.title_column, Column("region", label=_("Region"), accessor="region")]


class CooperativeChooseView(CooperativeChooseMixin, ChooseView):
    pass


class CooperativeChooseResultsView(CooperativeChooseMixin, ChooseResultsView):
    pass


class ProductChooserViewSet(ChooserViewSet):
    """Pick one of the products the shop sells."""

    model = "catalogue.Product"
    icon = "pick"
    choose_one_text = _("Choose a product")
    choose_another_text = _("Choose another product")
    edit_item_text = _("Edit this product")
    choose_view_class = ProductChooseView
    choose_results_view_class = ProductChooseResultsView
    # Operators create products in Oscar's dashboard, not from a page.
    creation_form_class = None
    form_fields = None


class BasketChooserViewSet(ChooserViewSet):
    """Pick one of the solidarity baskets the shop sells."""

    model = "catalogue.Product"
    icon = "pick"
    choose_one_text = _("Choose a solidarity basket")
    choose_another_text = _("Choose another solidarity basket")
    edit_item_text = _("Edit this solidarity basket")
    choose_view_class = BasketChooseView
    choose_results_view_class = BasketChooseResultsView
    creation_form_class = None
    form_fields = None
    # The product chooser stays the widget of foreign keys to products.
    register_widget = False


class CooperativeChooserViewSet(ChooserViewSet):
    """Pick one of the verified cooperatives."""

    model = "cooperatives.Cooperative"
    icon = "group"
    choose_one_text = _("Choose a cooperative")
    choose_another_text = _("Choose another cooperative")
    edit_item_text = _("Edit this cooperative")
    choose_view_class = CooperativeChooseView
    choose_results_view_class = CooperativeChooseResultsView
    creation_form_class = None
    form_fields = None


product_chooser_viewset = ProductChooserViewSet("product_chooser", url_prefix="choose/product")
basket_chooser_viewset = BasketChooserViewSet("basket_chooser", url_prefix="choose/basket")
cooperative_chooser_viewset = CooperativeChooserViewSet(
    "cooperative_chooser", url_prefix="choose/cooperative"
)

ProductChooserBlock = product_chooser_viewset.get_block_class(
    name="ProductChooserBlock", module_path="cms.choosers"
)
_BasketChooserBlockBase = basket_chooser_viewset.get_block_class(
    name="BasketChooserBlock", module_path="cms.choosers"
)


class BasketChooserBlock(_BasketChooserBlockBase):
    """A product chooser block that accepts solidarity baskets only."""

    def clean(self, value):
        value = super().clean(value)
        if value is not None and not value.is_solidarity_basket:
            raise ValidationError(_("Choose a solidarity basket, not a single product."))
        return value


CooperativeChooserBlock = cooperative_chooser_viewset.get_block_class(
    name="CooperativeChooserBlock", module_path="cms.choosers"
)
