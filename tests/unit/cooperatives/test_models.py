from decimal import Decimal

import pytest

from cooperatives.models import Cooperative


@pytest.mark.parametrize(
    ("members", "women", "share"),
    [(40, 40, 100), (3, 1, 33), (7, 0, 0), (0, 0, None)],
)
def test_women_share_is_a_whole_percentage_or_none_without_members(members, women, share):
    cooperative = Cooperative(members_count=members, women_members_count=women)
    assert cooperative.women_share == share


def test_commission_rate_falls_back_to_the_platform_default(settings):
    settings.MARKETPLACE_DEFAULT_COMMISSION_RATE = Decimal("0.12")
    assert Cooperative().effective_commission_rate == Decimal("0.12")
    assert Cooperative(commission_rate=Decimal("0.050")).effective_commission_rate == Decimal(
        "0.050"
    )
