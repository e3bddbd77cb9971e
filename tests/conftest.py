"""Shared fixtures. The demo marketplace is loaded once into the test database for the session."""

import os

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django.test import override_settings
from django.utils import translation

from search import indexing
from search.engine import engine_available, get_indexing_client
from tests.background import tasks_run
from tests.journeys import add_to_basket, guest_checkout_until_preview, market_create


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo_data", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
        # The work the demo queued (Wagtail's reference index; indexing, which the search
        # fixtures do by a rebuild) is done before any test, as a worker would.
        with override_settings(ELASTICSEARCH_URL=""):
            tasks_run()
    # Django keeps the snapshot that `serialized_rollback` tests restore on the connection object
    # of the current context. Playwright's sync API runs the browser tests in greenlets, each with
    # its own context, where Django hands out fresh connection objects without the snapshot: the
    # flushed database then stays empty. Keep the snapshot where every connection object sees it.
    connection = connections[DEFAULT_DB_ALIAS]
    snapshot = getattr(connection, "_test_serialized_contents", None)
    if snapshot is not None:
        type(connection)._test_serialized_contents = snapshot


@pytest.fixture(autouse=True)
def _cache_cleared():
    """Each test starts with an empty cache: a page or count cached by an earlier test (whose
    rows were rolled back) would otherwise be served to this one."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in French, whatever language an earlier request left active."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(scope="session")
def search_engine(django_db_setup, django_db_blocker):
    if not engine_available():
        pytest.skip(f"No Elasticsearch at {settings.ELASTICSEARCH_URL} (run: make elasticsearch)")
    with django_db_blocker.unblock():
        indexing.index_rebuild()
    return get_indexing_client()


@pytest.fixture
def engine(search_engine, db):
    """The engine with the demo catalogue indexed; documents a test adds are removed after it."""
    added: list[int] = []
    yield added
    for pk in added:
        search_engine.options(ignore_status=404).delete(
            index=indexing.alias_name(), id=pk, refresh=True
        )


SEARCH_FIXTURES = {"search_engine", "engine", "indexed"}


@pytest.fixture(autouse=True)
def _search_engine_only_when_asked(request, settings):
    """Tests that make products with factories never index them: unless a test asks for the
    engine, pages list from the database (the fallback path, without its notice)."""
    if not SEARCH_FIXTURES & set(request.fixturenames):
        settings.ELASTICSEARCH_URL = ""


@pytest.fixture
def market(db):
    """Two test cooperatives (argan in Souss-Massa, carpets in Béni Mellal) and their products."""
    return market_create()


@pytest.fixture
def stripe_api(settings):
    """Stripe configured against a local Stripe-like server (no network)."""
    from tests.stripe_fake import SECRET, FakeStripe

    fake = FakeStripe()
    settings.STRIPE_SECRET_KEY = "sk_test_local"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_local"
    settings.STRIPE_WEBHOOK_SECRET = SECRET
    settings.STRIPE_API_BASE = fake.url
    yield fake
    fake.close()


@pytest.fixture
def solidarity_basket(market):
    """A basket of the test market at 250.00: oil + 2 amlou (argan) and the carpet (carpets)."""
    from tests.journeys import basket_create

    return basket_create(market)


@pytest.fixture
def placed_order(django_app_factory, market, django_capture_on_commit_callbacks):
    """An order by a guest for the oil (argan cooperative) and the carpet (carpets cooperative)."""
    from marketplace.apps.order.models import Order

    app = django_app_factory(csrf_checks=True)
    add_to_basket(app, market.oil, 2)
    add_to_basket(app, market.carpet, 1)
    preview = guest_checkout_until_preview(app, email="buyer@example.test")
    with django_capture_on_commit_callbacks(execute=True):
        preview.forms["place_order_form"].submit()
    return Order.objects.get(guest_email="buyer@example.test")


def pytest_sessionfinish(session, exitstatus):
    """Under CI every service is provided, so a skipped test fails the run."""
    if os.environ.get("CI") != "true":
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped:
        reporter.write_line(f"CI=true and {len(skipped)} test(s) skipped: the run fails.", red=True)
        session.exitstatus = 1
