"""Every URL pattern we serve, walked with hostile values, answers below 500.

The patterns come from the URLconf itself (`get_resolver()`), so a URL added tomorrow is
walked too. Each placeholder (`<int:pk>`, `<str:key>`, a regex group) is filled with values a
hostile visitor sends: integers beyond 64 bits, zero, a NUL byte, a long slug, invalid UTF-8.
Each path is fetched with a hostile query string and posted a hostile form (with a real CSRF
token), as an anonymous visitor, a logged-in customer with a basket line and a cooperative's
staff member; the dashboard's patterns are walked by an operator. Editorial pages (Wagtail's
catch-all) are walked from the live pages in the database.
"""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from wagtail.models import Page

from catalogue.models import Product
from cooperatives.models import Cooperative
from tests.factories import UserFactory
from tests.functional.hostile.tools import HUGE_ID, LONG

pytestmark = pytest.mark.django_db

STAFF_ONLY = ("cms/", "django-admin/", "dashboard/")
NUMBERS = [HUGE_ID, "2147483648"]
TEXTS = ["%00", "%ff%fe", "a" * 300]
HOSTILE_QUERY = (
    "page=-1&p=abc&q=%00&sort_by=zzz&region=%00&category=%00&price=abc&tag=%00&kind=%00"
    "&status=%00&next=https://evil.example/&order_number=%00&date_from=2026-02-30"
)
BAD_UTF8_QUERY = "%ff%fe=%ff&page=%ff&q=%C0%AF"
HOSTILE_FORM = {
    "quantity": "1e9",
    "form-TOTAL_FORMS": "2001",
    "email": "\x00",
    "username": "\x00",
    "password": LONG,
    "q": "\x00",
    "action": "\x00",
    "address_id": "abc",
    "code": "\x00",
    "language": "\x00",
    "next": "https://evil.example/",
    "amount": "NaN",
    "reason": LONG,
}


