"""Filling the search index from the database: a full rebuild behind an alias, and updates.

Searches always go to the alias. A rebuild fills a fresh index and then moves the alias in one
atomic call, so searching keeps answering from the old index until the new one is complete.
"""

import datetime
import logging
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone
from elasticsearch.helpers import bulk

from catalogue.models import Category, Product
from catalogue.selectors import (
    basket_available_quantity,
    basket_components,
    component_stockrecord,
    product_list_sellable,
)
from cooperatives.models import Certification
from marketplace.progress import ProgressBar
from search.documents import LANGUAGES, MAPPING_VERSION, REFRESH_INTERVAL, CatalogueDocument
from search.engine import get_indexing_client
from search.signals import products_indexed

logger = logging.getLogger(__name__)

BATCH_SIZE = 500


def alias_name() -> str:
    return settings.ELASTICSEARCH_INDEX


def indexable_products() -> QuerySet:
    """Exactly what the shop lists (catalogue.selectors.product_list_sellable)."""
    return product_list_sellable().distinct().order_by("pk")


def _with_document_relations(queryset: QuerySet) -> QuerySet:
    today = timezone.localdate()
    return queryset.annotate(sold=Count("line", distinct=True)).prefetch_related(
        "stockrecords__partner__cooperative__region",
        "categories",
        "images",
        Prefetch("labels", queryset=Certification.objects.valid(on=today), to_attr="valid_labels"),
        # Solidarity baskets: their components' cooperatives, regions, stock and labels.
        "solidarity_basket__hub",
        "solidarity_basket__components__product__stockrecords__partner__cooperative__region",
        Prefetch(
            "solidarity_basket__components__product__labels",
            queryset=Certification.objects.valid(on=today),
            to_attr="valid_labels",
        ),
    )


def _category_trail(category: Category, by_path: dict[str, Category]) -> list[Category]:
    """The category and its ancestors, from treebeard's materialised path (no queries)."""
    steps = len(category.path) // category.steplen
    return [
        by_path[category.path[: n * category.steplen]]
        for n in range(1, steps + 1)
        if category.path[: n * category.steplen] in by_path
    ]


def product_document(product: Product, categories_by_path: dict[str, Category]) -> dict:
    """The search document of one product (relations prefetched by the caller)."""
    records = list(product.stockrecords.all())
    record = records[0] if records else None
    cooperative = getattr(record.partner, "cooperative", None) if record else None
    free = max(record.net_stock_level, 0) if record is not None else 0
    trail: list[Category] = []
    for category in product.categories.all():
        trail.extend(_category_trail(category, categories_by_path))
    image = next(iter(product.images.all()), None)
    titles = {language: getattr(product, f"title_{language}") or "" for language in LANGUAGES}
    cooperatives = [cooperative] if cooperative else []
    labels = {label.kind for label in getattr(product, "valid_labels", [])}
    is_basket = product.is_solidarity_basket
    if is_basket:
        # A basket is found by each of its cooperatives, regions and labels.
        components = basket_components(basket=product.solidarity_basket)
        component_records = [component_stockrecord(component) for component in components]
        cooperatives = list(
            {
                item.partner.cooperative.pk: item.partner.cooperative
                for item in component_records
                if item is not None
            }.values()
        )
        labels = {
            label.kind
            for component in components
            for label in getattr(component.product, "valid_labels", [])
        }
        free = basket_available_quantity(basket=product.solidarity_basket)
    document = {
        "_id": product.pk,
        "kind": "basket" if is_basket else "product",
        **{f"title_{language}": titles[language] for language in LANGUAGES},
        **{
            f"description_{language}": getattr(product, f"description_{language}") or ""
            for language in LANGUAGES
        },
        "suggest": " ".join(dict.fromkeys(title for title in titles.values() if title)),
        "cooperatives": [item.slug for item in cooperatives],
        "cooperative_names": [item.name for item in cooperatives],
        "regions": sorted({item.region.code for item in cooperatives}),
        "labels": sorted(labels),
        "categories": sorted({category.slug for category in trail}),
        "category_names": sorted(
            {
                name
                for category in trail
                for name in (category.name_fr, category.name_ar, category.name_en)
                if name
            }
        ),
        "price": float(record.price) if record and record.price is not None else None,
        "in_stock": free > 0,
        "available": free,
        "women_led": any(item.women_led for item in cooperatives),
        "verified": bool(cooperatives) and all(item.is_verified for item in cooperatives),
        "popularity": getattr(product, "sold", 0),
        "date": product.date_created,
        "url_path": product.get_absolute_url(),
        "image": image.original.name if image else "",
    }
    return document


def _categories_by_path() -> dict[str, Category]:
    return {category.path: category for category in Category.objects.all()}


def documents_for(queryset: QuerySet) -> Iterator[dict]:
    """Documents for a queryset of products, fetched in batches with a flat number of queries."""
    categories = _categories_by_path()
    ids = list(queryset.values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH_SIZE):
        batch = _with_document_relations(
            Product.objects.filter(pk__in=ids[start : start + BATCH_SIZE])
        )
        for product in batch.order_by("pk"):
            yield product_document(product, categories)


@dataclass
class RebuildResult:
    index: str
    documents: int
    removed_indices: list[str] = field(default_factory=list)


def index_create(name: str, *, bulk_loading: bool = False) -> None:
    """Create an index with our mappings and analyzers (not refreshed while bulk loading)."""
    index = CatalogueDocument._index.clone(name=name)
    if bulk_loading:
        index.settings(refresh_interval="-1")
    index.create(using=get_indexing_client())


