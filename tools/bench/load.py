"""Mixed traffic against a running shop: browsing, searching, logging in, baskets, cash-on-delivery
orders (as guests and as customers) and cooperatives accepting their new shipments.

N simulated users, each a thread, run journeys for T seconds against a base URL, through the
shop's own pages and forms (cookies, CSRF tokens and redirects as a browser handles them; gzip
accepted as phones send it). Every answer is counted by status; an answer of 500 or more, or a
connection that fails, is an error. The orders placed are the numbers their thank-you pages
showed, so that the caller can check the database holds exactly those (`tools.bench.checks`).

Only the standard library: it runs against any address, from the benchmark, the tests, or
`python -m tools.bench.load --base-url http://127.0.0.1:8000 --users 8 --seconds 20`.
"""

import argparse
import gzip
import http.client
import json
import random
import re
import statistics
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http.cookies import CookieError, SimpleCookie
from urllib.parse import quote, urlencode, urlsplit

DEMO_PASSWORD = "souk-demo-2026"  # noqa: S105 - the demo accounts' published password
DEMO_CUSTOMER = "client@souk-tadamoun.ma"
STAFF_DOMAIN = "coop.souk-tadamoun.ma"
SEARCH_WORDS = ["argan", "huile", "miel", "safran", "dattes", "tapis", "amlou", "savon", "زيت"]
PHONE = "0661234567"

PRODUCT_LINK = re.compile(r'href="(/catalogue/[\w-]+_(\d+)/)"')
CATEGORY_LINK = re.compile(r'href="(/catalogue/category/[\w/-]+_\d+/)"')
STOREFRONT_LINK = re.compile(r'href="(/cooperatives/[\w-]+/)"')
SHIPMENT_LINK = re.compile(r'href="/my-cooperative/shipments/(\d+)/"')
ORDER_LINK = re.compile(r'href="/accounts/(?:orders|order-status)/([\w-]+)/')
REGION_OPTION = re.compile(r'<option value="(\d+)"')
REGION_SELECT = re.compile(r'<select name="region".*?</select>', re.S)
RADIO = re.compile(r'<input[^>]*type="radio"[^>]*>')
ATTRIBUTE = re.compile(r'(name|value)="([^"]*)"')
TAG = re.compile(r"<[^>]*>")


class JourneyFailed(Exception):
    """A step did not answer as a browser expects (a form refused, a page missing ...)."""


class ConnectionFailed(Exception):
    """The server could not be reached, or closed the connection without an answer."""


@dataclass
class Answer:
    status: int
    location: str
    body: str
    path: str


@dataclass
class Stats:
    """Counts shared by every simulated user (under one lock)."""

    statuses: Counter = field(default_factory=Counter)
    errors: list[dict] = field(default_factory=list)  # every 5xx and connection error
    latencies_ms: list[float] = field(default_factory=list)
    journeys: Counter = field(default_factory=Counter)  # completed, by kind
    failures: Counter = field(default_factory=Counter)  # journeys that stopped, by reason
    orders: list[str] = field(default_factory=list)  # numbers shown by the thank-you pages
    orders_by_kind: Counter = field(default_factory=Counter)
    accepted: int = 0  # shipments a cooperative accepted
    generator_errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(self, method: str, path: str, status: int, elapsed_ms: float, body: str) -> None:
        with self.lock:
            self.statuses[status] += 1
            self.latencies_ms.append(elapsed_ms)
            if status >= 500:
                # The page's text without its markup: the traceback is in the server's log.
                text = " ".join(TAG.sub(" ", body).split())[:300]
                self.errors.append({"request": f"{method} {path}", "status": status, "body": text})

    def connection_error(self, method: str, path: str, error: BaseException) -> None:
        with self.lock:
            self.statuses["connection error"] += 1
            self.errors.append(
                {"request": f"{method} {path}", "status": "connection error", "body": repr(error)}
            )


