"""`make bench`: the shop under gunicorn (2 sync workers) on the benchmark data, measured with wrk.

One run, on a copy of the data set made for it (`var/bench-N.run.sqlite3`, so that every run
starts from the same data and the orders of the load test do not pile up in the data set):

1. a private Redis for the cache (as in production), the engine's index of the data set built
   once (`ELASTICSEARCH_INDEX=souk-bench-N`), gunicorn on 127.0.0.1 with DEBUG off;
2. the ceiling: the same workers answering a constant response (`tools.bench.wsgi`), measured
   just before each page, whose share of it is reported (the share holds on a noisy machine);
3. each page with wrk (8 connections, gzip accepted): *cached* (a new anonymous visitor, the page
   cache warm: every answer must be a hit) and *cold* (the same address with a query parameter
   the page cache does not know, so every request renders; the page is never stored), its
   requests per second, p50 and p99 latency, and CPU per request (user + system time of the
   gunicorn workers from /proc, before and after, divided by the requests served);
4. search: distinct queries (words, filters, sorting, pages) one at a time, so the page cache
   cannot answer: the engine's own latency (the view's search call, timed in this process) and
   the whole page's;
5. SQL queries of each page, rendered cold in this process (Django's test client);
6. the mixed-traffic load test (`tools.bench.load`), then the database checked: exactly the
   orders the users were shown, no stock sold beyond its stock.

It prints one Markdown table and the targets of issue 11, and exits 1 if one is missed.
"""

import argparse
import http.client
import os
import platform
import random
import sqlite3
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from tools.bench import CONSTANT_PATH
from tools.bench.servers import ROOT, Gunicorn, Redis, cpu_between
from tools.bench.wrk import WrkResult, wrk_available, wrk_run

PARTS = ("pages", "search", "queries", "load")
GZIP = {"Accept-Encoding": "gzip"}
# A parameter no page reads and the page cache does not know: the page is rendered, not stored.
COLD_PARAMETER = "bench-cold"

# Targets of issue 11, on 20,000 products.
CACHED_SHARE_MIN = 0.05
COLD_CPU_MS_MAX = 60.0
SEARCH_P95_MS_MAX = 50.0

SEARCH_WORDS = ["argan", "huile", "safran", "miel", "amlou", "dattes", "couscous", "tapis",
                "poterie", "savon", "زيت", "عسل", "honey", "saffron", "carpet", "hui"]  # fmt: skip
REGIONS = [f"MA-{n:02d}" for n in range(1, 13)]


@dataclass
class Cell:
    """One page measured once with wrk."""

    wrk: WrkResult
    cpu_seconds: float

    @property
    def cpu_ms(self) -> float:
        return self.cpu_seconds * 1000 / self.wrk.requests if self.wrk.requests else 0.0


@dataclass
class PageRow:
    name: str
    path: str
    cached: Cell | None = None
    # The constant answer measured just before the cached run: the machine is noisy, the
    # share of a ceiling measured at the same moment holds.
    ceiling: Cell | None = None
    cold: Cell | None = None
    queries: int | None = None
    kilobytes: float | None = None  # gzipped, as sent


@dataclass
class Run:
    products: int
    data: Path
    rows: list[PageRow] = field(default_factory=list)
    ceilings: list[Cell] = field(default_factory=list)
    engine_ms: list[float] = field(default_factory=list)
    search_page_ms: list[float] = field(default_factory=list)
    search_problems: list[str] = field(default_factory=list)
    load: object = None
    verdict: object = None
    problems: list[str] = field(default_factory=list)  # anything that makes figures wrong
    seconds: float = 0.0

    @property
    def ceiling_median(self) -> Cell | None:
        if not self.ceilings:
            return None
        return sorted(self.ceilings, key=lambda cell: cell.wrk.rps)[len(self.ceilings) // 2]


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(round(len(ordered) * share)) - 1)] if ordered else 0.0


