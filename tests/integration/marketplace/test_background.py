"""Background work through the real backend (django-tasks-db) and its worker: e-mails retried
when the mail server fails, periodic tasks queued by the scheduler, results pruned."""

import datetime
import logging

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from cms.tasks import pages_scheduled_publish
from cooperatives.tasks import order_placed_email, shipment_new_email
from marketplace.apps.payment.tasks import orders_unpaid_expire_task
from marketplace.background.schedule import periodic_enqueue
from marketplace.background.tasks import ATTEMPT, retry_delay, task_results_prune
from tests.background import FailingEmailBackend, tasks_run, tasks_waiting

pytestmark = pytest.mark.django_db

PERIODIC = sorted(
    [
        pages_scheduled_publish.module_path,
        orders_unpaid_expire_task.module_path,
        task_results_prune.module_path,
    ]
)


@pytest.fixture
def failing_mail(settings):
    settings.EMAIL_BACKEND = "tests.background.FailingEmailBackend"
    yield FailingEmailBackend
    FailingEmailBackend.failures = 0


def test_placing_an_order_queues_one_task_per_message_and_the_worker_sends_them(placed_order):
    waiting = tasks_waiting()
    assert [result.task_path for result in waiting] == [
        order_placed_email.module_path,
        shipment_new_email.module_path,
        shipment_new_email.module_path,
    ]
    assert mail.outbox == []

    assert tasks_run() == 3

    assert sorted(message.to[0] for message in mail.outbox) == [
        "buyer@example.test",
        "staff@argan.test",
        "staff@tapis.test",
    ]
    assert {r.status for r in DBTaskResult.objects.filter(pk__in=[r.pk for r in waiting])} == {
        TaskResultStatus.SUCCESSFUL
    }


def test_a_message_the_mail_server_refuses_is_retried_alone_later(
    placed_order, failing_mail, caplog
):
    failing_mail.failures = 1  # the first message (the buyer's confirmation) is refused
    before = timezone.now()

    with caplog.at_level(logging.WARNING, logger="marketplace.background.tasks"):
        assert tasks_run() == 3

    assert sorted(message.to[0] for message in mail.outbox) == [
        "staff@argan.test",
        "staff@tapis.test",
    ]
    (failed,) = DBTaskResult.objects.filter(status=TaskResultStatus.FAILED)
    assert failed.task_path == order_placed_email.module_path
    assert failed.exception_class_path == "tests.background.MailServerDown"
    (retry,) = tasks_waiting()
    assert retry.task_path == order_placed_email.module_path
    assert retry.args_kwargs["kwargs"] == {"order_id": placed_order.pk, ATTEMPT: 2}
    # A minute later, not at once.
    assert retry.run_after >= before + datetime.timedelta(minutes=1)
    assert retry.run_after <= timezone.now() + datetime.timedelta(minutes=1)
    assert "order_placed_email failed (attempt 1 of 8)" in caplog.text
    assert tasks_run() == 0

    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())  # a minute passes
    assert tasks_run() == 1

    retry.refresh_from_db()
    assert retry.status == TaskResultStatus.SUCCESSFUL
    assert [message.to for message in mail.outbox][-1] == ["buyer@example.test"]
    assert len(mail.outbox) == 3  # each message once


def test_a_task_that_keeps_failing_stops_after_its_attempts_and_is_logged_as_an_error(
    placed_order, failing_mail, caplog
):
    failing_mail.failures = 1000
    order_placed_email.enqueue(order_id=placed_order.pk, **{ATTEMPT: 8})  # its last attempt
    DBTaskResult.objects.exclude(args_kwargs__kwargs__has_key=ATTEMPT).delete()

    with caplog.at_level(logging.ERROR, logger="marketplace.background.tasks"):
        assert tasks_run() == 1

    assert tasks_waiting() == []
    (failed,) = DBTaskResult.objects.filter(status=TaskResultStatus.FAILED)
    assert failed.task_path == order_placed_email.module_path
    assert "order_placed_email failed for good after 8 attempts" in caplog.text
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("attempt", "seconds"), [(1, 60), (2, 120), (3, 240), (7, 3840), (8, 7200), (30, 7200)]
)
def test_retries_wait_twice_as_long_each_time_up_to_a_limit(attempt, seconds):
    wait = retry_delay(
        attempt=attempt,
        delay=datetime.timedelta(minutes=1),
        delay_max=datetime.timedelta(hours=2),
    )
    assert wait == datetime.timedelta(seconds=seconds)


def test_the_scheduler_queues_each_periodic_task_once_until_its_interval_has_passed():
    now = timezone.now()

    assert sorted(periodic_enqueue(now=now)) == PERIODIC
    assert periodic_enqueue(now=now) == []  # waiting to run
    tasks_run()
    assert periodic_enqueue(now=now + datetime.timedelta(seconds=30)) == []

    assert periodic_enqueue(now=now + datetime.timedelta(minutes=6)) == sorted(
        [pages_scheduled_publish.module_path, orders_unpaid_expire_task.module_path]
    )
    assert periodic_enqueue(now=now + datetime.timedelta(days=2)) == [
        task_results_prune.module_path
    ]


def test_the_schedule_command_queues_the_due_tasks():
    call_command("tasks_schedule")

    assert sorted(result.task_path for result in tasks_waiting()) == PERIODIC


def test_pruning_forgets_old_successes_and_keeps_failures_longer(settings):
    settings.TASKS_KEEP_SUCCESSFUL_DAYS = 7
    settings.TASKS_KEEP_FAILED_DAYS = 90
    DBTaskResult.objects.all().delete()
    now = timezone.now()
    ages = {"fresh": 1, "week-old": 8, "quarter-old": 91}
    for status in (TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED):
        for label, days in ages.items():
            result = task_results_prune.enqueue()
            DBTaskResult.objects.filter(pk=result.id).update(
                status=status,
                finished_at=now - datetime.timedelta(days=days),
                return_value=f"{status}-{label}",
            )
    pruning = task_results_prune.enqueue()

    assert tasks_run() == 1

    pruning_result = DBTaskResult.objects.get(pk=pruning.id)
    assert pruning_result.return_value == 3
    assert sorted(
        DBTaskResult.objects.exclude(pk=pruning.id).values_list("return_value", flat=True)
    ) == ["FAILED-fresh", "FAILED-week-old", "SUCCESSFUL-fresh"]
