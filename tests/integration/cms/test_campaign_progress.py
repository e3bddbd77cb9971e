"""A campaign's progress is what its featured products sold in paid orders between its dates."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from cms import selectors
from cms.models import CampaignIndexPage, CampaignPage, CampaignProduct
from cooperatives import services as cooperative_services
from cooperatives.models import CooperativeShipment
from marketplace.apps.order.models import Order

pytestmark = pytest.mark.django_db


def _campaign(products, *, goal_kind="amount", start_offset=-1, end_offset=10, slug="test"):
    index = CampaignIndexPage.objects.get(locale__language_code="fr")
    today = timezone.localdate()
    page = CampaignPage(
        title="Campagne test",
        slug=slug,
        intro="Pour tester",
        start_date=today + datetime.timedelta(days=start_offset),
        end_date=today + datetime.timedelta(days=end_offset),
        goal_kind=goal_kind,
        goal=1000,
        featured_products=[CampaignProduct(product=product) for product in products],
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return CampaignPage.objects.get(pk=page.pk)


def _shipment_of(order, cooperative):
    return order.shipments.get(cooperative=cooperative)


def _deliver(shipment):
    cooperative_services.shipment_accept(shipment=shipment)
    cooperative_services.shipment_mark_shipped(shipment=shipment, tracking_number="RR123456789MA")
    cooperative_services.shipment_mark_delivered(shipment=shipment)


def _oil_line_total(order):
    return order.lines.get(product__title="Huile test").line_price_incl_tax


def test_a_cash_order_counts_once_its_featured_products_are_delivered(market, placed_order):
    campaign = _campaign([market.oil])
    assert selectors.campaign_progress_count(campaign=campaign).reached == Decimal("0.00")

    _deliver(_shipment_of(placed_order, market.carpets))
    assert selectors.campaign_progress_count(campaign=campaign).reached == Decimal("0.00")

    _deliver(_shipment_of(placed_order, market.argan))
    progress = selectors.campaign_progress_count(campaign=campaign)

    assert progress.reached == _oil_line_total(placed_order) == Decimal("240.00")
    assert progress.orders == 1
    assert progress.percent == 24


def test_a_goal_in_baskets_counts_units(market, placed_order):
    campaign = _campaign([market.oil, market.carpet], goal_kind="baskets")

    _deliver(_shipment_of(placed_order, market.argan))
    _deliver(_shipment_of(placed_order, market.carpets))

    assert selectors.campaign_progress_count(campaign=campaign).reached == 3


def test_a_card_order_counts_once_stripe_confirmed_the_payment(
    market, placed_order, django_capture_on_commit_callbacks
):
    campaign = _campaign([market.oil])
    Order.objects.filter(pk=placed_order.pk).update(payment_method=Order.PaymentMethod.CARD)
    placed_order.shipments.update(status="awaiting_payment")
    order = Order.objects.get(pk=placed_order.pk)
    assert selectors.campaign_progress_count(campaign=campaign).reached == Decimal("0.00")

    with django_capture_on_commit_callbacks(execute=True):
        cooperative_services.order_shipments_release(order=order)

    assert selectors.campaign_progress_count(campaign=campaign).reached == _oil_line_total(order)


def test_cancelled_and_refused_parcels_never_count(market, placed_order):
    campaign = _campaign([market.oil, market.carpet])

    cooperative_services.shipment_cancel(
        shipment=_shipment_of(placed_order, market.argan), reason="Rupture"
    )
    carpets = _shipment_of(placed_order, market.carpets)
    cooperative_services.shipment_accept(shipment=carpets)
    cooperative_services.shipment_mark_shipped(shipment=carpets, tracking_number="RR123456789MA")
    cooperative_services.shipment_mark_refused(shipment=carpets, reason="Absent")

    assert selectors.campaign_progress_count(campaign=campaign).reached == Decimal("0.00")


@pytest.mark.parametrize(("start_offset", "end_offset"), [(1, 10), (-10, -1)])
def test_orders_outside_the_campaigns_dates_do_not_count(
    market, placed_order, start_offset, end_offset
):
    campaign = _campaign([market.oil], start_offset=start_offset, end_offset=end_offset)

    _deliver(_shipment_of(placed_order, market.argan))

    assert selectors.campaign_progress_count(campaign=campaign).reached == Decimal("0.00")


def test_progress_is_cached_briefly_and_counted_afresh_after_an_edit(market, placed_order):
    campaign = _campaign([market.oil])
    assert selectors.campaign_progress(campaign=campaign).reached == Decimal("0.00")

    # A change made behind the services' back is seen only once the cache expires ...
    CooperativeShipment.objects.filter(pk=_shipment_of(placed_order, market.argan).pk).update(
        status=CooperativeShipment.Status.DELIVERED
    )
    assert selectors.campaign_progress(campaign=campaign).reached == Decimal("0.00")

    # ... or the campaign is edited.
    campaign.save_revision().publish()
    campaign = CampaignPage.objects.get(pk=campaign.pk)
    assert selectors.campaign_progress(campaign=campaign).reached == Decimal("240.00")


def test_a_parcel_delivered_or_paid_is_counted_at_the_next_view(
    market, placed_order, django_capture_on_commit_callbacks
):
    campaign = _campaign([market.oil])
    assert selectors.campaign_progress(campaign=campaign).reached == Decimal("0.00")

    with django_capture_on_commit_callbacks(execute=True):
        _deliver(_shipment_of(placed_order, market.argan))

    assert selectors.campaign_progress(campaign=campaign).reached == Decimal("240.00")


def test_the_campaign_page_shows_what_paid_orders_add_up_to(client, market, placed_order):
    campaign = _campaign([market.oil], slug="progression")
    _deliver(_shipment_of(placed_order, market.argan))

    html = client.get(campaign.url).content.decode()

    assert "240,00" in html
    assert 'aria-valuenow="24"' in html


@pytest.mark.parametrize(
    ("offsets", "state"), [((1, 5), "upcoming"), ((-1, 1), "running"), ((-5, -1), "ended")]
)
def test_a_campaign_is_upcoming_running_or_ended_by_its_dates(offsets, state):
    today = timezone.localdate()
    campaign = CampaignPage(
        start_date=today + datetime.timedelta(days=offsets[0]),
        end_date=today + datetime.timedelta(days=offsets[1]),
    )
    assert campaign.state == state
