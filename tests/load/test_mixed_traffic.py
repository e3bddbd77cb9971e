"""Many shoppers at once, on both databases: browsing, searching, logging in, filling baskets,
ordering with cash on delivery as guests and as customers, and cooperatives accepting their new
shipments, against a real gunicorn with two worker processes and a Redis cache. Not one answer
of 500 or more, not one failed connection, and exactly the orders the shoppers were shown."""

import sqlite3

import pytest
from django.db import connection

from tests.load.conftest import (
    ENGINE_URL,
    demo_data_ensure,
    postgres_url,
    redis_url,
    serve,
    server_env,
)
from tools.bench.checks import (
    database_before,
    database_verify,
    django_execute,
    sqlite_execute,
)
from tools.bench.load import JourneyFailed, LoadResult, load_run
from tools.bench.pages import pages_find

USERS = 8
SECONDS = 12


def _traffic(base_url: str, found, log_path) -> LoadResult:
    try:
        return load_run(
            base_url,
            users=USERS,
            seconds=SECONDS,
            staff_cooperatives=found.staff_cooperatives[:4],
            extra_paths=[page.path for page in found.pages if not page.with_basket],
        )
    except JourneyFailed as failure:  # the shop could not even be visited before the run
        pytest.fail(f"{failure}\n--- gunicorn log ---\n{_log_tail(log_path)}")


def _log_tail(log_path) -> str:
    return log_path.read_text(errors="replace")[-6000:] if log_path.exists() else ""


def _assert_sound(result: LoadResult, verdict, log_path) -> None:
    report = f"{result.summary()}\n{verdict.summary()}\n--- gunicorn log ---\n{_log_tail(log_path)}"
    assert result.errors == [], report
    assert result.generator_errors == [], report
    assert verdict.ok, report
    # The traffic did what it says: each kind of order, and a cooperative at work.
    assert result.orders_by_kind.get("guest", 0) >= 1, report
    assert result.orders_by_kind.get("customer", 0) >= 1, report
    assert result.journeys.get("staff", 0) >= 1, report
    assert result.journeys.get("browse", 0) >= 1, report


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_mixed_traffic_on_postgresql_answers_no_error_and_keeps_every_order(
    redis_server, gunicorn_log, settings, demo_snapshot
):
    if connection.vendor != "postgresql":
        pytest.skip("The PostgreSQL run needs DATABASE_URL pointing at PostgreSQL")
    # Given the demo marketplace committed, and indexed into an index of this run: the engine
    # answers the listings and searches, as in production
    demo_data_ensure(demo_snapshot)
    found = pages_find()
    from search import indexing
    from search.engine import engine_available

    settings.ELASTICSEARCH_URL = ENGINE_URL
    settings.ELASTICSEARCH_INDEX = "souk-test-load"
    settings.ELASTICSEARCH_OLD_INDEX_GRACE = 0
    if not engine_available():
        pytest.skip(f"No Elasticsearch at {settings.ELASTICSEARCH_URL} (make elasticsearch)")
    indexing.index_rebuild()
    env = server_env(
        database_url=postgres_url(),
        cache_url=redis_url(redis_server, 1),
        engine_index=settings.ELASTICSEARCH_INDEX,
    )
    execute = django_execute()
    before = database_before(execute)

    # When
    with serve(env, gunicorn_log) as server:
        result = _traffic(server.base_url, found, gunicorn_log)

    # Then
    _assert_sound(
        result, database_verify(execute, before=before, numbers=result.orders), gunicorn_log
    )


@pytest.mark.django_db
def test_mixed_traffic_on_sqlite_answers_no_error_and_keeps_every_order(
    redis_server, gunicorn_log, sqlite_shop
):
    # Given a SQLite file holding the test database's rows (the demo marketplace), served in
    # the settings' SQLite mode (WAL journal, IMMEDIATE writes, busy timeout); search on the
    # database path, the embedded first run's
    found = pages_find()
    path = sqlite_shop
    env = server_env(database_url=f"sqlite:///{path}", cache_url=redis_url(redis_server, 2))
    execute = sqlite_execute(str(path))
    before = database_before(execute)

    # When
    with serve(env, gunicorn_log) as server:
        result = _traffic(server.base_url, found, gunicorn_log)

    # Then
    _assert_sound(
        result, database_verify(execute, before=before, numbers=result.orders), gunicorn_log
    )
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
