"""Measure indexing throughput and query latency against the configured engine."""

import math
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test import Client
from django.test.utils import override_settings

from search import indexing
from search.engine import engine_available, get_indexing_client
from search.queries import Filters, catalogue_search, catalogue_suggest

WORDS = [
    "argan",
    "huile",
    "safran",
    "miel",
    "amlou",
    "dattes",
    "couscous",
    "tapis",
    "poterie",
    "زيت",
    "عسل",
    "أركان",
    "honey",
    "saffron",
    "carpet",
    "savon",
    # Longer words: typo tolerance (two edits from six letters) costs the engine more.
    "cosmétique",
    "berbère",
    "traditionnelle",
    "ghassoul",
    "safrn",  # a typo
    "hui",  # an unfinished word
]
REGIONS = [f"MA-{n:02d}" for n in range(1, 13)]
CATEGORIES = ["argan-huiles", "huile-argan", "epicerie", "miel", "cosmetiques", "tapis", "poterie"]
PAGE_SIZE = settings.OSCAR_PRODUCTS_PER_PAGE
# The view shows at most the engine's first 10,000 hits (search.views.MAX_RESULT_WINDOW).
DEEPEST_OFFSET = 10_000 - PAGE_SIZE


@dataclass
class Timings:
    took: list[float] = field(default_factory=list)  # the engine's own figure, ms
    round_trip: list[float] = field(default_factory=list)  # the call as the view makes it, ms
    errors: int = 0  # timeouts and failures: the page would have listed from the database


