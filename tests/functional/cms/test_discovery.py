"""Search engines and social networks find the editorial pages: titles, descriptions, hreflang
alternates, Open Graph images, a sitemap with pages, products and cooperatives; and no editorial
page answers with a server error, whatever its query string."""

import xml.etree.ElementTree as ET

import pytest
from django.utils import translation
from wagtail.models import Locale, Page

from catalogue.selectors import product_list_sellable
from cms.models import HomePage
from cooperatives.models import Cooperative

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def _sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def test_the_sitemap_is_valid_xml_with_pages_products_and_cooperatives(client, running_campaign):
    root = _sitemap(client)
    locations = [url.find("s:loc", NS).text for url in root.findall("s:url", NS)]

    assert len(locations) >= 50
    assert len(locations) == len(set(locations))
    product = product_list_sellable().order_by("pk").first()
    cooperative = Cooperative.objects.public().order_by("pk").first()
    assert f"http://testserver{product.get_absolute_url()}" in locations
    assert f"http://testserver/en{cooperative.get_absolute_url()}" in locations
    assert f"http://testserver{running_campaign.url}" in locations
    with translation.override("ar"):
        assert f"http://testserver{running_campaign.localized.url}" in locations


def test_the_sitemap_links_each_page_to_its_translations(client, running_campaign):
    root = _sitemap(client)
    entry = next(
        url
        for url in root.findall("s:url", NS)
        if url.find("s:loc", NS).text == f"http://testserver{running_campaign.url}"
    )
    alternates = {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", NS)}

    english = running_campaign.get_translation(Locale.objects.get(language_code="en"))
    with translation.override("en"):
        assert alternates["en"] == f"http://testserver{english.url}"
    assert set(alternates) == {"fr", "ar", "en"}


@pytest.mark.parametrize("page", ["2", "0", "x", "-1"])
def test_a_sitemap_page_that_does_not_exist_is_not_found(client, page):
    assert client.get("/sitemap.xml", {"p": page}).status_code == 404


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_private_pages(client):
    text = client.get("/robots.txt").content.decode()

    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /checkout/" in text
    assert "Disallow: /dashboard/" in text


def test_a_campaign_page_has_its_title_description_alternates_and_image(client, running_campaign):
    html = client.get(running_campaign.url).content.decode()

    assert f"<title>{running_campaign.title} – Souk Tadamoun</title>" in html
    assert f'<meta name="description" content="{running_campaign.search_description[:40]}' in html
    for code in ("fr", "ar", "en"):
        assert f'<link rel="alternate" hreflang="{code}"' in html
    assert '<meta property="og:image" content="http://testserver/media/images/' in html
    assert "fill-1200x630" in html


def test_an_untranslated_alias_is_not_announced_as_a_translation(client, running_campaign):
    """As Wagtail's page-tree sync does for a new page: the English tree gets an alias of the
    French page until someone translates it."""
    english = HomePage.objects.get(locale__language_code="en").locale
    running_campaign.get_translation(english).delete()
    alias = running_campaign.copy_for_translation(english, alias=True)

    html = client.get(running_campaign.url).content.decode()

    assert '<link rel="alternate" hreflang="ar"' in html
    assert '<link rel="alternate" hreflang="en"' not in html
    with translation.override("en"):
        assert f'href="{alias.url}" lang="en"' in html


def test_the_home_page_links_the_running_campaign_in_each_language(client, running_campaign):
    for code, prefix in (("fr", ""), ("ar", "/ar"), ("en", "/en")):
        with translation.override(code):
            campaign = running_campaign.localized
            html = client.get(f"{prefix}/").content.decode()
            assert f'href="{campaign.url}"' in html, code
            assert campaign.title.replace("'", "&#x27;") in html, code


QUERY_STRINGS = [
    "",
    "?page=abc",
    "?page=999999",
    "?page=-1",
    "?tag=%3Cscript%3E",
    "?kind=zzz",
    "?p=1",
]


def test_no_editorial_page_answers_with_a_server_error(client):
    pages = Page.objects.live().public().filter(depth__gte=2).specific()
    assert pages.count() >= 30

    for page in pages:
        with translation.override(page.locale.language_code):
            url = page.url
        for query in QUERY_STRINGS:
            response = client.get(url + query)
            assert response.status_code in (200, 404), (url + query, response.status_code)
        assert client.get(url).status_code == 200, url
