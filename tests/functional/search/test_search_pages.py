"""Search and browse pages through the engine, and through the database when it is away."""

import pytest

from search import engine as search_engine

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(engine):
    return engine


def test_search_shows_facets_and_highlights_from_the_engine(client, indexed):
    response = client.get("/search/", {"q": "huiles"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "<mark>Huile</mark>" in html
    assert 'data-facet="region"' in html
    assert "souk-search-fallback" not in html


def test_a_facet_link_narrows_the_results(client, indexed):
    response = client.get("/catalogue/", {"region": "MA-09"})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'aria-current="true"' in html
    assert (
        response.context["paginator"].count < client.get("/catalogue/").context["paginator"].count
    )


def test_arabic_search_page_is_right_to_left_and_finds_products(client, indexed):
    response = client.get("/ar/search/", {"q": "عسل"})

    assert response.status_code == 200
    assert 'dir="rtl"' in response.content.decode()
    assert response.context["paginator"].count > 0


@pytest.mark.parametrize("url", ["http://127.0.0.1:9", ""])
def test_without_the_engine_search_still_finds_argan_from_the_database(
    client, settings, indexed, url
):
    settings.ELASTICSEARCH_URL = url
    search_engine.get_client.cache_clear()

    response = client.get("/search/", {"q": "argan"})

    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["paginator"].count > 0
    assert ("souk-search-fallback" in html) == bool(url)


def test_a_missing_index_falls_back_to_the_database(client, settings, indexed):
    settings.ELASTICSEARCH_INDEX = "souk-test-no-such-index"

    response = client.get("/catalogue/")

    assert response.status_code == 200
    assert "souk-search-fallback" in response.content.decode()
    assert response.context["paginator"].count > 0


@pytest.mark.parametrize(
    "params",
    [
        {"q": '"*:()[]{}\\'},
        {"q": "x" * 3000},
        {"q": "a\x00b"},
        {"region": "<script>", "price": "'; DROP"},
        {"page": "-1"},
        {"page": "99999"},
        {"sort_by": "nonsense"},
    ],
)
def test_hostile_input_answers_a_normal_page(client, indexed, params):
    response = client.get("/search/", params)

    assert response.status_code == 200
    assert "souk-search-fallback" not in response.content.decode()


def test_suggestions_complete_an_unfinished_word(client, indexed):
    response = client.get("/search/suggest/", {"q": "huile d'ar"})

    titles = [item["title"] for item in response.json()["suggestions"]]
    assert response.status_code == 200
    assert titles
    assert all("argan" in title.lower() for title in titles)


def test_arabic_suggestions_are_arabic_titles_with_arabic_links(client, indexed):
    response = client.get("/ar/search/suggest/", {"q": "زيت الأر"})

    suggestions = response.json()["suggestions"]
    assert suggestions
    assert all(item["url"].startswith("/ar/catalogue/") for item in suggestions)
    assert any("الأركان" in item["title"] for item in suggestions)


def test_an_unfinished_word_submitted_without_script_finds_products(client, indexed):
    response = client.get("/search/", {"q": "safr"})

    assert response.context["paginator"].count > 0


@pytest.mark.parametrize("q", ["", "\x00", "x" * 3000])
def test_suggestions_never_fail(client, indexed, q):
    response = client.get("/search/suggest/", {"q": q})

    assert response.status_code == 200


def test_without_the_engine_filters_still_narrow_the_list(client, settings):
    settings.ELASTICSEARCH_URL = ""
    everything = client.get("/catalogue/").context["paginator"].count

    response = client.get("/catalogue/", {"region": "MA-09", "in_stock": "1", "price": "0-100"})

    narrowed = response.context["products"]
    assert 0 < response.context["paginator"].count < everything
    for product in narrowed:
        record = product.stockrecords.all()[0]
        assert record.partner.cooperative.region.code == "MA-09"
        assert record.price < 100


def test_a_query_the_engine_refuses_is_an_error_not_a_silent_fallback(client, indexed, monkeypatch):
    """A 400 from the engine means our query is wrong: it must fail, here in the tests, rather
    than show every shopper the database's poorer results."""
    from elastic_transport import ApiResponseMeta, HttpHeaders, NodeConfig
    from elasticsearch import BadRequestError

    from search import views

    def refused(**kwargs):
        meta = ApiResponseMeta(400, "1.1", HttpHeaders(), 0.0, NodeConfig("http", "x", 9200))
        raise BadRequestError("parsing_exception", meta, {})

    monkeypatch.setattr(views, "catalogue_search", refused)

    with pytest.raises(BadRequestError):
        client.get("/catalogue/", {"bench": "refused"})
