"""Search and browse forms. Plain Django forms: the site's search box and the sort order."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from search.queries import MAX_QUERY_LENGTH, Filters


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


FILTER_VALUE = re.compile(r"[\w-]{1,100}")
FILTER_NAMES = ("category", "region", "cooperative", "label", "kind", "price")
FLAG_NAMES = ("women_led", "in_stock")


class BrowseForm(SearchForm):
    """Search words, filters and a sort order, for catalogue, category and search pages.

    Filter values that are not plain slugs are dropped (they could match nothing anyway).
    """

    SORT_CHOICES = [
        ("relevance", _("Relevance")),
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
        return "relevance" if self.query() else "newest"

    def _filter_values(self) -> dict[str, list[str]]:
        if not hasattr(self.data, "getlist"):
            return {}
        return {
            name: [v for v in self.data.getlist(name)[:20] if FILTER_VALUE.fullmatch(v)]
            for name in (*FILTER_NAMES, *FLAG_NAMES)
        }

    def filters(self) -> Filters:
        values = self._filter_values()
        flags = {name: "1" in values.pop(name, []) for name in FLAG_NAMES}
        return Filters(**values, **flags)

    def filter_params(self) -> list[tuple[str, str]]:
        """The filters as (name, value) pairs, to carry through another form (the sort)."""
        return [(name, v) for name, values in self._filter_values().items() for v in values]

    def query(self) -> str:
        return self.cleaned_data.get("q", "") if self.is_valid() else ""
