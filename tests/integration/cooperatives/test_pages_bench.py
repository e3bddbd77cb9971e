import io
import logging

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from marketplace.apps.basket.models import Basket

pytestmark = pytest.mark.django_db

PAGES = [
    "home (fr)",
    "home (ar)",
    "all products",
    "category",
    "search: words",
    "all products: filters",
    "product",
    "solidarity basket",
    "storefront",
    "directory",
    "campaign",
    "article",
    "basket (3 lines)",
]


def _rows(output: str) -> dict[str, list[str]]:
    """The table's rows by page name: the columns after the name (p50 … path)."""
    rows = {}
    for line in output.splitlines():
        for name in PAGES:
            if line.startswith(f"{name}  "):
                rows[name] = line.removeprefix(name).split()
    return rows


def test_the_page_benchmark_prints_a_row_per_page_from_the_database_only(settings, caplog):
    # Given an engine configured but unreachable, which the benchmark must not ask
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    baskets_before = Basket.objects.count()
    out = io.StringIO()

    # When
    with caplog.at_level(logging.WARNING, logger="search"):
        call_command("pages_bench", requests=2, stdout=out)

    # Then a row per page, each with its timings, queries, size, memory and path
    rows = _rows(out.getvalue())
    assert list(rows) == PAGES
    for name, columns in rows.items():
        p50, p95, maximum, queries, size, peak, path = columns
        assert 0 < float(p50) <= float(p95) <= float(maximum), name
        assert int(queries) > 0, name
        assert float(size) > 0, name
        assert float(peak) > 0, name
        assert path.startswith("/"), name
    assert rows["home (ar)"][-1] == "/ar/"
    assert "kind=basket" in rows["all products: filters"][-1]
    assert rows["directory"][-1] == "/cooperatives/"
    assert rows["all products"][-1] == "/catalogue/"
    assert "2 timed requests per page" in out.getvalue()
    assert not [record for record in caplog.records if record.name.startswith("search")]
    assert Basket.objects.count() == baskets_before


def test_the_page_benchmark_refuses_no_requests():
    with pytest.raises(CommandError, match="--requests"):
        call_command("pages_bench", requests=0, stdout=io.StringIO())
