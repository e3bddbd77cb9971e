"""Time the pages shoppers hit most, rendered in-process through Django's test client.

A quick profile while working on a page (no server, no network, one request at a time), with
its SQL queries and memory. `make bench` measures the same pages (tools/bench/pages.py) under
gunicorn with concurrent clients: that is the benchmark; this is the magnifying glass.
"""

import math
import statistics
import time
import tracemalloc
from dataclasses import dataclass

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.core.signing import BadSignature, Signer
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from catalogue.models import Product
from cooperatives.models import Cooperative
from marketplace.apps.basket.models import Basket
from tools.bench.pages import Page, PagesMissing, pages_find


@dataclass(frozen=True)
class Measure:
    page: Page
    timings: list[float]  # milliseconds, sorted
    queries: int
    size: int  # bytes
    peak: int  # bytes

    @property
    def p50(self) -> float:
        return statistics.median(self.timings)

    @property
    def p95(self) -> float:
        # Nearest rank: the 48th of 50 timings, the slower of 2.
        return self.timings[math.ceil(len(self.timings) * 0.95) - 1]


class Command(BaseCommand):
    """Render the home, listing, search, product, storefront, directory, campaign, article and
    basket pages N times each through Django's test client and print p50/p95/max, SQL queries,
    size and memory."""

    help = (
        "Benchmark page rendering in-process (Django's test client, no network) against the "
        "configured database: per page, one warm-up request, one counting SQL queries, one under "
        "tracemalloc, then --requests timed requests. Search runs on the database path: "
        "ELASTICSEARCH_URL is forced empty inside the command. DEBUG is forced off, as in "
        "production, and the test client's host 'testserver' is allowed for the run only."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--requests",
            type=int,
            default=50,
            metavar="N",
            help="Timed requests per page, after the warm-up (default 50).",
        )

    def handle(self, *args, requests: int, **options):
        if requests < 1:
            raise CommandError("--requests must be at least 1.")
        with override_settings(
            # The database path, whatever the environment says: deterministic, no engine needed.
            ELASTICSEARCH_URL="",
            # Production renders without DEBUG (no query log, no template debug information).
            DEBUG=False,
            # The test client's host, for this run only: the settings' own list is not widened.
            ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"],
            # What rendering costs: the anonymous page cache would answer all but the first.
            PAGE_CACHE_ENABLED=False,
        ):
            try:
                found = pages_find()
            except PagesMissing as missing:
                raise CommandError(str(missing)) from missing
            pages, basket_products = found.pages, found.basket_products
            shopper = Client()
            basket = self._fill_basket(shopper, basket_products)
            try:
                measures = [
                    self._measure(shopper if page.with_basket else Client(), page, requests)
                    for page in pages
                ]
            finally:
                basket.delete()  # no abandoned basket left behind, run after run
        self._print(measures, requests)

    def _fill_basket(self, client: Client, products: list[Product]) -> Basket:
        """Add the products through the product page's add-to-basket form, as a shopper would."""
        for product in products:
            url = reverse("basket:add", kwargs={"pk": product.pk})
            response = client.post(url, {"quantity": 1}, HTTP_REFERER=product.get_absolute_url())
            if response.status_code != 302:
                raise CommandError(
                    f"Adding {product} to the basket answered {response.status_code}."
                )
        # Oscar redirects whether the form was valid or not: count the lines it really holds.
        cookie = client.cookies.get(settings.OSCAR_BASKET_COOKIE_OPEN)
        try:
            basket_id = Signer().unsign(cookie.value) if cookie else None
        except BadSignature:
            basket_id = None
        basket = Basket.objects.filter(pk=basket_id).first() if basket_id else None
        lines = basket.num_lines if basket else 0
        if lines != len(products):
            if basket is not None:
                basket.delete()
            raise CommandError(f"The basket holds {lines} lines, not {len(products)}.")
        return basket

    def _get(self, client: Client, page: Page):
        response = client.get(page.path)
        if response.status_code != 200:
            raise CommandError(f"{page.name} ({page.path}) answered {response.status_code}.")
        return response

    def _measure(self, client: Client, page: Page, requests: int) -> Measure:
        # Not counted: compiles templates, draws thumbnails, fills caches.
        self._get(client, page)
        with CaptureQueriesContext(connection) as queries:
            response = self._get(client, page)
        # Now: the next request's start empties the connection's query log that it reads.
        query_count = len(queries)
        # Its own request, so that the captured queries are not part of the memory measured.
        tracemalloc.start()
        try:
            self._get(client, page)
            _current, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        timings = []
        for _ in range(requests):
            began = time.perf_counter()
            self._get(client, page)
            timings.append((time.perf_counter() - began) * 1000)
        return Measure(
            page=page,
            timings=sorted(timings),
            queries=query_count,
            size=len(response.content),
            peak=peak,
        )

    def _print(self, measures: list[Measure], requests: int) -> None:
        database = connection.settings_dict["NAME"]
        self.stdout.write(
            f"{Product.objects.count()} products, {Cooperative.objects.public().count()} verified "
            f"cooperatives in {connection.vendor} {database}; search on the database path; "
            f"DEBUG off; {requests} timed requests per page after a warm-up."
        )
        width = max(len(measure.page.name) for measure in measures)
        self.stdout.write(
            f"{'page'.ljust(width)}  {'p50 ms':>7}  {'p95 ms':>7}  {'max ms':>7}  "
            f"{'queries':>7}  {'KB':>6}  {'peak MB':>7}  path"
        )
        for measure in measures:
            self.stdout.write(
                f"{measure.page.name.ljust(width)}  {measure.p50:7.1f}  {measure.p95:7.1f}  "
                f"{measure.timings[-1]:7.1f}  {measure.queries:7d}  "
                f"{measure.size / 1024:6.1f}  {measure.peak / 1024 / 1024:7.1f}  "
                f"{measure.page.path}"
            )
