"""Offering solidarity baskets through a campaign: no address, card only, a thank-you email,
the hub sends them to the partner, and the campaign's progress counts them."""

from decimal import Decimal

import pytest
from django.core import mail

from cms.models import CampaignPage
from cms.selectors import campaign_progress_count
from cooperatives.models import CooperativeShipment, HubShipment
from marketplace.apps.order.models import Order
from tests.background import tasks_run
from tests.journeys import checkout_as_guest
from tests.stripe_fake import webhook_paid

pytestmark = pytest.mark.django_db

PARTNER = "Association Entraide Test"


@pytest.fixture
def offering_campaign(running_campaign):
    running_campaign.accepts_offered_baskets = True
    running_campaign.partner_name = PARTNER
    running_campaign.save()
    return running_campaign


def _offer(app, product, quantity: int):
    page = app.get(product.get_absolute_url())
    form = next(form for form in page.forms.values() if form.action.endswith("/offrir/"))
    form["quantity"] = str(quantity)
    return form.submit().maybe_follow()


def _pay(app, order):
    assert webhook_paid(app, order).status_code == 200


def test_offering_baskets_asks_no_address_and_moves_the_campaigns_progress(
    django_app, solidarity_basket, offering_campaign, stripe_api, django_capture_on_commit_callbacks
):
    before = campaign_progress_count(campaign=offering_campaign).reached
    basket_page = _offer(django_app, solidarity_basket, 3)
    assert PARTNER in basket_page.text

    payment_page = checkout_as_guest(django_app, email="donatrice@example.test")
    # Straight from the gateway to the payment: no address, no delivery choice.
    assert payment_page.request.path == "/checkout/payment-method/"
    form = next(f for f in payment_page.forms.values() if "method" in f.fields)
    assert [value for value, *_ in form["method"].options] == ["card"]
    form["method"] = "card"
    preview = form.submit().maybe_follow()
    assert "line1" not in preview.text
    response = preview.forms["place_order_form"].submit()
    assert response.location.startswith("https://checkout.stripe.test/")

    order = Order.objects.get(guest_email="donatrice@example.test")
    assert order.shipping_address is None
    assert order.total_incl_tax == Decimal("750.00")  # 3 × 250.00, delivery to the partner free
    # Unpaid: not counted yet.
    assert campaign_progress_count(campaign=offering_campaign).reached == before
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _pay(django_app, order)

    parcel = HubShipment.objects.get(order=order)
    assert (parcel.campaign_page_id, parcel.recipient, parcel.shipping_charge) == (
        offering_campaign.pk,
        PARTNER,
        Decimal("0.00"),
    )
    assert parcel.status == CooperativeShipment.Status.NEW
    assert campaign_progress_count(campaign=offering_campaign).reached == before + 3
    # The cooperatives are asked for their components, for the hub.
    to_hub = CooperativeShipment.objects.filter(order=order)
    assert to_hub.count() == 2
    assert all(shipment.hub_id for shipment in to_hub)
    tasks_run()
    thanks = [m for m in mail.outbox if m.to == ["donatrice@example.test"]]
    assert len(thanks) == 1
    assert PARTNER in thanks[0].body
    assert "3" in thanks[0].body
    assert offering_campaign.title in thanks[0].body
    # The buyer's order page shows one parcel, offered to the partner, and no delivery to pay.
    thank_you = django_app.get("/checkout/thank-you/")
    (offered,) = thank_you.html.select(".souk-shipment")
    assert f"offerts à {PARTNER}" in offered.text.replace("\xa0", " ")
    assert "Livraison" not in offered.text
    assert "750,00" in offered.text


def test_without_card_payment_offered_baskets_cannot_be_checked_out(
    django_app, solidarity_basket, offering_campaign, stripe_api, settings
):
    _offer(django_app, solidarity_basket, 1)
    settings.STRIPE_SECRET_KEY = ""
    page = checkout_as_guest(django_app, email="sanscarte@example.test")
    assert page.request.path == "/basket/"
    assert "card" in page.text.lower() or "carte" in page.text.lower()
    assert not Order.objects.filter(guest_email="sanscarte@example.test").exists()


def test_no_offer_form_when_no_campaign_takes_baskets(
    django_app, solidarity_basket, running_campaign
):
    CampaignPage.objects.update(accepts_offered_baskets=False)
    page = django_app.get(solidarity_basket.get_absolute_url())
    assert not [form for form in page.forms.values() if form.action.endswith("/offrir/")]
    # A forged offer is refused with a message and changes nothing.
    token = page.html.select_one("input[name=csrfmiddlewaretoken]")["value"]
    response = django_app.post(
        f"/paniers-solidaires/{solidarity_basket.pk}/offrir/",
        {"campaign": running_campaign.pk, "quantity": 1, "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
    page = response.follow()
    assert page.request.path == solidarity_basket.get_absolute_url()
    assert page.html.select(".alert")
    assert django_app.get("/basket/").html.select(".basket-items") == []


@pytest.mark.parametrize("quantity", ["0", "-1", "abc", "51", ""])
def test_bad_quantities_are_refused_with_a_message(
    django_app, solidarity_basket, offering_campaign, quantity
):
    page = django_app.get(solidarity_basket.get_absolute_url())
    form = next(form for form in page.forms.values() if form.action.endswith("/offrir/"))
    form["quantity"] = quantity
    response = form.submit()
    assert response.status_code == 302
    page = response.follow()
    assert page.request.path == solidarity_basket.get_absolute_url()
    assert page.html.select(".alert-danger, .alert-error, .alert")


def test_the_basket_page_shows_components_cooperatives_and_shares(
    django_app, solidarity_basket, market
):
    page = django_app.get(solidarity_basket.get_absolute_url())
    components = [item.get_text(" ", strip=True) for item in page.html.select(".souk-component")]
    assert len(components) == 3
    assert components[1].startswith("2 × Amlou test")
    assert market.carpets.name in components[2]
    shares = {
        row["data-cooperative"]: row.select("td")[1].get_text(strip=True)
        for row in page.html.select(".souk-share")
    }
    # 250.00 split by value: argan 211.00, carpets 300.00 (of 511.00)
    assert set(shares) == {market.argan.slug, market.carpets.slug}
    assert "103,23" in shares[market.argan.slug]
    assert "146,77" in shares[market.carpets.slug]
    assert page.html.select_one(".badge-basket")


def test_without_card_payment_offered_baskets_lead_back_to_the_basket_with_a_message(
    django_app_factory, solidarity_basket, offering_campaign
):
    """Offered baskets are paid by card only: with Stripe unset, the payment step (shown or
    posted) sends the buyer back to the basket, saying why."""
    app = django_app_factory(csrf_checks=False)
    _offer(app, solidarity_basket, 1)
    checkout_as_guest(app, email="donatrice@example.test")

    shown = app.get("/checkout/payment-method/")
    posted = app.post("/checkout/payment-method/", {"method": "card"})

    for response in (shown, posted):
        assert (response.status_code, response.location) == (302, "/basket/")
    basket = posted.follow()
    assert "le paiement par carte n’est pas disponible pour le moment" in basket.text
    assert not Order.objects.filter(guest_email="donatrice@example.test").exists()
