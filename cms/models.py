"""Wagtail page types: the home page, standard pages, news and testimonies, campaigns and events.

Every page exists in French, Arabic and English (Wagtail's i18n, one tree per language); the shop's
own pages (catalogue, basket, checkout ...) are Oscar's, so a page directly under a home page must
not take one of their URL prefixes.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageViewRestriction
from wagtail.search import index

from catalogue import selectors as catalogue_selectors
from cms.blocks import BodyBlock
from cooperatives import selectors as cooperative_selectors
from marketplace.pagecache import tags as page_tags
from marketplace.pagecache.cards import ProductsById
from marketplace.pagecache.fragments import fragment_get_or_set
from marketplace.pagecache.middleware import page_cache_allow

# URL prefixes served by the shop and the project itself: Wagtail comes last in the URLs, so a page
# with one of these slugs under a home page would never be reached.
RESERVED_SLUGS = frozenset(
    {
        "accounts",
        "basket",
        "catalogue",
        "checkout",
        "cms",
        "cooperatives",
        "dashboard",
        "django-admin",
        "documents",
        "health",
        "i18n",
        "media",
        "my-cooperative",
        "offers",
        "payments",
        "robots.txt",
        "search",
        "sitemap.xml",
        "static",
        "wishlists",
    }
)
ARTICLES_PER_PAGE = 10
META_DESCRIPTION_LENGTH = 160


def paginate(request, items, per_page: int):
    """The requested page of `items`; a page number that is not a page is a 404, not a 500."""
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except (PageNotAnInteger, EmptyPage) as error:
        raise Http404(_("There is no such page.")) from error


class SoukPageForm(WagtailAdminPageForm):
    """Refuses slugs that the shop already answers for."""

    def clean(self):
        cleaned_data = super().clean()
        slug = cleaned_data.get("slug")
        parent = getattr(self, "parent_page", None)
        if slug and parent is not None and isinstance(parent.specific, HomePage):
            if slug.lower() in RESERVED_SLUGS:
                self.add_error(
                    "slug",
                    _("“%(slug)s” is an address of the shop: choose another slug.")
                    % {"slug": slug},
                )
        return cleaned_data


class SoukPage(Page):
    """What every page of ours has: a picture for social networks and a meta description."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image for social networks"),
        help_text=_("Shown when the page is shared; the page's main image is used otherwise."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    promote_panels = [*Page.promote_panels, FieldPanel("social_image")]
    base_form_class = SoukPageForm

    class Meta:
        abstract = True

    @property
    def main_image(self):
        return None

    @property
    def share_image(self):
        return self.social_image or self.main_image

    @property
    def summary(self) -> str:
        return getattr(self, "intro", "") or ""

    @property
    def meta_description(self) -> str:
        text = self.search_description or self.summary
        return Truncator(" ".join(text.split())).chars(META_DESCRIPTION_LENGTH)

    def language_links(self, request) -> list[dict]:
        """This page in each language: its translation where there is one (only real
        translations are hreflang alternates), otherwise that language's home page."""
        from cms import selectors

        return selectors.page_language_links(page=self, request=request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["language_links"] = self.language_links(request)
        return context

    def get_view_restrictions(self):
        """Wagtail's, read once per page object (its serving hook and `serve` both ask), and not
        at all while no page of the site has a restriction."""
        from cms.selectors import pages_restricted_exist

        restrictions = self.__dict__.get("_view_restrictions")
        if restrictions is None:
            if pages_restricted_exist():
                restrictions = super().get_view_restrictions()
                restrictions._fetch_all()
            else:
                restrictions = PageViewRestriction.objects.none()
            self.__dict__["_view_restrictions"] = restrictions
        return restrictions

    def serve(self, request, *args, **kwargs):
        """The page, which anonymous visitors get from the page cache until a page is published
        (or the products and cooperatives it shows change); never a page behind a password or
        a login, nor a preview."""
        response = super().serve(request, *args, **kwargs)
        if not getattr(request, "is_preview", False) and not self.get_view_restrictions():
            page_cache_allow(request, page_tags.LISTINGS, page_tags.COOPERATIVES)
        return response


class HomePage(SoukPage):
    """The marketplace's home: a welcome, the featured campaign, the categories, featured
    cooperatives and products, news and coming fairs."""

    hero_title = models.CharField(_("hero title"), max_length=200, blank=True)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    featured_campaign = models.ForeignKey(
        "cms.CampaignPage",
        verbose_name=_("featured campaign"),
        help_text=_("Leave empty to feature the running campaign that ends first."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("editorial blocks"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image")],
            heading=_("Welcome"),
        ),
        FieldPanel("featured_campaign"),
        FieldPanel("body"),
    ]

    # One home page per language.
    max_count = len(settings.LANGUAGES)
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.StandardPage",
        "cms.ArticleIndexPage",
        "cms.CampaignIndexPage",
        "cms.EventIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")

    @property
    def main_image(self):
        return self.hero_image

    @property
    def summary(self) -> str:
        return self.hero_text

    def get_context(self, request, *args, **kwargs):
        from cms import selectors

        context = super().get_context(request, *args, **kwargs)
        campaign = selectors.campaign_featured(chosen=self.featured_campaign)
        context["campaign"] = campaign
        context["campaign_progress"] = (
            selectors.campaign_progress(campaign=campaign) if campaign else None
        )
        context["articles"] = selectors.article_list_latest(limit=3)
        context["events"] = selectors.event_list_upcoming(limit=3)
        # Lists that change rarely are kept until their tags move (pages rendered for logged-in
        # visitors need not count the cooperatives of every region each time).
        context["categories"] = fragment_get_or_set(
            name="home-categories",
            tags=[page_tags.CATEGORIES],
            compute=catalogue_selectors.category_list_top_level,
        )
        context["featured_cooperatives"] = fragment_get_or_set(
            name="home-cooperatives",
            tags=[page_tags.COOPERATIVES],
            compute=lambda: cooperative_selectors.cooperative_list_featured(limit=6),
        )
        context["regions"] = fragment_get_or_set(
            name="home-regions",
            tags=[page_tags.COOPERATIVES],
            compute=cooperative_selectors.region_list_with_counts,
        )
        # Their cards come from the cache: products are read only for missing cards.
        context["featured_products"] = ProductsById(
            ids=catalogue_selectors.product_ids_featured(limit=8)
        )
        return context


class StandardPage(SoukPage):
    """A page of text and blocks: who we are, how delivery works, the terms of sale."""

    intro = models.TextField(_("introduction"), blank=True, max_length=500)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class ArticleIndexPage(SoukPage):
    """The list of news and testimonies, newest first, filtered by tag or kind."""

    intro = models.TextField(_("introduction"), blank=True, max_length=500)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ArticlePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        from cms import selectors

        context = super().get_context(request, *args, **kwargs)
        tag = request.GET.get("tag", "")[:100]
        kind = request.GET.get("kind", "")
        if kind not in ArticlePage.Kind.values:
            kind = ""
        articles = selectors.article_list(index=self, tag=tag, kind=kind)
        page_obj = paginate(request, articles, ARTICLES_PER_PAGE)
        context.update(
            page_obj=page_obj,
            paginator=page_obj.paginator,
            articles=page_obj.object_list,
            tag=tag,
            kind=kind,
            kinds=ArticlePage.Kind.choices,
            tags=selectors.article_tags(index=self),
            page_query="&".join(
                part
                for part in (f"tag={tag}" if tag else "", f"kind={kind}" if kind else "")
                if part
            ),
        )
        return context


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "cms.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePage(SoukPage):
    """A news item or a testimony, dated and tagged."""

    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        TESTIMONY = "testimony", _("Testimony")

    date = models.DateField(_("date"), default=timezone.localdate)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.NEWS)
    intro = models.TextField(_("introduction"), max_length=500)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(verbose_name=_("tags"), through=ArticleTag, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("kind")]),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["cms.ArticleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    @property
    def main_image(self):
        return self.image


class Dated(models.Model):
    """Start and end dates (inclusive), in Morocco's time."""

    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})

    @property
    def state(self) -> str:
        today = timezone.localdate()
        if today < self.start_date:
            return "upcoming"
        if today > self.end_date:
            return "ended"
        return "running"


