import pytest
from django.core.exceptions import ValidationError

from catalogue import services as catalogue_services
from cooperatives import selectors, services
from cooperatives.models import Cooperative, Region
from tests.factories import CertificationFactory, CooperativeFactory, product_create

pytestmark = pytest.mark.django_db


def test_creating_a_cooperative_makes_its_partner_and_starts_pending():
    region = Region.objects.get(code="MA-08")

    cooperative = services.cooperative_create(
        name="Coopérative Tamount", odco_number="ODCO-NEW-1", region=region, sector="agrifood"
    )

    assert cooperative.slug == "cooperative-tamount"
    assert cooperative.partner.name == "Coopérative Tamount"
    assert cooperative.verification_state == Cooperative.VerificationState.PENDING
    assert cooperative not in selectors.cooperative_list_public()


def test_creating_a_cooperative_with_a_taken_slug_is_refused_and_creates_nothing():
    existing = CooperativeFactory()
    partners_before = existing.partner.__class__.objects.count()

    with pytest.raises(ValidationError):
        services.cooperative_create(
            name="Other",
            slug=existing.slug,
            odco_number="ODCO-X",
            region=existing.region,
            sector="crafts",
        )

    assert existing.partner.__class__.objects.count() == partners_before


def test_verifying_then_suspending_shows_then_hides_the_cooperative():
    cooperative = CooperativeFactory(verification_state=Cooperative.VerificationState.PENDING)

    services.cooperative_verify(cooperative=cooperative)
    assert cooperative in selectors.cooperative_list_public()

    services.cooperative_suspend(cooperative=cooperative)
    assert cooperative not in selectors.cooperative_list_public()
    assert selectors.cooperative_get_public(slug=cooperative.slug) is None


def test_a_product_cannot_carry_another_cooperatives_label():
    maker = CooperativeFactory()
    other_label = CertificationFactory()  # held by another cooperative
    product = product_create(cooperative=maker)

    with pytest.raises(ValidationError):
        catalogue_services.product_labels_set(product=product, labels=[other_label])

    assert product.labels.count() == 0


def test_a_product_carries_its_own_cooperatives_label():
    maker = CooperativeFactory()
    label = CertificationFactory(cooperative=maker, kind="igp")
    product = product_create(cooperative=maker)

    catalogue_services.product_labels_set(product=product, labels=[label])

    assert list(product.labels.all()) == [label]


def test_the_directory_filters_by_region_sector_and_women_led():
    draa = Region.objects.get(code="MA-08")
    match = CooperativeFactory(region=draa, sector="crafts", women_led=True)
    CooperativeFactory(region=draa, sector="crafts", women_led=False)
    CooperativeFactory(region=draa, sector="argan", women_led=True)

    found = selectors.cooperative_list_public(region=draa, sector="crafts", women_led=True)

    assert [c.pk for c in found if c.slug.startswith("test-")] == [match.pk]


def test_the_directory_counts_each_cooperatives_public_products():
    cooperative = CooperativeFactory()
    product_create(cooperative=cooperative)
    product_create(cooperative=cooperative)
    product_create(cooperative=cooperative, is_public=False)

    other = CooperativeFactory()

    found = selectors.cooperative_product_counts_add(
        selectors.cooperative_list_public().filter(pk__in=[cooperative.pk, other.pk])
    )

    assert {c.pk: c.product_count for c in found} == {cooperative.pk: 2, other.pk: 0}
