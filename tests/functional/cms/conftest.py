"""Fixtures for the editorial site: the demo pages and the demo editors."""

import pytest
from django.contrib.auth import get_user_model

from cms.demo.loader import CONTRIBUTOR_EMAIL, EDITOR_EMAIL
from cms.models import CampaignPage, HomePage


@pytest.fixture
def editor(db):
    return get_user_model().objects.get(email=EDITOR_EMAIL)


@pytest.fixture
def contributor(db):
    return get_user_model().objects.get(email=CONTRIBUTOR_EMAIL)


@pytest.fixture
def home_fr(db) -> HomePage:
    return HomePage.objects.get(locale__language_code="fr")


@pytest.fixture
def running_campaign(db) -> CampaignPage:
    return CampaignPage.objects.get(locale__language_code="fr", slug="paniers-solidaires-ramadan")


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Campaign progress and the sitemap are cached; ids of rolled-back tests may be reused."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
