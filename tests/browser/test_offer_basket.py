"""A visitor on a phone offers two Ramadan baskets to the running campaign's partner organisation,
checked in Chromium: from the campaign page to the basket's page, the offer, a checkout that asks
for no address and proposes only the card, Stripe's payment (its API answered by the local fake,
its hosted page intercepted, its webhook really signed), the thank-you page, and the campaign's
progress grown by the two baskets. No page shows or asks for anyone's address."""

import html
import re
import urllib.request

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import translation
from playwright.sync_api import expect

from catalogue.models import Product
from cms.models import CampaignPage
from cooperatives.demo.baskets import RAMADAN_CAMPAIGN_SLUG, basket_upc
from cooperatives.models import HubShipment
from marketplace.apps.order.models import Order
from tests.background import tasks_run
from tests.stripe_fake import SECRET, WEBHOOK, session_event, signed_event

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

QUANTITY = 2
# Where our Stripe fake sends the buyer to pay (tests/stripe_fake.py): never reached, intercepted.
STRIPE_CHECKOUT = "https://checkout.stripe.test/**"
# Anything that would show or ask for a person's postal details.
PERSONAL_DETAILS = (
    "address, input[name=line1], input[name=line4], input[name=first_name], "
    "input[name=last_name], input[name=phone_number]"
)
LANGUAGES = {"fr": ("fr-FR", ""), "ar": ("ar-MA", "/ar")}


@pytest.fixture
def phone(browser, page):
    """A phone-sized browser context per language; `page` loads the demo data."""
    contexts = []

    def open_phone(language: str):
        locale, _prefix = LANGUAGES[language]
        context = browser.new_context(viewport={"width": 390, "height": 844}, locale=locale)
        contexts.append(context)
        return context.new_page()

    yield open_phone
    for context in contexts:
        context.close()


def _progress(tab) -> int:
    """The number of baskets or products the campaign page says it has reached."""
    return int(tab.locator(".souk-progress-figures strong").inner_text())


def _no_personal_details(tab) -> None:
    expect(tab.locator(PERSONAL_DETAILS)).to_have_count(0)


