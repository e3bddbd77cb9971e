"""Template tags that bring editorial pages into the shop's own templates."""

from django import template
from wagtail.models import Site

register = template.Library()


@register.simple_tag(takes_context=True)
def editorial_menu(context, in_menu: bool = True) -> list:
    """The pages right under the home page of the visitor's language: those editors put in the
    menu, or all of them (for the footer)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return []
    home = site.root_page.localized
    pages = home.get_children().live().public()
    if in_menu:
        pages = pages.in_menu()
    return list(pages.specific())
