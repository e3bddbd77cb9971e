import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from tests.factories import CooperativeFactory, category_create, product_create

pytestmark = pytest.mark.django_db


def test_a_product_page_shows_its_cooperative_region_badges_and_storefront_link(client):
    cooperative = CooperativeFactory(
        name="Coopérative Anzar", women_led=True, story_fr="Nous pressons l'argan à la main."
    )
    product = product_create(cooperative=cooperative, title_fr="Huile d'argan Anzar")

    html = client.get(product.get_absolute_url()).content.decode()

    assert "Coopérative Anzar" in html
    assert "Souss-Massa" in html
    assert "Dirigée par des femmes" in html
    assert escape("Nous pressons l'argan à la main.") in html
    assert f'href="{cooperative.get_absolute_url()}"' in html


def test_product_descriptions_are_shown_as_text_never_as_html(client):
    product = product_create(
        cooperative=CooperativeFactory(),
        description_fr='<script>alert("x")</script><b>gras</b>',
    )

    html = client.get(product.get_absolute_url()).content.decode()

    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html


def test_the_shipping_weight_is_shown(client):
    product = product_create(cooperative=CooperativeFactory(), weight_grams=750)
    html = client.get(product.get_absolute_url()).content.decode()
    # French typography puts a no-break space between a number and its unit.
    assert re.search(r"750[ \u00a0\u202f]g<", html)


def _queries_for(client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def test_a_category_page_makes_as_many_queries_for_20_products_as_for_2(client):
    small, large = category_create(name="Petite"), category_create(name="Grande")
    for n in range(2):
        product_create(cooperative=CooperativeFactory(), category=small, title_fr=f"Petit {n}")
    for n in range(20):
        product_create(cooperative=CooperativeFactory(), category=large, title_fr=f"Grand {n}")
    # Warm caches that are per-process (thumbnails, site, content types) on both pages once.
    _queries_for(client, small.get_absolute_url())
    _queries_for(client, large.get_absolute_url())

    assert _queries_for(client, large.get_absolute_url()) == _queries_for(
        client, small.get_absolute_url()
    )


def test_the_directory_makes_as_many_queries_for_many_cooperatives_as_for_few(client):
    _queries_for(client, "/cooperatives/?sector=fishing")  # the first request makes thumbnails
    few = _queries_for(client, "/cooperatives/?sector=fishing")
    for _ in range(10):
        CooperativeFactory(sector="fishing")
    _queries_for(client, "/cooperatives/?sector=fishing")
    assert _queries_for(client, "/cooperatives/?sector=fishing") == few
