"""The lint step that refuses unnamed first-party imports inside functions."""

import ast

from tools.inline_imports import ROOT, InlineImport, _allowed, _visit

SOURCE = """
from cms import models  # at the top: fine


def page_count():
    import json  # not ours: fine
    from cms import selectors  # ours, inside a function

    return selectors, json


class Block:
    def render(self):
        from search.queries import catalogue_search

        return catalogue_search
"""


def _found(source: str, name: str = "catalogue/example.py") -> list[InlineImport]:
    return _visit(ast.parse(source), ROOT / name, ["cms", "search", "catalogue"], stack=[])


def test_first_party_imports_inside_functions_and_methods_are_found():
    found = _found(SOURCE)

    assert [(item.line, item.importer, item.imported) for item in found] == [
        (7, "catalogue.example", "cms.selectors"),
        (14, "catalogue.example", "search.queries"),
    ]


def test_an_apps_module_may_import_inside_its_functions():
    assert _found(SOURCE, "catalogue/apps.py") == []


def test_an_entry_allows_its_importer_and_imported_module_only():
    (selectors, queries) = _found(SOURCE)

    assert _allowed("catalogue.example -> cms.selectors", selectors)
    assert not _allowed("catalogue.example -> cms.selectors", queries)
    assert _allowed("catalogue.* -> *", queries)
    assert not _allowed("cms.* -> *", queries)
