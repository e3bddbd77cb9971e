"""The instrument itself: the database checks find a lost order, an order nobody was shown and
stock sold beyond its stock; the benchmark's verdict follows each target of issue 11."""

import argparse
import sqlite3
from pathlib import Path

import pytest
from oscar.apps.partner.models import StockRecord

from marketplace.apps.order.models import Order
from tools.bench import checks
from tools.bench.load import LoadResult
from tools.bench.run import Cell, PageRow, Run, _report
from tools.bench.wrk import WrkResult


def _database():
    database = sqlite3.connect(":memory:")
    database.executescript(
        """
        CREATE TABLE order_order (id INTEGER PRIMARY KEY, number TEXT);
        CREATE TABLE partner_stockrecord (
            id INTEGER PRIMARY KEY, num_in_stock INTEGER, num_allocated INTEGER
        );
        INSERT INTO order_order VALUES (1, 'DEMO-1001');
        INSERT INTO partner_stockrecord VALUES (1, 5, 2), (2, 3, NULL), (3, 1, 4);
        """
    )
    return database, lambda sql: database.execute(sql).fetchall()


def test_the_checks_read_the_tables_of_the_shops_models():
    assert Order._meta.db_table == checks.ORDER_TABLE
    assert StockRecord._meta.db_table == checks.STOCK_TABLE


def test_the_orders_shown_and_only_those_are_found():
    database, execute = _database()
    before = checks.database_before(execute)
    database.executemany("INSERT INTO order_order (number) VALUES (?)", [("100001",), ("100002",)])

    verdict = checks.database_verify(execute, before=before, numbers=["100001", "100002"])

    assert verdict.ok
    assert (verdict.orders_expected, verdict.orders_found) == (2, 2)


@pytest.mark.parametrize(
    ("in_database", "shown", "missing", "unexpected"),
    [
        (["100001"], ["100001", "100002"], ["100002"], []),  # shown, never saved
        (["100001", "100002"], ["100001"], [], ["100002"]),  # saved, shown to nobody
        (["100001", "100001"], ["100001"], [], ["100001"]),  # saved twice
    ],
)
def test_a_lost_or_unexpected_order_fails_the_check(in_database, shown, missing, unexpected):
    database, execute = _database()
    before = checks.database_before(execute)
    database.executemany("INSERT INTO order_order (number) VALUES (?)", [(n,) for n in in_database])

    verdict = checks.database_verify(execute, before=before, numbers=shown)

    assert not verdict.ok
    assert (verdict.missing, verdict.unexpected) == (missing, unexpected)


def test_stock_oversold_during_the_traffic_fails_the_check_not_stock_oversold_before():
    database, execute = _database()
    before = checks.database_before(execute)  # record 3 was oversold already
    database.execute("UPDATE partner_stockrecord SET num_allocated = 6 WHERE id = 1")

    verdict = checks.database_verify(execute, before=before, numbers=[])

    assert verdict.oversold == 1
    assert not verdict.ok


def _cell(rps: float, cpu_ms: float, errors=None) -> Cell:
    requests = int(rps * 5)
    result = WrkResult(
        requests=requests, seconds=5.0, bytes=0, p50_ms=5, p99_ms=9, max_ms=10,
        errors=errors or {},
    )  # fmt: skip
    return Cell(wrk=result, cpu_seconds=cpu_ms * requests / 1000)


def _load(errors: list[dict], orders: list[str]) -> LoadResult:
    return LoadResult(
        users=8, seconds=20, requests=100, statuses={200: 100}, errors=errors, journeys={},
        failures={}, orders=orders, orders_by_kind={"guest": len(orders)}, accepted=1,
        generator_errors=[], p50_ms=10, p95_ms=20,
    )  # fmt: skip


def _run(*, cached_rps=100.0, cold_cpu_ms=40.0, engine_p95=30.0, load_errors=()) -> Run:
    run = Run(products=20148, data=Path("var/bench-20000.sqlite3"))
    run.rows = [
        PageRow(
            "home (fr)",
            "/",
            cached=_cell(cached_rps, 3),
            cold=_cell(20, cold_cpu_ms),
            ceiling=_cell(1000, 0.3),
        ),  # fmt: skip
        PageRow("basket (3 lines)", "/basket/", cold=_cell(20, 30)),
    ]
    run.ceilings = [run.rows[0].ceiling]
    run.engine_ms = [10.0] * 94 + [engine_p95] * 6
    run.search_page_ms = [50.0] * 10
    run.load = _load(list(load_errors), ["100001"])
    run.verdict = checks.Verdict(
        orders_expected=1, orders_found=1, missing=[], unexpected=[], oversold=0
    )
    return run


OPTIONS = argparse.Namespace(parts=["pages", "search", "queries", "load"], workers=2,
                             connections=8, seconds=5)  # fmt: skip


def test_a_run_within_every_target_passes():
    report = _report(_run(), OPTIONS)

    assert not report.missed
    assert "**MISSED**" not in report.text
    assert "| home (fr) `/` | 100 | 1000 | 10.0 % |" in report.text


@pytest.mark.parametrize(
    "run",
    [
        _run(cached_rps=40),  # 4 % of a 1,000 requests/s ceiling
        _run(cold_cpu_ms=61),
        _run(engine_p95=51),
        _run(load_errors=[{"request": "POST /basket/add/1/", "status": 500, "body": ""}]),
    ],
    ids=["cached below 5 % of the ceiling", "cold page over 60 ms", "search p95", "5xx"],
)
def test_a_missed_target_fails_the_run(run):
    report = _report(run, OPTIONS)

    assert report.missed
    assert report.text.count("**MISSED**") == 1
