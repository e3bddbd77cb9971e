"""Reads for the editorial pages: campaigns and their progress, articles, events, languages."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum
from django.utils import timezone, translation
from wagtail.models import Page, PageViewRestriction

from cms.models import ArticleIndexPage, ArticlePage, CampaignPage, EventPage
from cooperatives import selectors as cooperative_selectors
from cooperatives.models import OFFERED_CAMPAIGN_OPTION, CooperativeShipment, HubShipment
from marketplace.apps.order.models import Line, LineAttribute, Order
from marketplace.pagecache.fragments import fragment_get_or_set
from marketplace.pagecache.tags import PAGES

PAID_BY_CARD = (
    CooperativeShipment.Status.NEW,
    CooperativeShipment.Status.ACCEPTED,
    CooperativeShipment.Status.SHIPPED,
    CooperativeShipment.Status.DELIVERED,
)


@dataclass(frozen=True)
class CampaignProgress:
    goal_kind: str
    goal: int
    reached: Decimal
    orders: int

    @property
    def percent(self) -> int:
        """Share of the goal reached, 0 to 100 (a campaign may pass its goal: the bar stops)."""
        if not self.goal:
            return 0
        return min(100, int(self.reached * 100 / self.goal))

    @property
    def count(self) -> int:
        return int(self.reached)

    @property
    def is_amount(self) -> bool:
        return self.goal_kind == CampaignPage.GoalKind.AMOUNT


def _local_midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def campaign_progress_count(*, campaign: CampaignPage) -> CampaignProgress:
    """What the campaign's featured products and baskets sold between its dates, and the baskets
    offered through it, in paid orders only:
    card orders once Stripe confirmed the payment, cash orders once the cash was collected
    (the shipment was delivered). Cancelled and refused shipments never count."""

    def paid(shipments, partner_path):
        return shipments.filter(
            order=OuterRef("order_id"), **{partner_path: OuterRef("partner_id")}
        ).filter(
            Q(status=CooperativeShipment.Status.DELIVERED)
            | Q(order__payment_method=Order.PaymentMethod.CARD, status__in=PAID_BY_CARD)
        )

    # A campaign is one page per language: baskets offered on any of them count.
    campaign_ids = [
        str(pk)
        for pk in CampaignPage.objects.filter(translation_key=campaign.translation_key).values_list(
            "pk", flat=True
        )
    ]
    offered_here = LineAttribute.objects.filter(
        line=OuterRef("pk"), option__code=OFFERED_CAMPAIGN_OPTION, value__in=campaign_ids
    )
    lines = Line.objects.filter(
        Q(product_id__in=campaign.featured_product_ids) | Exists(offered_here),
        order__date_placed__gte=_local_midnight(campaign.start_date),
        order__date_placed__lt=_local_midnight(campaign.end_date + datetime.timedelta(days=1)),
    ).filter(
        Exists(paid(CooperativeShipment.objects.filter(hub__isnull=True), "cooperative__partner"))
        | Exists(paid(HubShipment.objects.all(), "hub__partner"))
    )
    totals = lines.aggregate(
        quantity=Sum("quantity"),
        amount=Sum("line_price_incl_tax"),
        orders=Count("order_id", distinct=True),
    )
    if campaign.goal_kind == CampaignPage.GoalKind.AMOUNT:
        reached = totals["amount"] or Decimal("0.00")
    else:
        reached = Decimal(totals["quantity"] or 0)
    return CampaignProgress(
        goal_kind=campaign.goal_kind,
        goal=campaign.goal,
        reached=reached,
        orders=totals["orders"] or 0,
    )


def campaign_accepts_offers(*, campaign: CampaignPage) -> bool:
    """Whether buyers can offer baskets through this campaign now: it says so, names its
    partner organisation, and is running."""
    return bool(
        campaign.accepts_offered_baskets
        and campaign.partner_name.strip()
        and campaign.live
        and campaign.state == "running"
    )


def campaign_list_accepting_offers() -> list[CampaignPage]:
    """Running campaigns, in the visitor's language, through which baskets can be offered."""
    today = timezone.localdate()
    campaigns = _in_current_locale(CampaignPage.objects.all()).filter(
        accepts_offered_baskets=True, start_date__lte=today, end_date__gte=today
    )
    return [campaign for campaign in campaigns.order_by("end_date") if campaign.partner_name]


def progress_cache_key(*, campaign_id: int, revision_id: int | None) -> str:
    return f"cms:campaign-progress:v1:{campaign_id}:{revision_id}"


def campaign_progress(*, campaign: CampaignPage) -> CampaignProgress:
    """The campaign's progress, counted at most every CAMPAIGN_PROGRESS_CACHE_SECONDS; an
    edited campaign (new revision) is counted afresh, and so is every current campaign once an
    order's parcels change (cms.services.campaign_progress_forget)."""
    return cache.get_or_set(
        progress_cache_key(campaign_id=campaign.pk, revision_id=campaign.latest_revision_id),
        lambda: campaign_progress_count(campaign=campaign),
        settings.CAMPAIGN_PROGRESS_CACHE_SECONDS,
    )


