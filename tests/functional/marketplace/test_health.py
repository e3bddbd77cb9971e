import datetime

import pytest
from django.db import OperationalError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cooperatives.tasks import order_placed_email

pytestmark = pytest.mark.django_db


def test_health_reports_the_database_ok_and_search_unavailable_without_an_engine(client, settings):
    settings.ELASTICSEARCH_URL = ""

    response = client.get("/health/")

    assert response.status_code == 200
    assert response.json() == {"database": "ok", "search": "unavailable", "tasks": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_health_reports_search_unavailable_when_the_engine_does_not_answer(client, settings):
    from search import engine

    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # discard port: nothing listens
    engine.get_client.cache_clear()
    try:
        response = client.get("/health/")
    finally:
        engine.get_client.cache_clear()

    assert response.status_code == 200
    assert response.json()["search"] == "unavailable"


def test_health_answers_503_when_the_database_fails(client, monkeypatch):
    from marketplace import health

    class BrokenConnection:
        def cursor(self):
            raise OperationalError("connection refused")

    monkeypatch.setattr(health, "connection", BrokenConnection())

    response = client.get("/health/")

    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_health_refuses_other_methods(client):
    assert client.post("/health/").status_code == 405


def test_health_reports_search_ok_with_the_local_engine(client, search_engine):
    response = client.get("/health/")

    assert response.json() == {"database": "ok", "search": "ok", "tasks": "ok"}


def test_health_reports_search_degraded_when_the_engine_is_emptied(client, search_engine, settings):
    """The engine answers, but the alias leads nowhere: the next check says so, and the shop
    keeps selling from the database."""
    settings.ELASTICSEARCH_INDEX = "souk-test-emptied"

    assert client.get("/health/").json() == {"database": "ok", "search": "degraded", "tasks": "ok"}
    listing = client.get("/catalogue/")
    assert listing.status_code == 200
    assert "souk-search-fallback" in listing.content.decode()


def test_health_reports_search_degraded_for_a_bare_index_under_the_alias_name(
    client, search_engine, settings
):
    """An index made without our mappings (what an indexing worker used to create on an
    emptied engine) is no search index."""
    settings.ELASTICSEARCH_INDEX = "souk-test-bare"
    search_engine.indices.create(index="souk-test-bare")
    try:
        response = client.get("/health/")
    finally:
        search_engine.indices.delete(index="souk-test-bare")

    assert response.json()["search"] == "degraded"


def test_health_says_tasks_are_late_when_no_worker_runs_them(client, settings, placed_order):
    """An e-mail queued longer ago than TASKS_LATE_SECONDS and still waiting: no worker runs.
    The shop keeps selling (200); a task deferred to later is not late."""
    settings.TASKS_LATE_SECONDS = 600
    assert client.get("/health/").json()["tasks"] == "ok"
    later = order_placed_email.using(run_after=timezone.now() + datetime.timedelta(hours=1))
    later.enqueue(order_id=placed_order.pk)
    assert client.get("/health/").json()["tasks"] == "ok"

    result = order_placed_email.enqueue(order_id=placed_order.pk)
    DBTaskResult.objects.filter(pk=result.id).update(
        enqueued_at=timezone.now() - datetime.timedelta(seconds=601)
    )

    response = client.get("/health/")
    assert (response.status_code, response.json()["tasks"]) == (200, "late")
