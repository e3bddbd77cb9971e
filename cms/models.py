"""Wagtail page types."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from catalogue import selectors as catalogue_selectors
from cooperatives import selectors as cooperative_selectors


class HomePage(Page):
    """The marketplace's home: a welcome, the categories, featured cooperatives and products."""

    hero_title = models.CharField(_("hero title"), max_length=200, blank=True)
    hero_text = models.TextField(_("hero text"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("hero_title"), FieldPanel("hero_text")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["categories"] = catalogue_selectors.category_list_top_level()
        context["featured_cooperatives"] = cooperative_selectors.cooperative_list_featured(limit=6)
        context["featured_products"] = catalogue_selectors.product_list_featured(limit=8)
        context["regions"] = cooperative_selectors.region_list_with_counts()
        return context
