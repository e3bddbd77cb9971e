"""The production-like set, for tests: static files collected with the production settings into a
temporary STATIC_ROOT (as the Dockerfile does), and gunicorn serving them with the production
settings (whitenoise, manifest storage, DEBUG off) and a copy of the test database.

Collecting takes about ten seconds: it runs once per test session, whichever module asks first.
"""

import atexit
import contextlib
import functools
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection, connections

ROOT = Path(__file__).resolve().parents[3]
SECRET_KEY = "production-like-secret-key-for-the-tests-only-0123456789abcdef"


def production_environment(**overrides: str) -> dict[str, str]:
    """The environment the Dockerfile and docker-compose give the production settings, over ours.
    The browser tests relax async safety in this process; production never does."""
    inherited = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE"}
    }
    return {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "marketplace.settings.production",
        "DJANGO_SECRET_KEY": SECRET_KEY,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        # Plain HTTP on a loopback port: no proxy in front to terminate TLS.
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "ELASTICSEARCH_URL": "",
        **overrides,
    }


@dataclass(frozen=True)
class Collected:
    static_root: Path
    returncode: int
    output: str


@functools.cache
def collected_static() -> Collected:
    """`manage.py collectstatic --noinput` with the production settings, as the Dockerfile runs
    it (a throwaway SQLite database, nothing else), into a temporary STATIC_ROOT."""
    workdir = Path(tempfile.mkdtemp(prefix="souk-production-static-"))
    atexit.register(shutil.rmtree, workdir, ignore_errors=True)
    static_root = workdir / "staticfiles"
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT,
        env=production_environment(
            STATIC_ROOT=str(static_root), DATABASE_URL=f"sqlite:///{workdir / 'unused.db'}"
        ),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return Collected(static_root, result.returncode, result.stdout + result.stderr)


def database_url_for_a_server(directory: Path) -> str:
    """A database another process can open holding what the test database holds now: on SQLite
    (in memory for the tests) a copy in a file, made in a second; on PostgreSQL the test
    database itself (the server reads committed rows)."""
    database = settings.DATABASES["default"]
    if connection.vendor == "sqlite":
        target = directory / "db.sqlite3"
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        try:
            connection.connection.backup(copy)
        finally:
            copy.close()
        return f"sqlite:///{target}"
    if connection.vendor == "postgresql":
        credentials = quote(database["USER"] or "", safe="")
        if database["PASSWORD"]:
            credentials += ":" + quote(database["PASSWORD"], safe="")
        host = database["HOST"] or "localhost"
        port = database["PORT"] or "5432"
        return f"postgres://{credentials}@{host}:{port}/{quote(database['NAME'], safe='')}"
    raise NotImplementedError(f"No server database for {connection.vendor}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def gunicorn(static_root: Path, database_url: str, workdir: Path, *, startup_seconds: float = 60):
    """gunicorn with the production settings on a loopback port, as the Dockerfile's command
    (one worker: the tests send one request at a time). Yields its base URL."""
    port = _free_port()
    log_path = workdir / "gunicorn.log"
    env = production_environment(
        STATIC_ROOT=str(static_root),
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        # A single box serves its uploads (docker-compose says the same).
        SERVE_MEDIA="true",
    )
    with open(log_path, "w") as log:
        server = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
            [
                sys.executable,
                "-m",
                "gunicorn",
                "marketplace.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "--timeout",
                "60",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(base_url, server, log_path, startup_seconds)
        yield base_url
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _wait_until_healthy(base_url: str, server, log_path: Path, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            break
        try:
            with urllib.request.urlopen(f"{base_url}/health/", timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.25)
    raise AssertionError(f"gunicorn did not answer /health/:\n{log_tail(log_path)}")


def log_tail(log_path: Path, lines: int = 40) -> str:
    return "\n".join(log_path.read_text(errors="replace").splitlines()[-lines:])


@contextlib.contextmanager
def production_site(static_root: Path):
    """gunicorn serving these static files and a copy of the test database (see above)."""
    workdir = Path(tempfile.mkdtemp(prefix="souk-production-site-"))
    try:
        database_url = database_url_for_a_server(workdir)
        # Playwright's sync API runs fixtures and tests in greenlets, where Django opens
        # connections of their own that its teardown never closes: a PostgreSQL test database
        # with a session still open cannot be dropped at the end of the run.
        connections.close_all()
        with gunicorn(static_root, database_url, workdir) as base_url:
            yield base_url
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def demo_data_present() -> None:
    """The demo data, for another process to read. Tests using this run with the database tests
    (mark them `django_db`), before the live-server tests that flush the database; should they run
    after one, put back what migrations created, then the demo data."""
    import io

    from django.core.management import call_command
    from wagtail.models import Page

    from cooperatives.models import Cooperative, Region

    if not Cooperative.objects.exists():
        snapshot = getattr(connection, "_test_serialized_contents", None)
        if snapshot and not Region.objects.exists():
            connection.creation.deserialize_db_from_string(snapshot)
        call_command("load_demo_data", stdout=io.StringIO(), stderr=io.StringIO())
        Page.fix_tree(fix_paths=False)