def _options(argv):
    parser = argparse.ArgumentParser(
        prog="python -m tools.bench", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--products", type=int, default=int(os.environ.get("BENCH_PRODUCTS", 20000))
    )
    parser.add_argument("--data", type=Path, help="The data set (default var/bench-N.sqlite3).")
    parser.add_argument("--parts", default=",".join(PARTS), help=f"Among {', '.join(PARTS)}.")
    parser.add_argument("--seconds", type=float, default=5, help="wrk's run per page and mode.")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--search-queries", type=int, default=150)
    parser.add_argument("--load-users", type=int, default=8)
    parser.add_argument("--load-seconds", type=float, default=20)
    parser.add_argument(
        "--elasticsearch-url",
        default=os.environ.get("ELASTICSEARCH_URL") or "http://127.0.0.1:9200",
    )
    options = parser.parse_args(argv)
    options.parts = [part for part in options.parts.split(",") if part]
    unknown = set(options.parts) - set(PARTS)
    if unknown:
        parser.error(f"unknown parts: {', '.join(sorted(unknown))}")
    options.data = options.data or ROOT / "var" / f"bench-{options.products}.sqlite3"
    return options


def _copy(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite database (its WAL included), through SQLite's backup."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as origin:
        destination = sqlite3.connect(target)
        try:
            origin.backup(destination)
        finally:
            destination.close()


def _say(text: str) -> None:
    sys.stderr.write(f"[bench] {text}\n")
    sys.stderr.flush()


def main(argv: list[str] | None = None) -> int:
    options = _options(argv)
    if not options.data.exists():
        _say(
            f"No data set at {options.data}: run `make bench-data` "
            f"(BENCH_PRODUCTS={options.products})."
        )
        return 2
    if "pages" in options.parts and not wrk_available():
        _say("wrk is not installed (apt-get install wrk).")
        return 2
    run_db = options.data.with_suffix(".run.sqlite3")
    logs = ROOT / "var" / "bench-logs"
    logs.mkdir(parents=True, exist_ok=True)
    index = f"souk-bench-{options.products}"
    started = time.monotonic()
    with Redis(log_path=logs / "redis.log") as redis:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "marketplace.settings.dev",
            "DJANGO_DEBUG": "0",
            "DATABASE_URL": f"sqlite:///{run_db}",
            "CACHE_URL": redis.url,
            "ELASTICSEARCH_URL": options.elasticsearch_url,
            "ELASTICSEARCH_INDEX": index,
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            "PAGE_CACHE_ENABLED": "1",
            "LOG_LEVEL": "WARNING",
        }
        _copy(options.data, run_db)
        os.environ.update(env)
        import django

        django.setup()
        if {"pages", "search", "load"} & set(options.parts):
            # Built from the copy just made, identical to the data set: once per data set.
            _index_ensure()

        from catalogue.models import Product
        from tools.bench.pages import pages_find

        found = pages_find()
        run = Run(products=Product.objects.count(), data=options.data)
        run.rows = [PageRow(page.name, page.path) for page in found.pages]
        if {"pages", "search", "load"} & set(options.parts):
            server = Gunicorn(env=env, workers=options.workers, log_path=logs / "gunicorn.log")
            _say(f"gunicorn with {options.workers} sync workers on {server.base_url}, starting")
            with server:
                if "pages" in options.parts:
                    _measure_pages(run, server, found, options)
                if "search" in options.parts:
                    _measure_search(run, server, options)
                if "load" in options.parts:
                    _measure_load(run, server, found, options)
        if "queries" in options.parts:
            _count_queries(run, found)
    run.seconds = time.monotonic() - started
    report = _report(run, options)
    sys.stdout.write(report.text + "\n")
    return 1 if report.missed else 0


# The engine ------------------------------------------------------------------------------------