@dataclass(frozen=True)
class LoadResult:
    users: int
    seconds: float
    requests: int
    statuses: dict
    errors: list[dict]
    journeys: dict
    failures: Counter
    orders: list[str]
    orders_by_kind: dict
    accepted: int
    generator_errors: list[str]
    p50_ms: float
    p95_ms: float

    @property
    def error_count(self) -> int:
        return len(self.errors)

    def summary(self) -> str:
        statuses = ", ".join(f"{status}: {count}" for status, count in sorted(
            self.statuses.items(), key=lambda item: str(item[0])
        ))  # fmt: skip
        journeys = ", ".join(f"{kind} {count}" for kind, count in sorted(self.journeys.items()))
        lines = [
            f"{self.users} users for {self.seconds:.0f} s: {self.requests} requests "
            f"({self.requests / self.seconds:.1f}/s), p50 {self.p50_ms:.0f} ms, "
            f"p95 {self.p95_ms:.0f} ms; statuses {statuses}",
            f"journeys completed: {journeys}; orders placed {len(self.orders)} "
            f"({', '.join(f'{k} {v}' for k, v in sorted(self.orders_by_kind.items()))}); "
            f"shipments accepted {self.accepted}; errors {self.error_count}",
        ]
        if self.failures:
            lines.append(
                "journeys stopped (not errors): "
                + "; ".join(f"{reason} ×{count}" for reason, count in self.failures.most_common(8))
            )
        for error in self.generator_errors[:5]:
            lines.append(f"GENERATOR DEFECT in {error}")
        for error in self.errors[:10]:
            lines.append(f"ERROR {error['status']} on {error['request']}: {error['body'][:300]}")
        return "\n".join(lines)


