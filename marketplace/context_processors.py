"""Template context shared by every page."""

from django.conf import settings
from django.core.cache import cache
from django.urls import translate_url
from django.utils.translation import get_language, get_language_bidi


def languages(request):
    """The page's text direction and links to the same page in each language."""
    current = get_language()
    path = request.get_full_path()
    return {
        "text_direction": "rtl" if get_language_bidi() else "ltr",
        "language_links": [
            {
                "code": code,
                "name": name,
                "url": translate_url(path, code),
                "current": code == current,
                "alternate": True,
            }
            for code, name in settings.LANGUAGES
        ],
    }


def dashboard_link(request):
    """Whether the header links to Oscar's dashboard: staff, and cooperative staff given dashboard
    access. Only a link (the dashboard checks permissions itself), so the answer for a
    cooperative's staff is kept five minutes instead of reading their permissions on every page."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"show_dashboard_link": False}
    if user.is_staff:
        return {"show_dashboard_link": True}
    shown = cache.get_or_set(
        f"nav:dashboard-link:{user.pk}",
        lambda: user.has_perm("partner.dashboard_access"),
        timeout=300,
    )
    return {"show_dashboard_link": shown}