def _index_ensure() -> None:
    """Build the data set's index unless it holds exactly what the shop lists."""
    from search import indexing
    from search.engine import engine_available, get_indexing_client

    if not engine_available():
        raise SystemExit("[bench] Elasticsearch does not answer: run `make elasticsearch`.")
    expected = indexing.indexable_products().count()
    if indexing.index_exists():
        indexed = get_indexing_client().count(index=indexing.alias_name())["count"]
        if indexed == expected:
            return
        _say(f"index {indexing.alias_name()} holds {indexed} documents, not {expected}: rebuild")
    _say(f"indexing {expected} products into {indexing.alias_name()} (once per data set)")
    from django.test.utils import override_settings

    with override_settings(ELASTICSEARCH_OLD_INDEX_GRACE=0):
        indexing.index_rebuild(progress_stream=sys.stderr)


# Pages -----------------------------------------------------------------------------------------


def _fetch(server: Gunicorn, path: str, headers: dict | None = None):
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    try:
        connection.request("GET", path, headers={**GZIP, **(headers or {})})
        response = connection.getresponse()
        return response, response.read()
    finally:
        connection.close()


def _cold_path(path: str) -> str:
    return f"{path}{'&' if '?' in path else '?'}{COLD_PARAMETER}=1"


def _wrk(
    server: Gunicorn, path: str, options, headers: dict | None = None, seconds: float = 0
) -> Cell:
    server.wait_idle()
    before = server.worker_cpu()
    result = wrk_run(
        f"{server.base_url}{path}",
        seconds=seconds or options.seconds,
        connections=options.connections,
        headers={**GZIP, **(headers or {})},
    )
    # Read as wrk ends: the requests still in the workers then (at most one each) add part of
    # their CPU to the figure, the requests wrk left in the backlog none (see wait_idle).
    return Cell(wrk=result, cpu_seconds=cpu_between(before, server.worker_cpu()))


def _basket_cookie(server: Gunicorn, found) -> str:
    """A shopper's cookies after putting the profile's three products in a basket."""
    from tools.bench.load import Browser, Stats

    browser = Browser(server.base_url, Stats())
    for product in found.basket_products:
        browser.get(product.get_absolute_url())
        browser.post(f"/basket/add/{product.pk}/", {"quantity": "1"}, follow=False)
    return "; ".join(f"{name}={value}" for name, value in browser.cookies.items())


def _measure_pages(run: Run, server: Gunicorn, found, options) -> None:
    basket_headers = {"Cookie": _basket_cookie(server, found)}
    _say("warming up every page (first renders, thumbnails, caches)")
    for page, row in zip(found.pages, run.rows, strict=True):
        headers = basket_headers if page.with_basket else None
        # The address twice (rendered and stored, then served), the cold one once.
        for path in (page.path, page.path, _cold_path(page.path)):
            response, body = _fetch(server, path, headers)
            if response.status != 200:
                run.problems.append(f"{page.name}: {path} answered {response.status}")
        response, body = _fetch(server, page.path, headers)
        row.kilobytes = len(body) / 1024
        cache_state = response.getheader("X-Page-Cache", "")
        if not page.with_basket and cache_state != "hit":
            run.problems.append(f"{page.name}: not served from the page cache ({cache_state})")
    ceiling_seconds = max(2.0, options.seconds / 2)
    for page, row in zip(found.pages, run.rows, strict=True):
        if page.with_basket:
            # A shopper's own page is never cached: cold only, with the shopper's cookies.
            row.cold = _wrk(server, page.path, options, basket_headers)
        else:
            row.ceiling = _wrk(server, CONSTANT_PATH, options, seconds=ceiling_seconds)
            run.ceilings.append(row.ceiling)
            row.cached = _wrk(server, page.path, options)
            state = _fetch(server, page.path)[0].getheader("X-Page-Cache", "")
            if state != "hit":
                run.problems.append(f"{page.name}: page cache {state!r} after the cached run")
            state = _fetch(server, _cold_path(page.path))[0].getheader("X-Page-Cache")
            if state is not None:
                run.problems.append(f"{page.name}: the cold address met the page cache ({state})")
            row.cold = _wrk(server, _cold_path(page.path), options)
        _say(
            f"{row.name}: ceiling {row.ceiling.wrk.rps if row.ceiling else 0:.0f}/s, "
            f"cached {row.cached.wrk.rps if row.cached else 0:.0f}/s, "
            f"cold {row.cold.wrk.rps:.1f}/s {row.cold.cpu_ms:.0f} ms CPU"
        )


