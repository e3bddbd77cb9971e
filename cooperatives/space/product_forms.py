"""The form a cooperative's staff fill in on their phone to add or change one of its products."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from catalogue import selectors as catalogue_selectors
from catalogue import services as catalogue
from catalogue.models import Category, Product
from cooperatives.models import Certification, Cooperative
from cooperatives.space.converters import row_id

PHOTO_TYPES = "image/jpeg,image/png,image/webp"


class MultiplePhotoInput(forms.FileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Zero or more photos, each checked by Pillow (JPEG, PNG or WebP, size and dimensions)."""

    widget = MultiplePhotoInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        files = [file for file in files if file]
        if self.required and not files:
            raise ValidationError(self.error_messages["required"], code="required")
        if len(files) > catalogue.PHOTOS_MAX:
            raise ValidationError(
                _("Send at most %(max)s photos at once."),
                code="photos_too_many",
                params={"max": catalogue.PHOTOS_MAX},
            )
        problems, cleaned = [], []
        for file in files:
            try:
                file = super().clean(file, initial)
                catalogue.photo_check(file=file)
            except ValidationError as error:
                problems.extend(error.error_list)
            else:
                cleaned.append(file)
        if problems:
            raise ValidationError(problems)
        return cleaned


class LabelChoiceField(forms.ModelMultipleChoiceField):
    """The labels ticked. Django looks them up with `pk__in`, which SQLite cannot take beyond
    64 bits (OverflowError): an id that fits no row is refused like any unknown choice, and a
    cooperative has a handful of labels, not thousands."""

    CHOICES_MAX = 100

    def _check_values(self, value):
        if len(value) > self.CHOICES_MAX:
            raise ValidationError(self.error_messages["invalid_list"], code="invalid_list")
        for pk in value:
            if row_id(pk) is None:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


