import pytest

from cooperatives.models import Cooperative
from tests.factories import CooperativeFactory, product_create


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/cooperatives/no-such-cooperative/",
        "/ar/cooperatives/no-such-cooperative/",
        "/cooperatives/bad%20slug/",
        "/catalogue/anything_999999999/",
        "/catalogue/category/nothing_999999999/",
        "/en/catalogue/category/nothing_999999999/",
        "/no-such-page/",
        "/ar/no-such-page/deeper/",
        "/catalogue/%E2%9C%93_1/",
    ],
)
def test_unknown_urls_and_bad_slugs_answer_404(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "region=atlantis",
        "sector=mining",
        "women_led=maybe",
        "page=abc",
        "page=999999",
        "page=-1",
        "region=%00",
        "region=souss-massa&region=oriental",
    ],
)
def test_the_directory_survives_any_filter_values(client, query):
    response = client.get(f"/cooperatives/?{query}")
    assert response.status_code == 200


@pytest.mark.django_db
def test_an_unknown_region_filter_is_reported_in_the_page(client):
    html = client.get("/cooperatives/?region=atlantis").content.decode()
    assert "ignorés" in html  # "Some filters were not recognised and were ignored." in French


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "",
        "a" * 3000,
        '"argan',
        "\\",
        "*:()[]{}",
        '{"query": {"match_all": {}}}',
        "🍯 miel",
        "زَيْتُ الأَرْغَان",
        "%00",
        "' OR 1=1 --",
    ],
    ids=[
        "empty",
        "long",
        "quote",
        "backslash",
        "syntax",
        "json",
        "emoji",
        "diacritics",
        "nul",
        "sql",
    ],
)
def test_any_search_query_answers_a_normal_page(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["abc", "0", "-3", "99999", "1.5"])
def test_any_catalogue_page_number_answers_a_page(client, page):
    assert client.get("/catalogue/", {"page": page}).status_code == 200


@pytest.mark.django_db
def test_a_pending_cooperatives_storefront_and_products_are_not_found(client):
    cooperative = CooperativeFactory(verification_state=Cooperative.VerificationState.PENDING)
    product = product_create(cooperative=cooperative)

    assert client.get(cooperative.get_absolute_url()).status_code == 404
    assert client.get(product.get_absolute_url()).status_code == 404
