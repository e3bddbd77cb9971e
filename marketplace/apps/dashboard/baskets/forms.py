"""Forms of the baskets dashboard: a basket's texts, price and hub, its components, and the
actions on a hub's parcel. The rules themselves live in `basket_save` and the hub services."""

from decimal import Decimal

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from catalogue.models import Product
from catalogue.selectors import product_list_sellable
from catalogue.services import COMPONENT_QUANTITY_MAX, COMPONENTS_MAX
from cooperatives.models import Hub, HubShipment

LANGUAGE_CODES = ("fr", "ar", "en")
LANGUAGE_NAMES = {"fr": _("French"), "ar": _("Arabic"), "en": _("English")}


class BasketForm(forms.Form):
    """What a basket says and costs, and where it is assembled."""

    price = forms.DecimalField(
        label=_("Price (MAD)"), max_digits=12, decimal_places=2, min_value=Decimal("0")
    )
    commission_rate = forms.DecimalField(
        label=_("Commission rate"),
        max_digits=5,
        decimal_places=4,
        min_value=Decimal("0"),
        max_value=Decimal("0.5"),
        initial=Decimal("0"),
        help_text=_("The marketplace's share of each cooperative's part, e.g. 0.05; 0 for none."),
    )
    hub = forms.ModelChoiceField(queryset=Hub.objects.none(), label=_("Hub"))
    is_public = forms.BooleanField(label=_("Shown in the shop"), required=False, initial=True)

    def __init__(self, *args, basket=None, **kwargs):
        super().__init__(*args, **kwargs)
        for code in LANGUAGE_CODES:
            language = LANGUAGE_NAMES[code]
            self.fields[f"title_{code}"] = forms.CharField(
                label=_("Title (%(language)s)") % {"language": language}, max_length=255
            )
            self.fields[f"description_{code}"] = forms.CharField(
                label=_("Description (%(language)s)") % {"language": language},
                widget=forms.Textarea(attrs={"rows": 3}),
                required=False,
            )
        # Titles and descriptions first, as operators write them.
        order = [f"{kind}_{code}" for code in LANGUAGE_CODES for kind in ("title", "description")]
        self.order_fields(order)
        hubs = Q(is_active=True)
        if basket is not None:
            hubs |= Q(pk=basket.hub_id)  # keep the current hub choosable, even if closed
        self.fields["hub"].queryset = Hub.objects.filter(hubs)


def _component_label(product: Product) -> str:
    cooperative = product.cooperative
    return f"{product.get_title()} — {cooperative.name if cooperative else '?'}"


class ComponentForm(forms.Form):
    product = forms.ModelChoiceField(queryset=Product.objects.none(), label=_("Product"))
    quantity = forms.IntegerField(
        label=_("Quantity"), min_value=1, max_value=COMPONENT_QUANTITY_MAX, initial=1
    )

    def __init__(self, *args, products=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = (
            products if products is not None else Product.objects.none()
        )
        self.fields["product"].label_from_instance = _component_label


def component_products(basket=None):
    """The products a basket can hold: what the shop sells, baskets excepted (plus the basket's
    current components, so that editing never drops one silently)."""
    sellable = product_list_sellable().filter(solidarity_basket__isnull=True).values("pk")
    chosen = Q(pk__in=sellable)
    if basket is not None:
        chosen |= Q(pk__in=basket.components.values("product_id"))
    return (
        Product.objects.filter(chosen)
        .prefetch_related("stockrecords__partner__cooperative")
        .order_by("title", "pk")
    )


class BaseComponentFormSet(forms.BaseFormSet):
    def __init__(self, *args, products=None, **kwargs):
        self.products = products
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        kwargs["products"] = self.products
        return kwargs

    def components(self) -> list[tuple[Product, int]]:
        """(product, quantity) of the filled rows not marked for deletion, in order."""
        result = []
        for form in self.forms:
            if not form.cleaned_data or (self.can_delete and self._should_delete_form(form)):
                continue
            result.append((form.cleaned_data["product"], form.cleaned_data["quantity"]))
        return result


# A basket holds at most COMPONENTS_MAX products: a forged TOTAL_FORMS of 2,000 would build and
# render 2,000 rows, each listing every product (minutes of CPU).
ComponentFormSet = forms.formset_factory(
    ComponentForm,
    formset=BaseComponentFormSet,
    extra=3,
    can_delete=True,
    max_num=COMPONENTS_MAX,
    absolute_max=COMPONENTS_MAX,
    validate_max=True,
)

COMPONENTS_PREFIX = "components"


class HubShipmentFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All"))] + list(HubShipment.Status.choices),
    )


class HubShipmentShipForm(forms.Form):
    tracking_number = forms.CharField(label=_("Tracking number"), max_length=40, required=False)


class HubShipmentCancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), max_length=500, required=False
    )
