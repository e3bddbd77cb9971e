"""Playwright driving Debian's Chromium against the live test server.

Playwright's sync API runs an event loop in this thread, which trips Django's async-safety check
on ORM calls made by the test itself; the server runs in its own thread and is unaffected.
"""

import io
import os
import shutil

import pytest
from django.core.management import call_command

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    # Live-server tests flush the database after each test: make sure the demo data is there.
    from cooperatives.models import Cooperative

    if not Cooperative.objects.exists():
        call_command("load_demo_data", stdout=io.StringIO(), stderr=io.StringIO())
    # The first transactional test restores Django's snapshot (taken before the demo data was
    # loaded) over the demo rows: the home pages come back with `numchild=0` and would hide
    # their children. Recount them.
    from wagtail.models import Page

    Page.fix_tree(fix_paths=False)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    page = context.new_page()
    yield page
    context.close()
