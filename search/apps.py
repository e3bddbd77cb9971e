"""Our fork of Oscar's search app (label `search`): Elasticsearch, with the database as fallback."""

import oscar.apps.search.apps as apps


class SearchConfig(apps.SearchConfig):
    name = "search"

    def ready(self):
        super().ready()
        from search import receivers

        receivers.connect()
