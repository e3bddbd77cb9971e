"""A picture whose file is gone from the media folder (a restore, a failed upload) never turns
a page into an error: the page shows a broken picture at the size it asked for."""

import os

import pytest
from django.test import Client

from catalogue.models import ProductImage
from tests.factories import product_create

pytestmark = pytest.mark.django_db


def test_pages_showing_a_product_whose_picture_file_is_missing_still_answer(market, settings):
    from PIL import Image

    settings.PAGE_CACHE_ENABLED = False
    product = product_create(cooperative=market.argan, title="Miel sans photo", price="80.00")
    path = os.path.join(settings.MEDIA_ROOT, "images", "products", "gone.jpg")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    Image.new("RGB", (40, 30), "#a05a2c").save(path)
    ProductImage.objects.create(product=product, original="images/products/gone.jpg")
    os.remove(path)  # the file disappears before any thumbnail of it was made

    for url in (product.get_absolute_url(), market.argan.get_absolute_url(), "/catalogue/"):
        response = Client().get(url)
        assert response.status_code == 200, url
    storefront = Client().get(market.argan.get_absolute_url()).content.decode()
    assert 'width="320" height="240"' in storefront
