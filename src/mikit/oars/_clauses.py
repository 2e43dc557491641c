"""Client text cut into clauses ready for a template: one pass, no backtracking.

A *clause* here is what a reflection or summary repeats of the client's words:
whitespace collapsed, leading fillers ("yeah", "well", "but") and final
punctuation removed, question marks dropped (a reflection is a statement), turned
to the second person, and with a lower-case first word so it can follow a stem
("So you want to quit").
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

from mikit.errors import EmptyTextError
from mikit.language.perspective import second_person
from mikit.language.tokens import split_words

__all__ = [
    "clause",
    "contrast_split",
    "focus_sentence",
    "has_content",
    "lexicon",
    "lower_first",
    "require_content",
    "sentences",
    "shifted",
    "words_lower",
]

# One or more spaces after a sentence end; the look-behind is one character wide.
_SENTENCE_END = re.compile(r"(?<=[.!?\u2026\u3002\uff01\uff1f])\s+")
_QUESTION_MARKS = str.maketrans("", "", "?\uff1f\u00bf\u2e2e\u037e\u061f")
_TRAILING = " .!?,;:\u2026-\u2013\u2014\u3002\uff01\uff1f"
_LEADING = " ,;:-\u2013\u2014"
_MIN_FOCUS_WORDS = 3
_ALNUM = re.compile(r"[^\W_]")
# A word as mikit.language.tokens reads it: letters with inner apostrophes.
_FIRST_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")


@cache
def lexicon() -> dict[str, Any]:
    """The word lists in ``mikit/data/oars/lexicon.json``, loaded once."""
    path = resources.files("mikit").joinpath("data", "oars", "lexicon.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@cache
def _fillers() -> frozenset[str]:
    return frozenset(lexicon()["fillers"])


def has_content(text: str) -> bool:
    """Whether *text* holds at least one letter or digit."""
    return _ALNUM.search(text) is not None


def require_content(text: str, what: str) -> None:
    """Raise EmptyTextError unless *text* holds a letter or digit.

    Raises:
        EmptyTextError: If *text* is empty, blank, or only punctuation and symbols.
    """
    if not has_content(text):
        msg = f"nothing to {what}: the text has no letters or digits ({text[:40]!r})"
        raise EmptyTextError(msg)


def sentences(text: str) -> list[str]:
    """The sentences of *text* with content, whitespace collapsed."""
    flat = " ".join(text.split())
    return [s for s in _SENTENCE_END.split(flat) if has_content(s)]


def focus_sentence(text: str) -> str:
    """The sentence a reflection repeats: the last with three words or more.

    Short replies ("It does.", "Yeah.") carry little to reflect, so the last
    longer sentence is preferred; failing that, the last sentence with content.
    """
    found = sentences(text)
    if not found:
        return " ".join(text.split())
    for candidate in reversed(found):
        if len(candidate.split()) >= _MIN_FOCUS_WORDS:
            return candidate
    return found[-1]


def words_lower(text: str) -> list[str]:
    """The words of *text* in lower case, in order."""
    return [w.lower() for w in split_words(text)[1::2]]


def _strip_fillers(text: str) -> str:
    fillers = _fillers()
    first = _FIRST_WORD.match(text.lstrip(_LEADING))
    if first is None or first.group().lower() not in fillers:
        return text  # the common case, without splitting the whole text
    parts = split_words(text)
    i = 1
    while i < len(parts) and parts[i - 1].strip(_LEADING) == "" and parts[i].lower() in fillers:
        i += 2
    if i >= len(parts):
        return text  # all fillers ("Yeah, well"): keep what was said
    return "".join(parts[i - 1 :]).lstrip(_LEADING)


def lower_first(text: str) -> str:
    """*text* with its first word in lower case if it is an ordinary capitalised word.

    "I" and words with other capitals (iPhone, NHS, McDonald) are kept.

    >>> lower_first("Smoking helps you relax")
    'smoking helps you relax'
    >>> lower_first("NHS staff")
    'NHS staff'
    """
    found = _FIRST_WORD.match(text)
    if found is None:
        return text
    word = found.group()
    if word == "I" or word.startswith(("I'", "I\u2019")):
        return text
    rest = word[1:]
    if word[0].isupper() and (not rest or rest == rest.lower()):
        return word[0].lower() + text[1:]
    return text


def shifted(text: str) -> str:
    """*text* turned to the second person with :func:`mikit.second_person`."""
    return second_person(text)


def clause(text: str) -> str:
    """*text* as a clause to follow a stem: see the module docstring.

    >>> clause("Yeah, I want to quit for my kids!")
    'you want to quit for your kids'
    """
    flat = " ".join(text.split()).translate(_QUESTION_MARKS)
    core = _strip_fillers(flat).rstrip(_TRAILING).lstrip(_LEADING)
    if not has_content(core):
        core = flat.rstrip(_TRAILING).lstrip(_LEADING)
    return lower_first(shifted(core))


def contrast_split(text: str) -> tuple[str, str] | None:
    """Split *text* at its first contrast ("but", "though", "on the other hand" ...).

    A leading "although"/"though" ("Although I like it, I want to stop") splits at
    the first comma after it. Markers with nothing on one side do not split.

    Returns:
        The text before and after the contrast, or None if there is none.

    >>> contrast_split("I want to quit but smoking helps me relax")
    ('I want to quit', 'smoking helps me relax')
    """
    parts = split_words(text)
    lowered = [w.lower() for w in parts[1::2]]
    markers: list[list[str]] = lexicon()["contrast"]
    leading = set(lexicon()["contrast_leading"])
    for start in range(len(lowered)):
        for marker in markers:
            if lowered[start : start + len(marker)] != marker:
                continue
            end = start + len(marker)
            before = "".join(parts[: 2 * start + 1])
            after = "".join(parts[2 * end :])
            if not has_content(before) and marker[0] in leading and "," in after:
                first, _, second = after.partition(",")
                before, after = first, second
            before = before.strip(_LEADING + " ")
            after = after.strip(_LEADING + " ")
            if has_content(before) and has_content(after):
                return before, after
    return None
