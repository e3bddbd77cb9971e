"""Hostile requests in a cooperative's space: ids, numbers, labels, uploads, shipment actions."""

import io

import pytest
from oscar.apps.partner.models import StockRecord
from PIL import Image
from webtest import Upload

from catalogue.models import Product
from cooperatives.models import CooperativeShipment
from tests.factories import CertificationFactory, category_create, product_create
from tests.functional.hostile.tools import BAD_NUMBERS, HUGE_ID, LONG, NUL, csrf_token, post

pytestmark = pytest.mark.django_db

CREATE_URL = "/my-cooperative/products/new/"


@pytest.fixture
def staff_app(django_app, market):
    django_app.set_user(market.argan_staff)
    return django_app


@pytest.fixture
def form_data():
    leaf = category_create(name="Miel de thym", parent=category_create(name="Miels"))
    return {
        "title_fr": "Miel de thym sauvage",
        "price": "145.50",
        "stock": "12",
        "weight_grams": "500",
        "category": str(leaf.pk),
        "is_public": "on",
    }


def _own_products(market):
    return Product.objects.filter(stockrecords__partner=market.argan.partner)


def _jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.mark.parametrize("pk", [HUGE_ID, "9223372036854775808", "2147483648", "0", "%D9%A1"])
@pytest.mark.parametrize("path", ["/my-cooperative/products/{}/", "/my-cooperative/shipments/{}/"])
def test_an_id_that_fits_no_row_is_not_found(client, market, path, pk):
    client.force_login(market.argan_staff)

    assert client.get(path.format(pk)).status_code == 404


def test_changing_a_product_with_an_id_beyond_64_bits_is_not_found(staff_app, form_data):
    token = csrf_token(staff_app, CREATE_URL)

    response = post(staff_app, f"/my-cooperative/products/{HUGE_ID}/", form_data, token=token)

    assert response.status_code == 404


FIELD_VALUES = [
    *[("price", v) for v in [*BAD_NUMBERS, "1e99999", "sNaN", "0.001"] if v != "1.5"],
    *[("stock", v) for v in [*BAD_NUMBERS, "2147483648"]],
    *[("weight_grams", v) for v in BAD_NUMBERS],
    *[("category", v) for v in [HUGE_ID, "abc", NUL, "-1", "2147483648"]],
    *[("stock_seen", v) for v in ["abc", "1e9", NUL]],
    *[(f"title_{code}", NUL) for code in ("fr", "ar", "en")],
    *[(f"description_{code}", NUL) for code in ("fr", "ar", "en")],
    ("title_fr", LONG),
]


@pytest.mark.parametrize(("field", "value"), FIELD_VALUES)
def test_a_hostile_product_field_is_shown_again_and_saves_nothing(
    staff_app, market, form_data, field, value
):
    token = csrf_token(staff_app, CREATE_URL)
    own = market.oil
    before = set(_own_products(market))

    created = post(staff_app, CREATE_URL, {**form_data, field: value}, token=token)
    edited = post(
        staff_app, f"/my-cooperative/products/{own.pk}/", {**form_data, field: value}, token=token
    )

    assert created.status_code == 200
    assert edited.status_code == 200
    assert set(_own_products(market)) == before
    assert Product.objects.get(pk=own.pk).title_fr == "Huile test"


@pytest.mark.parametrize(
    "labels",
    [
        [HUGE_ID],
        ["9223372036854775808"],
        ["abc"],
        [NUL],
        ["9" * 5000],
        [str(i) for i in range(500)],
    ],
    ids=["beyond 64 bits", "beyond 63 bits", "not a number", "nul", "5000 digits", "500 labels"],
)
def test_hostile_labels_are_refused_and_attach_nothing(staff_app, market, form_data, labels):
    label = CertificationFactory(cooperative=market.argan, kind="organic")
    token = csrf_token(staff_app, CREATE_URL)
    before = set(_own_products(market))
    fields = [*form_data.items(), *(("labels", pk) for pk in labels)]

    created = post(staff_app, CREATE_URL, fields, token=token)
    edited = post(staff_app, f"/my-cooperative/products/{market.oil.pk}/", fields, token=token)

    for response in (created, edited):
        assert response.status_code == 200
        assert "labels" in response.context["form"].errors
    assert set(_own_products(market)) == before
    assert list(market.oil.labels.all()) == []
    assert not Product.objects.filter(labels=label).exists()


def test_ten_thousand_fields_are_refused_before_the_view(staff_app, market, form_data):
    token = csrf_token(staff_app, CREATE_URL)
    before = set(_own_products(market))
    fields = [*form_data.items(), *(("labels", "1") for _ in range(10_000))]

    response = post(staff_app, CREATE_URL, fields, token=token)

    assert response.status_code == 400  # Django's DATA_UPLOAD_MAX_NUMBER_FIELDS
    assert set(_own_products(market)) == before


def test_the_cooperatives_own_label_still_attaches(staff_app, market, form_data):
    label = CertificationFactory(cooperative=market.argan, kind="organic")
    token = csrf_token(staff_app, CREATE_URL)

    response = post(
        staff_app,
        f"/my-cooperative/products/{market.oil.pk}/",
        {**form_data, "labels": str(label.pk)},
        token=token,
    )

    assert response.status_code == 302
    assert list(Product.objects.get(pk=market.oil.pk).labels.all()) == [label]


