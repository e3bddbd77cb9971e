"""Keeping the index in step with the database: queue after commit, drain, rebuild, check."""

import threading

import pytest
from django.db import transaction

from catalogue.models import Product
from search import indexing
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
