"""In Arabic the whole layout mirrors: checked on real pages rendered by Chromium."""

import pytest

from cooperatives.models import Cooperative

pytestmark = [
    pytest.mark.browser,
    # Live-server tests flush the database; this restores what migrations created (regions,
    # the home page) before the next test.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _box(page, selector: str) -> dict:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return box


def test_arabic_pages_mirror_the_header_and_the_product_grid(page, live_server):
    # given the French and the Arabic catalogue pages
    page.goto(f"{live_server.url}/catalogue/")
    assert page.evaluate("document.documentElement.dir") == "ltr"
    french_brand = _box(page, ".brand-link")
    french_cards = [_box(page, f".souk-grid > li:nth-child({n})") for n in (1, 2)]

    page.goto(f"{live_server.url}/ar/catalogue/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    arabic_brand = _box(page, ".brand-link")
    arabic_cards = [_box(page, f".souk-grid > li:nth-child({n})") for n in (1, 2)]

    # then the brand moves from the left half to the right half of the page
    width = page.viewport_size["width"]
    assert french_brand["x"] + french_brand["width"] < width / 2
    assert arabic_brand["x"] > width / 2
    # and the first product sits left of the second in French, right of it in Arabic
    assert french_cards[0]["x"] < french_cards[1]["x"]
    assert arabic_cards[0]["x"] > arabic_cards[1]["x"]


def test_a_visitor_switches_a_storefront_to_arabic_and_back(page, live_server):
    cooperative = Cooperative.objects.public().order_by("pk").first()
    page.goto(f"{live_server.url}{cooperative.get_absolute_url()}")
    assert page.locator("h1").inner_text() == cooperative.name

    page.locator(".accounts .language-switcher a[lang=ar]").click()
    page.wait_for_url(f"**/ar{cooperative.get_absolute_url()}")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert cooperative.story_ar.split()[0] in page.content()
    story_box = _box(page, ".souk-storefront .col-md-8")
    facts_box = _box(page, ".souk-storefront aside")
    assert story_box["x"] > facts_box["x"]  # the story column starts on the right

    page.locator(".accounts .language-switcher a[lang=fr]").click()
    page.wait_for_url(f"**{cooperative.get_absolute_url()}")
    assert page.evaluate("document.documentElement.dir") == "ltr"


def test_a_visitor_on_a_phone_searches_in_arabic_and_opens_a_product(page, live_server):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/ar/search/?q=argan")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    first = page.locator(".souk-grid .souk-card-title a").first
    title = first.inner_text()
    first.click()
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text() == title
    # no horizontal scrolling on a phone
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