def _index_finish(name: str) -> None:
    """Make a bulk-loaded index ready to search: one segment, then refreshed as usual.

    Merged into a single segment, every search walks one terms dictionary and one set of
    ordinals instead of a dozen; later updates add small segments that merge as usual.
    """
    client = get_indexing_client()
    client.indices.put_settings(
        index=name, settings={"index": {"refresh_interval": REFRESH_INTERVAL}}
    )
    started = time.monotonic()
    # Merging takes seconds per 100,000 documents: longer than an indexing request may.
    client.options(
        request_timeout=max(settings.ELASTICSEARCH_INDEXING_TIMEOUT, 600)
    ).indices.forcemerge(index=name, max_num_segments=1)
    client.indices.refresh(index=name)
    logger.info("Search index %s merged in %.1f s", name, time.monotonic() - started)


def index_rebuild(*, progress_stream=None) -> RebuildResult:
    """Fill a new index from the database, then move the alias onto it and drop the old ones."""
    client = get_indexing_client()
    alias = alias_name()
    stamp = datetime.datetime.now(tz=datetime.UTC).strftime("%Y%m%d%H%M%S%f")
    name = f"{alias}-{stamp}"
    index_create(name, bulk_loading=True)
    queryset = indexable_products()
    bar = ProgressBar(total=queryset.count(), label="Indexing", stream=progress_stream)
    count = 0

    def actions() -> Iterator[dict]:
        nonlocal count
        for document in documents_for(queryset):
            count += 1
            bar.advance()
            yield {"_index": name, **document}

    bulk(client, actions(), chunk_size=BATCH_SIZE, refresh=False)
    _index_finish(name)
    old = list(client.indices.get_alias(name=alias).keys()) if _alias_exists(alias) else []
    if client.indices.exists(index=alias) and not old:
        # A plain index squats the alias's name (an earlier tool made it): it must go first.
        client.indices.delete(index=alias)
    moves = [{"remove": {"index": index, "alias": alias}} for index in old]
    moves.append({"add": {"index": name, "alias": alias}})
    client.indices.update_aliases(actions=moves)
    products_indexed.send(sender=index_rebuild, product_ids=None)
    if old:
        # A search that resolved the alias just before the move is still reading the old index:
        # deleting it now would fail that search with "no shard available".
        time.sleep(settings.ELASTICSEARCH_OLD_INDEX_GRACE)
    for index in old:
        client.indices.delete(index=index, ignore_unavailable=True)
    logger.info("Search index %s built with %d documents; alias %s moved", name, count, alias)
    return RebuildResult(index=name, documents=count, removed_indices=old)


def _alias_exists(alias: str) -> bool:
    return bool(get_indexing_client().indices.exists_alias(name=alias))


def index_exists(*, client=None) -> bool:
    """Whether the alias leads to an index built with the current mappings (asked through
    `client`, by default the patient indexing one).

    An index from an older release lacks what the queries ask for (term vectors for the
    highlights, the date order): it counts as missing, so that it is rebuilt.
    """
    client = client or get_indexing_client()
    if client is None or not client.indices.exists_alias(name=alias_name()):
        return False
    mappings = client.indices.get_mapping(index=alias_name())
    return all(
        index["mappings"].get("_meta", {}).get("version") == MAPPING_VERSION
        for index in mappings.values()
    )


def index_update(*, product_ids: Iterable[int], refresh: bool = False) -> int:
    """Bring these products' documents up to date: index the sellable ones, delete the others."""
    product_ids = set(product_ids)
    if not product_ids:
        return 0
    client = get_indexing_client()
    alias = alias_name()
    sellable = indexable_products().filter(pk__in=product_ids)
    actions: list[dict] = [{"_index": alias, **document} for document in documents_for(sellable)]
    gone = product_ids - {action["_id"] for action in actions}
    actions += [{"_op_type": "delete", "_index": alias, "_id": pk} for pk in gone]
    # `require_alias`: with the alias gone (an emptied engine), Elasticsearch would otherwise
    # create a bare index under its name, without our mappings, and every search would then
    # fail. Only a rebuild creates an index.
    _done, errors = bulk(
        client,
        actions,
        raise_on_error=False,
        require_alias=True,
        refresh="wait_for" if refresh else False,
    )
    failed = [error for error in errors if not _already_deleted(error)]
    if failed:
        raise IndexingError(f"{len(failed)} of {len(actions)} documents not indexed: {failed[0]}")
    return len(actions)


class IndexingError(Exception):
    """Documents the engine refused (its alias missing, a mapping conflict...)."""


def _already_deleted(error: dict) -> bool:
    """A delete of a document the index never had: what was asked holds."""
    result = error.get("delete")
    return result is not None and result.get("status") == 404


@dataclass
class CheckResult:
    missing: list[int]
    stale: list[int]
    extra: list[int]

    @property
    def ok(self) -> bool:
        return not (self.missing or self.stale or self.extra)


# The fields a check compares: what changes when a product, its stock or its cooperative does.
CHECKED_FIELDS = ("title_fr", "price", "available", "cooperatives", "labels", "verified")


def index_check() -> CheckResult:
    """Compare the index with the database: documents missing, stale or left over."""
    client = get_indexing_client()
    alias = alias_name()
    expected = {
        document["_id"]: {key: document[key] for key in CHECKED_FIELDS}
        for document in documents_for(indexable_products())
    }
    found: dict[int, dict] = {}
    from elasticsearch.helpers import scan

    for hit in scan(
        client, index=alias, query={"query": {"match_all": {}}}, _source=CHECKED_FIELDS
    ):
        found[int(hit["_id"])] = {key: hit["_source"].get(key) for key in CHECKED_FIELDS}
    missing = sorted(set(expected) - set(found))
    extra = sorted(set(found) - set(expected))
    stale = sorted(pk for pk in set(expected) & set(found) if expected[pk] != found[pk])
    return CheckResult(missing=missing, stale=stale, extra=extra)
