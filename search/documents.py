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


class CatalogueDocument(Document):
    """A product or a solidarity basket as search sees it."""

    kind = Keyword()  # "product" or "basket"
    title_fr = _text("fr", fields={"raw": Keyword()})
    title_ar = _text("ar")
    title_en = _text("en")
    description_fr = _text("fr")
    description_ar = _text("ar")
    description_en = _text("en")
    suggest = SearchAsYouType(analyzer=folding)
    cooperatives = Keyword(multi=True)  # slugs
    cooperative_names = Text(analyzer=folding, multi=True)
    regions = Keyword(multi=True)  # ISO codes
    labels = Keyword(multi=True)  # certification kinds, valid ones only
    categories = Keyword(multi=True)  # slugs of the category and its ancestors
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

    class Index:
        # The real name is set per environment (see search.index.catalogue_index).
        name = "souk-catalogue"
        settings = {"number_of_shards": 1, "number_of_replicas": 0}
