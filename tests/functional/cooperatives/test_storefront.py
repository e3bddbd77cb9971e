import datetime

import pytest

from catalogue.services import product_labels_set
from tests.factories import CertificationFactory, CooperativeFactory, product_create

pytestmark = pytest.mark.django_db


def test_a_storefront_lists_only_its_own_cooperatives_products(client):
    mine = CooperativeFactory(name="Coopérative Mienne")
    theirs = CooperativeFactory(name="Coopérative Autre")
    own = [product_create(cooperative=mine, title_fr=f"Produit mien {n}") for n in range(3)]
    other = product_create(cooperative=theirs, title_fr="Produit de l'autre")

    response = client.get(mine.get_absolute_url())

    listed = {product.pk for product in response.context["products"]}
    assert listed == {product.pk for product in own}
    assert other.get_title() not in response.content.decode()


def test_a_storefront_shows_story_badges_region_and_share_of_women(client):
    cooperative = CooperativeFactory(
        name="Coopérative Tilelli",
        women_led=True,
        members_count=40,
        women_members_count=30,
        story_fr="Fondée par des femmes de la vallée.",
    )

    html = client.get(cooperative.get_absolute_url()).content.decode()

    assert "Fondée par des femmes de la vallée." in html
    assert "Coopérative vérifiée" in html
    assert "Dirigée par des femmes" in html
    assert "Souss-Massa" in html
    assert "75%" in html


def test_expired_and_unverified_labels_never_show(client):
    cooperative = CooperativeFactory()
    valid = CertificationFactory(cooperative=cooperative, kind="organic", number="BIO-OK-1")
    expired = CertificationFactory(
        cooperative=cooperative,
        kind="igp",
        number="IGP-EXPIRED-9",
        valid_from=datetime.date(2019, 1, 1),
        valid_until=datetime.date(2024, 6, 30),
    )
    unverified = CertificationFactory(
        cooperative=cooperative, kind="fair_trade", number="FT-UNVERIFIED-3", verified=False
    )
    product = product_create(cooperative=cooperative)
    product_labels_set(product=product, labels=[valid, expired, unverified])

    storefront = client.get(cooperative.get_absolute_url()).content.decode()
    product_page = client.get(product.get_absolute_url()).content.decode()

    assert "BIO-OK-1" in storefront
    assert "Biologique" in product_page or "Bio" in product_page
    for page in (storefront, product_page):
        assert "IGP-EXPIRED-9" not in page
        assert "FT-UNVERIFIED-3" not in page
    assert "Indication géographique protégée" not in product_page
    assert "Commerce équitable" not in product_page


def test_payout_details_never_appear_on_public_pages(client):
    cooperative = CooperativeFactory(
        payout_bank_name="Banque Populaire", payout_rib="011780000012345678901234"
    )
    product = product_create(cooperative=cooperative)

    for path in (cooperative.get_absolute_url(), product.get_absolute_url(), "/cooperatives/"):
        html = client.get(path).content.decode()
        assert "011780000012345678901234" not in html
        assert "Banque Populaire" not in html


def test_the_directory_links_every_verified_demo_cooperative(client):
    from cooperatives.models import Cooperative

    html = client.get("/cooperatives/").content.decode()

    demo = Cooperative.objects.public().exclude(slug__startswith="test-")
    assert demo.count() >= 24
    for cooperative in demo:
        assert f'href="{cooperative.get_absolute_url()}"' in html


def test_the_directory_filters_by_women_led(client):
    html = client.get("/cooperatives/", {"women_led": "on"}).content.decode()
    from cooperatives.models import Cooperative

    for cooperative in Cooperative.objects.public().filter(women_led=False)[:5]:
        assert f'href="{cooperative.get_absolute_url()}"' not in html
