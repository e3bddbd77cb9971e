"""Search against the real engine: languages, synonyms, typos, facets, filters, sorting, pages."""

import re

import pytest
from django.db.models import Count

from catalogue.models import Category, Product, SolidarityBasket
from search.indexing import index_update, indexable_products
from search.queries import MAX_WORD_LENGTH, Filters, catalogue_search
from tests.factories import CooperativeFactory, product_create

pytestmark = pytest.mark.django_db


def _titles(result, language="fr"):
    by_id = {
        p.pk: getattr(p, f"title_{language}") for p in Product.objects.filter(pk__in=result.ids)
    }
    return [by_id[pk] for pk in result.ids]


def test_french_stemming_finds_the_singular_from_the_plural(engine):
    result = catalogue_search(query="huiles", limit=100)

    assert "Huile d'argan alimentaire 250 ml" in _titles(result)


def test_an_arabic_query_finds_arabic_titles(engine):
    result = catalogue_search(query="زيت الأركان", limit=100, language="ar")

    assert "زيت الأركان الغذائي 250 مل" in _titles(result, "ar")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("saffron", "Safran en pistils 1 g"),
        ("argane", "Huile d'argan alimentaire 250 ml"),
        ("عسل", "Miel de fleur d'oranger 250 g"),
        ("أركان", "Huile d'argan alimentaire 250 ml"),
        ("honey", "Miel de fleur d'oranger 250 g"),
    ],
)
def test_synonyms_cross_languages(engine, query, expected):
    assert expected in _titles(catalogue_search(query=query, limit=100))


def test_a_typo_still_finds_the_product(engine):
    assert "Safran en pistils 1 g" in _titles(catalogue_search(query="safrn", limit=100))


def test_a_word_of_the_description_finds_the_product(engine):
    product = product_create(
        cooperative=CooperativeFactory(),
        title="Savon noir 200 g",
        description_fr="Préparé à la main avec des olives de Ouazzane.",
    )
    engine.append(product.pk)
    index_update(product_ids=[product.pk], refresh=True)

    assert product.pk in catalogue_search(query="ouazzane").ids
    assert product.pk in catalogue_search(query="olives ouazzane").ids
    # Typos are forgiven in the names a shopper types: here the title.
    assert product.pk in catalogue_search(query="savn noir").ids


def test_region_facet_counts_equal_the_database(engine):
    result = catalogue_search(limit=1)

    expected = dict(
        Product.objects.filter(pk__in=indexable_products().values("pk"))
        .exclude(stockrecords__partner__cooperative=None)
        .values_list("stockrecords__partner__cooperative__region__code")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    )
    # A solidarity basket counts once in each region of its cooperatives.
    for basket in SolidarityBasket.objects.filter(product__in=indexable_products()):
        regions = {
            component.product.cooperative.region.code for component in basket.components.all()
        }
        for code in regions:
            expected[code] = expected.get(code, 0) + 1
    assert result.facets["region"] == expected
    assert result.total == indexable_products().count()


def test_a_category_lists_its_whole_subtree(engine):
    category = Category.objects.get(slug="huile-argan")
    result = catalogue_search(category_root=category.slug, limit=200)

    expected = set(
        indexable_products()
        .filter(categories__in=category.get_descendants_and_self())
        .values_list("pk", flat=True)
    )
    assert set(result.ids) == expected
    assert expected


def test_filters_combine(engine):
    filters = Filters(
        region=["MA-09"],
        in_stock=True,
        women_led=True,
        price=["0-100", "100-250"],
        kind=["product"],
    )
    result = catalogue_search(filters=filters, limit=200)

    assert result.ids
    for product in indexable_products().filter(pk__in=result.ids):
        record = product.stockrecords.get()
        cooperative = record.partner.cooperative
        assert cooperative.region.code == "MA-09"
        assert cooperative.women_led
        assert record.num_in_stock - (record.num_allocated or 0) > 0
        assert record.price < 250
    assert result.total == len(result.ids)


@pytest.mark.parametrize("sort", ["price-asc", "price-desc"])
def test_sorting_by_price(engine, sort):
    result = catalogue_search(sort=sort, limit=200)
    prices = [
        p.stockrecords.get().price
        for p in sorted(
            indexable_products().filter(pk__in=result.ids), key=lambda p: result.ids.index(p.pk)
        )
    ]

    assert prices == sorted(prices, reverse=sort == "price-desc")


def test_newest_lists_the_latest_products_first(engine):
    result = catalogue_search(sort="newest", limit=100)

    dates = dict(Product.objects.filter(pk__in=result.ids).values_list("pk", "date_created"))
    listed = [dates[pk] for pk in result.ids]
    assert len(listed) == min(100, result.total)
    assert listed == sorted(listed, reverse=True)


def test_another_page_or_order_of_a_search_counts_the_same(engine):
    first = catalogue_search(query="huile", limit=24)
    other = catalogue_search(query="huile", sort="price-asc", offset=24, limit=24)

    assert first.total > 24
    assert (other.total, other.facets) == (first.total, first.facets)


def test_counts_follow_a_change_to_the_index(engine):
    # The engine keeps the counts of a search in its request cache: a change must not leave
    # the same search showing the old ones.
    before = catalogue_search(limit=0)
    product = product_create(cooperative=CooperativeFactory(), title="Confiture de cactus")
    engine.append(product.pk)
    index_update(product_ids=[product.pk], refresh=True)

    after = catalogue_search(limit=0)

    assert after.total == before.total + 1
    assert after.facets["kind"]["product"] == before.facets["kind"]["product"] + 1


def test_pages_do_not_repeat(engine):
    first = catalogue_search(sort="newest", offset=0, limit=24)
    second = catalogue_search(sort="newest", offset=24, limit=24)

    assert len(first.ids) == len(second.ids) == 24
    assert not set(first.ids) & set(second.ids)


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "\\",
        "*:()[]{}",
        '{"query": {"match_all": {}}}',
        "😀" * 50,
        "أَرْكَان",
        "x" * 3000,
        "a\x00b",
    ],
)
def test_hostile_queries_are_just_words(engine, query):
    result = catalogue_search(query=query)

    assert result.total >= 0


def test_no_word_of_the_catalogue_is_cut_from_a_query():
    # Query words are cut to MAX_WORD_LENGTH characters: every word a product has fits.
    texts = Product.objects.values_list(
        "title_fr", "title_ar", "title_en", "description_fr", "description_ar", "description_en"
    )
    longest = max(
        len(word) for row in texts for text in row for word in re.findall(r"\w+", text or "")
    )

    assert 5 < longest <= MAX_WORD_LENGTH
