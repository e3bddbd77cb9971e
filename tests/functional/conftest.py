"""Fixtures for page tests: URLs of real demo pages, found from the demo data."""

import pytest

from catalogue.models import Category, Product
from cooperatives.models import Cooperative


@pytest.fixture
def demo_cooperative(db) -> Cooperative:
    return Cooperative.objects.public().exclude(slug__startswith="test-").order_by("pk").first()


@pytest.fixture
def demo_product(demo_cooperative) -> Product:
    return (
        Product.objects.filter(stockrecords__partner__cooperative=demo_cooperative)
        .order_by("pk")
        .first()
    )


@pytest.fixture
def public_paths(demo_cooperative, demo_product) -> dict[str, str]:
    """One path (French, unprefixed) of each kind of public page."""
    category = Category.objects.get(slug="huile-argan")
    return {
        "home": "/",
        "catalogue": "/catalogue/",
        "category": category.get_absolute_url(),
        "search": "/search/?q=argan",
        "directory": "/cooperatives/",
        "storefront": demo_cooperative.get_absolute_url(),
        "product": demo_product.get_absolute_url(),
        "basket": "/basket/",
        "login": "/accounts/login/",
    }
