"""Searching the index: words in any of our languages, filters, facets, sorting, pages.

User text only ever reaches Elasticsearch inside `multi_match` (never query-string syntax), so
quotes, backslashes, brackets or JSON are just words.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from elasticsearch.dsl import Q, Search

from search.engine import get_client
from search.indexing import alias_name

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 12
TEXT_FIELDS = [
    "title_fr^3",
    "title_ar^3",
    "title_en^3",
    "cooperative_names^2",
    "category_names^2",
    "description_fr",
    "description_ar",
    "description_en",
]
SUGGEST_FIELDS = ["suggest", "suggest._2gram", "suggest._3gram"]
SORTS = {
    "relevance": ["_score", {"popularity": "desc"}, {"date": "desc"}],
    "newest": [{"date": "desc"}, "_score"],
    "price-asc": [{"price": "asc"}, "_score"],
    "price-desc": [{"price": "desc"}, "_score"],
}
PRICE_RANGES = [
    ("0-100", _("Under 100 MAD"), None, 100),
    ("100-250", _("100 to 250 MAD"), 100, 250),
    ("250-500", _("250 to 500 MAD"), 250, 500),
    ("500-", _("500 MAD and more"), 500, None),
]
TERM_FACETS = {
    "category": "categories",
    "region": "regions",
    "cooperative": "cooperatives",
    "label": "labels",
    "kind": "kind",
}
FLAG_FACETS = {"women_led": "women_led", "in_stock": "in_stock"}


def _words(query: str) -> str:
    """Long input costs the engine (fuzzy matching) and means nothing more: keep its start."""
    return " ".join(query[:MAX_QUERY_LENGTH].split()[:MAX_QUERY_WORDS])


@dataclass
class Filters:
    """What the shopper narrowed the results to (already validated by the form)."""

    category: list[str] = field(default_factory=list)
    region: list[str] = field(default_factory=list)
    cooperative: list[str] = field(default_factory=list)
    label: list[str] = field(default_factory=list)
    kind: list[str] = field(default_factory=list)
    price: list[str] = field(default_factory=list)
    women_led: bool = False
    in_stock: bool = False


@dataclass
class SearchResult:
    ids: list[int]
    total: int
    facets: dict[str, dict[str, int]]
    highlights: dict[int, str]


def _filter_clauses(filters: Filters, category_root: str = "") -> list:
    clauses = []
    if category_root:
        clauses.append(Q("term", categories=category_root))
    for name, index_field in TERM_FACETS.items():
        values = getattr(filters, name)
        if values:
            clauses.append(Q("terms", **{index_field: values}))
    for name, index_field in FLAG_FACETS.items():
        if getattr(filters, name):
            clauses.append(Q("term", **{index_field: True}))
    ranges = [bounds for key, _label, *bounds in PRICE_RANGES if key in filters.price]
    if ranges:
        clauses.append(
            Q(
                "bool",
                should=[
                    Q(
                        "range",
                        price={k: v for k, v in (("gte", low), ("lt", high)) if v is not None},
                    )
                    for low, high in ranges
                ],
                minimum_should_match=1,
            )
        )
    return clauses


def catalogue_search(
    *,
    query: str = "",
    filters: Filters | None = None,
    category_root: str = "",
    sort: str = "relevance",
    offset: int = 0,
    limit: int = 24,
    language: str = "fr",
) -> SearchResult:
    """Search the index; raises the client's errors (callers fall back to the database)."""
    filters = filters or Filters()
    query = _words(query)
    search = Search(using=get_client(), index=alias_name()).extra(track_total_hits=True)
    if query:
        words = Q(
            "multi_match",
            query=query,
            fields=TEXT_FIELDS,
            type="best_fields",
            operator="and",
            fuzziness="AUTO",
            prefix_length=1,
        )
        # The last word may be unfinished ("arg" → argan): this is autocomplete without script.
        prefix = Q("multi_match", query=query, type="bool_prefix", fields=SUGGEST_FIELDS)
        search = search.query("bool", should=[words, prefix], minimum_should_match=1)
        # encoder="html" escapes the title itself: only our <mark> tags are markup.
        search = search.highlight_options(
            encoder="html", number_of_fragments=0, pre_tags=["<mark>"], post_tags=["</mark>"]
        ).highlight(f"title_{language}")
    else:
        sort = "newest" if sort == "relevance" else sort
    search = search.filter("bool", must=_filter_clauses(filters, category_root))
    for name, index_field in {**TERM_FACETS, **FLAG_FACETS}.items():
        search.aggs.bucket(name, "terms", field=index_field, size=50)
    search.aggs.bucket(
        "price",
        "range",
        field="price",
        keyed=True,
        ranges=[
            {
                "key": key,
                **({"from": low} if low is not None else {}),
                **({"to": high} if high is not None else {}),
            }
            for key, _label, low, high in PRICE_RANGES
        ],
    )
    search = search.sort(*SORTS.get(sort, SORTS["relevance"]))
    search = search.source(False)[offset : offset + limit]
    response = search.execute()
    facets: dict[str, dict[str, int]] = {}
    for name in {**TERM_FACETS, **FLAG_FACETS}:
        facets[name] = {
            str(bucket.get("key_as_string", bucket["key"])): bucket["doc_count"]
            for bucket in response.aggregations[name].to_dict()["buckets"]
        }
    facets["price"] = {
        key: bucket["doc_count"]
        for key, bucket in response.aggregations["price"].to_dict()["buckets"].items()
    }
    highlights = {}
    for hit in response.hits:
        fragments = getattr(hit.meta, "highlight", None)
        if fragments:
            if f"title_{language}" in fragments:
                highlights[int(hit.meta.id)] = fragments[f"title_{language}"][0]
    return SearchResult(
        ids=[int(hit.meta.id) for hit in response.hits],
        total=response.hits.total.value,
        facets=facets,
        highlights=highlights,
    )


@dataclass
class Suggestion:
    title: str
    url: str


def catalogue_suggest(*, query: str, language: str = "fr", limit: int = 8) -> list[Suggestion]:
    """Titles that start like what the shopper is typing, in their language when it has one."""
    query = _words(query)
    if not query:
        return []
    search = Search(using=get_client(), index=alias_name())
    search = search.query(
        "multi_match", query=query, type="bool_prefix", fields=SUGGEST_FIELDS, operator="and"
    )
    search = search.sort("_score", {"popularity": "desc"})
    search = search.source([f"title_{language}", "title_fr", "url_path"])[:limit]
    suggestions = []
    for hit in search.execute().hits:
        title = getattr(hit, f"title_{language}", "") or hit.title_fr
        suggestions.append(Suggestion(title=title, url=hit.url_path))
    return suggestions
