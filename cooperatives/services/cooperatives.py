"""Writes of the cooperatives themselves: regions, creating, verifying, suspending, labels; the
hubs that assemble solidarity baskets."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from oscar.apps.partner.models import Partner

from catalogue.services.products import product_slug_for
from cooperatives.models import (
    Cooperative,
    Hub,
    Region,
)
from cooperatives.regions import MOROCCO, REGIONS


@transaction.atomic
def regions_ensure() -> dict[str, Region]:
    """Make sure the 12 regions exist (a flushed test database loses migration data)."""
    by_code = {}
    for code, slug, name_fr, name_ar, name_en in REGIONS:
        by_code[code], _created = Region.objects.get_or_create(
            code=code,
            defaults={
                "slug": slug,
                "name": name_fr,
                "name_fr": name_fr,
                "name_ar": name_ar,
                "name_en": name_en,
            },
        )
    return by_code


def shipping_country_ensure() -> None:
    """Morocco, the one shipping country (also created by a migration; flushed test databases
    lose it)."""
    from oscar.apps.address.models import Country

    fields = dict(MOROCCO)
    Country.objects.update_or_create(iso_3166_1_a2=fields.pop("iso_3166_1_a2"), defaults=fields)


@transaction.atomic
def cooperative_create(
    *,
    name: str,
    odco_number: str,
    region: Region,
    sector: str,
    slug: str = "",
    **fields,
) -> Cooperative:
    """Create a cooperative and the Oscar partner that sells for it, pending verification."""
    slug = slug or slugify(name)
    if Cooperative.objects.filter(slug=slug).exists():
        raise ValidationError({"slug": _("A cooperative with this address already exists.")})
    partner = Partner.objects.create(name=name, code=slug)
    cooperative = Cooperative(
        partner=partner,
        name=name,
        slug=slug,
        odco_number=odco_number,
        region=region,
        sector=sector,
        **fields,
    )
    cooperative.full_clean()
    cooperative.save()
    return cooperative


@transaction.atomic
def cooperative_verify(*, cooperative: Cooperative) -> Cooperative:
    """Mark a cooperative verified by the operators: it appears in the directory and sells."""
    cooperative.verification_state = Cooperative.VerificationState.VERIFIED
    cooperative.save(update_fields=["verification_state", "updated_at"])
    return cooperative


@transaction.atomic
def cooperative_suspend(*, cooperative: Cooperative) -> Cooperative:
    """Suspend a cooperative: its storefront and products disappear from the site."""
    cooperative.verification_state = Cooperative.VerificationState.SUSPENDED
    cooperative.save(update_fields=["verification_state", "updated_at"])
    return cooperative


@transaction.atomic
def hub_ensure(*, name: str, address: str, city: str, region: Region, phone: str = "") -> Hub:
    """An operator-run hub (and the Oscar partner its baskets are priced by), by name."""
    hub = Hub.objects.filter(name=name).first()
    if hub is None:
        partner = Partner.objects.create(name=name, code=f"hub-{product_slug_for(name)}"[:128])
        hub = Hub(partner=partner, name=name)
    hub.address, hub.city, hub.region, hub.phone = address, city, region, phone
    hub.full_clean()
    hub.save()
    return hub