class Browser:
    """One visitor: its cookies, and requests through http.client (a new connection each time,
    as gunicorn's sync workers close them). Redirects are followed by hand, so that each answer
    is counted."""

    def __init__(self, base_url: str, stats: Stats, *, timeout: float = 30.0):
        parts = urlsplit(base_url)
        self.host = parts.hostname or "127.0.0.1"
        self.port = parts.port or 80
        self.stats = stats
        self.timeout = timeout
        self.cookies: dict[str, str] = {}

    def get(self, path: str) -> Answer:
        return self._follow(self._request("GET", path))

    def post(self, path: str, data: dict | list, *, follow: bool = True) -> Answer:
        fields = list(data.items()) if isinstance(data, dict) else list(data)
        token = self.csrf_token()
        fields.append(("csrfmiddlewaretoken", token))
        answer = self._request("POST", path, body=urlencode(fields))
        return self._follow(answer) if follow else answer

    def csrf_token(self) -> str:
        token = self.cookies.get("csrftoken")
        if not token:
            raise JourneyFailed("no CSRF cookie before a form")
        return token

    def _follow(self, answer: Answer) -> Answer:
        for _ in range(5):
            if answer.status not in (301, 302, 303, 307, 308) or not answer.location:
                return answer
            target = urlsplit(answer.location)
            if target.hostname not in (None, self.host):
                return answer
            path = target.path + (f"?{target.query}" if target.query else "")
            answer = self._request("GET", path)
        return answer

    def _request(self, method: str, path: str, body: str | None = None) -> Answer:
        headers = {
            "Host": f"{self.host}:{self.port}",
            "Accept": "text/html,application/xhtml+xml",
            "Accept-Encoding": "gzip",
            "User-Agent": "souk-load/1",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        began = time.perf_counter()
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            raw = response.read()
        except (TimeoutError, OSError, http.client.HTTPException) as error:
            self.stats.connection_error(method, path, error)
            raise ConnectionFailed(f"{method} {path}: {error!r}") from error
        finally:
            connection.close()
        elapsed_ms = (time.perf_counter() - began) * 1000
        if response.getheader("Content-Encoding") == "gzip":
            raw = gzip.decompress(raw)
        text = raw.decode("utf-8", "replace")
        self._remember_cookies(response.headers.get_all("Set-Cookie") or [])
        self.stats.answer(method, path, response.status, elapsed_ms, text)
        return Answer(
            status=response.status,
            location=response.getheader("Location", ""),
            body=text,
            path=path,
        )

    def _remember_cookies(self, headers: list[str]) -> None:
        for header in headers:
            cookie = SimpleCookie()
            try:
                cookie.load(header)
            except CookieError:
                continue
            for name, morsel in cookie.items():
                if morsel["max-age"] == "0" or (morsel["expires"] and "1970" in morsel["expires"]):
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value


def _expect(answer: Answer, *, status: int = 200, contains: str = "", step: str) -> Answer:
    if answer.status != status or (contains and contains not in answer.body):
        raise JourneyFailed(f"{step}: {answer.status} at {answer.path}")
    return answer


@dataclass
class Catalogue:
    """What the users browse and buy, found by visiting the shop once before the run."""

    browse_paths: list[str]
    products: list[tuple[str, int]]  # (page path, product id): products to buy
    staff_products: list[tuple[str, int]]  # sold by cooperatives whose staff log in
    staff_logins: list[str]


def catalogue_discover(
    base_url: str, stats: Stats, *, staff_cooperatives: list[str], extra_paths: list[str]
) -> Catalogue:
    """Visit the home page, the catalogue, the directory and the staff's storefronts (a few at
    a time, as the server has several workers)."""
    pages = ["/", "/ar/", "/catalogue/", "/cooperatives/", *extra_paths]
    storefronts_of_staff = [f"/cooperatives/{slug}/" for slug in staff_cooperatives]

    def visit(path: str) -> str:
        return _expect(Browser(base_url, stats).get(path), step=f"discover {path}").body

    with ThreadPoolExecutor(max_workers=4) as pool:
        bodies = dict(zip(pages[:4], pool.map(visit, pages[:4]), strict=True))
        staff_bodies = list(pool.map(visit, storefronts_of_staff))
    found_products, categories, storefronts = {}, set(), set()
    for body in bodies.values():
        found_products.update({pk: link for link, pk in PRODUCT_LINK.findall(body)})
        categories.update(CATEGORY_LINK.findall(body))
        storefronts.update(STOREFRONT_LINK.findall(body))
    staff_products = {}
    for body in staff_bodies:
        staff_products.update({pk: link for link, pk in PRODUCT_LINK.findall(body)})
    storefronts.discard("/cooperatives/")
    if not found_products or not staff_products:
        raise JourneyFailed("no product found on the catalogue or the staff's storefronts")
    browse = [*pages, *sorted(categories)[:6], *sorted(storefronts)[:10]]
    return Catalogue(
        browse_paths=browse,
        products=[(link, int(pk)) for pk, link in sorted(found_products.items())],
        staff_products=[(link, int(pk)) for pk, link in sorted(staff_products.items())],
        staff_logins=[f"{slug}@{STAFF_DOMAIN}" for slug in staff_cooperatives],
    )


class User(threading.Thread):
    """One simulated user: journeys one after the other until the deadline."""

    JOURNEYS = (("browse", 40), ("guest order", 22), ("customer order", 18), ("staff", 20))

    def __init__(
        self,
        number: int,
        *,
        base_url: str,
        stats: Stats,
        catalogue: Catalogue,
        deadline: float,
        seed: int,
        run_id: str,
        customer: tuple[str, str] | None,
        password: str,
    ):
        super().__init__(name=f"load-user-{number}", daemon=True)
        self.number = number
        self.base_url = base_url
        self.stats = stats
        self.catalogue = catalogue
        self.deadline = deadline
        self.random = random.Random(seed * 1000 + number)
        self.run_id = run_id
        # One account per simulated user, so that no two users share a basket: the demo
        # customer for the first, an account registered on first use for the others.
        self.account = customer or (f"load-{run_id}-{number}@example.test", None)
        self.password = password
        self.registered = customer is not None
        self.orders = 0

    def run(self) -> None:
        kinds, weights = zip(*self.JOURNEYS, strict=True)
        # Each kind of journey is tried at least once however short the run: the first users
        # start with one each (customer, guest, staff, browse), then journeys are drawn.
        first = ("customer order", "guest order", "staff", "browse")
        kind = first[self.number % len(first)]
        while time.monotonic() < self.deadline:
            browser = Browser(self.base_url, self.stats)
            try:
                {
                    "browse": self.browse,
                    "guest order": self.guest_order,
                    "customer order": self.customer_order,
                    "staff": self.staff_accept,
                }[kind](browser)
            except JourneyFailed as failure:
                with self.stats.lock:
                    self.stats.failures[f"{kind}: {failure}"] += 1
            except ConnectionFailed:
                time.sleep(0.2)  # counted already; let the server breathe before the next one
            except Exception as error:  # a page this generator cannot read: its own defect
                with self.stats.lock:
                    self.stats.generator_errors.append(f"{kind}: {error!r}")
            else:
                with self.stats.lock:
                    self.stats.journeys[kind] += 1
            finally:
                kind = self.random.choices(kinds, weights)[0]

    # Journeys --------------------------------------------------------------------------------

    def browse(self, browser: Browser) -> None:
        for _ in range(self.random.randint(3, 7)):
            roll = self.random.random()
            if roll < 0.35:
                path = self.random.choice(self.catalogue.products)[0]
            elif roll < 0.55:
                words = " ".join(self.random.sample(SEARCH_WORDS, self.random.choice((1, 2))))
                path = f"/search/?q={quote(words)}"
                if self.random.random() < 0.3:
                    path += f"&sort_by={self.random.choice(['price-asc', 'newest'])}"
            else:
                path = self.random.choice(self.catalogue.browse_paths)
            _expect(browser.get(path), step="browse")

    def guest_order(self, browser: Browser) -> None:
        self._fill_basket(browser)
        email = f"guest-{self.run_id}-{self.number}-{self.orders}@example.test"
        gateway = browser.post("/checkout/", {"username": email, "options": "anonymous"})
        self._checkout(browser, gateway, kind="guest")

    def customer_order(self, browser: Browser) -> None:
        self._log_in(browser)
        self._fill_basket(browser)
        self._checkout(browser, browser.get("/checkout/"), kind="customer")

    def staff_accept(self, browser: Browser) -> None:
        login = self.random.choice(self.catalogue.staff_logins)
        self._log_in(browser, email=login, password=self.password)
        listing = _expect(
            browser.get("/my-cooperative/shipments/?status=new"), step="staff shipments"
        )
        pending = sorted(set(SHIPMENT_LINK.findall(listing.body)))
        for pk in self.random.sample(pending, min(2, len(pending))):
            _expect(browser.get(f"/my-cooperative/shipments/{pk}/"), step="shipment page")
            done = browser.post(f"/my-cooperative/shipments/{pk}/accept/", {})
            _expect(done, step="accept")
            # Two of its staff may accept the same parcel at once: one wins, the other is told.
            if 'data-status="accepted"' in done.body or "souk-status-accepted" in done.body:
                with self.stats.lock:
                    self.stats.accepted += 1

    # Steps -----------------------------------------------------------------------------------

    def _log_in(self, browser: Browser, *, email: str = "", password: str = "") -> None:
        login_page = _expect(browser.get("/accounts/login/"), step="login page")
        if not email and not self.registered:
            email = self.account[0]
            answer = browser.post(
                "/accounts/login/",
                {
                    "registration-email": email,
                    "registration-password1": self.password,
                    "registration-password2": self.password,
                    "registration_submit": "Register",
                },
            )
            if "logout" not in answer.body:
                raise JourneyFailed(f"registration refused ({answer.status})")
            self.registered = True
            return
        email = email or self.account[0]
        password = password or self.account[1] or self.password
        del login_page
        answer = browser.post(
            "/accounts/login/",
            {"login-username": email, "login-password": password, "login_submit": "Log In"},
        )
        if "logout" not in answer.body:
            raise JourneyFailed(f"login refused ({answer.status})")

    def _fill_basket(self, browser: Browser) -> None:
        # Mostly products of the cooperatives whose staff take part, so that they have
        # shipments to accept; sometimes any product of the catalogue.
        count = self.random.choice((1, 1, 2))
        for _ in range(count):
            pool = (
                self.catalogue.staff_products
                if self.random.random() < 0.7
                else self.catalogue.products
            )
            path, pk = self.random.choice(pool)
            page = _expect(browser.get(path), step="product page")
            if f'action="/basket/add/{pk}/"' not in page.body:
                raise JourneyFailed("product not for sale")
            added = browser.post(f"/basket/add/{pk}/", {"quantity": "1"}, follow=False)
            if added.status != 302:
                raise JourneyFailed(f"add to basket answered {added.status}")
        basket = _expect(browser.get("/basket/"), step="basket")
        if "/checkout/" not in basket.body:
            raise JourneyFailed("basket empty after adding")

    def _checkout(self, browser: Browser, answer: Answer, *, kind: str) -> None:
        _expect(answer, contains='name="line1"', step="address page")
        select = REGION_SELECT.search(answer.body)
        regions = REGION_OPTION.findall(select.group(0)) if select else []
        if not regions:
            raise JourneyFailed("no region to choose")
        delivery = browser.post(
            "/checkout/shipping-address/",
            {
                "first_name": "Charge",
                "last_name": f"Test {self.number}",
                "phone_number": PHONE,
                "line1": "1, avenue Hassan II",
                "line4": "Agadir",
                "region": self.random.choice(regions),
            },
        )
        _expect(delivery, contains="delivery_", step="delivery page")
        choices: dict[str, list[str]] = {}
        for radio in RADIO.findall(delivery.body):
            attributes = dict(ATTRIBUTE.findall(radio))
            if attributes.get("name", "").startswith("delivery_"):
                choices.setdefault(attributes["name"], []).append(attributes.get("value", ""))
        chosen = {
            name: "amana" if "amana" in values else values[0] for name, values in choices.items()
        }
        payment = browser.post("/checkout/shipping-method/", chosen)
        _expect(payment, contains='name="method"', step="payment page")
        preview = browser.post("/checkout/payment-method/", {"method": "cash-on-delivery"})
        _expect(preview, contains='id="place_order_form"', step="preview")
        placed = browser.post("/checkout/preview/", {"action": "place_order"}, follow=False)
        if placed.status != 302 or "/checkout/thank-you/" not in placed.location:
            raise JourneyFailed(f"place order answered {placed.status} {placed.location}")
        thanks = _expect(browser.get("/checkout/thank-you/"), step="thank-you")
        number = ORDER_LINK.search(thanks.body)
        if number is None:
            raise JourneyFailed("no order number on the thank-you page")
        self.orders += 1
        with self.stats.lock:
            self.stats.orders.append(number.group(1))
            self.stats.orders_by_kind[kind] += 1


def load_run(
    base_url: str,
    *,
    users: int,
    seconds: float,
    staff_cooperatives: list[str],
    extra_paths: list[str] = (),
    customer: tuple[str, str] | None = (DEMO_CUSTOMER, DEMO_PASSWORD),
    password: str = DEMO_PASSWORD,
    seed: int = 2026,
) -> LoadResult:
    """Discover the shop, then run `users` simulated users for `seconds` and count it all."""
    stats = Stats()
    catalogue = catalogue_discover(
        base_url, stats, staff_cooperatives=staff_cooperatives, extra_paths=list(extra_paths)
    )
    # Discovery answers are not part of the run.
    stats = Stats()
    run_id = f"{int(time.time())}{random.Random().randrange(1000):03d}"
    began = time.monotonic()
    threads = [
        User(
            number,
            base_url=base_url,
            stats=stats,
            catalogue=catalogue,
            deadline=began + seconds,
            seed=seed,
            run_id=run_id,
            customer=customer if number == 0 else None,
            password=password,
        )
        for number in range(users)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        # A journey started before the deadline finishes; one request waits at most 30 s.
        thread.join(timeout=seconds + 300)
    elapsed = time.monotonic() - began
    latencies = sorted(stats.latencies_ms) or [0.0]
    return LoadResult(
        users=users,
        seconds=elapsed,
        requests=sum(stats.statuses.values()),
        statuses=dict(stats.statuses),
        errors=list(stats.errors),
        journeys=dict(stats.journeys),
        failures=stats.failures,
        orders=list(stats.orders),
        orders_by_kind=dict(stats.orders_by_kind),
        accepted=stats.accepted,
        generator_errors=list(stats.generator_errors),
        p50_ms=statistics.median(latencies),
        p95_ms=latencies[max(0, int(len(latencies) * 0.95) - 1)],
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--users", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument(
        "--staff",
        default="tifawin-argan,nakhil-aoufous",
        help="Slugs of the cooperatives whose staff accept shipments (comma-separated).",
    )
    parser.add_argument("--json", action="store_true", help="Print the result as JSON.")
    options = parser.parse_args(argv)
    result = load_run(
        options.base_url,
        users=options.users,
        seconds=options.seconds,
        staff_cooperatives=[slug for slug in options.staff.split(",") if slug],
    )
    if options.json:
        sys.stdout.write(json.dumps(result.__dict__, default=str, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(result.summary() + "\n")
    return 1 if result.error_count else 0


if __name__ == "__main__":
    sys.exit(main())
