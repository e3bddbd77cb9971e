"""Public pages of the cooperatives: the directory and each cooperative's storefront."""

from django.conf import settings
from django.http import Http404
from django.views.generic import ListView, TemplateView

from catalogue.selectors import product_list_browsable, product_list_cards_prefetch
from cooperatives import selectors
from cooperatives.forms import DirectoryFilterForm
from marketplace.pagecache import tags
from marketplace.pagecache.middleware import page_cache_allow


class DirectoryView(ListView):
    """All verified cooperatives, filterable by region, sector and women-led."""

    template_name = "cooperatives/directory.html"
    context_object_name = "cooperatives"
    paginate_by = 48

    def get_queryset(self):
        self.form = DirectoryFilterForm(self.request.GET or None)
        if self.form.is_bound and self.form.is_valid():
            data = self.form.cleaned_data
            return selectors.cooperative_list_public(
                region=data["region"], sector=data["sector"], women_led=data["women_led"]
            )
        return selectors.cooperative_list_public()

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get("page"))
        page.object_list = selectors.cooperative_product_counts_add(page.object_list)
        return paginator, page, page.object_list, page.has_other_pages()

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        page_cache_allow(request, tags.COOPERATIVES)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        context["filters_invalid"] = self.form.is_bound and not self.form.is_valid()
        params = self.request.GET.copy()
        params.pop("page", None)
        context["page_query"] = params.urlencode()
        return context


class StorefrontView(TemplateView):
    """A cooperative's storefront: story, photos, badges, valid labels and its products."""

    template_name = "cooperatives/storefront.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cooperative = selectors.cooperative_get_public(slug=self.kwargs["slug"])
        if cooperative is None:
            raise Http404
        page_cache_allow(self.request, tags.partner_tag(cooperative.partner_id))
        products = product_list_browsable(cooperative=cooperative)
        paginator = self._paginator(products)
        page = paginator.get_page(self.request.GET.get("page"))
        page.object_list = product_list_cards_prefetch(page.object_list)
        context.update(cooperative=cooperative, page_obj=page)
        context["products"] = context["page_obj"].object_list
        context["paginator"] = paginator
        return context

    @staticmethod
    def _paginator(products):
        from django.core.paginator import Paginator

        return Paginator(products, settings.OSCAR_PRODUCTS_PER_PAGE)
