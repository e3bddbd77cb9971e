"""An Arabic-speaking guest buys from two cooperatives on a phone, through the real pages."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.utils import translation

from cooperatives.models import CooperativeShipment, Region
from marketplace.apps.order.models import Order
from tests.background import tasks_run
from tests.journeys import market_create

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"


def _arabic_url(live_server, product) -> str:
    with translation.override("ar"):
        return f"{live_server.url}{product.get_absolute_url()}"


def _box(page, selector: str) -> dict:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return box


def test_an_arabic_guest_checks_out_with_cash_on_delivery_on_a_phone(browser, live_server, page):
    market = market_create()
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="ar-MA")
    phone = context.new_page()

    # given two products of two cooperatives in the basket
    for product in (market.oil, market.carpet):
        phone.goto(_arabic_url(live_server, product))
        assert phone.evaluate("document.documentElement.dir") == "rtl"
        phone.locator("#add_to_basket_form button[type=submit]").click()
        phone.wait_for_load_state()
    phone.goto(f"{live_server.url}/ar/basket/")
    groups = phone.locator(".souk-cooperative-group")
    assert groups.count() == 2

    # when they check out as a guest, in Arabic
    phone.locator("a[href='/ar/checkout/']").first.click()
    phone.locator("input[name=username]").fill("amina@example.test")
    phone.locator("input[name=options][value=anonymous]").check()
    phone.locator("form:has(input[name=options]) button[type=submit]").first.click()
    phone.wait_for_url("**/ar/checkout/shipping-address/")
    assert phone.evaluate("document.documentElement.dir") == "rtl"
    phone.locator("#id_first_name").fill("أمينة")
    phone.locator("#id_last_name").fill("العلوي")
    phone.locator("#id_phone_number").fill("0661234567")
    phone.locator("#id_line1").fill("حي السلام، زنقة 5")
    phone.locator("#id_line4").fill("أكادير")
    phone.locator("#id_region").select_option(str(Region.objects.get(code="MA-09").pk))
    # Labels and inputs are laid out from the right.
    label, field = _box(phone, "label[for=id_line1]"), _box(phone, "#id_line1")
    assert label["x"] + label["width"] > field["x"] + field["width"] / 2
    phone.locator("form:has(#id_line1) button[type=submit]").click()
    phone.wait_for_url("**/ar/checkout/shipping-method/")
    phone.locator("#delivery-continue").click()
    phone.wait_for_url("**/ar/checkout/payment-method/")
    phone.locator("#payment-continue").click()
    phone.wait_for_url("**/ar/checkout/preview/")
    header = _box(phone, ".souk-cooperative-group .card-header strong")
    region = _box(phone, ".souk-cooperative-group .card-header span")
    assert header["x"] > region["x"]  # the cooperative's name starts on the right
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    phone.screenshot(path=str(SCREENSHOTS / "checkout-preview-ar.png"), full_page=True)
    phone.locator("#place-order").click()

    # then the thank-you page shows both shipments, right to left
    phone.wait_for_url("**/ar/checkout/thank-you/")
    assert phone.evaluate("document.documentElement.dir") == "rtl"
    assert phone.locator(".souk-shipment").count() == 2
    phone.screenshot(path=str(SCREENSHOTS / "checkout-thank-you-ar.png"), full_page=True)
    order = Order.objects.get(guest_email="amina@example.test")
    assert order.language == "ar"
    assert order.number in phone.locator("h1").inner_text()
    assert sorted(
        CooperativeShipment.objects.filter(order=order).values_list("cooperative__slug", flat=True)
    ) == sorted([market.argan.slug, market.carpets.slug])
    # and the confirmation e-mail, sent by the background worker, is in Arabic too
    tasks_run()
    (confirmation,) = [m for m in mail.outbox if m.to == ["amina@example.test"]]
    assert confirmation.subject == f"تم تسجيل طلبك رقم {order.number}"
    context.close()
