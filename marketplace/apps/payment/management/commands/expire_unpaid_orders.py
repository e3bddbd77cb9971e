"""Cancel card orders left unpaid past CARD_PAYMENT_EXPIRY_MINUTES (run it every few minutes)."""

from django.core.management.base import BaseCommand

from marketplace.apps.payment.services import orders_unpaid_expire


class Command(BaseCommand):
    """Unpaid card orders are cancelled, their stock released and their customers told."""

    help = "Cancel card orders not paid in time; release their stock; e-mail their customers."

    def handle(self, *args, **options):
        numbers = orders_unpaid_expire()
        self.stdout.write(
            f"Expired {len(numbers)} unpaid card orders{': ' if numbers else '.'}"
            + ", ".join(numbers)
        )