def _restricted_paths() -> list[str]:
    """Paths of the pages behind a password or a login (and so of their subtrees), read once per
    language until a page changes: Wagtail's `.public()` reads them again for every list."""
    return fragment_get_or_set(
        name="restricted-paths",
        tags=[PAGES],
        compute=lambda: sorted(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def pages_restricted_exist() -> bool:
    """Whether any page of the site is behind a password or a login."""
    return bool(_restricted_paths())


def pages_public(queryset: QuerySet) -> QuerySet:
    """Live pages anyone may see: Wagtail's `.live().public()`, without its query per list."""
    queryset = queryset.live()
    restricted = Q()
    for path in _restricted_paths():
        restricted |= Q(path__startswith=path)
    return queryset.exclude(restricted) if restricted else queryset


def _in_current_locale(queryset: QuerySet) -> QuerySet:
    """Public pages in the visitor's language (a join, not a query for the locale first)."""
    return pages_public(queryset.filter(locale__language_code=translation.get_language()))


def campaign_featured(*, chosen: CampaignPage | None = None) -> CampaignPage | None:
    """The campaign the home page shows: the editors' choice in the visitor's language if it is
    live, otherwise the running campaign that ends first, otherwise the next one to start."""
    if chosen is not None:
        localized = chosen.localized
        if localized.live:
            return localized.specific
    today = timezone.localdate()
    campaigns = _in_current_locale(CampaignPage.objects.all())
    running = campaigns.filter(start_date__lte=today, end_date__gte=today).order_by("end_date")
    return running.first() or campaigns.filter(start_date__gt=today).order_by("start_date").first()


def campaign_list_by_state(*, index: Page) -> dict[str, list[CampaignPage]]:
    """The index's campaigns: running (ending first), upcoming (starting first), ended (latest
    first)."""
    today = timezone.localdate()
    campaigns = pages_public(CampaignPage.objects.child_of(index))
    return {
        "running": list(
            campaigns.filter(start_date__lte=today, end_date__gte=today).order_by("end_date")
        ),
        "upcoming": list(campaigns.filter(start_date__gt=today).order_by("start_date")),
        "ended": list(campaigns.filter(end_date__lt=today).order_by("-end_date")),
    }


def campaign_cooperatives(*, campaign: CampaignPage) -> list:
    """The campaign's featured cooperatives that visitors may see, in the editors' order."""
    ids = [item.cooperative_id for item in campaign.featured_cooperatives.all()]
    by_id = {
        cooperative.pk: cooperative
        for cooperative in cooperative_selectors.cooperative_product_counts_add(
            cooperative_selectors.cooperative_list_public().filter(pk__in=ids)
        )
    }
    return [by_id[pk] for pk in ids if pk in by_id]


def article_list(*, index: ArticleIndexPage, tag: str = "", kind: str = "") -> QuerySet:
    """The index's articles, newest first, optionally with one tag (by slug) or of one kind."""
    articles = pages_public(ArticlePage.objects.child_of(index))
    if tag:
        articles = articles.filter(tags__slug=tag)
    if kind:
        articles = articles.filter(kind=kind)
    return articles.order_by("-date", "-pk").prefetch_related("tags")


def article_tags(*, index: ArticleIndexPage) -> list:
    """The tags the index's live articles use, by name."""
    from taggit.models import Tag

    articles = pages_public(ArticlePage.objects.child_of(index))
    return list(Tag.objects.filter(cms_articletag_items__content_object__in=articles).distinct())


def article_list_latest(*, limit: int) -> list[ArticlePage]:
    """The newest articles in the visitor's language."""
    articles = _in_current_locale(ArticlePage.objects.all()).select_related("image")
    return list(articles.order_by("-date", "-pk")[:limit])


def event_list_upcoming(*, limit: int) -> list[EventPage]:
    """Coming and current events in the visitor's language, soonest first."""
    today = timezone.localdate()
    events = _in_current_locale(EventPage.objects.all()).filter(end_date__gte=today)
    return list(events.select_related("region").order_by("start_date")[:limit])


def event_list_split(*, index: Page) -> tuple[list[EventPage], list[EventPage]]:
    """The index's events: coming and current ones (soonest first), past ones (latest first)."""
    today = timezone.localdate()
    events = pages_public(EventPage.objects.child_of(index)).select_related("region")
    return (
        list(events.filter(end_date__gte=today).order_by("start_date")),
        list(events.filter(end_date__lt=today).order_by("-end_date")),
    )


def page_language_links(*, page: Page, request) -> list[dict]:
    """For each language: the page's live translation, or that language's home page. Aliases
    (untranslated copies kept in step with the original) are followed but are not hreflang
    alternates, since their text is not in that language."""
    translations = {
        translated.locale.language_code: translated
        for translated in pages_public(page.get_translations(inclusive=True)).select_related(
            "locale"
        )
    }
    current = translation.get_language()
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        is_translation = target is not None and target.alias_of_id is None
        if target is None:
            url = home_url(language_code=code)
        else:
            with translation.override(code):
                url = target.get_url(request=request)
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "current": code == current,
                "alternate": is_translation,
            }
        )
    return links


def home_url(*, language_code: str) -> str:
    from django.urls import reverse

    with translation.override(language_code):
        return reverse("home")
