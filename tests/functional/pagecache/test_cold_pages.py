"""Pages rendered without the page cache (a logged-in shopper, a shopper with a basket, filters
nobody asked before) cost a bounded number of queries, the same whatever the size of the
catalogue, and a page view writes nothing to the database."""

import io
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from catalogue.models import Product
from cms.models import ArticlePage, CampaignPage
from cooperatives.demo import loader
from cooperatives.models import Cooperative

pytestmark = pytest.mark.django_db

CEILING = 20
WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)


@pytest.fixture(autouse=True)
def _rendered_every_time(settings):
    """What rendering costs: the page cache would answer all but the first request."""
    settings.PAGE_CACHE_ENABLED = False


def _pages() -> dict[str, str]:
    """The pages shoppers visit most, found from the demo data."""
    cooperative = Cooperative.objects.public().order_by("pk").first()
    product = (
        Product.objects.filter(
            stockrecords__partner__cooperative=cooperative, solidarity_basket__isnull=True
        )
        .order_by("pk")
        .first()
    )
    basket = Product.objects.filter(solidarity_basket__isnull=False).order_by("pk").first()
    category = product.categories.first()
    campaign = CampaignPage.objects.live().filter(locale__language_code="fr").first()
    article = ArticlePage.objects.live().filter(locale__language_code="fr").first()
    return {
        "home": "/",
        "home (ar)": "/ar/",
        "all products": "/catalogue/",
        "category": category.get_absolute_url(),
        "search": "/search/?q=huile+argan",
        "filtered": f"/catalogue/?region={cooperative.region.code}&kind=basket&in_stock=1",
        "product": product.get_absolute_url(),
        "product (ar)": f"/ar{product.get_absolute_url()}",
        "solidarity basket": basket.get_absolute_url(),
        "storefront": cooperative.get_absolute_url(),
        "directory": "/cooperatives/",
        "campaign": campaign.url,
        "news": article.get_parent().url,
        "article": article.url,
        "basket": "/basket/",
    }


def _visitor(kind: str) -> Client:
    client = Client()
    if kind == "customer with a basket":
        assert client.login(username="client@souk-tadamoun.ma", password="souk-demo-2026")
    if kind != "new visitor":
        products = Product.objects.filter(
            is_public=True,
            solidarity_basket__isnull=True,
            stockrecords__num_in_stock__gt=5,
            stockrecords__partner__cooperative__verification_state="verified",
        ).order_by("pk")[:3]
        for product in products:
            assert client.post(f"/basket/add/{product.pk}/", {"quantity": 1}).status_code == 302
    return client


def _queries(client: Client, url: str) -> tuple[int, list[str]]:
    client.get(url)  # warm what every page shares (menus, routes, translations)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), [query["sql"] for query in captured]


VISITORS = ["new visitor", "visitor with a basket", "customer with a basket"]


@pytest.mark.parametrize("visitor", VISITORS)
def test_every_page_costs_at_most_twenty_queries_whatever_the_size_of_the_catalogue(visitor):
    pages = _pages()
    client = _visitor(visitor)
    small = {name: _queries(client, url) for name, url in pages.items()}

    # The catalogue grows by about 1,000 products of 100 more cooperatives.
    loader.load_synthetic(count=100, progress_stream=io.StringIO())
    assert Product.objects.count() > 1_000
    large = {name: _queries(client, url) for name, url in pages.items()}

    report = {name: (small[name][0], large[name][0]) for name in pages}
    for name, (before, after) in report.items():
        # A page may show fewer solidarity baskets once newer products push them down the list
        # (a basket's components cost one query): the count never grows.
        assert after <= before, f"{name}: {before} queries, {after} with a larger catalogue"
        assert after <= CEILING, f"{name}: {after} queries\n" + "\n".join(large[name][1])


@pytest.mark.parametrize("visitor", VISITORS)
def test_a_page_view_writes_nothing(visitor):
    client = _visitor(visitor)
    for name, url in _pages().items():
        client.get(url)  # a first view may create the logged-in customer's basket
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        writes = [query["sql"] for query in captured if WRITE.match(query["sql"])]
        assert writes == [], f"{name} wrote: {writes}"
