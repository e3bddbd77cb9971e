from marketplace.i18n_tools import fill_english

PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Cooperatives"
msgstr ""

#, fuzzy
msgid "Sort by"
msgstr "Old text"

msgid "Kept"
msgstr "Kept as written"

msgid "{{ counter }} product"
msgid_plural "{{ counter }} products"
msgstr[0] ""
msgstr[1] ""
"""


def test_fill_english_copies_ids_into_empty_and_fuzzy_entries(tmp_path):
    path = tmp_path / "django.po"
    path.write_text(PO, encoding="utf-8")

    filled = fill_english(str(path))

    text = path.read_text(encoding="utf-8")
    assert filled == 3
    assert 'msgid "Cooperatives"\nmsgstr "Cooperatives"' in text
    assert 'msgid "Sort by"\nmsgstr "Sort by"' in text
    assert 'msgstr "Kept as written"' in text
    assert 'msgstr[1] "{{ counter }} products"' in text
    assert "fuzzy" not in text
