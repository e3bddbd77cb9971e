"""Build or check the search index."""

from django.core.management.base import BaseCommand, CommandError

from search import indexing
from search.engine import engine_available


class Command(BaseCommand):
    """--rebuild fills a new index and swaps the alias; --check reports missing or stale ones."""

    help = "Rebuild the search index behind its alias (--rebuild) or compare it with the database."

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--rebuild", action="store_true", help="Fill a new index, swap alias.")
        action.add_argument("--check", action="store_true", help="Compare index and database.")
        action.add_argument(
            "--if-missing", action="store_true", help="Rebuild only when there is no index yet."
        )

    def handle(self, *args, rebuild: bool, check: bool, if_missing: bool, **options):
        if not engine_available():
            if if_missing:
                self.stdout.write("Search engine unreachable: the site searches the database.")
                return
            raise CommandError("The search engine does not answer (ELASTICSEARCH_URL).")
        if if_missing and indexing.index_exists():
            self.stdout.write("Search index present.")
            return
        if rebuild or if_missing:
            result = indexing.index_rebuild(progress_stream=self.stderr)
            self.stdout.write(
                self.style.SUCCESS(f"Indexed {result.documents} documents into {result.index}.")
            )
            return
        result = indexing.index_check()
        for label, ids in (
            ("missing", result.missing),
            ("stale", result.stale),
            ("extra", result.extra),
        ):
            self.stdout.write(f"{label}: {len(ids)}" + (f" (e.g. {ids[:10]})" if ids else ""))
        if not result.ok:
            raise CommandError("The search index differs from the database.")
        self.stdout.write(self.style.SUCCESS("The search index matches the database."))
