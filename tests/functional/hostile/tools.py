"""Hostile requests sent with a real CSRF token, so that the view itself answers them."""

from django.conf import settings
from django.utils import translation

HUGE_ID = "99999999999999999999"  # beyond 64 bits: SQLite raises OverflowError on it
NUL = "\x00"  # PostgreSQL refuses it in text
LONG = "a" * 100_000
BAD_NUMBERS = ["1e9", "-1", "NaN", "Infinity", HUGE_ID, NUL, "1.5", "", " ", LONG]


def csrf_token(app, path: str) -> str:
    """The CSRF token of the first form of `path` that carries one (WebTest keeps the cookie)."""
    page = app.get(path)
    for form in page.forms.values():
        if "csrfmiddlewaretoken" in form.fields:
            return form["csrfmiddlewaretoken"].value
    raise AssertionError(f"No form with a CSRF token on {path}")


def post(app, path: str, data, *, token: str, **kwargs):
    """POST `data` with the token; any status comes back (a 5xx still fails: WebTest and
    django_webtest re-raise the view's exception, with its traceback)."""
    if isinstance(data, dict):
        data = {"csrfmiddlewaretoken": token, **data}
    elif isinstance(data, list):
        data = [("csrfmiddlewaretoken", token), *data]
    else:
        kwargs.setdefault("headers", {})["X-CSRFToken"] = token
    response = app.post(path, data, expect_errors=True, **kwargs)
    assert response.status_code < 500, f"{path} answered {response.status_code}"
    return response


def text_in_french(message: str) -> str:
    """`message` as a French visitor reads it (the msgid itself until it is translated)."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(translation.gettext(message))
