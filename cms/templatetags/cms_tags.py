"""Template tags that bring editorial pages and the catalogue's categories into every page's menus.

Both menus are on every page: they are read once per language and kept in the cache until a page
is published or a category changes (`marketplace.pagecache.fragments`).
"""

from django import template
from wagtail.models import Site

from catalogue.models import Category
from marketplace.pagecache import tags as page_tags
from marketplace.pagecache.fragments import fragment_get_or_set

register = template.Library()


@register.simple_tag(takes_context=True)
def editorial_menu(context, in_menu: bool = True) -> list[dict]:
    """The pages right under the home page of the visitor's language, as `title` and `url`:
    those editors put in the menu, or all of them (for the footer)."""
    request = context.get("request")
    if request is None:
        return []

    def compute() -> list[dict]:
        site = Site.find_for_request(request)
        if site is None:
            return []
        pages = site.root_page.localized.get_children().live().public()
        if in_menu:
            pages = pages.in_menu()
        return [{"title": page.title, "url": page.get_url(request)} for page in pages.specific()]

    return fragment_get_or_set(
        name=f"editorial-menu:{request.get_host()}:{int(in_menu)}",
        tags=[page_tags.PAGES],
        compute=compute,
        request=request,
    )


@register.simple_tag(takes_context=True)
def category_menu(context, depth: int = 1) -> list[dict]:
    """The categories of the menus down to `depth`, in tree order, as `pk`, `name`, `url` and
    `depth`."""
    request = context.get("request")

    def compute() -> list[dict]:
        categories = Category.objects.for_menu().filter(depth__lte=depth).order_by("path")
        return [
            {
                "pk": category.pk,
                "name": category.name,
                "url": category.get_absolute_url(),
                "depth": category.depth,
            }
            for category in categories
        ]

    return fragment_get_or_set(
        name=f"category-menu:{depth}",
        tags=[page_tags.CATEGORIES],
        compute=compute,
        request=request,
    )
