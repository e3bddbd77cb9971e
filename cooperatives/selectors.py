"""Reads of cooperatives: the directory, storefronts and regions."""

from django.db.models import Count, Prefetch, Q, QuerySet

from cooperatives.models import Certification, Cooperative, Region


def cooperative_list_public(
    *,
    region: Region | None = None,
    sector: str = "",
    women_led: bool = False,
) -> QuerySet:
    """Verified cooperatives for the directory, with what their cards show, filtered."""
    cooperatives = Cooperative.objects.public().select_related("region")
    if region is not None:
        cooperatives = cooperatives.filter(region=region)
    if sector:
        cooperatives = cooperatives.filter(sector=sector)
    if women_led:
        cooperatives = cooperatives.filter(women_led=True)
    return cooperatives.annotate(
        product_count=Count(
            "partner__stockrecords__product",
            filter=Q(partner__stockrecords__product__is_public=True),
            distinct=True,
        )
    ).order_by("name")


def cooperative_list_featured(*, limit: int) -> list[Cooperative]:
    """A few verified cooperatives for the home page, women-led ones first."""
    return list(cooperative_list_public().order_by("-women_led", "-members_count")[:limit])


def cooperative_get_public(*, slug: str) -> Cooperative | None:
    """A verified cooperative with its region, photos and currently valid labels."""
    return (
        Cooperative.objects.public()
        .select_related("region")
        .prefetch_related(
            "photos",
            Prefetch(
                "certifications",
                queryset=Certification.objects.valid().order_by("kind"),
                to_attr="valid_certifications",
            ),
        )
        .filter(slug=slug)
        .first()
    )


def region_list_with_counts() -> list[Region]:
    """The 12 regions, each with its number of verified cooperatives."""
    return list(
        Region.objects.annotate(
            cooperative_count=Count(
                "cooperatives",
                filter=Q(cooperatives__verification_state=Cooperative.VerificationState.VERIFIED),
            )
        ).order_by("code")
    )
