"""Facet links: each toggles one filter value and goes back to the first page."""

import pytest
from django.http import QueryDict

from search.facets import _listed, _toggle


def _reference(params: QueryDict, name: str, value: str) -> tuple[str, bool]:
    """What the links were built with before: a QueryDict copied for each option."""
    query = params.copy()
    query.pop("page", None)
    values = query.getlist(name)
    selected = value in values
    query.setlist(name, [v for v in values if v != value] if selected else [*values, value])
    return "?" + query.urlencode(), selected


@pytest.mark.parametrize(
    ("query", "name", "value"),
    [
        ("q=huile&page=3", "region", "MA-09"),
        ("q=huile&region=MA-09&in_stock=1", "region", "MA-09"),
        ("region=MA-09&q=huile&region=MA-01", "region", "MA-01"),
        (
            "q=%D8%B2%D9%8A%D8%AA+%D8%A7%D9%84%D8%A3%D8%B1%D9%83%D8%A7%D9%86&sort_by=price-asc",
            "label",
            "igp",
        ),
        ("", "women_led", "1"),
        ("q=a%26b%3Dc&category=miel", "category", "miel"),
    ],
)
def test_a_link_adds_or_removes_its_value_and_keeps_the_rest(query, name, value):
    params = QueryDict(query)

    assert _toggle(_listed(params), name, value) == _reference(params, name, value)


def test_a_link_leaves_the_page_number_out():
    url, selected = _toggle(_listed(QueryDict("q=miel&page=2")), "region", "MA-05")

    assert (url, selected) == ("?q=miel&region=MA-05", False)