# Search ----------------------------------------------------------------------------------------


def search_queries(count: int, *, seed: int = 11) -> list[str]:
    """Distinct query strings mixing words, filters, sorting and pages."""
    randomiser = random.Random(seed)
    queries: list[str] = []
    seen = set()
    while len(queries) < count:
        pairs = []
        if randomiser.random() < 0.8:
            pairs.append(
                ("q", " ".join(randomiser.sample(SEARCH_WORDS, randomiser.choice((1, 1, 2)))))
            )
        roll = randomiser.random()
        if roll < 0.3:
            pairs += [("region", randomiser.choice(REGIONS)), ("in_stock", "1")]
        elif roll < 0.45:
            pairs += [("price", "100-250"), ("women_led", "1")]
        elif roll < 0.55:
            pairs.append(("kind", randomiser.choice(["product", "basket"])))
        if randomiser.random() < 0.4 or not pairs:
            pairs.append(("sort_by", randomiser.choice(["price-asc", "price-desc", "newest"])))
        if randomiser.random() < 0.2:
            pairs.append(("page", str(randomiser.randint(2, 5))))
        query = urlencode(pairs)
        if query not in seen:
            seen.add(query)
            queries.append(query)
    return queries


def _engine_call(query: str):
    """The view's own search call for this query string (search.views.EngineResults)."""
    from django.http import QueryDict

    from search.forms import BrowseForm
    from search.queries import catalogue_search

    form = BrowseForm(QueryDict(query))
    form.is_valid()
    try:
        page = max(int(QueryDict(query).get("page", 1)), 1)
    except ValueError:
        page = 1
    return catalogue_search(
        query=form.query(),
        filters=form.filters(),
        category_root="",
        sort=form.sort(),
        language="fr",
        offset=(page - 1) * 24,
        limit=24,
    )


