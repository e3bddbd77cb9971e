"""The payment app's background work: card orders left unpaid (queued every few minutes by
`tasks_schedule`, settings.TASKS_PERIODIC), and refunds sent to Stripe after the fact."""

import datetime

from marketplace.apps.payment import services
from marketplace.background.tasks import task_retried


@task_retried(queue_name="periodic", attempts=3)
def orders_unpaid_expire_task() -> list[str]:
    """Cancel card orders not paid in time, release their stock and tell their customers;
    returns their numbers."""
    return services.orders_unpaid_expire()


# Until Stripe accepts it: about a week of attempts, six hours apart at the longest.
@task_retried(
    queue_name="default",
    attempts=40,
    delay=datetime.timedelta(minutes=1),
    delay_max=datetime.timedelta(hours=6),
)
def refund_send(*, refund_id: int) -> str:
    """Send a waiting refund to Stripe and record it; returns Stripe's refund id."""
    return services.late_payment_refund_send(refund_id=refund_id)
