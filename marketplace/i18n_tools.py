"""Catalogue helpers for `make messages`: English is our source language, so its catalogue copies
each message id into its translation, keeping the English catalogue complete by construction."""

import sys

from babel.messages.pofile import read_po, write_po


def fill_english(path: str) -> int:
    """Copy msgid into empty or fuzzy msgstr entries of the English catalogue; return how many."""
    with open(path, "rb") as handle:
        catalog = read_po(handle, locale="en")
    filled = 0
    for message in catalog:
        if not message.id:
            continue
        if message.pluralizable:
            if message.fuzzy or not all(message.string):
                message.string = (message.id[0], message.id[1])
                filled += 1
        elif message.fuzzy or not message.string:
            message.string = message.id
            filled += 1
        message.flags.discard("fuzzy")
    with open(path, "wb") as handle:
        write_po(handle, catalog, width=100)
    return filled


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "fill-english":
        sys.exit("usage: python -m marketplace.i18n_tools fill-english PATH")
    count = fill_english(sys.argv[2])
    sys.stdout.write(f"{count} English messages filled\n")
