"""Anonymous pages come from the cache, are rendered again as soon as what they show changes, and
never carry anything of another visitor (basket, messages, CSRF token, logged-in header)."""

import re
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.test import Client
from oscar.apps.partner.models import StockRecord

from catalogue.models import Category
from cooperatives.models import Cooperative
from marketplace.pagecache import tags
from marketplace.pagecache.storage import PLACEHOLDER, StoredPage

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _get(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, (url, response.status_code)
    return response


def _state(response) -> str:
    return response["X-Page-Cache"]


def _html(response) -> str:
    return response.content.decode()


def test_an_anonymous_page_is_rendered_once_then_served_from_the_cache(market):
    url = market.oil.get_absolute_url()

    first = _get(Client(), url)
    second = _get(Client(), url)

    assert _state(first) == "miss"
    assert _state(second) == "hit"
    # The same page but for each visitor's token.
    assert TOKEN.sub("", _html(first)) == TOKEN.sub("", _html(second))


def test_a_cached_page_is_sent_compressed_to_browsers_that_accept_gzip(market):
    import gzip

    url = market.oil.get_absolute_url()
    plain = _get(Client(), url)

    compressed = Client().get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert _state(compressed) == "hit"
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    html = gzip.decompress(compressed.content).decode()
    assert TOKEN.sub("", html) == TOKEN.sub("", _html(plain))
    assert len(compressed.content) < len(plain.content) / 3


def test_each_visitor_of_a_cached_page_gets_a_working_token_of_their_own(market):
    url = market.oil.get_absolute_url()
    _get(Client(), url)  # stored
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)

    page_one, page_two = _get(first, url), _get(second, url)

    assert _state(page_one) == _state(page_two) == "hit"
    token_one, token_two = TOKEN.findall(_html(page_one))[0], TOKEN.findall(_html(page_two))[0]
    assert PLACEHOLDER not in _html(page_one)
    assert token_one != token_two
    # Each visitor's own token is accepted for them, and the other's secret is not theirs.
    added = first.post(
        f"/basket/add/{market.oil.pk}/", {"quantity": 1, "csrfmiddlewaretoken": token_one}
    )
    assert added.status_code == 302
    refused = second.post(
        f"/basket/add/{market.oil.pk}/", {"quantity": 1, "csrfmiddlewaretoken": token_one}
    )
    assert refused.status_code == 403


def test_the_stored_page_holds_the_placeholder_not_the_first_visitors_token(market, rf):
    from marketplace.pagecache.middleware import _page_key, _query_cleaned

    url = market.oil.get_absolute_url()
    page = _get(Client(), url)
    token = TOKEN.findall(_html(page))[0]
    request = rf.get(url)
    request.LANGUAGE_CODE = "fr"

    stored = cache.get(_page_key(request, _query_cleaned(request)))

    assert isinstance(stored, StoredPage)
    assert token not in stored.body("").decode()
    assert PLACEHOLDER in stored.body(PLACEHOLDER).decode()


@pytest.mark.parametrize(
    "visitor",
    ["logged in", "with a basket"],
)
def test_a_page_rendered_for_a_visitor_of_their_own_is_never_stored_nor_shown_to_others(
    market, visitor
):
    url = market.amlou.get_absolute_url()
    own = Client()
    if visitor == "logged in":
        own.force_login(market.argan_staff)
    else:
        own.post(f"/basket/add/{market.oil.pk}/", {"quantity": 2})

    theirs = _get(own, url)
    anonymous = _get(Client(), url)

    assert _state(theirs) == "bypass"
    assert _state(anonymous) == "miss"  # nothing was stored by the first visitor
    html = _html(anonymous)
    assert "logout_link" not in html
    assert "240,00" not in html  # the other visitor's basket total (2 × 120.00)
    if visitor == "logged in":
        assert "logout_link" in _html(theirs)
    else:
        assert "240,00" in _html(theirs)


