"""Searching the index: words in any of our languages, filters, facets, sorting, pages.

User text only ever reaches Elasticsearch inside `multi_match` (never query-string syntax), so
quotes, backslashes, brackets or JSON are just words.
"""

from dataclasses import dataclass, field

from elasticsearch.dsl import MultiSearch, Q, Search

from catalogue.selectors import PRICE_RANGES
from search.engine import get_client
from search.indexing import alias_name

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 12
# No word the catalogue holds is longer than 14 characters, and typo tolerance costs the engine
# more the longer the word (2 edits of a 200-letter word take it seconds).
MAX_WORD_LENGTH = 20
# Typo tolerance: one edit from 3 letters, two from 6, the first letter as typed.
FUZZY = {"fuzziness": "AUTO", "prefix_length": 1}
# Where typos are forgiven: the words shoppers type are product, cooperative and category names.
NAME_FIELDS = ["title_fr^3", "title_ar^3", "title_en^3", "cooperative_names^2", "category_names^2"]
# Descriptions match their words as written (stemmed, folded): expanding a typo through their
# vocabulary, the largest, cost most of a search (twice the p95 at 100,000 products).
DESCRIPTION_FIELDS = ["description_fr", "description_ar", "description_en"]
SUGGEST_FIELDS = ["suggest", "suggest._2gram", "suggest._3gram"]
SORTS = {
    "relevance": ["_score", {"popularity": "desc"}, {"date": "desc"}],
    # The index's own order (search.documents): no tie-breaker, so the engine can stop early.
    "newest": [{"date": "desc"}],
    "price-asc": [{"price": "asc"}, "_score"],
    "price-desc": [{"price": "desc"}, "_score"],
}
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
    words = query[:MAX_QUERY_LENGTH].split()[:MAX_QUERY_WORDS]
    return " ".join(word[:MAX_WORD_LENGTH] for word in words)


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
    took: int = 0  # the engine's own time, in ms (the slower of its searches)


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


def _words_query(query: str) -> Q:
    # Every word in one field, scored by the best field (one dis_max over all the fields).
    words = Q(
        "dis_max",
        queries=[
            Q(
                "multi_match",
                query=query,
                fields=NAME_FIELDS,
                type="best_fields",
                operator="and",
                **FUZZY,
            ),
            Q(
                "multi_match",
                query=query,
                fields=DESCRIPTION_FIELDS,
                type="best_fields",
                operator="and",
            ),
        ],
    )
    # The last word may be unfinished ("arg" → argan): this is autocomplete without script.
    prefix = Q("multi_match", query=query, type="bool_prefix", fields=SUGGEST_FIELDS)
    return Q("bool", should=[words, prefix], minimum_should_match=1)


def _with_facets(search: Search) -> Search:
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
    return search


def _with_highlight(search: Search, *, query: str, field: str) -> Search:
    """Mark the words of the title that the search found: stems, synonyms, typos.

    The fast vector highlighter (the titles keep term vectors) expands a typo once per search,
    and only in the title it marks: the whole query would have it expand the typos of every
    field again. It marks each word found, even when a product matched only some of them.
    """
    return search.highlight_options(
        type="fvh",
        # The title itself is escaped: only our <mark> tags are markup.
        encoder="html",
        number_of_fragments=0,
        pre_tags=["<mark>"],
        post_tags=["</mark>"],
        highlight_query=Q("match", **{field: {"query": query, **FUZZY}}).to_dict(),
    ).highlight(field)


def _facet_counts(response) -> dict[str, dict[str, int]]:
    aggregations = response.to_dict()["aggregations"]
    facets: dict[str, dict[str, int]] = {
        name: {
            str(bucket.get("key_as_string", bucket["key"])): bucket["doc_count"]
            for bucket in aggregations[name]["buckets"]
        }
        for name in {**TERM_FACETS, **FLAG_FACETS}
    }
    facets["price"] = {
        key: bucket["doc_count"] for key, bucket in aggregations["price"]["buckets"].items()
    }
    return facets


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
    """Search the index; raises the client's errors (callers fall back to the database).

    With words, one search: every match is scored, so the page of hits cannot stop early, and a
    second search would expand the typos and walk the matches again. Without words (browsing a
    catalogue or category page), two searches in one round trip, which the engine runs side by
    side: the facets and the exact total, without hits (the engine keeps the answer in its
    request cache until the index changes: every page and order of a listing shares it), and
    the page of hits, without facets or total (the engine stops once it has the page).
    """
    filters = filters or Filters()
    query = _words(query)
    client = get_client()
    matching = Search(using=client, index=alias_name())
    if query:
        matching = matching.query(_words_query(query))
    else:
        sort = "newest" if sort == "relevance" else sort
    for clause in _filter_clauses(filters, category_root):
        matching = matching.filter(clause)  # filter context: not scored, cached by the engine
    hits = matching.sort(*SORTS.get(sort, SORTS["relevance"])).source(False)
    hits = hits[offset : offset + limit]
    if query:
        hits = _with_highlight(hits, query=query, field=f"title_{language}")
        facets_response = _with_facets(hits.extra(track_total_hits=True)).execute()
        found, took = facets_response.hits, facets_response.took
    else:
        facets = matching.extra(size=0, track_total_hits=True).params(request_cache=True)
        searches = MultiSearch(using=client, index=alias_name()).add(_with_facets(facets))
        if limit:
            searches = searches.add(hits.extra(track_total_hits=False))
        facets_response, *page = searches.execute()
        found = page[0].hits if page else []
        took = max(response.took for response in (facets_response, *page))
    highlights = {}
    for hit in found:
        fragments = getattr(hit.meta, "highlight", None)
        if fragments and f"title_{language}" in fragments:
            highlights[int(hit.meta.id)] = fragments[f"title_{language}"][0]
    return SearchResult(
        ids=[int(hit.meta.id) for hit in found],
        total=facets_response.hits.total.value,
        facets=_facet_counts(facets_response),
        highlights=highlights,
        took=took,
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
