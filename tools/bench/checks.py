"""What the database must hold after mixed traffic: exactly the orders the users were shown, and
no stock record sold beyond its stock.

Plain SQL through a function that runs a query and returns its rows, so that the same checks run
on Django's connection (the benchmark, the PostgreSQL test) and on a SQLite file opened with the
standard library (the SQLite test, whose database is not the test run's). The SQL holds only
integers the code computed itself, and table names.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

Execute = Callable[[str], list[tuple]]

ORDER_TABLE = "order_order"
STOCK_TABLE = "partner_stockrecord"


@dataclass(frozen=True)
class Before:
    """The database before the traffic: the last order's id, and stock already oversold."""

    last_order_id: int
    oversold: frozenset[int]  # ids of stock records


@dataclass(frozen=True)
class Verdict:
    orders_expected: int
    orders_found: int
    missing: list[str]  # shown to a user, not in the database
    unexpected: list[str]  # in the database, shown to no user (or twice)
    oversold: int  # stock records whose allocations exceed their stock, or below zero

    @property
    def ok(self) -> bool:
        return not self.missing and not self.unexpected and self.oversold == 0

    def summary(self) -> str:
        text = (
            f"database: {self.orders_found} new orders for {self.orders_expected} placed, "
            f"{len(self.missing)} missing, {len(self.unexpected)} unexpected; "
            f"stock records oversold or negative: {self.oversold}"
        )
        if self.missing:
            text += f"; missing {self.missing[:10]}"
        if self.unexpected:
            text += f"; unexpected {self.unexpected[:10]}"
        return text


def _oversold(execute: Execute) -> frozenset[int]:
    rows = execute(
        f"SELECT id FROM {STOCK_TABLE} WHERE num_in_stock < 0 "  # noqa: S608
        "OR COALESCE(num_allocated, 0) < 0 OR COALESCE(num_allocated, 0) > num_in_stock"
    )
    return frozenset(int(row[0]) for row in rows)


def database_before(execute: Execute) -> Before:
    rows = execute(f"SELECT COALESCE(MAX(id), 0) FROM {ORDER_TABLE}")  # noqa: S608
    return Before(last_order_id=int(rows[0][0]), oversold=_oversold(execute))


def database_verify(execute: Execute, *, before: Before, numbers: list[str]) -> Verdict:
    """Compare the orders made since `before` with the numbers the users saw."""
    rows = execute(
        f"SELECT number FROM {ORDER_TABLE} WHERE id > {int(before.last_order_id)}"  # noqa: S608
    )
    found = Counter(str(row[0]) for row in rows)
    shown = Counter(numbers)
    return Verdict(
        orders_expected=len(numbers),
        orders_found=sum(found.values()),
        missing=sorted((shown - found).elements()),
        unexpected=sorted((found - shown).elements()),
        # Records oversold before the traffic (none in the demo data) are not its doing.
        oversold=len(_oversold(execute) - before.oversold),
    )


def django_execute(using: str = "default") -> Execute:
    """Queries on one of Django's connections."""
    from django.db import connections

    def execute(sql: str) -> list[tuple]:
        with connections[using].cursor() as cursor:
            cursor.execute(sql)
            return list(cursor.fetchall())

    return execute


def sqlite_execute(path: str) -> Execute:
    """Queries on a SQLite file, each in its own short connection (read only)."""
    import sqlite3

    def execute(sql: str) -> list[tuple]:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
        try:
            return list(connection.execute(sql).fetchall())
        finally:
            connection.close()

    return execute
