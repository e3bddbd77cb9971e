"""Search and browse forms. Plain Django forms: the site's search box and the sort order."""

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 200


class QueryField(forms.CharField):
    """Search words: control characters (NUL included) are dropped and overlong text is cut,
    so that any query answers a normal page."""

    def to_python(self, value):
        value = super().to_python(value)
        printable = "".join(ch for ch in value if ch.isprintable() or ch == " ")
        return printable.strip()[:MAX_QUERY_LENGTH]


class SearchForm(forms.Form):
    """The search box in every page's header (Oscar's context processor loads it by this name)."""

    q = QueryField(
        label=_("Search"),
        required=False,
        widget=forms.TextInput(
            attrs={
                "placeholder": _("Argan oil, saffron, carpets…"),
                "type": "search",
                "maxlength": MAX_QUERY_LENGTH,
            }
        ),
    )


class BrowseForm(SearchForm):
    """Search words plus a sort order, for catalogue, category and search pages."""

    SORT_CHOICES = [
        ("newest", _("Newest")),
        ("price-asc", _("Price: low to high")),
        ("price-desc", _("Price: high to low")),
    ]
    sort_by = forms.ChoiceField(
        label=_("Sort by"), choices=SORT_CHOICES, required=False, initial="newest"
    )

    def sort(self) -> str:
        if self.is_valid() and self.cleaned_data.get("sort_by"):
            return self.cleaned_data["sort_by"]
        return "newest"

    def query(self) -> str:
        return self.cleaned_data.get("q", "") if self.is_valid() else ""
