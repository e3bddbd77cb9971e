"""Our message catalogues are complete in French, Arabic and English, and compiled."""

import gettext
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parents[3] / "marketplace" / "locale"


def _catalog(code: str):
    with open(LOCALE_DIR / code / "LC_MESSAGES" / "django.po", "rb") as handle:
        return read_po(handle, locale=code)


@pytest.mark.parametrize("code", ["fr", "ar", "en"])
def test_every_message_is_translated_and_none_is_fuzzy(code):
    catalog = _catalog(code)
    messages = [message for message in catalog if message.id]
    assert len(messages) > 50
    untranslated = [
        message.id
        for message in messages
        if not (all(message.string) if message.pluralizable else message.string)
    ]
    fuzzy = [message.id for message in messages if message.fuzzy]
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("code", ["fr", "ar", "en"])
def test_the_compiled_catalogue_matches_the_sources(code):
    catalog = _catalog(code)
    with open(LOCALE_DIR / code / "LC_MESSAGES" / "django.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for message in catalog:
        if not message.id or message.pluralizable:
            continue
        assert compiled.gettext(message.id) == message.string, message.id


def test_arabic_plurals_cover_its_six_forms():
    catalog = _catalog("ar")
    assert catalog.num_plurals == 6
