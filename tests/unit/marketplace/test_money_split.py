"""Splitting money to the centime: the parts always add up to the whole."""

from decimal import Decimal

import pytest

from marketplace.money import money_split, money_split_grouped


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


def test_a_grouped_split_gives_each_group_what_a_split_among_groups_gives():
    weights = [Decimal("120"), Decimal("91"), Decimal("300")]
    # Component by component, the first group would get 58.71 + 44.52 = 103.23.
    assert money_split(amount=Decimal("249.99"), weights=weights) == [
        Decimal("58.71"),
        Decimal("44.52"),
        Decimal("146.76"),
    ]
    parts = money_split_grouped(amount=Decimal("249.99"), weights=weights, groups=["a", "a", "b"])

    assert parts == [Decimal("58.70"), Decimal("44.52"), Decimal("146.77")]
    assert money_split(amount=Decimal("249.99"), weights=[Decimal("211"), Decimal("300")]) == [
        parts[0] + parts[1],
        parts[2],
    ]


@pytest.mark.parametrize("cents", [1, 2, 99, 24999, 99999])
def test_a_grouped_split_adds_up_exactly_with_interleaved_and_empty_groups(cents):
    amount = Decimal(cents) / 100
    weights = [Decimal("3.5"), Decimal("0"), Decimal("7"), Decimal("1.25"), Decimal("0")]
    groups = [1, 2, 1, 3, 2]  # group 2 weighs nothing
    parts = money_split_grouped(amount=amount, weights=weights, groups=groups)

    assert sum(parts) == amount
    assert parts[1] == parts[4] == Decimal("0")
    group_totals = money_split(
        amount=amount, weights=[Decimal("10.5"), Decimal("0"), Decimal("1.25")]
    )
    assert parts[0] + parts[2] == group_totals[0]
    assert parts[3] == group_totals[2]
