"""`/sitemap.xml` and `/robots.txt`: every live page, product and cooperative in each language,
with hreflang alternates, so that search engines find the whole shop."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

from catalogue import selectors as catalogue_selectors
from cooperatives import selectors as cooperative_selectors

URLS_PER_SITEMAP = 50_000
CACHE_SECONDS = 60 * 30


@dataclass
class Entry:
    location: str
    lastmod: object = None
    alternates: list[tuple[str, str]] = field(default_factory=list)


def _absolute(root: str, url: str) -> str:
    return root + url if url.startswith("/") else url


def _languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def _each_language(root: str, path_for, lastmod=None) -> list[Entry]:
    """One entry per language for an object whose address only differs by language prefix."""
    locations = []
    for code in _languages():
        with translation.override(code):
            locations.append((code, root + path_for()))
    return [Entry(location=url, lastmod=lastmod, alternates=locations) for _code, url in locations]


def page_entries(*, root: str, site: Site) -> list[Entry]:
    """Live public pages of every language tree, translations linked to each other; aliases
    (copies not yet translated) are left out as duplicates."""
    homes = site.root_page.get_translations(inclusive=True)
    pages = Page.objects.none()
    for home in homes:
        pages |= Page.objects.descendant_of(home, inclusive=True)
    pages = (
        pages.live()
        .public()
        .filter(alias_of__isnull=True)
        .select_related("locale")
        .order_by("path")
    )
    by_key: dict = defaultdict(list)
    for page in pages:
        by_key[page.translation_key].append(page)
    entries = []
    for group in by_key.values():
        located = []
        for page in group:
            with translation.override(page.locale.language_code):
                url = page.get_url(request=None, current_site=site)
            if url:
                located.append((page, page.locale.language_code, _absolute(root, url)))
        alternates = [(code, url) for _page, code, url in located]
        entries.extend(
            Entry(location=url, lastmod=page.last_published_at, alternates=alternates)
            for page, _code, url in located
        )
    return entries


def product_entries(*, root: str) -> list[Entry]:
    entries = []
    products = (
        catalogue_selectors.product_list_sellable()
        .only("pk", "slug", "date_updated", "structure")
        .distinct()
    )
    for product in products.order_by("pk"):
        entries.extend(_each_language(root, product.get_absolute_url, product.date_updated))
    return entries


def cooperative_entries(*, root: str) -> list[Entry]:
    entries = []
    for cooperative in cooperative_selectors.cooperative_list_public().order_by("pk"):
        entries.extend(_each_language(root, cooperative.get_absolute_url))
    return entries


def sitemap_entries(*, request) -> list[Entry]:
    site = Site.find_for_request(request)
    root = f"{request.scheme}://{request.get_host()}"
    entries = page_entries(root=root, site=site) if site else []
    return entries + cooperative_entries(root=root) + product_entries(root=root)


@require_GET
@cache_page(CACHE_SECONDS)
def sitemap(request):
    """The sitemap, 50,000 addresses a page (`?p=2` for the next ones)."""
    paginator = Paginator(sitemap_entries(request=request), URLS_PER_SITEMAP)
    try:
        page = paginator.page(request.GET.get("p") or 1)
    except (PageNotAnInteger, EmptyPage) as error:
        raise Http404("No such sitemap page.") from error
    return render(
        request,
        "cms/sitemap.xml",
        {"entries": page.object_list},
        content_type="application/xml; charset=utf-8",
    )


@require_GET
def robots_txt(request):
    """Crawlers may read the shop; they are kept out of accounts, checkout and back offices."""
    root = f"{request.scheme}://{request.get_host()}"
    disallowed = ["/basket/", "/checkout/", "/accounts/", "/dashboard/", "/my-cooperative/"]
    disallowed += ["/cms/", "/django-admin/", "/search/"]
    for code in _languages()[1:]:
        disallowed += [f"/{code}/basket/", f"/{code}/checkout/", f"/{code}/accounts/"]
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in disallowed)]
    lines.append(f"Sitemap: {root}/sitemap.xml")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
