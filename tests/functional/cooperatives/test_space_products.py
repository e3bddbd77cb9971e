"""Cooperative staff list, add and change their own products from a phone, and only theirs."""

import io
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.shortcuts import resolve_url
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from oscar.apps.partner.models import StockRecord
from oscar.templatetags.currency_filters import currency
from PIL import Image
from webtest import Upload

from catalogue.models import Product
from tests.factories import (
    CertificationFactory,
    CooperativeFactory,
    UserFactory,
    category_create,
    product_create,
)

pytestmark = pytest.mark.django_db

LIST_URL = "/my-cooperative/products/"
CREATE_URL = "/my-cooperative/products/new/"


def small_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (12, 9), (34, 120, 80)).save(buffer, format="PNG")
    return buffer.getvalue()


def price_text(amount: str) -> str:
    with translation.override("fr"):
        return currency(Decimal(amount), "MAD")


@pytest.fixture
def cooperative():
    return CooperativeFactory(name="Coopérative Tamount")


@pytest.fixture
def staff(cooperative):
    user = UserFactory()
    cooperative.partner.users.add(user)
    return user


@pytest.fixture
def leaf():
    return category_create(name="Miel de thym", parent=category_create(name="Miels"))


@pytest.fixture
def form_data(leaf) -> dict:
    return {
        "title_fr": "Miel de thym sauvage",
        "title_ar": "عسل الزعتر البري",
        "title_en": "Wild thyme honey",
        "description_fr": "Récolté dans l'Atlas.",
        "price": "145.50",
        "stock": "12",
        "weight_grams": "500",
        "category": str(leaf.pk),
        "is_public": "on",
    }


def own_products(cooperative):
    return Product.objects.filter(stockrecords__partner=cooperative.partner)


def test_staff_add_a_product_with_a_photo_and_it_shows_on_the_list_and_the_site(
    django_app, cooperative, staff, leaf
):
    label = CertificationFactory(cooperative=cooperative, kind="organic")
    page = django_app.get(CREATE_URL, user=staff)
    form = page.forms["product-form"]
    form["title_fr"] = "Miel de thym sauvage"
    form["title_ar"] = "عسل الزعتر البري"
    form["title_en"] = "Wild thyme honey"
    form["description_fr"] = "Récolté dans l'Atlas."
    form["price"] = "145.50"
    form["stock"] = "12"
    form["weight_grams"] = "500"
    form["category"] = str(leaf.pk)
    form.set("labels", True, index=0)
    form["photos"] = [Upload("miel.png", small_png(), "image/png")]

    listing = form.submit().follow()

    product = own_products(cooperative).get()
    assert listing.request.path == LIST_URL
    assert [row["data-product"] for row in listing.html.select(".souk-product-row")] == [
        str(product.pk)
    ]
    row = listing.html.select_one(".souk-product-row")
    assert row.select_one(".souk-product-title").text == "Miel de thym sauvage"
    assert row.select_one(".souk-product-price").text == price_text("145.50")
    assert row.select_one(".souk-free-stock")["data-free-stock"] == "12"
    assert row.select_one(".souk-public-link")["href"] == product.get_absolute_url()
    assert "Miel de thym sauvage" in listing.html.select_one(".alert-success").text
    assert list(product.labels.all()) == [label]
    assert product.images.count() == 1
    assert (product.title_ar, product.title_en) == ("عسل الزعتر البري", "Wild thyme honey")

    public_page = django_app.get(product.get_absolute_url())
    assert public_page.status_code == 200
    assert public_page.html.select_one("h1").text.strip() == "Miel de thym sauvage"


def test_staff_change_price_and_stock_of_their_product(django_app, cooperative, staff, leaf):
    product = product_create(
        cooperative=cooperative, title="Amlou", price="60.00", stock=3, category=leaf
    )
    Product.objects.filter(pk=product.pk).update(weight_grams=250)

    page = django_app.get(f"/my-cooperative/products/{product.pk}/", user=staff)
    form = page.forms["product-form"]
    assert form["price"].value == "60.00"
    assert form["stock"].value == "3"
    form["price"] = "72.00"
    form["stock"] = "40"
    listing = form.submit().follow()

    record = StockRecord.objects.get(product=product)
    assert (record.price, record.num_in_stock) == (Decimal("72.00"), 40)
    row = listing.html.select_one(f'.souk-product-row[data-product="{product.pk}"]')
    assert row.select_one(".souk-product-price").text == price_text("72.00")
    assert row.select_one(".souk-free-stock")["data-free-stock"] == "40"
    assert row.select_one(".souk-low-stock") is None


