"""Catalogue, category and search pages, served from the database.

Oscar 4.2 takes these three views from the search app (`get_class("search.views", ...)`); our fork
replaces its haystack views with database listings. The Elasticsearch issue puts an engine in front
and keeps these queries as the fallback.
"""

from urllib.parse import unquote

from django.conf import settings
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from catalogue.models import Category
from catalogue.selectors import product_list_browsable
from search.forms import BrowseForm


class ProductListView(ListView):
    """A paginated list of products; a page number out of range shows the nearest page."""

    context_object_name = "products"
    paginate_by = settings.OSCAR_PRODUCTS_PER_PAGE
    category: Category | None = None

    def get_form(self) -> BrowseForm:
        return BrowseForm(self.request.GET)

    def get_queryset(self):
        self.form = self.get_form()
        self.form.is_valid()
        return product_list_browsable(
            category=self.category, query=self.form.query(), sort=self.form.sort()
        )

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get("page"))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        context["query"] = self.form.query()
        params = self.request.GET.copy()
        params.pop("page", None)
        context["page_query"] = params.urlencode()
        return context


class CatalogueView(ProductListView):
    """Browse every product."""

    template_name = "oscar/catalogue/browse.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["summary"] = _("All products")
        return context


class ProductCategoryView(ProductListView):
    """Browse the products of a category and its sub-categories."""

    template_name = "oscar/catalogue/category.html"

    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category, pk=self.kwargs["pk"])
        if not (self.category.is_public or request.user.is_staff):
            raise Http404
        # Categories are found by primary key so that renamed slugs redirect to the current URL.
        expected = self.category.get_absolute_url()
        if unquote(expected) != unquote(request.path):
            return HttpResponsePermanentRedirect(expected)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["category"] = self.category
        context["summary"] = self.category.name
        return context


class FacetedSearchView(ProductListView):
    """Search products by words in their title, category or cooperative."""

    template_name = "oscar/search/results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["summary"] = _("Search")
        return context
