# ruff: noqa: RUF002, RUF003  (curly quotes and apostrophes are the subject here)
"""The perspective shift inside every reflection: the client's "I" becomes "you".

:func:`second_person` turns a client's words toward the client, as a reflection
needs them. It splits the text into words once (one unambiguous pattern),
walks the first-person words with dictionary look-ups and a few local checks of the
neighbouring words, and joins the pieces again: linear in the input, and every
character outside a changed word comes back as typed.

The rules, and the lexicon they use (``mikit/data/language/perspective.json``):

* I/me -> you, my -> your, mine -> yours, myself -> yourself, we/us -> you,
  our -> your, ours -> yours, ourselves -> yourselves; I'm/I've/I'd/I'll and
  we're/we've/we'd/we'll -> you're/you've/you'd/you'll, with the apostrophe kept
  as typed (``'`` or ``’``).
* Verb agreement after the subject "I", also past one or two adverbs
  ("I really am" -> "you really are"): am -> are, was -> were, wasn't -> weren't;
  and before it when inverted at the start of a clause or after a question word
  or conjunction ("am I" -> "are you", "what was I" -> "what were you").
  "The problem was I ..." is not an inversion and keeps "was".
* Case: "I" becomes "You" at the start of a sentence and "you" elsewhere; a
  lower-case "i" (chat) stays lower case; every other word keeps its own case
  pattern (``my`` -> ``your``, ``My`` -> ``Your``, ``MY`` -> ``YOUR``). Words are
  recognised in lower case, capitalised, or all capitals.
* Unchanged: "you"/"your" already in the text (a reflection turns the client's
  words toward the client only); words inside double quotes (``"``, ``“ ”``,
  ``« »``) or curly single quotes (``‘ ’``), which are somebody's quoted speech;
  "US" in capitals (the country); "I" in an initialism (``I.V.``, ``i.e.``), a
  road number (``I-95``), an enumerator (``(i)``) or a Roman numeral after a
  word such as "Part" or "War" (``World War I``); "mine" after a determiner or a
  kind of mine ("a coal mine") or before a noun ("the mine shaft"). "mine" is a
  pronoun when it ends a clause or is followed by a verb or function word
  ("the choice is mine", "mine is better").
* An unclosed quotation mark leaves the rest of the text as typed; straight single
  quotes are not taken as quotation marks (they are too often apostrophes).
"""

from __future__ import annotations

import re
from itertools import count
from operator import itemgetter
from typing import TYPE_CHECKING, Final, cast

from mikit.language.tokens import load_language_data

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["second_person"]


def _curly(word: str) -> str:
    return word.replace("'", "\u2019")


def _case_forms(key: str, value: str) -> list[tuple[str, str]]:
    """*key* -> *value* in lower case, capitalised and all capitals, with both apostrophes."""
    forms = []
    for k, v in ((key, value), (_curly(key), _curly(value))):
        forms += [(k, v), (k[0].upper() + k[1:], v[0].upper() + v[1:])]
        if k.upper() != k[0].upper() + k[1:]:  # "I" is both capitalised and all capitals
            forms.append((k.upper(), v.upper()))
    return forms


_DATA: Final = load_language_data("perspective.json")
_SUBJECT_I: Final = frozenset(form for key in _DATA["subject_i"] for form in (key, _curly(key)))
# Every recognised form of a first-person word -> (its lower-case key, kind, replacement).
# Kinds: subject "I" forms, whose case follows the sentence; "mine"; the rest.
_I_FORM, _MINE, _PLAIN = 0, 1, 2
_FORMS: Final[dict[str, tuple[str, int, str]]] = {
    form: (
        form.lower(),
        _I_FORM if form.lower() in _SUBJECT_I else _MINE if key == "mine" else _PLAIN,
        replacement,
    )
    for key, value in _DATA["first_person"].items()
    for form, replacement in _case_forms(key, value)
    if form != "US"  # the country, not the pronoun
}
_CANDIDATES: Final = frozenset(_FORMS)
_AGREEMENT: Final[dict[str, str]] = dict(
    pair for key, value in _DATA["agreement"].items() for pair in _case_forms(key, value)
)
_ADVERBS: Final = frozenset(_DATA["adverbs_between_subject_and_verb"])
_INVERSION_OPENERS: Final = frozenset(_DATA["inversion_openers"])
_MINE_NOUN_BEFORE: Final = frozenset(_DATA["mine_noun_before"])
_MINE_PRONOUN_AFTER: Final = frozenset(_DATA["mine_pronoun_after"])
_ROMAN_BEFORE: Final = frozenset(_DATA["roman_numeral_before"])
_ABBREVIATIONS: Final = frozenset(_DATA["abbreviations_before_i"])

