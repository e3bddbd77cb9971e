"""What a phone downloads on its first visit of a product page, served as in production.

Chromium (a fresh context: empty cache, no cookies) opens a product page on a 360 px wide phone
screen at a device pixel ratio of 2, from gunicorn with the production settings (whitenoise's
compressed, hashed files; the HTML gzipped); Chrome's own count of the bytes each response took
on the wire (DevTools' "transferred": headers and compressed body, `Network.loadingFinished`)
is summed once the page has loaded and the network is idle.
"""

from collections import Counter

import pytest
from django.utils import translation

from catalogue.models import Product
from tests.integration.marketplace.production_site import (
    collected_static,
    demo_data_present,
    production_site,
)

# With the database tests, before the live-server tests that flush the database: the server
# reads the demo data (the test itself makes no query).
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

BUDGET_BYTES = 150_000
PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True}


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    collected = collected_static()
    assert collected.returncode == 0, collected.output[-4000:]
    with django_db_blocker.unblock():
        demo_data_present()
        with translation.override("fr"):
            product_path = Product.objects.get(slug="nakhil-dattes-mejhoul-1kg").get_absolute_url()
        with production_site(collected.static_root) as base_url:
            yield base_url, product_path


def _first_visit(browser, url: str) -> tuple[dict, list[dict]]:
    """Loads `url` in a new context; returns the page's direction and stylesheet, and each
    response with its type, URL, encoding and bytes transferred."""
    context = browser.new_context(**PHONE, locale="fr-FR")
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    responses: dict[str, dict] = {}
    finished: dict[str, int] = {}

    def received(event):
        headers = {key.lower(): value for key, value in event["response"]["headers"].items()}
        responses[event["requestId"]] = {
            "type": event["type"],
            "url": event["response"]["url"],
            "status": event["response"]["status"],
            "encoding": headers.get("content-encoding", ""),
        }

    cdp.on("Network.responseReceived", received)
    cdp.on(
        "Network.loadingFinished",
        lambda event: finished.__setitem__(event["requestId"], event["encodedDataLength"]),
    )
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    facts = page.evaluate(
        """() => ({
            dir: document.documentElement.dir,
            brandCentre: (() => {
                const box = document.querySelector('.brand-link').getBoundingClientRect();
                return box.left + box.width / 2;
            })(),
            width: document.documentElement.clientWidth,
            scrollWidth: document.documentElement.scrollWidth,
        })"""
    )
    context.close()
    loaded = [
        {**responses[request_id], "bytes": size}
        for request_id, size in finished.items()
        if request_id in responses and not responses[request_id]["url"].startswith("data:")
    ]
    return facts, loaded


@pytest.mark.parametrize("prefix", ["", "/ar"], ids=["fr", "ar"])
def test_a_first_visit_of_a_product_page_on_a_phone_transfers_at_most_150_kb(browser, site, prefix):
    base_url, product_path = site

    facts, loaded = _first_visit(browser, base_url + prefix + product_path)

    by_kind = Counter()
    for response in loaded:
        by_kind[response["type"]] += response["bytes"]
    total = sum(by_kind.values())
    report = f"{total} bytes: {dict(by_kind)}\n" + "\n".join(
        f"{r['bytes']:>8} {r['type']:<10} {r['encoding'] or '-':<5} {r['url']}" for r in loaded
    )
    assert total <= BUDGET_BYTES, report
    assert all(response["status"] == 200 for response in loaded), report
    # text is compressed, and nothing waits on a font download
    for response in loaded:
        if response["type"] in {"Document", "Stylesheet", "Script"}:
            assert response["encoding"] in {"gzip", "br"}, report
    assert "Font" not in by_kind, report
    assert by_kind["Image"] > 0, "the product's picture is part of the first visit"
    # the page fits the phone's width and, in Arabic, is mirrored
    assert facts["scrollWidth"] <= facts["width"]
    assert facts["dir"] == ("rtl" if prefix else "ltr")
    if prefix:
        assert facts["brandCentre"] > facts["width"] / 2  # the brand starts on the right
    else:
        assert facts["brandCentre"] < facts["width"] / 2
