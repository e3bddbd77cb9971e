"""The CMS's background work: pages (and snippets) scheduled to go live or to expire."""

import io

from django.core.management import call_command

from marketplace.background.tasks import task_retried


@task_retried(queue_name="periodic", attempts=3)
def pages_scheduled_publish() -> str:
    """Publish what editors scheduled for now and unpublish what has expired: Wagtail's own
    `publish_scheduled` (it sends the page signals that clear the cached pages). Returns its
    report."""
    report = io.StringIO()
    call_command("publish_scheduled", stdout=report)
    return report.getvalue()
