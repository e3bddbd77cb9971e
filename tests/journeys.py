"""Journeys through the real pages: a small market of two test cooperatives and a guest checkout."""

from dataclasses import dataclass
from decimal import Decimal

from cooperatives.models import Region
from tests.factories import CooperativeFactory, UserFactory, product_create


@dataclass
class Market:
    argan: object  # cooperative in Souss-Massa, default commission, offers pickup
    carpets: object  # cooperative in Béni Mellal-Khénifra, 8 % commission
    oil: object
    amlou: object
    carpet: object
    argan_staff: object
    carpets_staff: object


def market_create() -> Market:
    argan = CooperativeFactory(
        name="Coopérative Argan Test",
        region=Region.objects.get(code="MA-09"),
        pickup_address="Douar Test, Taliouine",
        pickup_hours="9 h – 17 h",
    )
    carpets = CooperativeFactory(
        name="Coopérative Tapis Test",
        region=Region.objects.get(code="MA-05"),
        commission_rate=Decimal("0.0800"),
        notification_language="ar",
    )
    argan_staff = UserFactory(email="staff@argan.test")
    carpets_staff = UserFactory(email="staff@tapis.test")
    argan.partner.users.add(argan_staff)
    carpets.partner.users.add(carpets_staff)
    return Market(
        argan=argan,
        carpets=carpets,
        oil=product_create(cooperative=argan, title="Huile test", price="120.00", weight_grams=500),
        amlou=product_create(
            cooperative=argan, title="Amlou test", price="45.50", weight_grams=250
        ),
        carpet=product_create(
            cooperative=carpets, title="Tapis test", price="300.00", weight_grams=2000, stock=5
        ),
        argan_staff=argan_staff,
        carpets_staff=carpets_staff,
    )


def add_to_basket(app, product, quantity: int = 1):
    page = app.get(product.get_absolute_url())
    form = page.forms["add_to_basket_form"]
    form["quantity"] = str(quantity)
    return form.submit().maybe_follow()


ADDRESS = {
    "first_name": "Fatima",
    "last_name": "Zahra",
    "phone_number": "06 61 23 45 67",
    "line1": "12, rue des Orangers",
    "line4": "Agadir",
}


def fill_address(page, *, region_code: str = "MA-09", **overrides):
    form = page.forms[_form_with_field(page, "line1")]
    for name, value in {**ADDRESS, **overrides}.items():
        form[name] = value
    form["region"] = str(Region.objects.get(code=region_code).pk) if region_code else ""
    return form.submit()


def _form_with_field(page, field_name: str):
    for key, form in page.forms.items():
        if field_name in form.fields:
            return key
    raise AssertionError(f"No form with a {field_name} field on {page.request.path}")


def checkout_as_guest(app, *, email="fatima@example.test", prefix=""):
    """From a filled basket through the gateway as a guest: the address page."""
    gateway = app.get(f"{prefix}/checkout/").maybe_follow()
    form = gateway.forms[_form_with_field(gateway, "options")]
    form["username"] = email
    form["options"] = "anonymous"
    return form.submit().maybe_follow()


def guest_checkout_until_preview(app, *, email="fatima@example.test", prefix="", **address):
    """From a filled basket to the preview page, as a guest paying cash on delivery."""
    address_page = checkout_as_guest(app, email=email, prefix=prefix)
    delivery_page = fill_address(address_page, **address).maybe_follow()
    payment_page = delivery_page.forms[_form_with_field(delivery_page, "csrfmiddlewaretoken")]
    payment_page = payment_page.submit().maybe_follow()
    preview = payment_page.forms[_form_with_field(payment_page, "method")].submit().maybe_follow()
    return preview


def hub_create():
    from cooperatives.services import hub_ensure

    return hub_ensure(
        name="Hub test Casablanca",
        address="Zone industrielle, Ain Sebaa",
        city="Casablanca",
        region=Region.objects.get(code="MA-06"),
    )


def basket_create(market: Market, *, price: str = "250.00", commission_rate: str = "0", **extra):
    """A solidarity basket of the test market: 1 oil and 2 amlou (argan), 1 carpet (carpets)."""
    from catalogue.services import basket_save

    data = {
        "title_fr": "Panier test",
        "title_ar": "سلة تجريبية",
        "title_en": "Test basket",
        "price": Decimal(price),
        "commission_rate": Decimal(commission_rate),
        "hub": hub_create(),
        "components": [(market.oil, 1), (market.amlou, 2), (market.carpet, 1)],
        "is_public": True,
    }
    data.update(extra)
    return basket_save(data=data)
