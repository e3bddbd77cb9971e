"""The pages shoppers visit most, found from the data (needs Django set up).

Shared by the benchmark under gunicorn (`python -m tools.bench`) and the in-process profile
(`manage.py pages_bench`), so that both measure the same addresses.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from catalogue.models import Product
from catalogue.selectors import product_list_browsable
from cms.models import ArticlePage
from cms.selectors import campaign_featured
from cooperatives.demo.baskets import DEMO_BASKETS, demo_basket_products
from cooperatives.models import Cooperative
from search.queries import Filters

# What a shopper types.
SEARCH_WORDS = "huile argan"


class PagesMissing(Exception):
    """The data lacks something a page needs (run load_demo_data)."""


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    # Rendered for the shopper who filled a basket (in-process profile only); other pages for a
    # new visitor, with no basket and no cookie.
    with_basket: bool = False


@dataclass(frozen=True)
class Pages:
    pages: list[Page]
    basket_products: list[Product]  # what the in-process profile puts in its basket
    staff_cooperatives: list[str]  # slugs of demo cooperatives with staff accounts


def pages_find() -> Pages:
    """The pages to measure (French paths; Arabic under /ar/), from the data."""
    with translation.override(settings.LANGUAGE_CODE):
        return _pages_find()


def _pages_find() -> Pages:
    cooperative = Cooperative.objects.public().order_by("pk").first()
    if cooperative is None:
        raise PagesMissing("No verified cooperative: run load_demo_data first.")
    product = (
        product_list_browsable(cooperative=cooperative, filters=Filters(in_stock=True))
        .order_by("pk")
        .first()
    )
    if product is None:
        raise PagesMissing(f"{cooperative} has no product in stock.")
    category = product.categories.filter(is_public=True).order_by("pk").first()
    if category is None:
        raise PagesMissing(f"{product} is in no public category.")
    other = (
        product_list_browsable(filters=Filters(in_stock=True, kind=["product"]))
        .exclude(stockrecords__partner__cooperative=cooperative)
        .order_by("pk")
        .first()
    )
    baskets = demo_basket_products(keys=[spec.key for spec in DEMO_BASKETS])
    if not baskets or other is None:
        raise PagesMissing("No demo solidarity basket or second cooperative: load_demo_data.")
    basket = baskets[0]
    component = basket.solidarity_basket.components.order_by("position").first()
    # A region whose cooperatives make part of the basket: the filtered list is not empty.
    region = component.product.cooperative.region.code
    campaign = campaign_featured()
    if campaign is None or campaign.state != "running":
        raise PagesMissing("No running campaign: run load_demo_data (it dates them today).")
    article = (
        ArticlePage.objects.live()
        .public()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .order_by("pk")
        .first()
    )
    if article is None:
        raise PagesMissing("No published article: run load_demo_data.")
    with translation.override("ar"):
        home_ar = reverse("home")
    search = reverse("search:search")
    filters = urlencode({"region": region, "kind": "basket", "in_stock": "1"})
    pages = [
        Page("home (fr)", reverse("home")),
        Page("home (ar)", home_ar),
        Page("all products", reverse("catalogue:index")),
        Page("category", category.get_absolute_url()),
        Page("search: words", f"{search}?{urlencode({'q': SEARCH_WORDS})}"),
        Page("all products: filters", f"{reverse('catalogue:index')}?{filters}"),
        Page("product", product.get_absolute_url()),
        Page("solidarity basket", basket.get_absolute_url()),
        Page("storefront", cooperative.get_absolute_url()),
        Page("directory", reverse("cooperatives:directory")),
        Page("campaign", campaign.get_url()),
        Page("article", article.get_url()),
        Page("basket (3 lines)", reverse("basket:summary"), with_basket=True),
    ]
    staff = list(
        Cooperative.objects.public()
        .filter(partner__users__isnull=False, slug__in=_demo_slugs())
        .order_by("pk")
        .values_list("slug", flat=True)
        .distinct()
    )
    return Pages(pages=pages, basket_products=[product, other, basket], staff_cooperatives=staff)


def _demo_slugs() -> list[str]:
    from cooperatives.demo.cooperatives_data import COOPERATIVES

    return [data["slug"] for data in COOPERATIVES]
