"""The cache is one Redis that every process shares: a change made in one process (a gunicorn
worker, the worker, a command) makes the pages and the campaign progress that another process
cached stale at once; and a Redis that stops answering breaks no page."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client

from cms.models import CampaignPage
from cms.selectors import campaign_progress, progress_cache_key

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def redis_cache(settings):
    url = os.environ.get("REDIS_URL")
    if not url:
        pytest.skip("No REDIS_URL: run `make test` with redis-server installed, as CI does")
    location = f"{url}/3"
    settings.CACHES = {
        "default": {
            "BACKEND": "marketplace.cache.ResilientRedisCache",
            "LOCATION": location,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    from django.core.cache import cache

    cache.clear()
    yield location
    cache.clear()


def _in_another_process(code: str, cache_location: str, **env) -> None:
    """Run Python code in a new Django process sharing the cache (and, if given, the database)."""
    subprocess.run(
        [sys.executable, "-c", f"import django; django.setup()\n{code}"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "marketplace.settings.test",
            "CACHE_URL": cache_location,
            **env,
        },
        check=True,
        timeout=120,
    )


def _campaign() -> CampaignPage:
    return CampaignPage.objects.live().filter(locale__language_code="fr").first()


def test_a_change_made_in_another_process_makes_this_processs_cached_page_stale(redis_cache):
    url = _campaign().url
    Client().get(url)
    assert Client().get(url)["X-Page-Cache"] == "hit"

    _in_another_process(
        "from marketplace.pagecache.tags import tags_invalidate\n"
        "tags_invalidate(['campaign-progress'])",
        redis_cache,
    )

    assert Client().get(url)["X-Page-Cache"] == "miss"


def test_campaign_progress_forgotten_by_another_process_is_counted_again_here(redis_cache):
    if connection.vendor != "postgresql":
        pytest.skip("The other process needs the test database: PostgreSQL (DATABASE_URL)")
    campaign = _campaign()
    key = progress_cache_key(campaign_id=campaign.pk, revision_id=campaign.latest_revision_id)
    from django.core.cache import cache

    campaign_progress(campaign=campaign)
    assert cache.get(key) is not None
    database = connection.settings_dict
    database_url = (
        f"postgres://{database['USER']}:{database['PASSWORD'] or ''}@{database['HOST']}:"
        f"{database['PORT']}/{database['NAME']}"
    )

    _in_another_process(
        "from cms.services import campaign_progress_forget\ncampaign_progress_forget()",
        redis_cache,
        DATABASE_URL=database_url,
    )

    assert cache.get(key) is None


def test_pages_are_served_while_redis_does_not_answer(settings, market):
    settings.CACHES = {
        "default": {
            "BACKEND": "marketplace.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }

    for url in ("/", market.oil.get_absolute_url(), "/catalogue/", "/cooperatives/"):
        response = Client().get(url)
        assert response.status_code == 200, url
    added = Client().post(f"/basket/add/{market.oil.pk}/", {"quantity": 1})
    assert added.status_code == 302
