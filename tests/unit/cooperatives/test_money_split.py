"""Splitting money to the centime: the parts always add up to the whole."""

from decimal import Decimal

import pytest

from cooperatives.services import money_split


@pytest.mark.parametrize(
    ("amount", "weights", "expected"),
    [
        ("100.00", ["1", "1", "1"], ["33.34", "33.33", "33.33"]),
        ("0.01", ["1", "1"], ["0.01", "0.00"]),
        ("662.50", ["320.45", "345.00"], ["319.03", "343.47"]),
        ("10.00", ["0.01", "999.99"], ["0.00", "10.00"]),
    ],
)
def test_parts_are_proportional_and_add_up_exactly(amount, weights, expected):
    parts = money_split(amount=Decimal(amount), weights=[Decimal(w) for w in weights])

    assert parts == [Decimal(e) for e in expected]
    assert sum(parts) == Decimal(amount)


@pytest.mark.parametrize("cents", [1, 7, 99, 101, 12345, 99999])
@pytest.mark.parametrize("weights", [["1", "2", "3"], ["0.07", "13.3", "5", "1000"], ["7"]])
def test_any_amount_splits_without_losing_a_centime(cents, weights):
    amount = Decimal(cents) / 100
    parts = money_split(amount=amount, weights=[Decimal(w) for w in weights])

    assert sum(parts) == amount
    assert all(part >= 0 for part in parts)


def test_weights_must_not_all_be_zero():
    with pytest.raises(ValueError, match="weights"):
        money_split(amount=Decimal("1.00"), weights=[Decimal("0")])
