# ruff: noqa: RUF001, RUF002  (curly apostrophes and quotes are the subject here)
"""Words and the text between them, found in one left-to-right pass.

A *word* is a run of letters, which may hold apostrophes between letters
(``I'm``, ``I’ve``, ``wasn't``).  Digits, punctuation, spaces, emoji and
everything else fall between words.  :func:`split_words` keeps every character,
so ``"".join(split_words(text)) == text`` always holds.

The pattern is unambiguous: a letter run cannot be split two ways, and an
apostrophe continues a word only when a letter follows it, so each character is
looked at a bounded number of times and the pass is linear in the input.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["APOSTROPHES", "is_word", "load_language_data", "split_words", "words"]

APOSTROPHES = "'\u2019"
"""The apostrophes a word may hold: the straight ``'`` and the curly ``’``."""

# A letter is a word character that is neither a digit nor "_".
_WORD = re.compile(r"([^\W\d_]+(?:['\u2019][^\W\d_]+)*)")


def split_words(text: str) -> list[str]:
    """Split *text* into the text between words and the words, alternately.

    Args:
        text: Any string.

    Returns:
        A list of odd length: even indices hold the text between words (possibly
        empty), odd indices hold the words. Joining it gives back *text*.

    >>> split_words("I'm here, me!")
    ['', "I'm", ' ', 'here', ', ', 'me', '!']
    """
    return _WORD.split(text)


def words(text: str) -> list[str]:
    """The words of *text*, in order.

    Args:
        text: Any string.

    Returns:
        Every run of letters (with inner apostrophes) in *text*.

    >>> words("I.V. drip, 2 bags; it’s fine")
    ['I', 'V', 'drip', 'bags', 'it’s', 'fine']
    """
    return _WORD.findall(text)


def is_word(text: str) -> bool:
    """Whether *text* is exactly one word.

    Args:
        text: Any string.

    Returns:
        True when *text* is a single run of letters (with inner apostrophes).

    >>> is_word("don't"), is_word("don't!"), is_word("")
    (True, False, False)
    """
    return _WORD.fullmatch(text) is not None


@cache
def load_language_data(name: str) -> Any:
    """Load a JSON lexicon shipped in ``mikit/data/language/`` (once per name).

    Args:
        name: The file name, such as ``"perspective.json"``.

    Returns:
        The parsed JSON document.
    """
    path = resources.files("mikit").joinpath("data", "language", name)
    return json.loads(path.read_text(encoding="utf-8"))
