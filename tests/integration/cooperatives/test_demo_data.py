import datetime
import io

import pytest
from django.core.management import call_command
from oscar.apps.partner.models import StockRecord

from catalogue.models import Product, ProductImage
from cooperatives.demo.loader import SYNTHETIC_PREFIX
from cooperatives.models import Certification, Cooperative, Region

pytestmark = pytest.mark.django_db


def _counts() -> dict[str, int]:
    return {
        "cooperatives": Cooperative.objects.count(),
        "products": Product.objects.count(),
        "stockrecords": StockRecord.objects.count(),
        "images": ProductImage.objects.count(),
        "certifications": Certification.objects.count(),
        "labels": Product.labels.through.objects.count(),
    }


def test_the_demo_marketplace_is_believable():
    demo = Cooperative.objects.exclude(slug__startswith=(SYNTHETIC_PREFIX))
    demo = demo.exclude(slug__startswith="test-")
    assert demo.count() >= 24
    assert set(demo.values_list("region__code", flat=True)) == set(
        Region.objects.values_list("code", flat=True)
    )
    assert demo.filter(women_led=True).count() * 3 >= demo.count()
    products = Product.objects.filter(stockrecords__partner__cooperative__in=demo)
    assert products.count() >= 120
    for product in products:
        for code in ("fr", "ar", "en"):
            assert getattr(product, f"title_{code}")
            assert getattr(product, f"description_{code}")
        assert product.weight_grams
        assert product.images.exists()
    prices = StockRecord.objects.filter(product__in=products)
    assert set(prices.values_list("price_currency", flat=True)) == {"MAD"}
    today = datetime.date(2026, 11, 23)
    expired = Certification.objects.filter(cooperative__in=demo, valid_until__lt=today)
    assert expired.exists()
    assert Product.labels.through.objects.filter(certification__in=expired).exists()


def test_loading_the_demo_data_twice_gives_the_same_counts():
    before = _counts()

    call_command("load_demo_data", stdout=io.StringIO(), stderr=io.StringIO())

    assert _counts() == before


def test_the_command_prints_the_demo_logins():
    out = io.StringIO()
    call_command("load_demo_data", stdout=out, stderr=io.StringIO())
    text = out.getvalue()
    assert "operateur@souk-tadamoun.ma" in text
    assert "client@souk-tadamoun.ma" in text
    staff_lines = [line for line in text.splitlines() if "(staff of" in line]
    assert (
        len(staff_lines)
        == Cooperative.objects.exclude(slug__startswith="test-")
        .exclude(slug__startswith=SYNTHETIC_PREFIX)
        .count()
    )


def test_every_demo_cooperative_has_a_staff_login_on_its_partner():
    for cooperative in Cooperative.objects.exclude(slug__startswith="test-"):
        assert cooperative.partner.users.count() == 1


def test_synthetic_cooperatives_are_added_in_bulk_once():
    stderr = io.StringIO()

    call_command("load_demo_data", cooperatives=3, stdout=io.StringIO(), stderr=stderr)
    synthetic = Cooperative.objects.filter(slug__startswith=SYNTHETIC_PREFIX)
    first = (synthetic.count(), Product.objects.count())
    call_command("load_demo_data", cooperatives=3, stdout=io.StringIO(), stderr=io.StringIO())

    assert first[0] == 3
    assert (synthetic.count(), Product.objects.count()) == first
    per_cooperative = [
        Product.objects.filter(stockrecords__partner__cooperative=c).count() for c in synthetic
    ]
    assert all(8 <= n <= 12 for n in per_cooperative)
    assert "Synthetic cooperatives [" in stderr.getvalue()


def test_a_negative_number_of_synthetic_cooperatives_is_refused():
    from django.core.management import CommandError

    with pytest.raises(CommandError):
        call_command("load_demo_data", cooperatives=-1, stdout=io.StringIO())
