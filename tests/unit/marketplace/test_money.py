from decimal import Decimal

import pytest
from django.utils import translation
from oscar.templatetags.currency_filters import currency


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "1\u202f234,50\u00a0MAD"),
        ("ar", "\u200f1.234,50\u00a0د.م.\u200f"),
        ("en", "MAD\u00a01,234.50"),
    ],
)
def test_prices_in_mad_follow_the_language(language, expected):
    with translation.override(language):
        assert currency(Decimal("1234.5"), "MAD") == expected
