"""The search index: products (and, later, solidarity baskets) in French, Arabic and English.

One document per sellable thing, with a `kind` field so that baskets slot in beside products with
their several cooperatives. Each language has its own analysis; the same cross-language synonyms
(argan/argane/أركان …) are applied at search time in every language, so that a word in one
language finds titles written in another.
"""

from elasticsearch.dsl import (
    Boolean,
    Date,
    Document,
    Float,
    Integer,
    Keyword,
    MetaField,
    SearchAsYouType,
    Text,
    analyzer,
    token_filter,
)

# Groups of words that mean the same thing, across our three languages.
SYNONYMS = [
    "argan, argane, أركان, اركان, أرگان",
    "safran, saffron, زعفران",
    "miel, honey, عسل",
    "amlou, amlu, أملو, املو",
    "dattes, datte, dates, date, تمر, تمور",
    "couscous, كسكس, كسكسو",
    "huile, oil, زيت",
    "olive, olives, زيتون",
    "tapis, carpet, rug, زربية, زرابي",
    "poterie, pottery, فخار",
    "fromage, cheese, جبن, جبنة",
    "rose, roses, ورد",
    "savon, soap, صابون",
    "henné, henne, henna, حناء",
    "panier, basket, hamper, سلة",
    "lait, milk, حليب",
    "chamelle, camel, ناقة, الإبل",
    "sel, salt, ملح",
    "confiture, jam, مربى",
]

synonyms = token_filter("souk_synonyms", type="synonym_graph", synonyms=SYNONYMS, lenient=True)
french_elision = token_filter(
    "french_elision",
    type="elision",
    articles_case=True,
    articles=["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"],
)
french_stemmer = token_filter("french_stemmer", type="stemmer", language="light_french")
english_stemmer = token_filter("english_stemmer", type="stemmer", language="english")
english_possessive = token_filter(
    "english_possessive", type="stemmer", language="possessive_english"
)
arabic_stemmer = token_filter("arabic_stemmer", type="stemmer", language="arabic")


def _analyzers(name: str, *, before: list, stemmer) -> tuple:
    """An index-time analyzer, and its search-time twin that adds the synonyms before stemming.

    No synonyms at index time (they would be frozen into the index): the list can grow without
    reindexing.
    """
    index_analyzer = analyzer(name, tokenizer="standard", filter=[*before, stemmer])
    search_analyzer = analyzer(
        f"{name}_search", tokenizer="standard", filter=[*before, synonyms, stemmer]
    )
    return index_analyzer, search_analyzer


french, french_search = _analyzers(
    "souk_french", before=[french_elision, "lowercase", "asciifolding"], stemmer=french_stemmer
)
arabic, arabic_search = _analyzers(
    "souk_arabic",
    before=["lowercase", "decimal_digit", "arabic_normalization"],
    stemmer=arabic_stemmer,
)
english, english_search = _analyzers(
    "souk_english",
    before=[english_possessive, "lowercase", "asciifolding"],
    stemmer=english_stemmer,
)
# Autocomplete: folded and normalised but not stemmed, across languages.
folding = analyzer(
    "souk_folding",
    tokenizer="standard",
    filter=["lowercase", "asciifolding", "arabic_normalization"],
)

LANGUAGES = ("fr", "ar", "en")
ANALYZERS = {
    "fr": (french, french_search),
    "ar": (arabic, arabic_search),
    "en": (english, english_search),
}


def _text(language: str, **kwargs) -> Text:
    index_analyzer, search_analyzer = ANALYZERS[language]
    return Text(analyzer=index_analyzer, search_analyzer=search_analyzer, **kwargs)


def _title(language: str, **kwargs) -> Text:
    # Term vectors let the fast vector highlighter mark titles (search.queries): it expands a
    # typo once per search against the index, where the default highlighter rebuilds every
    # typo's automaton for each hit (most of a search's time with the highlight on).
    return _text(language, term_vector="with_positions_offsets", **kwargs)


def _facet(**kwargs) -> Keyword:
    # Global ordinals built when the index refreshes, not by the first search that counts facets.
    return Keyword(eager_global_ordinals=True, **kwargs)


# Raised whenever the mappings or index settings change in a way the queries rely on: an index
# built by an older release then counts as missing (search.indexing.index_exists), and
# `search_index --if-missing` rebuilds it.
MAPPING_VERSION = 2

# Refreshed every second (set explicitly: left unset, an index that nobody searched for 30 s
# stops refreshing, and the next shopper's search waits for the refresh).
REFRESH_INTERVAL = "1s"


class CatalogueDocument(Document):
    """A product or a solidarity basket as search sees it."""

    kind = _facet()  # "product" or "basket"
    title_fr = _title("fr", fields={"raw": Keyword()})
    title_ar = _title("ar")
    title_en = _title("en")
    description_fr = _text("fr")
    description_ar = _text("ar")
    description_en = _text("en")
    suggest = SearchAsYouType(analyzer=folding)
    cooperatives = _facet(multi=True)  # slugs
    cooperative_names = Text(analyzer=folding, multi=True)
    regions = _facet(multi=True)  # ISO codes
    labels = _facet(multi=True)  # certification kinds, valid ones only
    categories = _facet(multi=True)  # slugs of the category and its ancestors
    category_names = Text(analyzer=folding, multi=True)
    price = Float()
    in_stock = Boolean()
    available = Integer()
    women_led = Boolean()
    verified = Boolean()
    popularity = Integer()
    date = Date()
    url_path = Keyword(index=False)
    image = Keyword(index=False)

    class Meta:
        meta = MetaField(version=MAPPING_VERSION)

    class Index:
        # The real name is set per environment (see search.index.catalogue_index).
        name = "souk-catalogue"
        settings = {
            "number_of_shards": 1,
            "number_of_replicas": 0,
            "refresh_interval": REFRESH_INTERVAL,
            # Stored newest first: a listing by date (every catalogue and category page unless
            # the shopper sorts otherwise) stops once it has its page instead of sorting all.
            "sort.field": "date",
            "sort.order": "desc",
        }
