"""Shared fixtures. The demo marketplace is loaded once into the test database for the session."""

import os

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo_data", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in French, whatever language an earlier request left active."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


def pytest_sessionfinish(session, exitstatus):
    """Under CI every service is provided, so a skipped test fails the run."""
    if os.environ.get("CI") != "true":
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped:
        reporter.write_line(f"CI=true and {len(skipped)} test(s) skipped: the run fails.", red=True)
        session.exitstatus = 1