def _percentile(values: list[float], share: float) -> float:
    """Nearest rank: the smallest value with at least `share` of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(math.ceil(len(ordered) * share) - 1, 0)]


def _summary(values: list[float]) -> str:
    if not values:
        return f"{'-':>6} {'-':>6} {'-':>6}"
    return f"{statistics.median(values):6.1f} {_percentile(values, 0.95):6.1f} {max(values):6.1f}"


class Command(BaseCommand):
    """Rebuild the index (documents per second), then time a mix of searches per kind (p50, p95,
    max of the engine's `took` and of the client's round trip) and, with --pages, the search page
    itself through Django (no page cache)."""

    help = (
        "Benchmark search: a full rebuild, then a mix of searches (words with typos and word "
        "starts, filters, categories, sorting, deep pages, autocomplete), each with the facets "
        "the page shows; with --pages N, N search pages rendered through Django's test client "
        "with the page cache off."
    )

    def add_arguments(self, parser):
        parser.add_argument("--queries", type=int, default=500, help="Searches to time.")
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--pages", type=int, default=0, metavar="N", help="Also time N search pages."
        )
        parser.add_argument(
            "--no-rebuild", action="store_true", help="Search the index already built."
        )
        parser.add_argument(
            "--cold",
            action="store_true",
            help="Empty the engine's request cache before each search: every search is new.",
        )

    def handle(
        self, *args, queries: int, seed: int, pages: int, no_rebuild: bool, cold: bool, **options
    ):
        if not engine_available():
            raise CommandError("The search engine does not answer (make elasticsearch).")
        if no_rebuild:
            if not indexing.index_exists():
                raise CommandError(
                    f"No index with the current mappings behind {indexing.alias_name()}: "
                    "run without --no-rebuild."
                )
        else:
            self._rebuild()
        documents = catalogue_search(limit=0).total
        randomiser = random.Random(seed)
        kinds = self._kinds(randomiser)
        timings = {name: Timings() for name, _run in kinds}
        for number in range(queries):
            name, run = kinds[number % len(kinds)]
            if cold:
                get_indexing_client().indices.clear_cache(index=indexing.alias_name(), request=True)
            began = time.perf_counter()
            try:
                took = run()
            except Exception:  # noqa: BLE001 - a timeout is a result here, counted and shown
                took = None
                timings[name].errors += 1
            timings[name].round_trip.append((time.perf_counter() - began) * 1000)
            if took is not None:
                timings[name].took.append(took)
        if queries:
            self._print_searches(documents, queries, timings, cold=cold)
        if pages:
            self._pages(randomiser, pages)

    def _rebuild(self) -> None:
        started = time.perf_counter()
        # Nothing searches the old index meanwhile: time the build, not the grace period.
        with override_settings(ELASTICSEARCH_OLD_INDEX_GRACE=0):
            result = indexing.index_rebuild(progress_stream=self.stderr)
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"indexed {result.documents} documents in {seconds:.1f} s: "
            f"{result.documents / seconds:.0f} documents/s"
        )

    def _kinds(self, randomiser: random.Random) -> list[tuple[str, Callable[[], float | None]]]:
        """What the catalogue, category and search pages ask the engine, one function per kind;
        each returns the engine's `took` (None when the call does not report it)."""

        def words() -> str:
            return " ".join(randomiser.sample(WORDS, randomiser.choice((1, 1, 2))))

        def search(**kwargs) -> float:
            return catalogue_search(limit=PAGE_SIZE, **kwargs).took

        def suggest() -> None:
            catalogue_suggest(query=randomiser.choice(WORDS)[:3])

        return [
            ("words", lambda: search(query=words())),
            ("words + filters", lambda: search(
                query=words(), filters=Filters(region=[randomiser.choice(REGIONS)], in_stock=True)
            )),
            ("words, price sort", lambda: search(query=words(), sort="price-asc")),
            ("browse + filters", lambda: search(
                filters=Filters(price=["100-250"], women_led=True), sort="newest"
            )),
            ("category", lambda: search(category_root=randomiser.choice(CATEGORIES))),
            ("browse, price sort", lambda: search(
                sort="price-asc", offset=PAGE_SIZE * randomiser.randrange(0, 10)
            )),
            ("deep page", lambda: search(
                sort="newest", offset=randomiser.randrange(DEEPEST_OFFSET // 2, DEEPEST_OFFSET)
            )),
            ("autocomplete", suggest),
        ]  # fmt: skip

    def _print_searches(
        self, documents: int, queries: int, timings: dict[str, Timings], *, cold: bool
    ) -> None:
        cache = "request cache emptied before each" if cold else "request cache on"
        self.stdout.write(
            f"{queries} searches over {documents} documents, each with the page's facets "
            f"({cache}); ms, p50 p95 max:"
        )
        self.stdout.write(f"{'kind':<20} {'n':>4}  {'engine took':^20}  {'round trip':^20}  errors")
        searches = Timings()
        for name, timing in timings.items():
            self._print_row(name, timing)
            if name != "autocomplete":  # another request, reported on its own
                searches.took += timing.took
                searches.round_trip += timing.round_trip
                searches.errors += timing.errors
        self._print_row("all searches", searches)

    def _print_row(self, name: str, timing: Timings) -> None:
        self.stdout.write(
            f"{name:<20} {len(timing.round_trip):>4}  {_summary(timing.took)}  "
            f"{_summary(timing.round_trip)}  {timing.errors:>6}"
        )

    def _pages(self, randomiser: random.Random, count: int) -> None:
        """The search page as a shopper gets it, rendered by Django without the page cache."""

        def path() -> str:
            params = [("q", " ".join(randomiser.sample(WORDS, randomiser.choice((1, 1, 2)))))]
            variant = randomiser.randrange(4)
            if variant == 1:
                params += [("region", randomiser.choice(REGIONS)), ("in_stock", "1")]
            elif variant == 2:
                params += [("sort_by", "price-asc")]
            elif variant == 3:
                params += [("page", "2")]
            return "/search/?" + urlencode(params)

        with override_settings(
            DEBUG=False,
            ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"],
            PAGE_CACHE_ENABLED=False,
        ):
            client = Client()
            client.get(path())  # warm-up: templates, translations, connections
            timings = []
            for _number in range(count):
                url = path()
                began = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - began) * 1000)
                if response.status_code != 200:
                    raise CommandError(f"{url} answered {response.status_code}")
        self.stdout.write(
            f"{count} search pages (/search/?q=…, with filters, sort or page 2; page cache off), "
            f"ms, p50 p95 max: {_summary(timings)}"
        )
