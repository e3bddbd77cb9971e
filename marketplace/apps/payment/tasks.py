"""The payment app's background work: card orders left unpaid (queued every few minutes by
`tasks_schedule`, settings.TASKS_PERIODIC)."""

from marketplace.apps.payment.services import orders_unpaid_expire
from marketplace.background.tasks import task_retried


@task_retried(queue_name="periodic", attempts=3)
def orders_unpaid_expire_task() -> list[str]:
    """Cancel card orders not paid in time, release their stock and tell their customers;
    returns their numbers."""
    return orders_unpaid_expire()