@pytest.mark.parametrize("method", ["get", "post"])
def test_another_cooperatives_product_is_not_found_and_stays_unchanged(
    client, staff, form_data, method
):
    theirs = product_create(cooperative=CooperativeFactory(), title="Leur huile", price="90.00")
    client.force_login(staff)

    response = getattr(client, method)(f"/my-cooperative/products/{theirs.pk}/", form_data)

    assert response.status_code == 404
    record = StockRecord.objects.get(product=theirs)
    assert (record.price, record.num_in_stock) == (Decimal("90.00"), 10)
    assert Product.objects.get(pk=theirs.pk).title_fr == "Leur huile"


def test_the_list_shows_only_the_cooperatives_own_products(client, cooperative, staff):
    mine = product_create(cooperative=cooperative, title="Notre couscous")
    product_create(cooperative=CooperativeFactory(), title="Leur couscous")
    client.force_login(staff)

    response = client.get(LIST_URL)

    assert [record.product_id for record in response.context["records"]] == [mine.pk]
    assert "Leur couscous" not in response.content.decode()


@pytest.mark.parametrize("url", [LIST_URL, CREATE_URL, "/my-cooperative/products/1/"])
def test_anonymous_visitors_are_sent_to_the_login_page(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response.url == f"{resolve_url(settings.LOGIN_URL)}?next={url}"


def test_a_user_who_staffs_no_cooperative_is_forbidden(client):
    client.force_login(UserFactory())

    assert client.get(LIST_URL).status_code == 403


def test_a_file_that_is_not_an_image_renamed_jpg_is_refused_and_nothing_created(
    client, cooperative, staff, form_data
):
    client.force_login(staff)
    fake = SimpleUploadedFile("photo.jpg", b"MZ\x90\x00 this is a program", "image/jpeg")

    response = client.post(CREATE_URL, {**form_data, "photos": [fake]})

    assert response.status_code == 200
    (error,) = response.context["form"].errors.as_data()["photos"]
    assert error.code == "photo_invalid"
    assert "photo.jpg" in error.messages[0]
    assert own_products(cooperative).count() == 0


def test_a_photo_over_4000_pixels_is_refused(client, cooperative, staff, form_data):
    buffer = io.BytesIO()
    Image.new("L", (4001, 3), 200).save(buffer, format="PNG")
    client.force_login(staff)

    response = client.post(
        CREATE_URL,
        {**form_data, "photos": [SimpleUploadedFile("wide.png", buffer.getvalue(), "image/png")]},
    )

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["photos"]
    assert own_products(cooperative).count() == 0


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"price": "-10"}, "price"),
        ({"price": "0"}, "price"),
        ({"price": "100000.01"}, "price"),
        ({"price": "douze"}, "price"),
        ({"stock": "100001"}, "stock"),
        ({"stock": "999999999999999999999"}, "stock"),
        ({"stock": "-1"}, "stock"),
        ({"weight_grams": "0"}, "weight_grams"),
        ({"title_fr": ""}, "title_fr"),
        ({"category": "999999999"}, "category"),
    ],
)
def test_bad_values_show_form_errors_and_create_nothing(
    client, cooperative, staff, form_data, changes, field
):
    client.force_login(staff)

    response = client.post(CREATE_URL, {**form_data, **changes})

    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    assert [message.level_tag for message in response.context["messages"]] == ["error"]
    assert own_products(cooperative).count() == 0


def test_a_label_of_another_cooperative_cannot_be_attached(client, cooperative, staff, form_data):
    foreign = CertificationFactory(cooperative=CooperativeFactory(), kind="igp")
    own = product_create(cooperative=cooperative, title="Safran")
    client.force_login(staff)

    created = client.post(CREATE_URL, {**form_data, "labels": [foreign.pk]})
    edited = client.post(
        f"/my-cooperative/products/{own.pk}/", {**form_data, "labels": [foreign.pk]}
    )

    for response in (created, edited):
        assert response.status_code == 200
        assert list(response.context["form"].errors) == ["labels"]
    assert own_products(cooperative).count() == 1
    assert list(own.labels.all()) == []
    assert Product.objects.get(pk=own.pk).title_fr == "Safran"


