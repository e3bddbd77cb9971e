"""Amounts in MAD: rounding and splitting to the centime, and how they are written in each
language of the site. Low in the stack: it imports nothing of ours."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import get_language

CENT = Decimal("0.01")


def money(amount: Decimal) -> Decimal:
    """Round to the centime, halves up, as cash is counted."""
    return Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)


def money_split(*, amount: Decimal, weights: list[Decimal]) -> list[Decimal]:
    """Split an amount in proportion to weights, to the centime: the parts add up exactly
    (the centimes left by rounding down go to the largest remainders)."""
    amount = money(amount)
    total = sum(weights, Decimal("0"))
    if total <= 0:
        raise ValueError("weights must add up to more than zero")
    cents = int(amount * 100)
    exact = [Decimal(cents) * weight / total for weight in weights]
    parts = [int(share) for share in exact]
    order = sorted(range(len(weights)), key=lambda i: exact[i] - parts[i], reverse=True)
    for index in order[: cents - sum(parts)]:
        parts[index] += 1
    return [Decimal(part) / 100 for part in parts]


def money_split_grouped(
    *, amount: Decimal, weights: list[Decimal], groups: list[object]
) -> list[Decimal]:
    """Split an amount in proportion to weights, first among groups (each weighing the sum of
    its members), then within each group: a group receives exactly what a split among the
    groups alone gives it, and the parts still add up exactly to the amount."""
    keys = list(dict.fromkeys(groups))
    group_weights = [
        sum((w for w, g in zip(weights, groups, strict=True) if g == key), Decimal("0"))
        for key in keys
    ]
    group_amounts = dict(zip(keys, money_split(amount=amount, weights=group_weights), strict=True))
    parts = [Decimal("0.00")] * len(weights)
    for key, group_weight in zip(keys, group_weights, strict=True):
        members = [i for i, g in enumerate(groups) if g == key]
        if group_weight <= 0:
            continue
        member_parts = money_split(amount=group_amounts[key], weights=[weights[i] for i in members])
        for i, part in zip(members, member_parts, strict=True):
            parts[i] = part
    return parts


class CurrencyFormatByLanguage(dict):
    """Babel arguments for Oscar's `currency` filter, chosen by the active language.

    Oscar reads `OSCAR_CURRENCY_FORMAT.get(currency)` when it formats a price. Moroccan locales
    give `1 234,50 MAD` in French and `1.234,50 د.م.` in Arabic; English gets a space after the
    currency code (`MAD 1,234.50`).
    """

    LOCALES = {"fr": "fr_MA", "ar": "ar_MA", "en": "en"}

    def get(self, currency, default=None):
        language = (get_language() or "fr").split("-")[0]
        arguments = {"locale": self.LOCALES.get(language, language)}
        if language == "en":
            arguments["format"] = "¤\u00a0#,##0.00"
        return arguments