def _post_webhook(url: str, *, order_number: str, amount: int) -> str:
    """What Stripe does once the card is charged: a signed checkout.session.completed."""
    event = session_event(
        event_id=f"evt_{order_number}",
        type_="checkout.session.completed",
        order_number=order_number,
        amount=amount,
    )
    body, signature = signed_event(event, SECRET)
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={"Content-Type": "application/json", "Stripe-Signature": signature},
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - our live server
        assert response.status == 200
        return response.read().decode()


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_visitor_offers_baskets_to_the_campaigns_partner_and_pays_by_card_without_an_address(
    phone, live_server, stripe_api, language
):
    _locale, prefix = LANGUAGES[language]
    campaign = CampaignPage.objects.get(
        locale__language_code=language, slug=RAMADAN_CAMPAIGN_SLUG
    ).specific
    basket = Product.objects.get(upc=basket_upc(key="ramadan"))
    price = basket.stockrecords.get().price
    with translation.override(language):
        campaign_url = f"{live_server.url}{campaign.url}"
        basket_url = basket.get_absolute_url()
        basket_title = basket.get_title()
    # The page counts its progress at most once a minute: start from a fresh count (an earlier
    # test may have left one in the cache).
    cache.clear()
    tab = phone(language)
    visited: list[str] = []

    def record(frame):
        if frame == tab.main_frame:
            visited.append(frame.url)

    tab.on("framenavigated", record)

    # given the running Ramadan campaign and its progress
    tab.goto(campaign_url)
    assert tab.evaluate("document.documentElement.dir") == ("rtl" if language == "ar" else "ltr")
    before = _progress(tab)

    # when the visitor follows the campaign's button to its Ramadan basket
    tab.locator(".souk-campaign .btn-success").click()
    tab.locator("#campaign-products .souk-card-title a", has_text=basket_title).click()
    tab.wait_for_url(f"**{basket_url}")
    offer = tab.locator("form.souk-offer")
    # the form names the campaign and its partner (the only running one is chosen already)
    expect(offer).to_contain_text(campaign.title)
    expect(offer).to_contain_text(campaign.partner_name)
    assert offer.locator("input[name=campaign]").input_value() == str(campaign.pk)
    _no_personal_details(tab)

    # and offers two of them
    offer.locator("input[name=quantity]").fill(str(QUANTITY))
    offer.locator("button[type=submit]").click()
    tab.wait_for_url(f"**{prefix}/basket/")

    # then the basket says they are offered to the partner, delivered free
    expect(tab.locator(".alert-success")).to_contain_text(campaign.partner_name)
    group = tab.locator(".souk-cooperative-group")
    expect(group).to_have_count(1)
    expect(group.locator(".card-header")).to_contain_text(campaign.partner_name)
    expect(group.locator(".card-header .badge-basket")).to_be_visible()
    expect(group.locator("input[name$=quantity]")).to_have_value(str(QUANTITY))
    line_title = group.locator(".basket-items h3").inner_text()
    # the line names the basket, never the campaign's internal page number
    assert basket_title in line_title
    assert str(campaign.pk) not in line_title
    _no_personal_details(tab)

    # when they check out as a guest
    tab.locator(f"a[href='{prefix}/checkout/']").first.click()
    tab.locator("input[name=username]").fill("donatrice@example.test")
    tab.locator("input[name=options][value=anonymous]").check()
    tab.locator("form:has(input[name=options]) button[type=submit]").first.click()

    # then they go straight to the payment, where only the card is proposed
    tab.wait_for_url(f"**{prefix}/checkout/payment-method/")
    methods = tab.locator("input[name=method]")
    # two steps only, and the page says why no address is needed
    expect(tab.locator(".souk-checkout-steps .nav-item")).to_have_count(2)
    expect(tab.locator("#offered-delivery")).to_be_visible()
    expect(methods).to_have_count(1)
    expect(methods).to_have_value("card")
    _no_personal_details(tab)
    methods.check()
    tab.locator("#payment-continue").click()

    # and the confirmation shows the baskets going to the partner, with no address
    tab.wait_for_url(f"**{prefix}/checkout/preview/")
    group = tab.locator(".souk-cooperative-group")
    expect(group).to_have_count(1)
    expect(group.locator(".card-header")).to_contain_text(campaign.partner_name)
    expect(group.locator(".list-group-item").first).to_contain_text(f"{QUANTITY} × {basket_title}")
    _no_personal_details(tab)

    # when they place the order, Stripe's page takes the card and sends them back to us
    stripe_pages: list[str] = []

    def stripe_checkout(route):
        # Stands in for Stripe's hosted page: never fetched from the network.
        stripe_pages.append(route.request.url)
        (session,) = stripe_api.calls("/v1/checkout/sessions")
        back = html.escape(session["form"]["success_url"])
        route.fulfill(
            content_type="text/html",
            body=f'<!doctype html><title>Stripe</title><a id="pay" href="{back}">Pay</a>',
        )

    tab.route(STRIPE_CHECKOUT, stripe_checkout)
    tab.locator("#place-order").click()
    tab.wait_for_url(STRIPE_CHECKOUT)
    tab.locator("#pay").click()
    tab.wait_for_url(f"**{prefix}/checkout/card/return/")
    expect(tab.locator("#card-status")).to_have_attribute("data-state", "confirming")
    _no_personal_details(tab)
    (session,) = stripe_api.calls("/v1/checkout/sessions")
    order_number = session["form"]["metadata[order_number]"]
    amount = int(session["form"]["line_items[0][price_data][unit_amount]"])
    assert len(stripe_pages) == 1
    assert amount == int(QUANTITY * price * 100)  # delivery to the partner is free
    mail.outbox.clear()
    outcome = _post_webhook(f"{live_server.url}{WEBHOOK}", order_number=order_number, amount=amount)
    assert outcome == "paid"

    # then the waiting page refreshes itself into the thank-you page
    expect(tab).to_have_url(re.compile(rf"{prefix}/checkout/thank-you/$"), timeout=15_000)
    expect(tab.locator("h1")).to_contain_text(order_number)
    parcel = tab.locator(".souk-shipment")
    expect(parcel).to_have_count(1)
    expect(parcel.locator(".card-header")).to_contain_text(campaign.partner_name)
    expect(parcel).to_contain_text(f"{QUANTITY} × {basket_title}")
    _no_personal_details(tab)

    # and the order is paid, with no address, its baskets bound for the partner
    order = Order.objects.get(number=order_number)
    assert (order.guest_email, order.payment_method, order.shipping_address) == (
        "donatrice@example.test",
        Order.PaymentMethod.CARD,
        None,
    )
    assert order.total_incl_tax == QUANTITY * price
    assert list(
        HubShipment.objects.filter(order=order).values_list("campaign_page_id", "recipient")
    ) == [(campaign.pk, campaign.partner_name)]
    tasks_run()
    (thanks,) = [m for m in mail.outbox if m.to == ["donatrice@example.test"]]
    assert campaign.partner_name in thanks.body

    # and the campaign page, counted afresh once the payment was confirmed, has two more baskets
    tab.goto(campaign_url)
    assert _progress(tab) == before + QUANTITY

    # and no step asked for an address or a delivery
    assert not [url for url in visited if "/checkout/shipping-" in url], visited