class CategoryChoiceField(forms.ModelChoiceField):
    """Leaf categories, each shown after its parents ("Oils › Argan oil") in the page's language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._names: dict[str, str] | None = None

    def label_from_instance(self, category):
        if self._names is None:
            self._names = {node.path: node.name for node in Category.objects.all()}
        step = Category.steplen
        ancestors = [category.path[:end] for end in range(step, len(category.path) + 1, step)]
        return " › ".join(self._names.get(path, "") for path in ancestors)


def _text(*, language: str, direction: str, required: bool = False):
    return forms.CharField(
        label=_("Name"),
        max_length=catalogue.TITLE_MAX_LENGTH,
        required=required,
        widget=forms.TextInput(attrs={"lang": language, "dir": direction}),
    )


def _description(*, language: str, direction: str):
    return forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "lang": language, "dir": direction}),
    )


class ProductForm(forms.Form):
    """Texts in French (required), Arabic and English; price, stock, weight, category, labels,
    visibility and photos. The service checks everything again."""

    title_fr = _text(language="fr", direction="ltr", required=True)
    description_fr = _description(language="fr", direction="ltr")
    title_ar = _text(language="ar", direction="rtl")
    description_ar = _description(language="ar", direction="rtl")
    title_en = _text(language="en", direction="ltr")
    description_en = _description(language="en", direction="ltr")
    price = forms.DecimalField(
        label=_("Price (MAD)"),
        min_value=catalogue.PRICE_MIN,
        max_value=catalogue.PRICE_MAX,
        max_digits=8,
        decimal_places=2,
        error_messages={
            "min_value": _("The price must be more than 0 MAD."),
            "max_value": _("The price may be at most 100,000 MAD."),
        },
        widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal", "dir": "ltr"}),
    )
    stock = forms.IntegerField(
        label=_("Units in stock"),
        min_value=0,
        max_value=catalogue.STOCK_MAX,
        help_text=_(
            "Everything on the shelf, including units reserved by orders not yet delivered."
        ),
        error_messages={
            "min_value": _("The stock cannot be negative."),
            "max_value": _("The stock may be at most 100,000 units."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "dir": "ltr"}),
    )
    stock_seen = forms.IntegerField(required=False, widget=forms.HiddenInput)
    weight_grams = forms.IntegerField(
        label=_("Packed weight (grams)"),
        min_value=catalogue.WEIGHT_MIN_GRAMS,
        max_value=catalogue.WEIGHT_MAX_GRAMS,
        help_text=_("Used to work out the delivery price."),
        error_messages={
            "min_value": _("The weight is at least 1 gram."),
            "max_value": _("The weight may be at most 100,000 grams (100 kg)."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "dir": "ltr"}),
    )
    category = CategoryChoiceField(
        label=_("Category"),
        queryset=Category.objects.none(),
        empty_label=_("Choose a category"),
    )
    labels = LabelChoiceField(
        label=_("Labels carried by this product"),
        queryset=Certification.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only your cooperative's labels that are verified and still valid."),
    )
    is_public = forms.BooleanField(
        label=_("Show this product on the site"),
        required=False,
        initial=True,
    )
    photos = PhotosField(
        label=_("Add photos"),
        required=False,
        help_text=_("JPEG, PNG or WebP; at most 5 MB and 4000×4000 pixels each."),
    )

    LANGUAGE_FIELDSETS = (
        ("fr", _("French (required)")),
        ("ar", _("Arabic")),
        ("en", _("English")),
    )

    def __init__(self, *args, cooperative: Cooperative, **kwargs):
        super().__init__(*args, **kwargs)
        self.cooperative = cooperative
        self.fields[
            "category"
        ].queryset = catalogue_selectors.category_list_for_products().order_by("path")
        self.fields["labels"].queryset = catalogue_selectors.label_list_offered(
            cooperative=cooperative
        )
        self.fields["photos"].widget.attrs["accept"] = PHOTO_TYPES
        for name, field in self.fields.items():
            if field.widget.is_hidden:
                continue
            if isinstance(field.widget, forms.CheckboxInput | forms.CheckboxSelectMultiple):
                css = "form-check-input"
            elif name == "photos":
                css = "form-control-file"
            else:
                css = "form-control"
            field.widget.attrs.setdefault("class", css)

    @staticmethod
    def initial_for(*, product: Product, stockrecord) -> dict:
        """The form's starting values for an existing product."""
        initial = {
            f"{kind}_{code}": getattr(product, f"{kind}_{code}") or ""
            for kind in ("title", "description")
            for code in catalogue.LANGUAGES
        }
        initial.update(
            price=stockrecord.price,
            stock=stockrecord.num_in_stock,
            stock_seen=stockrecord.num_in_stock,
            weight_grams=product.weight_grams,
            category=product.categories.order_by("pk").first(),
            labels=list(product.labels.all()),
            is_public=product.is_public,
        )
        return initial

    def language_fieldsets(self):
        """(language code, legend, [bound fields]) for the three text groups; the inputs carry
        their own `lang` and `dir`, so labels follow the page and the Arabic text runs right to
        left."""
        return [
            (code, legend, [self[f"title_{code}"], self[f"description_{code}"]])
            for code, legend in self.LANGUAGE_FIELDSETS
        ]

    def sale_fields(self):
        """The bound fields of the price, stock and shipping group."""
        return [self[name] for name in ("price", "stock", "weight_grams", "category")]

    def product_data(self) -> catalogue.ProductData:
        """The cleaned data in the shape the catalogue services take."""
        data = self.cleaned_data
        return catalogue.ProductData(
            **{
                name: data[name]
                for name in self.fields
                if name not in ("photos", "labels") and name in data
            },
            labels=list(data.get("labels") or []),
        )

    def add_error(self, field, error):
        """Also mark the invalid inputs for Bootstrap (and screen readers)."""
        if field is not None and field not in self.fields:
            field = None
        super().add_error(field, error)
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                if "is-invalid" not in attrs.get("class", ""):
                    attrs["class"] = f"{attrs.get('class', '')} is-invalid".strip()
                attrs["aria-invalid"] = "true"
