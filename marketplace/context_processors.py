"""Template context shared by every page."""

from django.conf import settings
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
