"""Solidarity baskets in the real search engine: found by "panier" in every language, indexed
with all their cooperatives and regions, filtered by the "solidarity basket" facet."""

import pytest

from catalogue.models import SolidarityBasket
from search.indexing import alias_name
from search.queries import Filters, catalogue_search

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_basket_ids(engine) -> set[int]:
    ids = set(SolidarityBasket.objects.values_list("product_id", flat=True))
    assert len(ids) >= 4, "the demo data has at least four solidarity baskets"
    return ids


@pytest.mark.parametrize(("query", "language"), [("panier", "fr"), ("سلة", "ar"), ("basket", "en")])
def test_searching_panier_finds_every_demo_basket(demo_basket_ids, query, language):
    result = catalogue_search(query=query, limit=100, language=language)

    assert demo_basket_ids <= set(result.ids)


def test_the_basket_facet_counts_and_keeps_only_baskets(demo_basket_ids):
    everything = catalogue_search(query="", limit=0)
    assert everything.facets["kind"]["basket"] == len(demo_basket_ids)

    baskets = catalogue_search(query="", filters=Filters(kind=["basket"]), limit=100)
    assert set(baskets.ids) == demo_basket_ids


def test_a_basket_is_indexed_with_each_of_its_cooperatives_and_regions(
    demo_basket_ids, search_engine
):
    basket = SolidarityBasket.objects.get(product_id=min(demo_basket_ids))
    cooperatives = {
        component.product.cooperative for component in basket.components.select_related("product")
    }
    document = search_engine.get(index=alias_name(), id=basket.pk)["_source"]

    assert document["kind"] == "basket"
    assert sorted(document["cooperatives"]) == sorted(c.slug for c in cooperatives)
    assert set(document["regions"]) == {c.region.code for c in cooperatives}
    assert len(document["cooperatives"]) >= 2
    assert document["available"] > 0
    # A region of one of its cooperatives finds the basket.
    region = next(iter(cooperatives)).region.code
    by_region = catalogue_search(filters=Filters(region=[region], kind=["basket"]), limit=100)
    assert basket.pk in by_region.ids


def test_the_results_page_shows_the_basket_badge_and_facet(demo_basket_ids, django_app):
    page = django_app.get("/search/", {"q": "panier"})

    assert len(page.html.select(".badge-basket")) >= len(demo_basket_ids)
    facet_labels = [link.get_text(" ", strip=True) for link in page.html.select("a")]
    assert any(label.startswith("Paniers solidaires") for label in facet_labels)


def test_a_basket_is_indexed_at_its_own_price(demo_basket_ids, search_engine):
    from catalogue.models import Product

    for product in Product.objects.filter(pk__in=demo_basket_ids).prefetch_related("stockrecords"):
        document = search_engine.get(index=alias_name(), id=product.pk)["_source"]
        assert document["price"] == float(product.stockrecords.get().price)
