"""A cooperative's own catalogue: creating and changing its products through the services."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from oscar.apps.partner.models import StockRecord
from PIL import Image

from catalogue import services as catalogue_services
from catalogue.models import Product
from catalogue.services import (
    cooperative_product_create,
    cooperative_product_update,
    photo_check,
)
from tests.factories import (
    CertificationFactory,
    CooperativeFactory,
    category_create,
    product_create,
)

pytestmark = pytest.mark.django_db


def picture(image_format: str = "PNG", size=(8, 6), mode: str = "RGB", **options) -> bytes:
    buffer = io.BytesIO()
    colour = (190, 110, 40) if mode == "RGB" else 128
    Image.new(mode, size, colour).save(buffer, format=image_format, **options)
    return buffer.getvalue()


def upload(content: bytes, name: str = "photo.png", content_type: str = "image/png"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture
def cooperative():
    return CooperativeFactory()


@pytest.fixture
def leaf():
    return category_create(name="Huile d'argan", parent=category_create(name="Huiles"))


def valid_data(leaf, **changes) -> dict:
    data = {
        "title_fr": "Huile d'argan alimentaire",
        "title_ar": "زيت أركان غذائي",
        "title_en": "Culinary argan oil",
        "description_fr": "Pressée à froid.",
        "description_ar": "معصور على البارد.",
        "description_en": "Cold-pressed.",
        "price": Decimal("120.00"),
        "stock": 15,
        "weight_grams": 350,
        "category": leaf,
        "labels": [],
        "is_public": True,
    }
    data.update(changes)
    return data


def test_create_stores_texts_price_stock_category_labels_and_photo(cooperative, leaf):
    label = CertificationFactory(cooperative=cooperative, kind="organic")

    product = cooperative_product_create(
        cooperative=cooperative,
        data=valid_data(leaf, labels=[label]),
        images=[upload(picture("PNG"))],
    )

    product = Product.objects.get(pk=product.pk)
    assert (product.title_fr, product.title_ar, product.title_en) == (
        "Huile d'argan alimentaire",
        "زيت أركان غذائي",
        "Culinary argan oil",
    )
    assert (product.description_fr, product.description_ar, product.description_en) == (
        "Pressée à froid.",
        "معصور على البارد.",
        "Cold-pressed.",
    )
    assert product.weight_grams == 350
    assert product.is_public is True
    assert product.slug == "huile-dargan-alimentaire"
    assert product.product_class.slug == catalogue_services.PRODUCT_CLASS_SLUG
    assert list(product.categories.all()) == [leaf]
    assert list(product.labels.all()) == [label]
    record = StockRecord.objects.get(product=product)
    assert record.partner_id == cooperative.partner_id
    assert (record.price, record.price_currency, record.num_in_stock) == (
        Decimal("120.00"),
        "MAD",
        15,
    )
    assert record.partner_sku.startswith(f"{cooperative.slug}-")
    (image,) = product.images.all()
    assert image.original.name.endswith(".png")


def test_create_in_arabic_still_stores_the_french_title_as_the_base_title(cooperative, leaf):
    with translation.override("ar"):
        product = cooperative_product_create(
            cooperative=cooperative, data=valid_data(leaf), images=[]
        )

    stored = Product.objects.filter(pk=product.pk).values("title", "title_fr", "title_ar").get()
    assert stored == {
        "title": "Huile d'argan alimentaire",
        "title_fr": "Huile d'argan alimentaire",
        "title_ar": "زيت أركان غذائي",
    }


@pytest.mark.parametrize(
    ("title_fr", "slug"),
    [("Confiture d'abricots séchés", "confiture-dabricots-seches"), ("« ! »", "produit")],
)
def test_the_slug_comes_from_the_french_title_in_ascii(cooperative, leaf, title_fr, slug):
    product = cooperative_product_create(
        cooperative=cooperative, data=valid_data(leaf, title_fr=title_fr), images=[]
    )

    assert Product.objects.get(pk=product.pk).slug == slug
    assert product.get_absolute_url() == f"/catalogue/{slug}_{product.pk}/"


def test_two_products_of_a_cooperative_get_different_skus(cooperative, leaf):
    first = cooperative_product_create(cooperative=cooperative, data=valid_data(leaf), images=[])
    second = cooperative_product_create(cooperative=cooperative, data=valid_data(leaf), images=[])

    skus = StockRecord.objects.filter(product__in=[first, second]).values_list(
        "partner_sku", flat=True
    )
    assert len(set(skus)) == 2


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title_fr": "  "}, "title_fr"),
        ({"title_ar": "ا" * 256}, "title_ar"),
        ({"price": Decimal("-5")}, "price"),
        ({"price": Decimal("0")}, "price"),
        ({"price": Decimal("100000.01")}, "price"),
        ({"price": Decimal("12.345")}, "price"),
        ({"price": "abc"}, "price"),
        ({"price": Decimal("NaN")}, "price"),
        ({"stock": -1}, "stock"),
        ({"stock": 100_001}, "stock"),
        ({"stock": "12"}, "stock"),
        ({"weight_grams": 0}, "weight_grams"),
        ({"weight_grams": 100_001}, "weight_grams"),
        ({"category": None}, "category"),
    ],
)
def test_create_refuses_bad_data_and_creates_nothing(cooperative, leaf, changes, field):
    products_before = Product.objects.count()

    with pytest.raises(ValidationError) as error:
        cooperative_product_create(
            cooperative=cooperative, data=valid_data(leaf, **changes), images=[]
        )

    assert list(error.value.message_dict) == [field]
    assert Product.objects.count() == products_before


def test_create_refuses_a_category_that_has_subcategories(cooperative, leaf):
    parent = leaf.get_parent()

    with pytest.raises(ValidationError) as error:
        cooperative_product_create(
            cooperative=cooperative, data=valid_data(leaf, category=parent), images=[]
        )

    assert list(error.value.message_dict) == ["category"]


@pytest.mark.parametrize(
    "label_kind",
    ["other_cooperative", "expired", "unverified"],
)
def test_create_refuses_labels_that_are_not_the_cooperatives_valid_ones(
    cooperative, leaf, label_kind
):
    label = {
        "other_cooperative": lambda: CertificationFactory(cooperative=CooperativeFactory()),
        "expired": lambda: CertificationFactory(
            cooperative=cooperative,
            valid_from=datetime.date(2019, 1, 1),
            valid_until=datetime.date(2020, 1, 1),
        ),
        "unverified": lambda: CertificationFactory(cooperative=cooperative, verified=False),
    }[label_kind]()
    products_before = Product.objects.count()

    with pytest.raises(ValidationError) as error:
        cooperative_product_create(
            cooperative=cooperative, data=valid_data(leaf, labels=[label]), images=[]
        )

    assert list(error.value.message_dict) == ["labels"]
    assert Product.objects.count() == products_before


def test_update_changes_texts_price_stock_and_visibility(cooperative, leaf):
    product = product_create(cooperative=cooperative, price="50.00", stock=4, category=leaf)

    cooperative_product_update(
        cooperative=cooperative,
        product=product,
        data=valid_data(leaf, price=Decimal("64.90"), stock=30, is_public=False),
        images=[upload(picture("JPEG"), "photo.jpg", "image/jpeg")],
    )

    product.refresh_from_db()
    record = StockRecord.objects.get(product=product)
    assert (record.price, record.num_in_stock) == (Decimal("64.90"), 30)
    assert product.title_fr == "Huile d'argan alimentaire"
    assert product.slug == "huile-dargan-alimentaire"
    assert product.is_public is False
    assert [image.original.name[-4:] for image in product.images.all()] == [".jpg"]


def test_update_of_another_cooperatives_product_is_refused_and_changes_nothing(cooperative, leaf):
    theirs = product_create(cooperative=CooperativeFactory(), price="80.00", stock=7)

    with pytest.raises(PermissionDenied):
        cooperative_product_update(
            cooperative=cooperative,
            product=theirs,
            data=valid_data(leaf, price=Decimal("1.00"), stock=0),
            images=[],
        )

    record = StockRecord.objects.get(product=theirs)
    assert (record.price, record.num_in_stock) == (Decimal("80.00"), 7)
    assert Product.objects.get(pk=theirs.pk).title_fr == theirs.title_fr


def test_update_refuses_a_stock_below_what_orders_reserve(cooperative, leaf):
    product = product_create(cooperative=cooperative, stock=10)
    StockRecord.objects.filter(product=product).update(num_allocated=6)

    with pytest.raises(ValidationError) as error:
        cooperative_product_update(
            cooperative=cooperative, product=product, data=valid_data(leaf, stock=5), images=[]
        )

    assert list(error.value.message_dict) == ["stock"]
    assert StockRecord.objects.get(product=product).num_in_stock == 10


def test_update_keeps_a_stock_changed_meanwhile_when_the_editor_left_it_alone(cooperative, leaf):
    product = product_create(cooperative=cooperative, stock=10)
    StockRecord.objects.filter(product=product).update(num_in_stock=8)  # a delivery meanwhile

    cooperative_product_update(
        cooperative=cooperative,
        product=product,
        data=valid_data(leaf, stock=10, stock_seen=10, price=Decimal("99.00")),
        images=[],
    )

    record = StockRecord.objects.get(product=product)
    assert (record.num_in_stock, record.price) == (8, Decimal("99.00"))


def test_update_refuses_a_new_stock_typed_over_a_stock_changed_meanwhile(cooperative, leaf):
    product = product_create(cooperative=cooperative, stock=10)
    StockRecord.objects.filter(product=product).update(num_in_stock=8)

    with pytest.raises(ValidationError) as error:
        cooperative_product_update(
            cooperative=cooperative,
            product=product,
            data=valid_data(leaf, stock=20, stock_seen=10),
            images=[],
        )

    assert list(error.value.message_dict) == ["stock"]
    assert StockRecord.objects.get(product=product).num_in_stock == 8


def test_photos_are_stored_upright_and_without_their_metadata(cooperative, leaf):
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° to display
    exif[0x010F] = "PhoneMaker"
    taken = picture("JPEG", size=(40, 20), exif=exif.tobytes())

    product = cooperative_product_create(
        cooperative=cooperative,
        data=valid_data(leaf),
        images=[upload(taken, "taken.jpg", "image/jpeg")],
    )

    with product.images.get().original.open("rb") as stored, Image.open(stored) as image:
        assert image.size == (20, 40)
        assert dict(image.getexif()) == {}


@pytest.mark.parametrize(
    ("image_format", "expected"), [("JPEG", "JPEG"), ("PNG", "PNG"), ("WEBP", "WEBP")]
)
def test_photo_check_accepts_jpeg_png_and_webp(image_format, expected):
    assert photo_check(file=upload(picture(image_format), "photo")) == expected


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"%PDF-1.4 not a picture at all", "photo_invalid"),
        (picture("GIF"), "photo_invalid"),
        (picture("PNG")[:40], "photo_invalid"),
        (picture("JPEG", size=(400, 300))[:300], "photo_invalid"),
        (picture("PNG", size=(4001, 2), mode="L"), "photo_too_large"),
        (picture("PNG", size=(2, 4001), mode="L"), "photo_too_large"),
    ],
    ids=["not-an-image", "gif", "truncated-png", "truncated-jpeg", "too-wide", "too-tall"],
)
def test_photo_check_refuses_what_is_not_a_usable_photo(content, code):
    with pytest.raises(ValidationError) as error:
        photo_check(file=upload(content, "photo.jpg", "image/jpeg"))

    assert error.value.code == code
    assert "photo.jpg" in error.value.messages[0]


def test_photo_check_refuses_a_file_over_five_megabytes():
    big = upload(picture("PNG") + b"\0" * (5 * 1024 * 1024), "big.png")

    with pytest.raises(ValidationError) as error:
        photo_check(file=big)

    assert error.value.code == "photo_too_big"
