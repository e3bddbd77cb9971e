"""The production build: `collectstatic` with the production settings, as the Dockerfile runs it,
and gunicorn with those settings serving pages with every static file they link, compressed and
cached for a year under hashed names."""

import gzip
import json
import re
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.utils import translation

from catalogue.models import Product
from tests.integration.marketplace.production_site import (
    collected_static,
    demo_data_present,
    production_site,
)

# With the database tests, before the live-server tests that flush the database: the server
# reads the demo data.
pytestmark = pytest.mark.django_db

HASHED = re.compile(r"\.[0-9a-f]{12}\.[a-z0-9]+$")
ONE_YEAR = 365 * 24 * 3600


@pytest.fixture(scope="module")
def collected():
    result = collected_static()
    assert result.returncode == 0, result.output[-4000:]
    return result


@pytest.fixture(scope="module")
def manifest(collected) -> dict[str, str]:
    return json.loads((collected.static_root / "staticfiles.json").read_text())["paths"]


def test_collectstatic_with_the_production_settings_succeeds(collected, manifest):
    # what the shop's pages link is there (built by `make assets`), under hashed names
    for name in ("souk/souk.css", "souk/souk.rtl.css", "souk/site.js", "souk/logo.svg"):
        assert name in manifest, f"{name} missing: run `make assets` first"
        assert HASHED.search(manifest[name])
        assert (collected.static_root / manifest[name]).is_file()
        # and compressed beside it, for whitenoise to send
        assert (collected.static_root / f"{manifest[name]}.gz").is_file()
    # the dashboard keeps Oscar's stylesheets (its own mirrored one too) and scripts
    for name in (
        "oscar/css/dashboard.css",
        "oscar/css/dashboard.rtl.css",
        "oscar/js/jquery/jquery.min.js",
        "oscar/js/oscar/dashboard.js",
    ):
        assert name in manifest, name
    # neither the stylesheet's sources nor a second copy of the generated files are published
    assert not [name for name in manifest if name.startswith(("build/", "src/"))]


def test_the_shop_stylesheets_need_no_other_file(collected, manifest):
    for name in ("souk/souk.css", "souk/souk.rtl.css"):
        css = (collected.static_root / manifest[name]).read_text()
        # no icon font, and every url() is a data: URI (nothing left to fetch or resolve)
        assert "@font-face" not in css
        assert "Font Awesome" not in css
        assert not re.findall(r"url\(\s*(?!['\"]?data:)", css), name
    # the Arabic one is Bootstrap mirrored: what starts on the left in French starts on the right
    ltr = (collected.static_root / manifest["souk/souk.css"]).read_text()
    rtl = (collected.static_root / manifest["souk/souk.rtl.css"]).read_text()
    assert ".breadcrumb-item+.breadcrumb-item{padding-left:.5rem}" in ltr
    assert ".breadcrumb-item+.breadcrumb-item{padding-right:.5rem}" in rtl


class _Links(HTMLParser):
    """Every stylesheet, script and image (each srcset candidate too) a page links."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link" and attributes.get("rel") in {"stylesheet", "icon"}:
            self.urls.append(attributes["href"])
        elif tag == "script" and attributes.get("src"):
            self.urls.append(attributes["src"])
        elif tag == "img":
            self.urls.append(attributes["src"])
            for candidate in (attributes.get("srcset") or "").split(","):
                if candidate.strip():
                    self.urls.append(candidate.split()[0])


def _get(url: str):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
        return response.status, response.headers, response.read()


@pytest.fixture(scope="module")
def site(collected, django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        demo_data_present()
        product = Product.objects.get(slug="nakhil-dattes-mejhoul-1kg")  # a demo product, pictured
        with translation.override("fr"):
            product_path = product.get_absolute_url()
        with production_site(collected.static_root) as base_url:
            yield base_url, product_path


@pytest.mark.parametrize("prefix", ["", "/ar"], ids=["fr", "ar"])
def test_the_production_server_serves_a_product_page_and_everything_it_links(site, prefix):
    base_url, product_path = site

    status, headers, body = _get(base_url + prefix + product_path)

    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    html = gzip.decompress(body).decode()
    assert 'dir="rtl"' in html if prefix else 'dir="ltr"' in html
    links = _Links()
    links.feed(html)
    static = [url for url in links.urls if urlsplit(url).path.startswith("/static/")]
    media = [url for url in links.urls if urlsplit(url).path.startswith("/media/")]
    assert {urlsplit(url).path.rsplit(".", 2)[0] for url in static} >= {
        "/static/souk/souk" + (".rtl" if prefix else ""),
        "/static/souk/site",
    }
    assert media, "the product's picture"
    for url in static:
        status, headers, _ = _get(urljoin(base_url, url))
        assert status == 200, url
        assert HASHED.search(urlsplit(url).path), url
        assert "immutable" in headers["Cache-Control"], url
        assert int(re.search(r"max-age=(\d+)", headers["Cache-Control"])[1]) >= ONE_YEAR, url
        if url.endswith((".css", ".js", ".svg")):
            assert headers["Content-Encoding"] == "gzip", url
    for url in media:
        status, headers, _ = _get(urljoin(base_url, url))
        assert status == 200, url
        assert headers["Content-Type"] == "image/webp", url


def test_the_production_server_serves_the_dashboards_own_files(site, manifest):
    base_url, _ = site
    for name in ("oscar/css/dashboard.rtl.css", "oscar/js/oscar/dashboard.js"):
        status, headers, _ = _get(f"{base_url}/static/{manifest[name]}")
        assert status == 200, name
        assert headers["Content-Encoding"] == "gzip", name
