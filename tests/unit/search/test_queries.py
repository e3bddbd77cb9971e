"""What search sends the engine for the shopper's words: bounded however long the input."""

import pytest

from search.queries import MAX_QUERY_WORDS, MAX_WORD_LENGTH, _words


@pytest.mark.parametrize(
    ("raw", "sent"),
    [
        ("huile  d'argan ", "huile d'argan"),
        # Typo tolerance on a long word costs the engine seconds: a word keeps its start.
        ("x" * 3000, "x" * MAX_WORD_LENGTH),
        ("safran " + "y" * 40, "safran " + "y" * MAX_WORD_LENGTH),
        ("زيت الأركان", "زيت الأركان"),
    ],
)
def test_words_are_cut_to_what_a_product_can_match(raw, sent):
    assert _words(raw) == sent


def test_only_the_first_words_are_kept():
    assert _words(" ".join(f"w{n}" for n in range(30))).split() == [
        f"w{n}" for n in range(MAX_QUERY_WORDS)
    ]
