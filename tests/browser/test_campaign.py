"""A visitor on a phone, in Arabic, goes from the home page to the running campaign and buys one
of its products: checked in Chromium."""

import pytest
from django.utils import translation

from cms.models import CampaignPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_an_arabic_visitor_reaches_the_campaign_from_home_and_buys_one_of_its_products(
    browser, page, live_server
):
    campaign = CampaignPage.objects.get(
        locale__language_code="ar", slug="paniers-solidaires-ramadan"
    )
    with translation.override("ar"):
        campaign_url = campaign.url
    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="ar-MA")
    tab = phone.new_page()

    tab.goto(f"{live_server.url}/ar/")
    tab.locator("#campaign-title a").click()
    tab.wait_for_url(f"**{campaign_url}")

    assert tab.evaluate("document.documentElement.dir") == "rtl"
    assert tab.locator("h1").inner_text() == campaign.title
    bar = tab.locator(".souk-progress .progress").bounding_box()
    assert bar is not None
    assert bar["width"] > 250
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390

    products = tab.locator("#campaign-products .souk-grid > li")
    assert products.count() == campaign.featured_products.count()
    products.first.locator("form button[type=submit]").click()
    tab.wait_for_load_state()
    tab.goto(f"{live_server.url}/ar/basket/")
    first_title = campaign.featured_products.first().product.title_ar
    assert first_title in tab.content()
    phone.close()
