"""Our fork of Oscar's search app (label `search`): browsing and search without haystack."""

import oscar.apps.search.apps as apps


class SearchConfig(apps.SearchConfig):
    name = "search"
