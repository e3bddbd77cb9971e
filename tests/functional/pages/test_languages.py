import re

import pytest
from django.utils import translation
from django.utils.html import escape

PAGE_KINDS = [
    "home",
    "catalogue",
    "category",
    "search",
    "directory",
    "storefront",
    "product",
    "basket",
    "login",
]
pytestmark = pytest.mark.django_db

LANGUAGES = [("fr", "", "ltr"), ("ar", "/ar", "rtl"), ("en", "/en", "ltr")]


@pytest.mark.parametrize("kind", PAGE_KINDS)
@pytest.mark.parametrize(("code", "prefix", "direction"), LANGUAGES, ids=["fr", "ar", "en"])
def test_every_public_page_answers_in_each_language_with_its_direction(
    client, public_paths, kind, code, prefix, direction
):
    response = client.get(prefix + public_paths[kind])

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{code}" dir="{direction}"' in html


def test_arabic_pages_use_the_mirrored_stylesheet(client):
    arabic = client.get("/ar/catalogue/").content.decode()
    french = client.get("/catalogue/").content.decode()
    assert "souk/souk.rtl.css" in arabic
    assert "souk/souk.rtl.css" not in french
    assert "souk/souk.css" in french


def test_the_language_switcher_links_the_same_page_in_each_language(client, public_paths):
    path = public_paths["storefront"]

    html = client.get("/en" + path).content.decode()

    assert f'href="{path}" lang="fr"' in html
    assert f'href="/ar{path}" lang="ar"' in html
    assert '<strong lang="en" aria-current="true">English</strong>' in html


def test_product_titles_and_stories_follow_the_language(client, demo_product, demo_cooperative):
    path = demo_product.get_absolute_url()
    for code, prefix in (("fr", ""), ("ar", "/ar"), ("en", "/en")):
        html = client.get(prefix + path).content.decode()
        assert escape(getattr(demo_product, f"title_{code}")) in html
        story_start = getattr(demo_cooperative, f"story_{code}").split()[0]
        assert story_start in html


@pytest.mark.parametrize(
    ("prefix", "pattern"),
    [
        ("", r"\d{1,3}(?:\u202f|\xa0| )?\d*,\d{2}\xa0?MAD"),
        ("/en", r"MAD\xa0\d{1,3}(?:,\d{3})*\.\d{2}"),
        ("/ar", r"\d+,\d{2}\xa0د\.م\."),
    ],
    ids=["fr", "en", "ar"],
)
def test_prices_are_in_dirhams_formatted_for_the_language(client, demo_product, prefix, pattern):
    html = client.get(prefix + demo_product.get_absolute_url()).content.decode()
    price_block = re.search(r'<p class="price_color">(.*?)</p>', html, re.S).group(1)
    assert re.search(pattern, price_block), price_block


def test_the_interface_is_translated_in_arabic_and_english(client):
    with translation.override("ar"):
        arabic = client.get("/ar/cooperatives/").content.decode()
    english = client.get("/en/cooperatives/").content.decode()
    assert "التعاونيات" in arabic
    assert ">Cooperatives<" in english
