import pytest

from search.forms import MAX_QUERY_LENGTH, BrowseForm, SearchForm


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("argan\x00 oil", "argan oil"),
        ("  زيت الأركان  ", "زيت الأركان"),
        ("miel\x1b[31m", "miel[31m"),
        ("", ""),
    ],
)
def test_search_words_lose_control_characters(raw, cleaned):
    form = SearchForm({"q": raw})
    assert form.is_valid()
    assert form.cleaned_data["q"] == cleaned


def test_an_overlong_query_is_cut_to_the_maximum_length():
    form = SearchForm({"q": "a" * 3000})
    assert form.is_valid()
    assert form.cleaned_data["q"] == "a" * MAX_QUERY_LENGTH


@pytest.mark.parametrize(
    ("sort", "expected"), [("price-asc", "price-asc"), ("bogus", "newest"), ("", "newest")]
)
def test_an_unknown_sort_order_falls_back_to_newest(sort, expected):
    assert BrowseForm({"sort_by": sort}).sort() == expected
