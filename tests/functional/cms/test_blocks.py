"""Editors' blocks: each has a preview in the block picker; products and cooperatives are
chosen with choosers that search."""

import pytest
from django.core.exceptions import ValidationError

from catalogue.models import Product
from cms.blocks import BodyBlock, SolidarityBasketBlock
from cms.models import StandardPage

pytestmark = pytest.mark.django_db
BLOCKS = list(BodyBlock().child_blocks.values())
# What each block's template draws when its preview value is real content.
RENDERED_BY = {
    "text": "souk-rich-text",
    "image": "souk-figure",
    "quote": "souk-quote",
    "call_to_action": "souk-cta",
    "product": "souk-block-product",
    "products": "souk-block-products",
    "basket": "souk-block-basket",
    "cooperative": "souk-block-cooperative",
    "campaign_progress": "souk-progress",
}


@pytest.mark.parametrize("block", BLOCKS, ids=[block.name for block in BLOCKS])
def test_every_block_shows_a_preview_in_the_picker(client, editor, block):
    client.force_login(editor)

    response = client.get("/cms/block-preview/", {"id": block.definition_prefix})

    assert block.is_previewable
    assert block.get_description()
    assert response.status_code == 200
    html = response.content.decode()
    assert "souk/souk.css" in html
    assert f"block-{block.name}" in html
    assert RENDERED_BY[block.name] in html


def test_the_product_chooser_finds_a_product_by_a_word_of_its_arabic_title(client, editor):
    client.force_login(editor)
    product = Product.objects.get(slug="nakhil-dattes-mejhoul-1kg")
    word = product.title_ar.split()[0]

    html = client.get("/cms/choose/product/results/", {"q": word}).content.decode()

    assert product.title_fr in html or product.title in html
    assert "Coopérative Nakhil Aoufous" in html


def test_the_product_chooser_searches_by_cooperative_and_ignores_other_products(client, editor):
    client.force_login(editor)

    html = client.get("/cms/choose/product/results/", {"q": "Tifawin amlou"}).content.decode()

    assert "Amlou" in html
    assert "Safran" not in html


def test_the_cooperative_chooser_finds_cooperatives_by_region(client, editor):
    client.force_login(editor)

    html = client.get("/cms/choose/cooperative/results/", {"q": "Souss"}).content.decode()

    assert "Coopérative Tifawin" in html
    assert "Coopérative Azaghar" in html
    assert "Coopérative Zenaga" not in html


def test_choosers_are_for_editors_only(client):
    assert client.get("/cms/choose/product/").status_code == 302


def test_a_product_no_longer_sold_disappears_from_the_pages_that_feature_it(client, home_fr):
    product = Product.objects.get(slug="tifawin-amlou-250g")
    page = StandardPage(
        title="Sélection",
        slug="selection",
        body=[("product", {"product": product, "note": "Pour le goûter"})],
    )
    home_fr.add_child(instance=page)
    page.save_revision().publish()
    assert "Pour le goûter" in client.get("/selection/").content.decode()

    product.is_public = False
    product.save()

    html = client.get("/selection/").content.decode()
    assert "Pour le goûter" not in html
    assert product.get_absolute_url() not in html


def _render_basket(basket, **values) -> str:
    block = SolidarityBasketBlock()
    return block.render(block.to_python({"basket": basket.pk, **values}))


def test_the_basket_block_shows_the_basket_its_contents_and_a_link_to_it(solidarity_basket, market):
    html = _render_basket(solidarity_basket, heading="Pour Ramadan", intro="Trois produits")

    assert "souk-block-basket" in html
    assert "Pour Ramadan" in html
    assert "Trois produits" in html
    assert solidarity_basket.get_title() in html
    assert f'href="{solidarity_basket.get_absolute_url()}"' in html
    assert "badge-basket" in html
    assert "250" in html
    assert f"2 × {market.amlou.get_title()}" in html
    assert f"1 × {market.oil.get_title()}" in html
    assert f"1 × {market.carpet.get_title()}" in html
    assert market.argan.name in html
    assert market.carpets.name in html


def test_a_basket_no_longer_sellable_renders_nothing(solidarity_basket, market):
    assert _render_basket(solidarity_basket)
    market.carpet.is_public = False
    market.carpet.save()

    assert _render_basket(solidarity_basket).strip() == ""


def test_the_basket_block_preview_shows_a_sellable_basket(client, editor, solidarity_basket):
    block = BodyBlock().child_blocks["basket"]
    assert block.get_preview_value()["basket"].is_solidarity_basket
    client.force_login(editor)

    html = client.get("/cms/block-preview/", {"id": block.definition_prefix}).content.decode()

    assert "souk-block-basket" in html
    assert "badge-basket" in html


def test_the_basket_block_refuses_a_single_product(market, solidarity_basket):
    block = SolidarityBasketBlock()

    with pytest.raises(ValidationError):
        block.clean(block.to_python({"basket": market.oil.pk}))
    assert block.clean(block.to_python({"basket": solidarity_basket.pk}))["basket"] == (
        solidarity_basket
    )


def test_the_basket_chooser_lists_baskets_only(client, editor, solidarity_basket, market):
    client.force_login(editor)

    html = client.get("/cms/choose/basket/results/", {"q": "test"}).content.decode()

    assert solidarity_basket.get_title() in html
    assert market.oil.get_title() not in html
