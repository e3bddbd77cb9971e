"""What a shop page asks the browser to fetch: one stylesheet, one small deferred script, no icon
font, pictures in WebP with several widths; the dashboard keeps Oscar's own CSS and JavaScript."""

import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model

from catalogue.models import Product

pytestmark = pytest.mark.django_db


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stylesheets: list[str] = []
        self.scripts: list[dict] = []
        self.inline_scripts = 0
        self.images: list[dict] = []
        self.details: list[dict] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link" and attributes.get("rel") == "stylesheet":
            self.stylesheets.append(attributes["href"])
        elif tag == "script":
            if attributes.get("src"):
                self.scripts.append(attributes)
            else:
                self._in_script = True
        elif tag == "img":
            self.images.append(attributes)
        elif tag == "details":
            self.details.append(attributes)

    def handle_endtag(self, tag):
        self._in_script = False if tag == "script" else self._in_script

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline_scripts += 1


def _page(client, path: str) -> tuple[_Page, str]:
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    page = _Page()
    page.feed(html)
    return page, html


@pytest.fixture
def product_path():
    return Product.objects.get(slug="nakhil-dattes-mejhoul-1kg").get_absolute_url()


@pytest.mark.parametrize(
    ("prefix", "stylesheet"),
    [("", "souk/souk.css"), ("/ar", "souk/souk.rtl.css")],
    ids=["fr", "ar"],
)
def test_a_product_page_links_one_stylesheet_and_one_deferred_script(
    client, product_path, prefix, stylesheet
):
    page, html = _page(client, prefix + product_path)

    assert [href.removeprefix("/static/") for href in page.stylesheets] == [stylesheet]
    assert [(s["src"].removeprefix("/static/"), "defer" in s) for s in page.scripts] == [
        ("souk/site.js", True)
    ]
    assert page.inline_scripts == 0
    # Oscar's own partials still write <i class="fas ..."> icons: without the font's rules they
    # are empty, and nothing fetches the font
    for heavy in ("jquery", "bootstrap", "oscar/js/oscar/ui.js", "webfonts", ".woff"):
        assert heavy not in html


def test_the_header_menus_are_details_without_bootstrap_toggles(client):
    page, html = _page(client, "/catalogue/")

    classes = [details.get("class") for details in page.details]
    assert "souk-menu" in classes
    assert "souk-dropdown" in classes
    header = html.split('<div class="container page">')[0]
    assert "data-toggle" not in header
    # the categories and the cooperatives are plain links inside them
    assert re.search(r'<details class="souk-dropdown">.*href="/catalogue/category/', header, re.S)
    assert 'href="/cooperatives/"' in header


def test_the_product_picture_comes_in_webp_widths_with_its_dimensions(client, product_path):
    page, _ = _page(client, product_path)

    (picture,) = [image for image in page.images if "/media/" in image["src"]]
    candidates = [candidate.split() for candidate in picture["srcset"].split(",")]
    assert len(candidates) == 3
    assert all(url.endswith(".webp") and width.endswith("w") for url, width in candidates)
    assert picture["sizes"]
    assert int(picture["width"]) > 0
    assert int(picture["height"]) > 0
    # above the fold: fetched at once, first
    assert picture.get("fetchpriority") == "high"
    assert "loading" not in picture


def test_product_cards_are_lazy_webp_in_two_widths(client):
    page, _ = _page(client, "/catalogue/")

    cards = [image for image in page.images if "/media/" in image["src"]]
    assert cards
    for card in cards:
        assert card["loading"] == "lazy"
        assert (card["width"], card["height"]) == ("320", "240")
        assert [c.split()[1] for c in card["srcset"].split(",")] == ["320w", "480w"]
        assert card["src"].endswith(".webp")


@pytest.mark.parametrize(
    ("prefix", "stylesheet"),
    [("", "oscar/css/dashboard.css"), ("/ar", "oscar/css/dashboard.rtl.css")],
    ids=["fr", "ar"],
)
def test_the_dashboard_keeps_oscars_stylesheet_and_scripts(client, prefix, stylesheet):
    client.force_login(get_user_model().objects.get(email="operateur@souk-tadamoun.ma"))

    page, html = _page(client, f"{prefix}/dashboard/")

    assert f"/static/{stylesheet}" in page.stylesheets
    sources = [script["src"] for script in page.scripts]
    for script in (
        "oscar/js/jquery/jquery.min.js",
        "oscar/js/bootstrap4/bootstrap.bundle.min.js",
        "oscar/js/oscar/ui.js",
        "oscar/js/oscar/dashboard.js",
    ):
        assert f"/static/{script}" in sources
    assert "oscar.dashboard.init(" in html
    assert "souk/site.js" not in html
