"""Keeping the index in step with the database: a task per committed change, run by the real
worker (retried while the engine is away), rebuild, check."""

import threading
import time
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from catalogue.models import Product
from marketplace.background.tasks import ATTEMPT
from search import indexing
from search.documents import MAPPING_VERSION
from search.queries import catalogue_search
from search.tasks import products_index
from tests.background import tasks_run, tasks_waiting
from tests.factories import CooperativeFactory, product_create

pytestmark = pytest.mark.django_db


def _index_tasks() -> list[list[int]]:
    """The product ids of each indexing task waiting to run."""
    return [result.args_kwargs["kwargs"]["product_ids"] for result in tasks_waiting(products_index)]


def test_a_change_is_searchable_once_committed_and_its_task_has_run(
    engine, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        product = product_create(cooperative=CooperativeFactory(), title="Amlou aux amandes")
    engine.append(product.pk)
    (waiting,) = tasks_waiting(products_index)  # one task for the whole transaction
    assert waiting.args_kwargs["kwargs"] == {"product_ids": [product.pk]}
    assert product.pk not in catalogue_search(query="amandes").ids  # not inline

    assert tasks_run() == 1

    assert product.pk in catalogue_search(query="amandes").ids
    assert _index_tasks() == []
    waiting.refresh_from_db()
    assert (waiting.status, waiting.return_value) == (TaskResultStatus.SUCCESSFUL, 1)


def test_every_product_a_transaction_touches_goes_into_one_task(
    engine, django_capture_on_commit_callbacks
):
    first, second = indexing.indexable_products()[:2]
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        for product in (first, second, first):
            product.save()

    assert _index_tasks() == [sorted([first.pk, second.pk])]


def test_a_rolled_back_change_queues_nothing(engine, django_capture_on_commit_callbacks):
    product = Product.objects.filter(pk__in=indexing.indexable_products().values("pk")).first()

    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                product.title_fr = "Titre annulé"
                product.save()
                raise RuntimeError("the request failed")
        except RuntimeError:
            pass

    assert _index_tasks() == []


def test_a_suspended_cooperatives_products_leave_the_index(
    engine, django_capture_on_commit_callbacks
):
    cooperative = CooperativeFactory()
    with django_capture_on_commit_callbacks(execute=True):
        product = product_create(cooperative=cooperative, title="Confiture de figues de test")
    engine.append(product.pk)
    tasks_run()
    assert product.pk in catalogue_search(query="figues").ids

    with django_capture_on_commit_callbacks(execute=True):
        cooperative.verification_state = cooperative.VerificationState.SUSPENDED
        cooperative.save()
    tasks_run()

    assert product.pk not in catalogue_search(query="figues").ids


def test_indexing_waits_for_an_engine_that_is_away_then_catches_up(
    engine, settings, django_capture_on_commit_callbacks, caplog
):
    with django_capture_on_commit_callbacks(execute=True):
        product = product_create(cooperative=CooperativeFactory(), title="Miel de jujubier")
    engine.append(product.pk)
    url = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there

    before = timezone.now()
    assert tasks_run() == 1

    (failed,) = DBTaskResult.objects.filter(status=TaskResultStatus.FAILED)
    assert failed.exception_class_path.startswith("elastic_transport.")
    (retry,) = tasks_waiting(products_index)
    assert retry.args_kwargs["kwargs"] == {"product_ids": [product.pk], ATTEMPT: 2}
    assert (
        before + timedelta(seconds=10) <= retry.run_after <= timezone.now() + timedelta(seconds=10)
    )
    assert "failed (attempt 1 of 30)" in caplog.text
    assert tasks_run() == 0  # not due yet

    settings.ELASTICSEARCH_URL = url  # the engine is back, and the delay has passed
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    assert tasks_run() == 1

    retry.refresh_from_db()
    assert retry.status == TaskResultStatus.SUCCESSFUL
    assert product.pk in catalogue_search(query="jujubier").ids


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


def test_indexing_onto_an_emptied_engine_creates_no_index_and_loses_nothing(
    search_engine, settings, django_capture_on_commit_callbacks
):
    """With the alias gone, Elasticsearch would create a bare index under its name on the
    first write, and every search would then fail: the task refuses, and its retry keeps the
    products for after the rebuild."""
    settings.ELASTICSEARCH_INDEX = "souk-test-emptied"
    with django_capture_on_commit_callbacks(execute=True):
        product = product_create(cooperative=CooperativeFactory(), title="Amlou aux noix")

    assert tasks_run() == 1

    assert not search_engine.indices.exists(index="souk-test-emptied")
    (failed,) = DBTaskResult.objects.filter(status=TaskResultStatus.FAILED)
    assert failed.exception_class_path == "search.indexing.IndexingError"
    assert _index_tasks() == [[product.pk]]


def test_deleting_a_document_the_index_never_had_is_no_error(engine):
    assert indexing.index_update(product_ids=[2_000_000_000]) == 1
