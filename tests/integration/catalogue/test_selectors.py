from decimal import Decimal

import pytest

from catalogue.selectors import product_list_browsable
from cooperatives.models import Cooperative
from tests.factories import CooperativeFactory, category_create, product_create

pytestmark = pytest.mark.django_db


def test_products_of_unverified_or_suspended_cooperatives_are_not_listed():
    verified = product_create(cooperative=CooperativeFactory())
    pending = product_create(
        cooperative=CooperativeFactory(verification_state=Cooperative.VerificationState.PENDING)
    )
    suspended = product_create(
        cooperative=CooperativeFactory(verification_state=Cooperative.VerificationState.SUSPENDED)
    )

    listed = set(product_list_browsable().values_list("pk", flat=True))

    assert verified.pk in listed
    assert pending.pk not in listed
    assert suspended.pk not in listed


def test_a_category_lists_the_products_of_its_subcategories():
    family = category_create(name="Famille")
    leaf = category_create(name="Feuille", parent=family)
    elsewhere = category_create(name="Ailleurs")
    cooperative = CooperativeFactory()
    in_leaf = product_create(cooperative=cooperative, category=leaf)
    in_family = product_create(cooperative=cooperative, category=family)
    product_create(cooperative=cooperative, category=elsewhere)

    listed = list(product_list_browsable(category=family))

    assert {p.pk for p in listed} == {in_leaf.pk, in_family.pk}


@pytest.mark.parametrize(
    "query", ["أملو", "amlou", "AMLOU", "Almond"], ids=["arabic", "french", "upper", "english"]
)
def test_words_match_titles_in_every_language(query):
    cooperative = CooperativeFactory(name="Coopérative Tazzla")
    wanted = product_create(
        cooperative=cooperative,
        title_fr="Amlou traditionnel Tazzla",
        title_ar="أملو تقليدي تزلا",
        title_en="Traditional almond amlou Tazzla",
    )

    found = list(product_list_browsable(query=f"{query} Tazzla"))

    assert [p.pk for p in found] == [wanted.pk]


def test_words_match_the_cooperative_name():
    cooperative = CooperativeFactory(name="Coopérative Ifrane Unique")
    product = product_create(cooperative=cooperative, title_fr="Miel de thym")

    assert [p.pk for p in product_list_browsable(query="ifrane unique")] == [product.pk]


def test_sorting_by_price_orders_both_ways():
    cooperative = CooperativeFactory(name="Coopérative Ordre")
    cheap = product_create(cooperative=cooperative, price="20.00", title_fr="Zzordre un")
    dear = product_create(cooperative=cooperative, price="900.00", title_fr="Zzordre deux")
    middle = product_create(cooperative=cooperative, price="150.50", title_fr="Zzordre trois")

    up = list(product_list_browsable(query="zzordre", sort="price-asc"))
    down = list(product_list_browsable(query="zzordre", sort="price-desc"))

    assert [p.pk for p in up] == [cheap.pk, middle.pk, dear.pk]
    assert [p.pk for p in down] == [dear.pk, middle.pk, cheap.pk]
    assert up[1].min_price == Decimal("150.50")


def test_a_product_in_two_categories_is_listed_once():
    first = category_create(name="Un")
    second = category_create(name="Deux", parent=first)
    product = product_create(cooperative=CooperativeFactory(), category=first)
    from catalogue.models import ProductCategory

    ProductCategory.objects.create(product=product, category=second)

    assert [p.pk for p in product_list_browsable(category=first)] == [product.pk]


def test_featured_products_come_from_different_cooperatives_and_are_in_stock():
    from catalogue.selectors import product_list_featured

    featured = product_list_featured(limit=8)

    assert len(featured) == 8
    assert len({product.cooperative.pk for product in featured}) == 8
    assert all(product.stockrecords.all()[0].num_in_stock > 0 for product in featured)


def _listed(**filters) -> set[int]:
    from search.queries import Filters

    return set(product_list_browsable(filters=Filters(**filters)).values_list("pk", flat=True))


def test_without_the_engine_baskets_are_found_by_any_of_their_cooperatives(
    market, solidarity_basket
):
    # The basket holds argan (Souss-Massa) and carpets (Béni Mellal-Khénifra) products; the
    # demo catalogue is in the database too, so only this market's products are looked at.
    ours = {solidarity_basket.pk, market.oil.pk, market.amlou.pk, market.carpet.pk}
    souss = _listed(region=["MA-09"], kind=["basket"]) & ours
    beni_mellal = _listed(region=["MA-05"], kind=["basket"]) & ours
    by_cooperative = _listed(cooperative=[market.carpets.slug]) & ours
    elsewhere = _listed(region=["MA-01"], kind=["basket"]) & ours

    assert souss == beni_mellal == {solidarity_basket.pk}
    assert by_cooperative == {market.carpet.pk, solidarity_basket.pk}
    assert elsewhere == set()


def test_without_the_engine_a_basket_is_in_stock_while_each_component_has_enough(
    market, solidarity_basket
):
    from oscar.apps.partner.models import StockRecord

    assert solidarity_basket.pk in _listed(in_stock=True)
    # Two jars of amlou per basket: one free jar is not enough.
    StockRecord.objects.filter(product=market.amlou).update(num_in_stock=10, num_allocated=9)
    in_stock = _listed(in_stock=True)

    assert solidarity_basket.pk not in in_stock
    assert market.amlou.pk in in_stock  # the jar itself can still be bought
    assert solidarity_basket.pk in _listed()