def test_messages_are_shown_to_their_visitor_only_and_the_page_showing_them_is_not_stored(market):
    visitor = Client()
    visitor.post(f"/basket/add/{market.oil.pk}/", {"quantity": 1})
    home = "/catalogue/"

    with_message = _get(visitor, home)
    after = _get(Client(), home)

    assert "Huile test" in _html(with_message)  # "Huile test has been added to your basket"
    assert _state(with_message) == "bypass"
    assert _state(after) == "miss"
    assert "alert-success" not in _html(after)


def test_tracking_parameters_are_dropped_and_unknown_parameters_are_not_stored(market):
    url = market.oil.get_absolute_url()
    _get(Client(), url)

    shared = _get(Client(), f"{url}?utm_source=facebook&fbclid=IwAR0abc&utm_campaign=ramadan")
    unknown = _get(Client(), f"{url}?nocache=1")
    again = _get(Client(), f"{url}?nocache=1")

    assert _state(shared) == "hit"
    assert "fbclid" not in _html(shared)
    assert "X-Page-Cache" not in unknown
    assert "X-Page-Cache" not in again


def test_a_page_whose_data_changed_while_it_was_rendered_is_not_stored(market, monkeypatch):
    from cooperatives import views

    real = views.selectors.cooperative_get_public

    def changed_meanwhile(**kwargs):
        found = real(**kwargs)
        tags.tags_invalidate([tags.LISTINGS])  # another request commits a change now
        return found

    monkeypatch.setattr(views.selectors, "cooperative_get_public", changed_meanwhile)
    url = market.argan.get_absolute_url()

    first = _get(Client(), url)
    second = _get(Client(), url)

    assert _state(first) == "not stored: changed while rendering"
    assert _state(second) == "not stored: changed while rendering"


# What makes a page stale ------------------------------------------------------------------------


def test_a_new_price_shows_on_the_next_anonymous_view_of_the_product_and_the_listings(market):
    product_url = market.oil.get_absolute_url()
    storefront = market.argan.get_absolute_url()
    for url in (product_url, storefront, "/catalogue/"):
        assert "120,00" in _html(_get(Client(), url))
        assert _state(_get(Client(), url)) == "hit"

    record = StockRecord.objects.get(product=market.oil)
    record.price = Decimal("99.50")
    record.save()

    for url in (product_url, storefront, "/catalogue/"):
        page = _get(Client(), url)
        assert _state(page) == "miss", url
        assert "99,50" in _html(page), url


def test_stock_allocated_by_an_order_shows_on_the_next_anonymous_view(market):
    url = market.carpet.get_absolute_url()
    assert "En stock (5 disponibles)" in _html(_get(Client(), url))
    assert _state(_get(Client(), url)) == "hit"

    # What placing an order does to the stock record (Oscar's allocation).
    StockRecord.objects.get(product=market.carpet).allocate(3)

    page = _get(Client(), url)
    assert _state(page) == "miss"
    assert "En stock (2 disponibles)" in _html(page)


def test_a_changed_title_shows_on_the_product_page_and_in_search_listings(market):
    url = market.amlou.get_absolute_url()
    _get(Client(), url)
    _get(Client(), "/catalogue/")

    market.amlou.title = "Amlou aux amandes grillées"
    market.amlou.save()

    assert "Amlou aux amandes grillées" in _html(_get(Client(), market.amlou.get_absolute_url()))
    assert "Amlou aux amandes grillées" in _html(_get(Client(), "/catalogue/"))


def test_a_cooperative_renamed_or_suspended_changes_its_pages_at_once(market):
    product_url = market.oil.get_absolute_url()
    storefront = market.argan.get_absolute_url()
    _get(Client(), product_url)
    _get(Client(), storefront)
    _get(Client(), "/cooperatives/")

    market.argan.name = "Coopérative Tighanimine"
    market.argan.save()

    assert "Coopérative Tighanimine" in _html(_get(Client(), product_url))
    assert "Coopérative Tighanimine" in _html(_get(Client(), storefront))
    assert "Coopérative Tighanimine" in _html(_get(Client(), "/cooperatives/"))

    market.argan.verification_state = Cooperative.VerificationState.SUSPENDED
    market.argan.save()

    assert Client().get(product_url).status_code == 404
    assert Client().get(storefront).status_code == 404
    assert "Coopérative Tighanimine" not in _html(_get(Client(), "/cooperatives/"))