UPLOADS = {
    "text named jpg": ("photo.jpg", b"not an image", "image/jpeg"),
    "truncated png": ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png"),
    "svg": ("photo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml"),
    "gif": ("photo.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "image/gif"),
    "empty": ("photo.jpg", b"", "image/jpeg"),
    "html": ("photo.html", b"<script>alert(1)</script>", "text/html"),
    "path in the name": ("../../etc/passwd", b"root:x:0:0", "text/plain"),
}


@pytest.mark.parametrize("upload", UPLOADS.values(), ids=UPLOADS.keys())
def test_an_upload_that_is_not_a_photo_is_refused_and_creates_nothing(
    staff_app, market, form_data, upload
):
    token = csrf_token(staff_app, CREATE_URL)
    before = set(_own_products(market))

    response = post(staff_app, CREATE_URL, {**form_data, "photos": Upload(*upload)}, token=token)

    assert response.status_code == 200
    assert "photos" in response.context["form"].errors
    assert set(_own_products(market)) == before


def test_a_photo_of_20000_pixels_a_side_is_refused_without_decoding_it(
    staff_app, market, form_data
):
    buffer = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(buffer, "PNG")  # 48 KB, 400 million pixels
    token = csrf_token(staff_app, CREATE_URL)
    before = set(_own_products(market))

    response = post(
        staff_app,
        CREATE_URL,
        {**form_data, "photos": Upload("bomb.png", buffer.getvalue(), "image/png")},
        token=token,
    )

    assert response.status_code == 200
    assert "photos" in response.context["form"].errors
    assert set(_own_products(market)) == before


def test_thirty_photos_at_once_are_refused(staff_app, market, form_data):
    token = csrf_token(staff_app, CREATE_URL)
    photos = [("photos", Upload(f"{i}.jpg", _jpeg(), "image/jpeg")) for i in range(30)]
    before = set(_own_products(market))

    response = post(staff_app, CREATE_URL, [*form_data.items(), *photos], token=token)

    assert response.status_code == 200
    assert "photos" in response.context["form"].errors
    assert set(_own_products(market)) == before


@pytest.fixture
def their_shipment(placed_order, market):
    return CooperativeShipment.objects.get(order=placed_order, cooperative=market.carpets)


@pytest.mark.parametrize("action", ["accept", "ship", "deliver", "cancel", "refuse"])
def test_another_cooperatives_shipment_cannot_be_moved(staff_app, their_shipment, action):
    token = csrf_token(staff_app, "/my-cooperative/products/new/")
    status = their_shipment.status

    response = post(
        staff_app,
        f"/my-cooperative/shipments/{their_shipment.pk}/{action}/",
        {"tracking_number": "RR123", "reason": "x"},
        token=token,
    )

    assert response.status_code == 404
    assert CooperativeShipment.objects.get(pk=their_shipment.pk).status == status


@pytest.fixture
def own_shipment(placed_order, market):
    return CooperativeShipment.objects.get(order=placed_order, cooperative=market.argan)


@pytest.mark.parametrize(
    ("action", "fields"),
    [
        ("no-such-action", {}),
        ("ACCEPT", {}),
        (NUL, {}),
        ("ship", {"tracking_number": NUL}),
        ("ship", {"tracking_number": LONG}),
        ("cancel", {"reason": NUL}),
        ("cancel", {"reason": LONG}),
        ("refuse", {"reason": LONG}),
    ],
)
def test_a_hostile_shipment_action_leaves_the_shipment_as_it_was(
    staff_app, own_shipment, action, fields
):
    token = csrf_token(staff_app, f"/my-cooperative/shipments/{own_shipment.pk}/")
    status = own_shipment.status
    stock = list(StockRecord.objects.values_list("pk", "num_allocated").order_by("pk"))

    response = post(
        staff_app, f"/my-cooperative/shipments/{own_shipment.pk}/{action}/", fields, token=token
    )

    assert response.status_code in (302, 404)
    assert CooperativeShipment.objects.get(pk=own_shipment.pk).status == status
    assert list(StockRecord.objects.values_list("pk", "num_allocated").order_by("pk")) == stock


@pytest.mark.parametrize(
    "query",
    ["status=%00", "status=zzz", "page=0", "page=abc", "page=-1", f"page={HUGE_ID}", "page=1e9"],
)
@pytest.mark.parametrize("path", ["/my-cooperative/shipments/", "/my-cooperative/products/"])
def test_the_spaces_lists_survive_any_query(staff_app, own_shipment, path, query):
    assert staff_app.get(f"{path}?{query}", expect_errors=True).status_code in (200, 404)


def test_an_unknown_product_is_not_found_when_changed(staff_app, market, form_data):
    theirs = product_create(cooperative=market.carpets, title="Leur produit")
    token = csrf_token(staff_app, CREATE_URL)

    response = post(staff_app, f"/my-cooperative/products/{theirs.pk}/", form_data, token=token)

    assert response.status_code == 404
    assert Product.objects.get(pk=theirs.pk).title_fr == "Leur produit"
