"""Keeping the index in step with the database: queue after commit, drain, rebuild, check."""

import threading
import time

import pytest
from django.db import transaction

from catalogue.models import Product
from search import indexing
from search.documents import MAPPING_VERSION
from search.models import PendingIndex
from search.queries import catalogue_search
from search.queue import queue_drain
from tests.factories import CooperativeFactory, product_create

pytestmark = pytest.mark.django_db


def test_a_change_is_searchable_once_committed_and_drained(
    engine, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        product = product_create(cooperative=CooperativeFactory(), title="Amlou aux amandes")
    engine.append(product.pk)
    assert PendingIndex.objects.filter(product_id=product.pk).exists()
    assert product.pk not in catalogue_search(query="amandes").ids  # not inline

    queue_drain()
    indexing.get_indexing_client().indices.refresh(index=indexing.alias_name())

    assert product.pk in catalogue_search(query="amandes").ids
    assert not PendingIndex.objects.exists()


def test_a_rolled_back_change_queues_nothing(engine, django_capture_on_commit_callbacks):
    product = Product.objects.filter(pk__in=indexing.indexable_products().values("pk")).first()
    before = PendingIndex.objects.count()

    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                product.title_fr = "Titre annulé"
                product.save()
                raise RuntimeError("the request failed")
        except RuntimeError:
            pass

    assert PendingIndex.objects.count() == before


def test_a_suspended_cooperatives_products_leave_the_index(
    engine, django_capture_on_commit_callbacks
):
    cooperative = CooperativeFactory()
    with django_capture_on_commit_callbacks(execute=True):
        product = product_create(cooperative=cooperative, title="Confiture de figues de test")
    engine.append(product.pk)
    queue_drain()
    indexing.get_indexing_client().indices.refresh(index=indexing.alias_name())
    assert product.pk in catalogue_search(query="figues").ids

    with django_capture_on_commit_callbacks(execute=True):
        cooperative.verification_state = cooperative.VerificationState.SUSPENDED
        cooperative.save()
    queue_drain()
    indexing.get_indexing_client().indices.refresh(index=indexing.alias_name())

    assert product.pk not in catalogue_search(query="figues").ids


def test_check_reports_missing_and_stale_documents(engine):
    client = indexing.get_indexing_client()
    alias = indexing.alias_name()
    missing, stale = list(indexing.indexable_products().values_list("pk", flat=True)[:2])
    client.delete(index=alias, id=missing, refresh=True)
    client.update(index=alias, id=stale, doc={"price": 0.5}, refresh=True)
    try:
        result = indexing.index_check()
        assert (result.missing, result.stale, result.extra) == ([missing], [stale], [])
    finally:
        indexing.index_update(product_ids=[missing, stale], refresh=True)
    assert indexing.index_check().ok


def test_a_rebuild_swaps_the_alias_while_searches_keep_answering(engine):
    client = indexing.get_indexing_client()
    alias = indexing.alias_name()
    (old_index,) = client.indices.get_alias(name=alias).keys()
    answers, failures = [], []
    stop = threading.Event()

    def keep_searching():
        while not stop.is_set():
            try:
                answers.append(catalogue_search(query="argan").total)
            except Exception as error:  # noqa: BLE001 - any failure is what we look for
                failures.append(error)

    searcher = threading.Thread(target=keep_searching)
    searcher.start()
    try:
        result = indexing.index_rebuild()
    finally:
        stop.set()
        searcher.join()

    assert failures == []
    assert len(answers) > 3
    assert min(answers) > 0
    assert list(client.indices.get_alias(name=alias).keys()) == [result.index]
    assert result.removed_indices == [old_index]
    assert not client.indices.exists(index=old_index)
    # Merged into one segment once filled, so that searches walk one terms dictionary.
    shards = client.indices.segments(index=result.index)["indices"][result.index]["shards"]
    assert [len(copy["segments"]) for copy in shards["0"]] == [1]


def test_an_update_becomes_searchable_without_asking_for_a_refresh(engine):
    # The rebuild fills its index without refreshing it; the index refreshes itself once live.
    product = product_create(cooperative=CooperativeFactory(), title="Nigelle en graines")
    engine.append(product.pk)

    indexing.index_update(product_ids=[product.pk])

    deadline = time.monotonic() + 10
    while product.pk not in catalogue_search(query="nigelle").ids:
        assert time.monotonic() < deadline, "the index does not refresh by itself"
        time.sleep(0.2)


def test_an_index_built_with_older_mappings_counts_as_missing(search_engine, settings):
    # An index from an older release lacks what the queries ask for: `search_index
    # --if-missing` (make run, docker-compose) must rebuild it rather than keep it.
    settings.ELASTICSEARCH_INDEX = "souk-test-older-mappings"
    search_engine.indices.create(
        index="souk-test-older-mappings-1",
        mappings={"_meta": {"version": 1}, "properties": {"title_fr": {"type": "text"}}},
        aliases={"souk-test-older-mappings": {}},
    )
    try:
        assert not indexing.index_exists()

        search_engine.indices.put_mapping(
            index="souk-test-older-mappings-1", meta={"version": MAPPING_VERSION}
        )

        assert indexing.index_exists()
    finally:
        search_engine.indices.delete(index="souk-test-older-mappings-1")


def test_draining_onto_an_emptied_engine_creates_no_index_and_loses_nothing(
    search_engine, settings, django_capture_on_commit_callbacks
):
    """With the alias gone, Elasticsearch would create a bare index under its name on the
    first write, and every search would then fail: the drain refuses, the queue keeps the
    products for after the rebuild."""
    settings.ELASTICSEARCH_INDEX = "souk-test-emptied"
    with django_capture_on_commit_callbacks(execute=True):
        product = product_create(cooperative=CooperativeFactory(), title="Amlou aux noix")

    with pytest.raises(indexing.IndexingError):
        queue_drain()

    assert not search_engine.indices.exists(index="souk-test-emptied")
    assert PendingIndex.objects.filter(product_id=product.pk).exists()


def test_deleting_a_document_the_index_never_had_is_no_error(engine):
    assert indexing.index_update(product_ids=[2_000_000_000]) == 1
