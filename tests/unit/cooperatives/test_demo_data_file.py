"""The hand-written demo data holds together before anything is loaded."""

import datetime
import re
from decimal import Decimal

from cooperatives.demo.categories import leaf_colours
from cooperatives.demo.cooperatives_data import COOPERATIVES

TODAY = datetime.date(2026, 11, 23)
ARABIC = re.compile(r"[\u0600-\u06FF]")


def _products():
    return [product for cooperative in COOPERATIVES for product in cooperative["products"]]


def test_slugs_and_register_numbers_are_unique():
    for key in ("slug", "odco_number"):
        values = [cooperative[key] for cooperative in COOPERATIVES]
        assert len(values) == len(set(values)), key
    slugs = [product["slug"] for product in _products()]
    assert len(slugs) == len(set(slugs))


def test_every_text_exists_in_three_languages_and_arabic_is_in_arabic_script():
    texts = [cooperative["story"] for cooperative in COOPERATIVES]
    texts += [product[key] for product in _products() for key in ("title", "description")]
    for text in texts:
        assert all(text[code].strip() for code in ("fr", "ar", "en")), text
        assert ARABIC.search(text["ar"]), text["ar"]


def test_products_use_known_categories_and_their_own_cooperatives_labels():
    categories = leaf_colours()
    for cooperative in COOPERATIVES:
        kinds = {certification["kind"] for certification in cooperative["certifications"]}
        for product in cooperative["products"]:
            assert product["category"] in categories
            assert set(product["labels"]) <= kinds, product["slug"]
            assert Decimal(product["price"]).as_tuple().exponent == -2
            assert product["stock"] >= 0
            assert product["weight_grams"] > 0
    used = {product["category"] for product in _products()}
    assert used == set(categories)


def test_some_labels_have_expired_and_products_still_list_them():
    expired = {
        (cooperative["slug"], certification["kind"])
        for cooperative in COOPERATIVES
        for certification in cooperative["certifications"]
        if certification["valid_until"]
        and datetime.date.fromisoformat(certification["valid_until"]) < TODAY
    }
    assert len(expired) >= 3
    used = {
        (cooperative["slug"], kind)
        for cooperative in COOPERATIVES
        for product in cooperative["products"]
        for kind in product["labels"]
    }
    assert expired & used
