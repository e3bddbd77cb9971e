import datetime

import pytest
from django.db import IntegrityError, transaction

from cooperatives.models import Certification, Region
from tests.factories import CertificationFactory, CooperativeFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 23)


def test_the_twelve_regions_exist_with_iso_codes_and_three_names():
    regions = list(Region.objects.order_by("code"))
    assert [region.code for region in regions] == [f"MA-{n:02d}" for n in range(1, 13)]
    souss = Region.objects.get(code="MA-09")
    names = (souss.name_fr, souss.name_ar, souss.name_en)
    assert names == ("Souss-Massa", "سوس ماسة", "Souss-Massa")
    assert all(region.name_fr and region.name_ar and region.name_en for region in regions)


@pytest.mark.parametrize(
    ("valid_from", "valid_until", "verified", "shown"),
    [
        (datetime.date(2020, 1, 1), datetime.date(2030, 1, 1), True, True),
        (datetime.date(2020, 1, 1), None, True, True),
        (datetime.date(2020, 1, 1), TODAY, True, True),
        (datetime.date(2020, 1, 1), TODAY - datetime.timedelta(days=1), True, False),
        (TODAY + datetime.timedelta(days=1), datetime.date(2030, 1, 1), True, False),
        (datetime.date(2020, 1, 1), datetime.date(2030, 1, 1), False, False),
    ],
    ids=["running", "no-expiry", "last-day", "expired", "not-started", "unverified"],
)
def test_only_verified_labels_within_their_dates_are_valid(
    valid_from, valid_until, verified, shown
):
    certification = CertificationFactory(
        valid_from=valid_from, valid_until=valid_until, verified=verified
    )
    valid = Certification.objects.valid(on=TODAY)
    assert (certification in valid) is shown


def test_a_cooperative_cannot_have_more_women_members_than_members():
    with pytest.raises(IntegrityError), transaction.atomic():
        CooperativeFactory(members_count=5, women_members_count=6)


def test_a_label_cannot_expire_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        CertificationFactory(
            valid_from=datetime.date(2025, 1, 1), valid_until=datetime.date(2024, 1, 1)
        )
