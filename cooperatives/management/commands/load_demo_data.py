"""Load the demo marketplace (idempotent), optionally with many synthetic cooperatives."""

from django.core.management.base import BaseCommand, CommandError

from cms.demo.loader import load_editorial
from cooperatives.demo import loader
from cooperatives.demo.baskets import load_basket_orders, load_baskets
from cooperatives.demo.orders import load_orders


class Command(BaseCommand):
    """Load 26 believable cooperatives, 130 products, solidarity baskets, demo orders, the
    editorial pages in three languages and the demo logins; twice changes nothing."""

    help = "Load the demo cooperatives, products, orders, pages and logins. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--cooperatives",
            type=int,
            default=0,
            metavar="N",
            help="Also make sure N synthetic cooperatives (about ten products each) exist.",
        )

    def handle(self, *args, cooperatives: int, **options):
        if cooperatives < 0:
            raise CommandError("--cooperatives must be zero or more.")
        logins = loader.load_catalogue(progress_stream=self.stderr)
        customer = loader.demo_customer()
        placed = load_orders(customer=customer)
        # Baskets before the editorial pages, which feature them on the Ramadan campaign; the
        # orders offering baskets after, since they go through that campaign.
        baskets = load_baskets()
        logins += load_editorial()
        placed += load_basket_orders(customer=customer)
        self.stdout.write(f"Demo baskets created: {baskets}.")
        if placed:
            self.stdout.write(f"Demo orders placed: {placed}.")
        if cooperatives:
            created = loader.load_synthetic(count=cooperatives, progress_stream=self.stderr)
            self.stdout.write(f"Synthetic cooperatives created: {created} (wanted {cooperatives}).")
        self.stdout.write(self.style.SUCCESS("Demo data loaded. Demo logins:"))
        width = max(len(login.email) for login in logins)
        for login in logins:
            self.stdout.write(f"  {login.email.ljust(width)}  {login.password}  ({login.role})")