class CampaignIndexPage(SoukPage):
    """The campaigns: running ones first, then the coming ones, then those that ended."""

    intro = models.TextField(_("introduction"), blank=True, max_length=500)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.CampaignPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("campaign index")

    def get_context(self, request, *args, **kwargs):
        from cms import selectors

        context = super().get_context(request, *args, **kwargs)
        context["campaigns_by_state"] = selectors.campaign_list_by_state(index=self)
        return context


class CampaignPage(Dated, SoukPage):  # noqa: DJ008 - Page gives __str__ (the title)
    """A "consommer solidaire" campaign: dates, a goal in baskets or in dirhams, its progress
    counted from paid orders of its featured products, and a call to action."""

    class GoalKind(models.TextChoices):
        BASKETS = "baskets", _("Baskets or products sold")
        AMOUNT = "amount", _("Amount in MAD")

    intro = models.TextField(_("introduction"), max_length=500)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    goal_kind = models.CharField(
        _("goal in"), max_length=10, choices=GoalKind.choices, default=GoalKind.BASKETS
    )
    goal = models.PositiveIntegerField(
        _("goal"), help_text=_("A number of baskets or products, or an amount in MAD.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    cta_label = models.CharField(_("button label"), max_length=60, blank=True)
    cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("button leads to a page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cta_url = models.URLField(_("or to an address"), blank=True)
    accepts_offered_baskets = models.BooleanField(
        _("buyers can offer baskets"),
        default=False,
        help_text=_(
            "While the campaign runs, buyers can offer solidarity baskets: the hub sends them to "
            "the partner organisation below, which hands them to families."
        ),
    )
    partner_name = models.CharField(_("partner organisation"), max_length=200, blank=True)
    partner_description = models.TextField(
        _("about the partner"),
        max_length=500,
        blank=True,
        help_text=_("Who they are and how they reach families. Never name a family."),
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Dates")),
        FieldRowPanel([FieldPanel("goal_kind"), FieldPanel("goal")], heading=_("Goal")),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("accepts_offered_baskets"),
                FieldPanel("partner_name"),
                FieldPanel("partner_description"),
            ],
            heading=_("Offered baskets"),
        ),
        InlinePanel("featured_products", heading=_("Featured products"), label=_("Product")),
        InlinePanel(
            "featured_cooperatives", heading=_("Featured cooperatives"), label=_("Cooperative")
        ),
        MultiFieldPanel(
            [FieldPanel("cta_label"), FieldPanel("cta_page"), FieldPanel("cta_url")],
            heading=_("Call to action"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["cms.CampaignIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def clean(self):
        super().clean()
        if self.cta_page_id and self.cta_url:
            raise ValidationError({"cta_url": _("Choose a page or type an address, not both.")})
        if self.goal == 0:
            raise ValidationError({"goal": _("The goal must be more than zero.")})
        if self.accepts_offered_baskets and not self.partner_name.strip():
            raise ValidationError(
                {"partner_name": _("Name the organisation that receives the offered baskets.")}
            )

    @property
    def main_image(self):
        return self.image

    @cached_property
    def featured_product_ids(self) -> list[int]:
        return [item.product_id for item in self.featured_products.all()]

    @property
    def cta_link(self) -> str:
        if self.cta_page_id:
            return self.cta_page.localized.url
        return self.cta_url or "#campaign-products"

    def get_context(self, request, *args, **kwargs):
        from cms import selectors

        context = super().get_context(request, *args, **kwargs)
        context["progress"] = selectors.campaign_progress(campaign=self)
        # What the editors featured changes only when a page is published.
        featured_ids = fragment_get_or_set(
            name=f"campaign-products:{self.pk}",
            tags=[page_tags.PAGES],
            compute=lambda: self.featured_product_ids,
        )
        context["products"] = ProductsById(ids=featured_ids, sellable_only=True)
        context["cooperatives"] = fragment_get_or_set(
            name=f"campaign-cooperatives:{self.pk}",
            tags=[page_tags.PAGES, page_tags.COOPERATIVES],
            compute=lambda: selectors.campaign_cooperatives(campaign=self),
        )
        context["accepts_offers"] = selectors.campaign_accepts_offers(campaign=self)
        return context


class CampaignProduct(Orderable):
    """A product or solidarity basket a campaign features; its paid sales count towards the
    campaign's goal."""

    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="featured_products")
    product = models.ForeignKey(
        "catalogue.Product", verbose_name=_("product"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("product")]

    def __str__(self):
        return str(self.product)


class CampaignCooperative(Orderable):
    """A cooperative a campaign features."""

    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="featured_cooperatives")
    cooperative = models.ForeignKey(
        "cooperatives.Cooperative",
        verbose_name=_("cooperative"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("cooperative")]

    def __str__(self):
        return str(self.cooperative)


class EventIndexPage(SoukPage):
    """Fairs and events: coming ones first, past ones after."""

    intro = models.TextField(_("introduction"), blank=True, max_length=500)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index")

    def get_context(self, request, *args, **kwargs):
        from cms import selectors

        context = super().get_context(request, *args, **kwargs)
        context["upcoming"], context["past"] = selectors.event_list_split(index=self)
        return context


class EventPage(Dated, SoukPage):  # noqa: DJ008 - Page gives __str__ (the title)
    """A regional fair or an event where cooperatives sell: dates, place and region."""

    place = models.CharField(_("place"), max_length=200)
    region = models.ForeignKey(
        "cooperatives.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    intro = models.TextField(_("introduction"), max_length=500)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Dates")),
        FieldRowPanel([FieldPanel("place"), FieldPanel("region")], heading=_("Where")),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("place")]

    parent_page_types = ["cms.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    @property
    def main_image(self):
        return self.image