# The words the shift walks: runs of word characters (letters, digits, "_") with
# inner apostrophes, so "I2" or "my_file" are never read as a pronoun. Unambiguous,
# hence linear: an apostrophe continues a word only before a word character.
_WORD: Final = re.compile(r"(\w+(?:['\u2019]\w+)*)")


_QUOTE_MARKS: Final = re.compile('["\u201c\u201d\u2018\u2019\u00ab\u00bb]')
# Stripped from the end of the text before a word to see whether a sentence ended there.
_SENTENCE_TRAIL: Final = " \t\r\f\v\"'\u201c\u201d\u2018\u2019\u00ab\u00bb()[]{}*_"
# Characters that glue a following piece to the word ("mine-shaft", "I-95").
_CONTINUERS: Final = "-\u2010\u2011/&+_'\u2019@#"


def second_person(text: str) -> str:
    """Turn the client's first-person words toward the client, for a reflection.

    Args:
        text: The client's words, any string.

    Returns:
        *text* with I/me/my/mine/myself/we/us/our/ours/ourselves turned into the
        second person and the verbs after (or before) "I" agreeing; every other
        character, quoted speech and "you" already present come back unchanged.
        See the module documentation for the full rules.

    >>> second_person("I am worried about my drinking.")
    'You are worried about your drinking.'
    >>> second_person("i want to quit but i’m scared")
    'you want to quit but you’re scared'
    >>> second_person('My dad said "I never quit" and I believed him.')
    'Your dad said "I never quit" and you believed him.'
    >>> second_person("Was I wrong? The choice is mine, not the coal mine's.")
    "Were you wrong? The choice is yours, not the coal mine's."
    """
    parts = _WORD.split(text)
    if _CANDIDATES.isdisjoint(parts):
        return text
    return _shift(parts, _QUOTE_MARKS.search(text) is not None)


def _shift(parts: list[str], track_quotes: bool) -> str:  # noqa: C901, PLR0912 - hot loop kept flat
    # Only the first-person words run Python code: the rest are skipped in C.
    hits = cast(
        "Iterator[tuple[int, tuple[str, int, str]]]",
        filter(_second, zip(count(1, 2), map(_FORMS.get, parts[1::2]))),
    )
    quotes = _Quotes() if track_quotes else None
    for i, (low, kind, replacement) in hits:
        if quotes is not None and quotes.inside_before(parts, i):
            continue
        if kind == _PLAIN:
            parts[i] = replacement
        elif kind == _MINE:
            if _mine_is_pronoun(parts, i):
                parts[i] = replacement
        elif low != "i":
            # I'm, I've, I'd, I'll: no verb to agree.
            parts[i] = _subject_case(parts, i, replacement)
        elif parts[i + 1] == " " and parts[i - 1] == " " and i > 1:
            # The common "I" between two spaces, mid-sentence: "... and I am ...".
            previous = parts[i - 2]
            if previous.lower() in _ROMAN_BEFORE and not _i_is_pronoun(parts, i):
                continue
            following = parts[i + 2] if i + 2 < len(parts) else ""
            if replacement[0] == "y" or len(following) < 2 or not following.isupper():
                parts[i] = "you"
            else:
                parts[i] = "YOU"
            agreed = _AGREEMENT.get(following)
            if agreed is not None:
                parts[i + 2] = agreed
            elif following.lower() in _ADVERBS:
                _agree_verb_after_adverbs(parts, i + 4)
            agreed = _AGREEMENT.get(previous)
            if agreed is not None and _opens_clause(parts, i - 2):
                parts[i - 2] = agreed
        elif _i_is_pronoun(parts, i):
            parts[i] = _subject_case(parts, i, replacement)
            _agree_around_i(parts, i)
    return "".join(parts)


_second = itemgetter(1)


class _Quotes:
    """Whether a word stands inside quotation marks, read gap by gap from the left."""

    __slots__ = ("double", "guillemet", "scanned", "single", "straight")

    def __init__(self) -> None:
        self.straight = False  # a straight double quote is open
        self.double = self.single = self.guillemet = 0  # depths of “ ”, ‘ ’ and « »
        self.scanned = 0  # the next gap whose marks are not counted yet

    def inside_before(self, parts: list[str], i: int) -> bool:  # noqa: C901 - one branch a mark
        """Count the marks in the gaps up to the word at *i*; whether it is quoted."""
        for k in range(self.scanned, i, 2):
            gap = parts[k]
            if gap == " ":
                continue
            last = len(gap) - 1
            for pos, ch in enumerate(gap):
                if ch == '"':
                    self.straight = not self.straight
                elif ch == "\u201c":
                    self.double += 1
                elif ch == "\u201d":
                    self.double -= self.double > 0
                elif ch == "\u2018":
                    # Only an opening mark right before a letter ("‘90s" is an elision).
                    self.single += pos == last and parts[k + 1][:1].isalpha()
                elif ch == "\u2019":
                    self.single -= self.single > 0
                elif ch == "\u00ab":
                    self.guillemet += 1
                elif ch == "\u00bb":
                    self.guillemet -= self.guillemet > 0
        self.scanned = i + 1
        return bool(self.straight or self.double or self.single or self.guillemet)


