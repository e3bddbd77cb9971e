"""URL converters bounded to what the database can hold: the cooperative's space, the dashboard
forks and the shop's own URLs use them instead of Django's unbounded `int` and `str`."""

from django.urls import register_converter

# Ids are `AutoField`s: 32-bit integers on SQLite and PostgreSQL alike.
ROW_ID_MAX = 2**31 - 1


def row_id(value) -> int | None:
    """`value` (a string from a form or a query) as a row id, or None if it cannot be one."""
    text = str(value)
    if not (0 < len(text) <= 10 and text.isascii() and text.isdigit()):
        return None  # a 5,000-digit string would even be a ValueError for int()
    number = int(text)
    return number if 1 <= number <= ROW_ID_MAX else None


def row_ids(values) -> list[int]:
    """The values that can be row ids, as ids; the others are dropped (they select nothing)."""
    return [pk for pk in map(row_id, values) if pk is not None]


class RowIdConverter:
    """A row's id: 1 to ROW_ID_MAX, else the URL matches nothing (404).

    Django's `int` takes any length: SQLite raises OverflowError on an integer beyond 64 bits
    in a foreign-key lookup, so such an id must never reach a query.
    """

    regex = "[0-9]{1,10}"

    def to_python(self, value: str) -> int:
        number = row_id(value)
        if number is None:
            raise ValueError(value)
        return number

    def to_url(self, value) -> str:
        return str(int(value))


class OrderNumberConverter:
    """An order number (Oscar's digits, the demo's `DEMO-1001`): letters, digits and hyphens,
    as Oscar's own order-status URLs take. Django's `str` lets a NUL byte through, which
    PostgreSQL refuses in a query with an error."""

    regex = r"[\w-]{1,128}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value) -> str:
        return str(value)


register_converter(RowIdConverter, "row_id")
register_converter(OrderNumberConverter, "order_number")
