"""Catalogue, category and search pages: from Elasticsearch, or from the database without it.

Oscar 4.2 takes these three views from the search app (`get_class("search.views", ...)`); our fork
replaces its haystack views. When the engine is unreachable (or has no index yet) the same pages
list products from the database, with a discreet notice; nothing fails or waits long.
"""

import logging
from urllib.parse import unquote

from django.conf import settings
from django.http import Http404, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from catalogue.models import Category
from catalogue.selectors import product_list_browsable, product_list_cards_prefetch
from marketplace.pagecache import tags
from marketplace.pagecache.cards import ProductsById
from marketplace.pagecache.middleware import page_cache_allow, page_cache_refuse
from search.engine import ENGINE_ERRORS, engine_failed, get_client
from search.facets import facet_groups
from search.forms import BrowseForm
from search.queries import catalogue_search, catalogue_suggest

logger = logging.getLogger(__name__)
MAX_RESULT_WINDOW = 10_000


class EngineResults:
    """A page of engine results that Django's paginator can count and slice."""

    def __init__(self, *, search_kwargs: dict, page_size: int, page_number: int):
        self.search_kwargs = search_kwargs
        self.page_size = page_size
        self.result = self._search(max(page_number - 1, 0) * page_size)

    def _search(self, offset: int):
        self.offset = offset
        # The engine pages through its first 10,000 hits only; deeper pages show the last one.
        offset = min(offset, MAX_RESULT_WINDOW - self.page_size)
        return catalogue_search(**self.search_kwargs, offset=offset, limit=self.page_size)

    def count(self) -> int:
        return self.result.total

    def __len__(self) -> int:
        return self.result.total

    def __getitem__(self, window: slice):
        if window.start != self.offset:
            self.result = self._search(window.start)
        # The cards of most of them are in the cache: only the others are read.
        return ProductsById(ids=list(self.result.ids), highlights=dict(self.result.highlights))


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
        self.engine_results = None
        self.search_fallback = False
        if get_client() is not None:
            try:
                self.engine_results = EngineResults(
                    search_kwargs={
                        "query": self.form.query(),
                        "filters": self.form.filters(),
                        "category_root": self.category.slug if self.category else "",
                        "sort": self.form.sort(),
                        "language": get_language() or settings.LANGUAGE_CODE,
                    },
                    page_size=self.paginate_by,
                    page_number=_page_number(self.request.GET.get("page")),
                )
                return self.engine_results
            except ENGINE_ERRORS as error:
                if not engine_failed(error):
                    raise
                # An unreachable engine or a missing index: sell from the database.
                logger.warning(
                    "Search engine unavailable: listing from the database", exc_info=True
                )
                self.search_fallback = True
        return product_list_browsable(
            category=self.category,
            query=self.form.query(),
            sort=self.form.sort(),
            filters=self.form.filters(),
        )

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get("page"))
        if self.engine_results is None:  # engine results come with their cards' relations
            page.object_list = product_list_cards_prefetch(page.object_list)
        return paginator, page, page.object_list, page.has_other_pages()

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.search_fallback:
            # The engine will be back: a page listed from the database must not outlive it.
            page_cache_refuse(request, "search fallback")
        page_cache_allow(request, tags.LISTINGS)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        context["query"] = self.form.query()
        params = self.request.GET.copy()
        params.pop("page", None)
        context["page_query"] = params.urlencode()
        context["search_fallback"] = self.search_fallback
        context["filter_params"] = self.form.filter_params()
        if self.engine_results is not None:
            context["facet_groups"] = facet_groups(
                facets=self.engine_results.result.facets, params=self.request.GET
            )
        return context


def _page_number(raw) -> int:
    try:
        return max(int(raw), 1)
    except (TypeError, ValueError):
        return 1


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


def suggest(request):
    """Up to eight product titles starting like `q`, as JSON (for the header box's script)."""
    form = BrowseForm(request.GET)
    query = form.query()
    language = get_language() or settings.LANGUAGE_CODE
    suggestions = []
    if query and get_client() is not None:
        try:
            suggestions = [
                {"title": item.title, "url": _in_language(item.url, language)}
                for item in catalogue_suggest(query=query, language=language)
            ]
        except ENGINE_ERRORS as error:
            if not engine_failed(error):
                raise
            # Suggestions are optional: an empty list while the engine is away.
            logger.warning("Search suggestions unavailable", exc_info=True)
    response = JsonResponse({"suggestions": suggestions})
    response["Cache-Control"] = "public, max-age=60"
    return response


def _in_language(path: str, language: str) -> str:
    """Indexed paths are French (no prefix); other languages live under /<code>/."""
    return path if language == settings.LANGUAGE_CODE else f"/{language}{path}"