def _measure_search(run: Run, server: Gunicorn, options) -> None:
    queries = search_queries(options.search_queries)
    _say(f"search: {len(queries)} distinct queries, one at a time, engine then page")
    for query in search_queries(5, seed=99):
        _engine_call(query)  # connection and caches of the engine, not counted
    for query in queries:
        began = time.perf_counter()
        _engine_call(query)
        run.engine_ms.append((time.perf_counter() - began) * 1000)
    # The whole page costs what a cold page costs (measured above): a sample is enough.
    for query in queries[: max(1, len(queries) * 2 // 5)]:
        path = f"/search/?{query}" if query.startswith("q=") else f"/catalogue/?{query}"
        began = time.perf_counter()
        response, _body = _fetch(server, path)
        run.search_page_ms.append((time.perf_counter() - began) * 1000)
        state = response.getheader("X-Page-Cache", "")
        if response.status != 200:
            run.search_problems.append(f"{path} answered {response.status}")
        elif state != "miss":
            run.search_problems.append(f"{path}: page cache {state!r} (the engine must answer)")


# Queries ---------------------------------------------------------------------------------------


def _count_queries(run: Run, found) -> None:
    """SQL queries of each page rendered cold (no page cache), after one warm-up rendering."""
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    _say("counting SQL queries per page (in-process, page cache off)")
    with override_settings(
        PAGE_CACHE_ENABLED=False,
        DEBUG=False,
        ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"],
    ):
        shopper = Client()
        for product in found.basket_products:
            shopper.post(f"/basket/add/{product.pk}/", {"quantity": 1})
        for page, row in zip(found.pages, run.rows, strict=True):
            client = shopper if page.with_basket else Client()
            client.get(page.path)
            with CaptureQueriesContext(connection) as captured:
                response = (shopper if page.with_basket else Client()).get(page.path)
            if response.status_code != 200:
                run.problems.append(f"{page.name}: {response.status_code} in-process")
            row.queries = len(captured)


# Load ------------------------------------------------------------------------------------------


def _measure_load(run: Run, server: Gunicorn, found, options) -> None:
    from tools.bench.checks import database_before, database_verify, django_execute
    from tools.bench.load import load_run

    _say(f"mixed traffic: {options.load_users} users for {options.load_seconds:.0f} s")
    execute = django_execute()
    before = database_before(execute)
    run.load = load_run(
        server.base_url,
        users=options.load_users,
        seconds=options.load_seconds,
        staff_cooperatives=found.staff_cooperatives[:6],
        extra_paths=[page.path for page in found.pages if not page.with_basket],
    )
    run.verdict = database_verify(execute, before=before, numbers=run.load.orders)


# Report ----------------------------------------------------------------------------------------


@dataclass
class Report:
    text: str
    missed: bool


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}" if value >= 10 else f"{value:.1f}"


def _share(rps: float, ceiling: float) -> str:
    return f"{rps / ceiling * 100:.1f} %" if ceiling else "—"


def _machine() -> str:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores {cpu}, {platform.system()} {platform.release()}".strip()


def _report(run: Run, options) -> Report:
    lines = [
        f"## Benchmark, {time.strftime('%Y-%m-%d %H:%M')} — {run.products} products "
        f"({run.data.name}), gunicorn {options.workers} sync workers, Redis cache, DEBUG off, "
        f"wrk -c{options.connections} {options.seconds:.0f} s per cell, gzip; {_machine()}; "
        f"load average {os.getloadavg()[0]:.2f}; run took {run.seconds / 60:.1f} min",
        "",
    ]
    if "pages" in options.parts or "queries" in options.parts:
        lines += [
            "| page | cached rps | ceiling rps | share of ceiling | p50 ms | p99 ms | CPU ms/req "
            "| cold rps | p50 ms | p99 ms | CPU ms/req | SQL queries | KB sent |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
            "| ---: |",
        ]
        median = run.ceiling_median
        if median is not None:
            low, high = (min(c.wrk.rps for c in run.ceilings), max(c.wrk.rps for c in run.ceilings))
            lines.append(
                f"| constant answer (ceiling), median of {len(run.ceilings)} "
                f"| {median.wrk.rps:.0f} | {low:.0f}–{high:.0f} | 100 % "
                f"| {_ms(median.wrk.p50_ms)} | {_ms(median.wrk.p99_ms)} | {_ms(median.cpu_ms)} "
                "| | | | | | |"
            )
        for row in run.rows:
            cached, cold = row.cached, row.cold
            share = _share(cached.wrk.rps, row.ceiling.wrk.rps) if cached and row.ceiling else "—"
            lines.append(
                f"| {row.name} `{row.path}` "
                f"| {f'{cached.wrk.rps:.0f}' if cached else '—'} "
                f"| {f'{row.ceiling.wrk.rps:.0f}' if row.ceiling else '—'} | {share} "
                f"| {_ms(cached.wrk.p50_ms if cached else None)} "
                f"| {_ms(cached.wrk.p99_ms if cached else None)} "
                f"| {_ms(cached.cpu_ms if cached else None)} "
                f"| {f'{cold.wrk.rps:.1f}' if cold else '—'} "
                f"| {_ms(cold.wrk.p50_ms if cold else None)} "
                f"| {_ms(cold.wrk.p99_ms if cold else None)} "
                f"| {_ms(cold.cpu_ms if cold else None)} "
                f"| {row.queries if row.queries is not None else '—'} "
                f"| {f'{row.kilobytes:.1f}' if row.kilobytes is not None else '—'} |"
            )
        lines.append("")
    checks: list[tuple[str, str, str, bool | None]] = []
    measured_pages = [row for row in run.rows if row.cached or row.cold]
    if measured_pages:
        cached_rows = [row for row in measured_pages if row.cached and row.ceiling]
        worst = min(cached_rows, key=lambda row: row.cached.wrk.rps / row.ceiling.wrk.rps)
        checks.append((
            "every cached anonymous page ≥ 5 % of the ceiling (measured just before it)",
            f"lowest: {worst.name}, {_share(worst.cached.wrk.rps, worst.ceiling.wrk.rps)}",
            "≥ 5 %",
            worst.cached.wrk.rps / worst.ceiling.wrk.rps >= CACHED_SHARE_MIN,
        ))  # fmt: skip
        costliest = max(measured_pages, key=lambda row: row.cold.cpu_ms)
        checks.append((
            "every cold page ≤ 60 ms CPU per request",
            f"highest: {costliest.name}, {costliest.cold.cpu_ms:.0f} ms",
            "≤ 60 ms",
            costliest.cold.cpu_ms <= COLD_CPU_MS_MAX,
        ))  # fmt: skip
        wrk_errors = {
            f"{row.name} ({mode})": cell.wrk.errors
            for row in measured_pages
            for mode, cell in (("cached", row.cached), ("cold", row.cold))
            if cell and cell.wrk.errors
        }
        checks.append((
            "pages under wrk: no socket error, no status ≥ 400",
            "; ".join(f"{name}: {errors}" for name, errors in wrk_errors.items()) or "none",
            "none",
            not wrk_errors,
        ))  # fmt: skip
    if run.engine_ms:
        p95 = _percentile(run.engine_ms, 0.95)
        checks.append((
            f"search p95 on the engine ({len(run.engine_ms)} distinct queries, one at a time)",
            f"p50 {statistics.median(run.engine_ms):.1f} ms, p95 {p95:.1f} ms, "
            f"max {max(run.engine_ms):.0f} ms",
            "p95 ≤ 50 ms",
            p95 <= SEARCH_P95_MS_MAX and not run.search_problems,
        ))  # fmt: skip
        checks.append((
            f"search pages, whole page over HTTP ({len(run.search_page_ms)} of those queries; "
            "not a target)",
            f"p50 {statistics.median(run.search_page_ms):.0f} ms, "
            f"p95 {_percentile(run.search_page_ms, 0.95):.0f} ms"
            + (f"; {len(run.search_problems)} problems: {run.search_problems[:3]}"
               if run.search_problems else ""),
            "—",
            None,
        ))  # fmt: skip
    if run.load is not None:
        load = run.load
        checks.append((
            f"mixed traffic, {load.users} users for {load.seconds:.0f} s: errors (5xx, connection)",
            f"{load.error_count} errors in {load.requests} requests "
            f"({load.requests / load.seconds:.1f}/s, p95 {load.p95_ms:.0f} ms)",
            "0",
            load.error_count == 0,
        ))  # fmt: skip
        checks.append((
            "mixed traffic: orders in the database = orders placed; no stock oversold",
            f"{run.verdict.orders_found} in the database for {len(load.orders)} placed "
            f"({', '.join(f'{k} {v}' for k, v in sorted(load.orders_by_kind.items()))}); "
            f"{load.accepted} shipments accepted; oversold {run.verdict.oversold}",
            "equal, 0",
            run.verdict.ok and len(load.orders) > 0,
        ))  # fmt: skip
    if run.problems:
        checks.append(("measure sound", "; ".join(run.problems[:5]), "no problem", False))
    lines += ["| target | measured | limit | met |", "| --- | --- | --- | --- |"]
    for name, measured, limit, met in checks:
        lines.append(f"| {name} | {measured} | {limit} | "
                     f"{'—' if met is None else 'yes' if met else '**MISSED**'} |")  # fmt: skip
    if run.load is not None:
        lines += ["", "```", run.load.summary(), run.verdict.summary(), "```"]
    missed = any(met is False for *_rest, met in checks)
    return Report(text="\n".join(lines), missed=missed)


if __name__ == "__main__":
    sys.exit(main())