def test_a_renamed_category_shows_in_the_menu_of_every_page(market):
    category = Category.objects.filter(depth=1).order_by("path").first()
    url = market.oil.get_absolute_url()
    assert category.name in _html(_get(Client(), url))

    category.name = "Trésors du terroir"
    category.save()

    assert "Trésors du terroir" in _html(_get(Client(), url))
    assert "Trésors du terroir" in _html(_get(Client(), "/"))


def test_a_published_page_shows_in_the_menus_at_once(market):
    from cms.models import HomePage, StandardPage

    home = HomePage.objects.get(locale__language_code="fr")
    _get(Client(), "/")
    _get(Client(), market.oil.get_absolute_url())

    page = StandardPage(title="Livraison à la campagne", slug="livraison-campagne")
    page.show_in_menus = True
    home.add_child(instance=page)
    page.save_revision().publish()

    assert "Livraison à la campagne" in _html(_get(Client(), "/"))
    assert "Livraison à la campagne" in _html(_get(Client(), market.oil.get_absolute_url()))
    assert _state(_get(Client(), "/livraison-campagne/")) == "miss"

    page.unpublish()

    assert Client().get("/livraison-campagne/").status_code == 404
    assert "Livraison à la campagne" not in _html(_get(Client(), "/"))


def test_a_campaign_page_shows_progress_moved_by_an_order_at_once(placed_order, market):
    from cms.models import CampaignPage
    from cms.services import campaign_progress_forget

    campaign = CampaignPage.objects.live().filter(locale__language_code="fr").first()
    url = campaign.url
    _get(Client(), url)
    assert _state(_get(Client(), url)) == "hit"

    campaign_progress_forget()  # what any change of an order's parcels calls

    assert _state(_get(Client(), url)) == "miss"
    assert _state(_get(Client(), "/")) == "miss"


def test_listings_from_the_engine_are_rendered_again_once_the_worker_indexed_a_change():
    from search.signals import products_indexed

    _get(Client(), "/catalogue/")
    assert _state(_get(Client(), "/catalogue/")) == "hit"

    products_indexed.send(sender=None, product_ids=[1])

    assert _state(_get(Client(), "/catalogue/")) == "miss"


def test_pages_are_kept_until_local_midnight_at_most(settings):
    import datetime
    from zoneinfo import ZoneInfo

    from marketplace.pagecache.middleware import seconds_until_stale

    casablanca = ZoneInfo("Africa/Casablanca")
    settings.PAGE_CACHE_SECONDS = 6 * 3600

    late = datetime.datetime(2026, 12, 3, 23, 59, 30, tzinfo=casablanca)
    morning = datetime.datetime(2026, 12, 3, 8, 0, tzinfo=casablanca)

    assert seconds_until_stale(late) == 30
    assert seconds_until_stale(morning) == 6 * 3600


def test_a_label_expiring_today_disappears_from_the_cached_page_after_midnight(
    market, monkeypatch, settings
):
    import datetime
    import time

    from django.utils import timezone

    from cooperatives.models import Certification

    # Local memory, whose clock the test can move (Redis keeps its own).
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

    today = timezone.localdate()
    label = Certification.objects.create(
        cooperative=market.argan,
        kind=Certification.Kind.ORGANIC,
        number="BIO-2026-1",
        issuer="Ecocert",
        valid_from=today - datetime.timedelta(days=300),
        valid_until=today,
        verified=True,
    )
    market.oil.labels.add(label)
    url = market.oil.get_absolute_url()
    assert "Biologique" in _html(_get(Client(), url))
    assert _state(_get(Client(), url)) == "hit"

    # Midnight passes: the cache forgets the page (its lifetime ended at midnight) and the
    # label is no longer valid.
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    later = time.time() + 24 * 3600
    monkeypatch.setattr(timezone, "now", lambda: tomorrow)
    monkeypatch.setattr("django.core.cache.backends.locmem.time.time", lambda: later)

    page = _get(Client(), url)
    assert _state(page) == "miss"
    assert "Biologique" not in _html(page)