def test_the_form_offers_only_the_cooperatives_valid_labels(django_app, cooperative, staff):
    valid = CertificationFactory(cooperative=cooperative, kind="organic")
    CertificationFactory(cooperative=cooperative, kind="igp", verified=False)
    CertificationFactory(cooperative=CooperativeFactory(), kind="aop")

    page = django_app.get(CREATE_URL, user=staff)

    offered = [box["value"] for box in page.html.select('input[name="labels"]')]
    assert offered == [str(valid.pk)]


def test_low_stock_is_flagged_on_the_list(client, cooperative, staff):
    low = product_create(cooperative=cooperative, title="Presque fini", stock=2)
    plenty = product_create(cooperative=cooperative, title="Bien fourni", stock=50)
    client.force_login(staff)

    soup = BeautifulSoup(client.get(LIST_URL).content.decode(), "html.parser")
    low_row = soup.select_one(f'.souk-product-row[data-product="{low.pk}"]')
    plenty_row = soup.select_one(f'.souk-product-row[data-product="{plenty.pk}"]')
    assert low_row.select_one(".souk-low-stock") is not None
    assert plenty_row.select_one(".souk-low-stock") is None


def test_the_list_is_paginated_by_twenty(client, cooperative, staff):
    for number in range(21):
        product_create(cooperative=cooperative, title=f"Produit {number}")
    client.force_login(staff)

    first = client.get(LIST_URL)
    second = client.get(LIST_URL, {"page": 2})

    assert len(first.context["records"]) == 20
    assert len(second.context["records"]) == 1


def test_the_products_tab_is_active_on_the_products_pages(django_app, staff):
    page = django_app.get(LIST_URL, user=staff)

    active = page.html.select(".souk-space-nav .nav-link.active")
    assert [link["href"] for link in active] == [LIST_URL]


def test_the_arabic_products_pages_are_right_to_left(django_app, staff):
    listing = django_app.get("/ar/my-cooperative/products/", user=staff)
    form_page = django_app.get("/ar/my-cooperative/products/new/", user=staff)

    assert listing.status_code == 200
    assert listing.html.html["dir"] == "rtl"
    assert listing.html.html["lang"] == "ar"
    assert form_page.html.select_one('input[name="title_ar"]')["dir"] == "rtl"
    assert form_page.html.select_one('input[name="title_fr"]')["dir"] == "ltr"
    assert form_page.html.select_one("#product-form")["enctype"] == "multipart/form-data"


def test_a_stock_below_what_orders_reserve_is_shown_on_the_stock_field(
    client, cooperative, staff, form_data, leaf
):
    product = product_create(cooperative=cooperative, stock=10, category=leaf)
    StockRecord.objects.filter(product=product).update(num_allocated=4)
    client.force_login(staff)

    response = client.post(f"/my-cooperative/products/{product.pk}/", {**form_data, "stock": "3"})

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["stock"]
    assert StockRecord.objects.get(product=product).num_in_stock == 10


def test_a_price_change_keeps_a_stock_that_a_delivery_lowered_meanwhile(
    django_app, cooperative, staff, leaf
):
    product = product_create(cooperative=cooperative, price="30.00", stock=10, category=leaf)
    Product.objects.filter(pk=product.pk).update(weight_grams=200)
    form = django_app.get(f"/my-cooperative/products/{product.pk}/", user=staff).forms[
        "product-form"
    ]
    StockRecord.objects.filter(product=product).update(num_in_stock=7)

    form["price"] = "35.00"
    form.submit().follow()

    record = StockRecord.objects.get(product=product)
    assert (record.price, record.num_in_stock) == (Decimal("35.00"), 7)


def test_the_list_costs_the_same_queries_for_two_or_twenty_products(client, cooperative, staff):
    client.force_login(staff)
    for number in range(2):
        product_create(cooperative=cooperative, title=f"Produit {number}")
    client.get(LIST_URL)  # first visit of the session: fills per-session caches
    with CaptureQueriesContext(connection) as two:
        client.get(LIST_URL)
    for number in range(2, 20):
        product_create(cooperative=cooperative, title=f"Produit {number}")

    with CaptureQueriesContext(connection) as twenty:
        response = client.get(LIST_URL)

    assert len(response.context["records"]) == 20
    assert len(twenty.captured_queries) == len(two.captured_queries)