def _walk(resolver, prefix=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry, prefix + _literal(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + _literal(entry.pattern), entry.name or ""


def _literal(pattern) -> str:
    """A pattern as a template: route placeholders kept as `<conv:name>`, regex groups as
    `{group}`, anchors and escapes dropped."""
    if isinstance(pattern, LocalePrefixPattern):
        return pattern.language_prefix
    if isinstance(pattern, RoutePattern):
        return str(pattern._route)
    assert isinstance(pattern, RegexPattern), pattern
    return _regex_template(pattern._regex)


def _regex_template(regex: str) -> str:
    out, depth = [], 0
    for char in regex.strip("^$"):
        if char == "(":
            if depth == 0:
                out.append("{group}")
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0:
            out.append(char)
    text = "".join(out)
    text = re.sub(r"\\(.)", r"\1", text)  # \. → .
    return text.replace("?", "").replace("*", "").replace("+", "")


ROUTE_PLACEHOLDER = re.compile(r"<(?:(?P<conv>[^>:]+):)?(?P<name>[^>]+)>")


def _concrete(template: str) -> list[str]:
    """Paths from a template, each placeholder filled with one hostile value at a time."""
    kinds = [m.group("conv") or "str" for m in ROUTE_PLACEHOLDER.finditer(template)]
    kinds += ["group"] * template.count("{group}")
    if not kinds:
        return ["/" + template]
    values = [*NUMBERS, *TEXTS]
    paths = []
    for value in values:
        path = ROUTE_PLACEHOLDER.sub(lambda _match, v=value: v, template)
        paths.append("/" + path.replace("{group}", value))
    return paths


def _templates(staff_only: bool) -> list[tuple[str, str]]:
    found = []
    for template, name in _walk(get_resolver()):
        if "{group}" in template and template.strip("{group}/") == "":
            continue  # Wagtail's catch-all: walked from the live pages below
        if template.startswith(STAFF_ONLY) == staff_only:
            found.append((template, name))
    return sorted(set(found))


PUBLIC = _templates(staff_only=False)
STAFF = [(t, n) for t, n in _templates(staff_only=True) if t.startswith("dashboard/")]


def _token(client) -> str:
    # The home page, which every visitor, logged in or not, is shown, sets the CSRF cookie
    # (the login and password-reset pages turn away those already logged in).
    client.get("/")
    return client.cookies["csrftoken"].value


def _assert_no_5xx(client, paths):
    token = _token(client)
    for path in paths:
        # Invalid UTF-8 first: where a name repeats, a view reads the last value.
        query = f"{BAD_UTF8_QUERY}&{HOSTILE_QUERY}"
        response = client.get(f"{path}?{query}")
        assert response.status_code < 500, f"GET {path}?{query} → {response.status_code}"
        response = client.post(path, {"csrfmiddlewaretoken": token, **HOSTILE_FORM})
        assert response.status_code < 500, f"POST {path} → {response.status_code}"


@pytest.fixture
def visitor():
    # Exceptions would be re-raised with their traceback; a 5xx without one still fails.
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def customer(visitor, market):
    user = UserFactory()
    visitor.force_login(user)
    token = _token(visitor)
    visitor.post(f"/basket/add/{market.oil.pk}/", {"csrfmiddlewaretoken": token, "quantity": "1"})
    return visitor


@pytest.fixture
def cooperative_staff(visitor, market):
    visitor.force_login(market.argan_staff)
    return visitor


# Every public URL is walked by a visitor; a customer with a basket line walks those whose
# answer depends on who asks, a cooperative's staff member their space (what else they see is
# what a customer sees). Three walkers on every URL took minutes for nothing new.
CUSTOMER_PREFIXES = ("accounts/", "basket/", "checkout/", "paniers-solidaires/", "wishlists/")
WALKS = [(t, n, "visitor") for t, n in PUBLIC]
WALKS += [(t, n, "customer") for t, n in PUBLIC if t.startswith(CUSTOMER_PREFIXES)]
WALKS += [(t, n, "cooperative_staff") for t, n in PUBLIC if t.startswith("my-cooperative/")]


@pytest.mark.parametrize(("template", "name", "who"), WALKS, ids=[f"{w}-{t}" for t, _, w in WALKS])
def test_every_public_url_answers_hostile_values_below_500(request, template, name, who):
    client = request.getfixturevalue(who)

    _assert_no_5xx(client, _concrete(template))


@pytest.mark.parametrize(("template", "name"), STAFF, ids=[t for t, _ in STAFF])
def test_every_dashboard_url_answers_an_operator_below_500(visitor, template, name):
    visitor.force_login(UserFactory(is_staff=True, is_superuser=True))

    _assert_no_5xx(visitor, _concrete(template))


def test_every_editorial_page_answers_hostile_values_below_500(visitor):
    paths = [page.url for page in Page.objects.live().specific() if page.url]
    assert len(paths) > 10
    paths += [f"{paths[-1]}{value}/" for value in TEXTS]

    _assert_no_5xx(visitor, paths)


def test_the_walk_covers_the_shops_urls():
    """The walk finds the URLs it is meant to cover (a broken walk would pass anything)."""
    templates = {template for template, _ in PUBLIC + STAFF}
    assert "basket/" in templates
    assert "basket/add/<int:pk>/" in templates
    assert "my-cooperative/products/<row_id:pk>/" in templates
    assert "accounts/orders/<str:order_number>/<int:line_id>/" in templates
    assert not any(t.startswith("accounts/wishlists/") for t in templates)  # hidden
    assert "catalogue/{group}_{group}/" in templates
    assert "dashboard/orders/<order_number:number>/refund/" in templates
    assert len(PUBLIC) > 70


def test_a_product_and_a_storefront_are_walked_too(visitor, market):
    cooperative = Cooperative.objects.public().order_by("pk").first()
    product = Product.objects.filter(stockrecords__partner__cooperative=cooperative).first()

    _assert_no_5xx(visitor, [product.get_absolute_url(), cooperative.get_absolute_url()])