def _subject_case(parts: list[str], i: int, replacement: str) -> str:
    """The case of "you" for a subject "I" form: by sentence position unless typed otherwise."""
    word = parts[i]
    if word[0] == "i" or (len(word) > 1 and word.isupper()):
        return replacement  # "i" stays lower case, "I'M" upper case
    if word == "I" and i + 2 < len(parts) and len(parts[i + 2]) > 1 and parts[i + 2].isupper():
        return "YOU"
    if i == 1 or (parts[i - 1] != " " and _starts_sentence(parts, i)):
        return "Y" + replacement[1:]
    return "y" + replacement[1:]


def _agree_around_i(parts: list[str], i: int) -> None:
    """Make the verb after "I", or an inverted one before it, agree with "you"."""
    after = parts[i + 1]
    # "I am" -> "you are"; past adverbs ("I really am") on the slower path.
    if i + 2 < len(parts) and (after == " " or after.isspace()):
        verb = parts[i + 2]
        agreed = _AGREEMENT.get(verb)
        if agreed is not None:
            parts[i + 2] = agreed
        elif verb.lower() in _ADVERBS:
            _agree_verb_after_adverbs(parts, i + 4)
    # "am I" -> "are you" when the verb opens a clause or follows a question word.
    if i >= 3:
        before = parts[i - 1]
        if before == " " or before.isspace():
            agreed = _AGREEMENT.get(parts[i - 2])
            if agreed is not None and _opens_clause(parts, i - 2):
                parts[i - 2] = agreed


def _agree_verb_after_adverbs(parts: list[str], j: int) -> None:
    """Make the verb after one or two adverbs agree ("I really am" -> "you really are")."""
    n = len(parts)
    for _ in range(2):
        if j >= n or not _is_space(parts[j - 1]):
            return
        verb = parts[j]
        agreed = _AGREEMENT.get(verb)
        if agreed is not None:
            parts[j] = agreed
            return
        if verb.lower() not in _ADVERBS:
            return
        j += 2


def _i_is_pronoun(parts: list[str], i: int) -> bool:
    n = len(parts)
    before = parts[i - 1]
    after = parts[i + 1]
    has_next = i + 2 < n
    # Initialisms: "I.V.", "i.e.", "U.I."
    if after == "." and has_next:
        return False
    if before == "." and i >= 3 and len(parts[i - 2]) == 1:
        return False
    # Road numbers "I-95" and enumerators "(i)".
    if after == "-" and has_next and parts[i + 2][0].isdigit():
        return False
    if before.endswith("(") and after.startswith(")"):
        return False
    # Roman numerals: "Part I", "World War I", "type I diabetes" after a capital.
    if parts[i] == "I" and i >= 3 and _is_space(before):
        previous = parts[i - 2]
        if previous.lower() in _ROMAN_BEFORE and (previous[0].isupper() or _ends_clause(parts, i)):
            return False
    return True


def _mine_is_pronoun(parts: list[str], i: int) -> bool:
    if i >= 3 and _is_space(parts[i - 1]) and parts[i - 2].lower() in _MINE_NOUN_BEFORE:
        return False
    if _ends_clause(parts, i):
        return True
    return (
        i + 2 < len(parts)
        and _is_space(parts[i + 1])
        and parts[i + 2].lower() in _MINE_PRONOUN_AFTER
    )


def _ends_clause(parts: list[str], i: int) -> bool:
    """Whether no word is glued to or directly follows the word at *i*."""
    after = parts[i + 1]
    rest = after.lstrip()
    if not rest:
        return i + 2 >= len(parts)
    return rest[0] not in _CONTINUERS and not rest[0].isdigit()


def _starts_sentence(parts: list[str], i: int) -> bool:
    before = parts[i - 1]
    if i == 1 or "\n" in before:
        return True
    trimmed = before.rstrip(_SENTENCE_TRAIL)
    if not trimmed:
        return False
    last = trimmed[-1]
    if last != ".":
        return last in "!?"
    if trimmed.endswith(".."):
        return False
    # "i.e. I think", "Dr. I": a full stop after an initial or abbreviation.
    previous = parts[i - 2]
    if len(previous) == 1:
        return previous in "Ii"
    return previous.lower() not in _ABBREVIATIONS


def _opens_clause(parts: list[str], j: int) -> bool:
    if j == 1:
        return True
    before = parts[j - 1]
    if not _is_space(before):
        return True
    return parts[j - 2].lower() in _INVERSION_OPENERS


def _is_space(gap: str) -> bool:
    return gap == " " or gap.isspace()
