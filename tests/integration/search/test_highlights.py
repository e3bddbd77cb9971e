"""Highlights of the matched title words, in the page's language, escaped by the engine."""

import pytest

from catalogue.models import Product
from search.indexing import index_update
from search.queries import catalogue_search
from tests.factories import CooperativeFactory, product_create

pytestmark = pytest.mark.django_db


def _highlight_of(title: str, result, language: str = "fr") -> str:
    (product,) = Product.objects.filter(**{f"title_{language}": title}, pk__in=result.ids)[:1]
    return result.highlights[product.pk]


@pytest.mark.parametrize(
    ("query", "title", "highlight"),
    [
        (
            "huiles",
            "Huile d'argan alimentaire 250 ml",
            "<mark>Huile</mark> d&#x27;argan alimentaire",
        ),
        # A typo is marked as the word it found.
        ("safrn", "Safran en pistils 1 g", "<mark>Safran</mark> en pistils 1 g"),
        # So is an unfinished word.
        ("hui", "Huile d'argan alimentaire 250 ml", "<mark>Huile</mark> d&#x27;argan"),
        # A synonym in another language marks the French word.
        ("honey", "Miel de fleur d'oranger 250 g", "<mark>Miel</mark> de fleur"),
    ],
)
def test_the_matched_words_of_a_title_are_marked(engine, query, title, highlight):
    result = catalogue_search(query=query, limit=100)

    assert _highlight_of(title, result).startswith(highlight)


@pytest.mark.parametrize(
    ("language", "query", "title", "highlight"),
    [
        ("ar", "عسل", "عسل زهر البرتقال 250 غ", "<mark>عسل</mark> زهر البرتقال"),
        ("en", "honey", "Orange blossom honey 250 g", "Orange blossom <mark>honey</mark>"),
    ],
)
def test_titles_are_marked_in_the_page_language(engine, language, query, title, highlight):
    result = catalogue_search(query=query, limit=100, language=language)

    assert _highlight_of(title, result, language).startswith(highlight)


def test_each_word_found_is_marked_when_a_product_matches_only_some_of_the_words(engine):
    # "miel tapis": no title has both; honey and carpets are found by the word they have, and
    # the shopper sees which one.
    result = catalogue_search(query="miel tapis", limit=200)

    assert _highlight_of("Miel de fleur d'oranger 250 g", result).startswith("<mark>Miel</mark>")
    carpets = [text for text in result.highlights.values() if "<mark>Tapis</mark>" in text]
    assert carpets


def test_a_title_is_escaped_around_the_marks(engine):
    product = product_create(
        cooperative=CooperativeFactory(), title='Savon "noir" <b>& ghassoul</b>'
    )
    engine.append(product.pk)
    index_update(product_ids=[product.pk], refresh=True)

    result = catalogue_search(query="ghassoul savon", limit=100)

    assert result.highlights[product.pk] == (
        "<mark>Savon</mark> &quot;noir&quot; &lt;b&gt;&amp; <mark>ghassoul</mark>&lt;&#x2F;b&gt;"
    )


def test_browsing_without_words_marks_nothing(engine):
    assert catalogue_search(query="", limit=24).highlights == {}
