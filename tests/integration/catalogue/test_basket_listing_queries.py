"""Product listings read solidarity baskets' components up front: a page costs as many queries
with one basket card as with four."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import views as search_views
from search.queries import SearchResult
from tests.factories import category_create, product_create
from tests.journeys import basket_create

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _rendered_every_time(settings):
    """What rendering a listing costs: the page cache would answer the second request."""
    settings.PAGE_CACHE_ENABLED = False


TITLE = "Zzpanier requetes"


def _baskets_add(market, *, count: int, category) -> list:
    """`count` baskets in `category`, each of its own components (oil, amlou and a carpet of
    the test market's cooperatives), so no two cards share what they read."""
    baskets = []
    for _ in range(count):
        oil = product_create(cooperative=market.argan, price="60.00", stock=9)
        carpet = product_create(cooperative=market.carpets, price="200.00", stock=4)
        title = f"{TITLE} {oil.pk}"
        baskets.append(
            basket_create(
                market,
                title_fr=title,
                title_en=title,
                title_ar=title,
                category=category,
                components=[(oil, 2), (market.amlou, 1), (carpet, 1)],
            )
        )
    return baskets


def _queries(client, url: str, *, expected_cards: int) -> int:
    client.get(url)  # warm per-process caches (site, content types, translations)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert content.count("badge badge-basket") == expected_cards
    return len(queries)


class _Engine:
    """Stands in for the Elasticsearch client: the view then hydrates `catalogue_search` ids."""


@pytest.fixture
def engine_ranks_baskets(monkeypatch):
    """The engine path of the listing, without an engine: the search "finds" the category's
    products, newest first, and the page reads them back from the database by id."""
    from catalogue.models import Product

    searches = []

    def catalogue_search(*, category_root: str, offset: int, limit: int, **_kwargs):
        searches.append(category_root)
        ids = list(
            Product.objects.filter(categories__slug=category_root)
            .order_by("-date_created", "-pk")
            .values_list("pk", flat=True)
        )
        return SearchResult(
            ids=ids[offset : offset + limit], total=len(ids), facets={}, highlights={}
        )

    monkeypatch.setattr(search_views, "get_client", _Engine)
    monkeypatch.setattr(search_views, "catalogue_search", catalogue_search)
    return searches


def _category_url(category) -> str:
    return category.get_absolute_url()


def _search_url(category) -> str:
    return f"/search/?q={TITLE.split()[0]}&kind=basket"


@pytest.mark.parametrize(
    ("url_for", "from_engine_ids"),
    [
        (_category_url, False),
        (_search_url, False),
        (_category_url, True),
    ],
    ids=["category-page-database", "search-page-database", "category-page-engine-hydration"],
)
def test_a_listing_costs_the_same_queries_whatever_the_number_of_basket_cards(
    client, market, request, url_for, from_engine_ids
):
    # Given a category listing one basket, and a plain product card beside it
    searches = request.getfixturevalue("engine_ranks_baskets") if from_engine_ids else None
    category = category_create(name="Paniers requetes")
    product_create(cooperative=market.argan, title="Zzproduit requetes", category=category)
    _baskets_add(market, count=1, category=category)
    url = url_for(category)
    with_one = _queries(client, url, expected_cards=1)

    # When three more baskets join the listing
    _baskets_add(market, count=3, category=category)
    with_four = _queries(client, url, expected_cards=4)

    # Then the page costs exactly as many queries
    assert with_four == with_one, f"{with_one} queries with 1 basket card, {with_four} with 4"
    if from_engine_ids:
        assert searches == [category.slug] * 4


def test_cards_show_each_baskets_availability_from_the_prefetched_components(client, market):
    # Given two baskets whose scarcest components allow 4 and 0 baskets
    category = category_create(name="Paniers stock")
    available, sold_out = _baskets_add(market, count=2, category=category)
    sold_out_carpet = sold_out.solidarity_basket.components.get(position=2).product
    sold_out_carpet.stockrecords.update(num_in_stock=0)

    # When the category page lists them
    content = client.get(category.get_absolute_url()).content.decode()

    # Then the buyable one has its add-to-basket form and the other says it is unavailable
    assert content.count('name="quantity"') == 1
    assert f'action="/basket/add/{available.pk}/"' in content
    assert f'action="/basket/add/{sold_out.pk}/"' not in content
