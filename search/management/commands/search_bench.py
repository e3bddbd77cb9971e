"""Measure indexing throughput and query latency against the configured engine."""

import random
import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from search import indexing
from search.engine import engine_available
from search.queries import Filters, catalogue_search

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
    "safrn",
    "hui",
]


class Command(BaseCommand):
    """Rebuild the index (documents per second), then time a mix of searches (p50, p95)."""

    help = "Benchmark search: a full rebuild, then a mix of queries with facets and filters."

    def add_arguments(self, parser):
        parser.add_argument("--queries", type=int, default=500)
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, queries: int, seed: int, **options):
        if not engine_available():
            raise CommandError("The search engine does not answer (make elasticsearch).")
        started = time.perf_counter()
        # Nothing searches the old index meanwhile: time the build, not the grace period.
        with override_settings(ELASTICSEARCH_OLD_INDEX_GRACE=0):
            result = indexing.index_rebuild(progress_stream=self.stderr)
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"indexed {result.documents} documents in {seconds:.1f} s: "
            f"{result.documents / seconds:.0f} documents/s"
        )
        randomiser = random.Random(seed)
        regions = [f"MA-{n:02d}" for n in range(1, 13)]
        timings = []
        for number in range(queries):
            kind = number % 4
            words = " ".join(randomiser.sample(WORDS, randomiser.choice((1, 1, 2))))
            kwargs = {"query": words}
            if kind == 1:
                kwargs["filters"] = Filters(region=[randomiser.choice(regions)], in_stock=True)
            elif kind == 2:
                kwargs = {"query": "", "sort": "price-asc", "offset": randomiser.randrange(0, 200)}
            elif kind == 3:
                kwargs["filters"] = Filters(price=["100-250"], women_led=True)
            began = time.perf_counter()
            catalogue_search(**kwargs)
            timings.append((time.perf_counter() - began) * 1000)
        timings.sort()
        p50 = statistics.median(timings)
        p95 = timings[int(len(timings) * 0.95) - 1]
        self.stdout.write(
            f"{queries} queries (words, filters, facets, sorting): "
            f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {timings[-1]:.1f} ms"
        )
