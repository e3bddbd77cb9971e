"""Whole-site checks: every page reachable by links answers, the admin areas need a login."""

from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

import pytest

pytestmark = pytest.mark.django_db

MAX_PAGES = 600
SKIP_PREFIXES = ("/media/", "/static/", "/cms/", "/django-admin/", "/dashboard/")


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


def _internal(href: str) -> str | None:
    href, _ = urldefrag(href)
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    if parts.path.startswith(SKIP_PREFIXES) or "logout" in parts.path:
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def test_no_page_reachable_by_following_links_answers_a_server_error(client):
    # given the demo marketplace, starting from the home page in each language
    queue, seen, failures = ["/", "/ar/", "/en/"], set(), []
    # when every internal link is followed, breadth first, up to MAX_PAGES pages
    while queue and len(seen) < MAX_PAGES:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code >= 500:
            failures.append((path, response.status_code))
            continue
        if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
            parser = LinkParser()
            parser.feed(response.content.decode())
            queue.extend(link for link in map(_internal, parser.links) if link not in (None,))
    # then no page failed, and the crawl reached storefronts and products in three languages
    assert failures == []
    assert sum("/cooperatives/" in p and p.count("/") >= 3 for p in seen) >= 24
    assert any(p.startswith("/ar/catalogue/") and "_" in p for p in seen)


def test_the_home_page_is_the_wagtail_home_and_links_the_shop(client):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["page"].specific.__class__.__name__ == "HomePage"
    assert 'href="/cooperatives/"' in html
    assert 'href="/catalogue/"' in html


@pytest.mark.parametrize("path", ["/dashboard/", "/cms/", "/django-admin/"])
def test_back_offices_require_a_login(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_operator_reaches_the_dashboard_and_the_cms(client):
    from cooperatives.demo.loader import DEMO_PASSWORD, OPERATOR_EMAIL

    assert client.login(username=OPERATOR_EMAIL, password=DEMO_PASSWORD)
    assert client.get("/dashboard/").status_code == 200
    assert client.get("/cms/").status_code == 200
