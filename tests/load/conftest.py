"""Mixed traffic against a real gunicorn (2 sync workers, a Redis cache), on PostgreSQL and SQLite.

The server is a separate set of processes: it sees only what is committed, in a database it can
open. On PostgreSQL that is the test database itself (transactional tests); on SQLite, a file made
for the test: tables created from the models and every row copied from the test database (the
demo data included), which costs seconds where running the migrations again costs minutes.
"""

import os
import shutil
import subprocess
from io import StringIO
from pathlib import Path
from urllib.parse import quote

import pytest
from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.db import connection, connections, transaction

from tools.bench.servers import Gunicorn, Redis

ENGINE_URL = os.environ.get("ELASTICSEARCH_URL") or "http://127.0.0.1:9200"


@pytest.fixture(scope="session")
def redis_server():
    """A private redis-server (Debian's package) for the servers under test."""
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    with Redis() as redis:
        yield redis


def redis_url(redis: Redis, db: int) -> str:
    """A database of its own per test, emptied first: no page cached by another run."""
    subprocess.run(  # noqa: S603 - fixed arguments
        [shutil.which("redis-cli") or "redis-cli", "-p", str(redis.port), "-n", str(db), "FLUSHDB"],
        check=True,
        capture_output=True,
    )
    return f"redis://127.0.0.1:{redis.port}/{db}"


def server_env(*, database_url: str, cache_url: str, engine_index: str = "") -> dict[str, str]:
    """The environment of the gunicorn under test: the test settings (fast password hashing,
    mail kept in memory), this run's media (the demo's pictures), its own database and cache,
    and the engine only when an index of this database exists."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_", "CACHE_", "ELASTICSEARCH_", "DJANGO_", "PAGE_CACHE"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "marketplace.settings.test",
            "DATABASE_URL": database_url,
            "CACHE_URL": cache_url,
            "ELASTICSEARCH_URL": ENGINE_URL if engine_index else "",
            "ELASTICSEARCH_INDEX": engine_index or "souk-test-load-none",
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "PAGE_CACHE_ENABLED": "1",
            "LOG_LEVEL": "WARNING",
        }
    )
    return env


def postgres_url() -> str:
    """The test database as the server reaches it."""
    config = connection.settings_dict
    credentials = quote(config["USER"] or "", safe="")
    if config["PASSWORD"]:
        credentials += ":" + quote(config["PASSWORD"], safe="")
    host = config["HOST"] or "127.0.0.1"
    port = config["PORT"] or 5432
    return f"postgres://{credentials}@{host}:{port}/{config['NAME']}"


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker) -> str:
    """Every row of the test database with the demo marketplace, in Django's JSON snapshot form.

    Taken outside any test, before a transactional test flushes the database: the SQLite file
    is made from it, and the PostgreSQL test puts the demo back from it in seconds where
    `load_demo_data` takes half a minute (a transactional test before it flushed the database,
    and restored only Django's snapshot of the migrated database)."""
    with django_db_blocker.unblock():
        return connections["default"].creation.serialize_db_to_string()


def demo_data_ensure(snapshot: str) -> None:
    """The demo marketplace committed in the test database, for a server to read."""
    from wagtail.models import Page

    from cooperatives.models import Cooperative

    if not Cooperative.objects.exists():
        # Same rows, same ids as the session loaded: a flush keeps the sequences past them.
        _rows_copy(snapshot, alias="default")
    if not Cooperative.objects.exists():  # the snapshot was taken after a flush
        call_command("load_demo_data", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    # The migrated database's snapshot restored over the demo rows leaves the home pages with
    # `numchild=0`.
    Page.fix_tree(fix_paths=False)


@pytest.fixture(scope="session")
def sqlite_shop(demo_snapshot, django_db_blocker, tmp_path_factory) -> Path:
    """A SQLite file with every table of the models and every row of the test database (the
    demo marketplace loaded for the session). Made before any test's transaction, so that it
    copies the session's data, and outside Django's test case, which allows no other database.
    """
    path = tmp_path_factory.mktemp("load-sqlite") / "shop.sqlite3"
    alias = "load_sqlite"
    with django_db_blocker.unblock():
        connections.settings[alias] = connections.configure_settings(
            {
                "default": connections.settings["default"],
                alias: {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path)},
            }
        )[alias]
        try:
            with connections[alias].schema_editor() as editor:
                for model in apps.get_models():
                    if model._meta.managed and not model._meta.proxy and not model._meta.swapped:
                        editor.create_model(model)
            _rows_copy(demo_snapshot, alias=alias)
        finally:
            connections[alias].close()
            del connections[alias]
            del connections.settings[alias]
    return path


def _rows_copy(snapshot: str, *, alias: str) -> None:
    """Django's own test snapshot (every row, in JSON), saved into another database: Django's
    `deserialize_db_from_string` would save into the default one whatever its connection."""
    with transaction.atomic(using=alias), connections[alias].constraint_checks_disabled():
        for row in serializers.deserialize("json", StringIO(snapshot), using=alias):
            row.save(using=alias)
    connections[alias].check_constraints()


@pytest.fixture
def gunicorn_log(tmp_path) -> Path:
    return tmp_path / "gunicorn.log"


def serve(env: dict[str, str], log_path: Path) -> Gunicorn:
    return Gunicorn(env=env, workers=2, log_path=log_path, preload=True)
