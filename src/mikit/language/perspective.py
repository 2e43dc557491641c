# ruff: noqa: RUF002, RUF003  (curly quotes and apostrophes are the subject here)
"""The perspective shift inside every reflection: the client's "I" becomes "you".

:func:`second_person` turns a client's words toward the client, as a reflection
needs them. It splits the text into words once (:func:`mikit.language.tokens.split_words`),
walks the words with dictionary look-ups and a few local checks of the
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

from typing import Final

from mikit.language.tokens import load_language_data, split_words

__all__ = ["second_person"]


def _curly(word: str) -> str:
    return word.replace("'", "\u2019")


def _load() -> tuple[
    dict[str, str],
    frozenset[str],
    dict[str, str],
    frozenset[str],
    frozenset[str],
    frozenset[str],
    frozenset[str],
    frozenset[str],
]:
    data = load_language_data("perspective.json")
    swap: dict[str, str] = {}
    for key, value in data["first_person"].items():
        swap[key] = value
        swap[_curly(key)] = _curly(value)
    agreement: dict[str, str] = {}
    for key, value in data["agreement"].items():
        agreement[key] = value
        agreement[_curly(key)] = _curly(value)
    # The forms a word is recognised in: lower case, capitalised, all capitals.
    candidates = frozenset(
        form for key in swap for form in (key, key[0].upper() + key[1:], key.upper())
    )
    subject_i = frozenset(form for key in data["subject_i"] for form in (key, _curly(key)))
    return (
        swap,
        candidates,
        agreement,
        subject_i,
        frozenset(data["adverbs_between_subject_and_verb"]),
        frozenset(data["inversion_openers"]),
        frozenset(data["mine_noun_before"]),
        frozenset(data["mine_pronoun_after"]),
    )


(
    _SWAP,
    _CANDIDATES,
    _AGREEMENT,
    _SUBJECT_I,
    _ADVERBS,
    _INVERSION_OPENERS,
    _MINE_NOUN_BEFORE,
    _MINE_PRONOUN_AFTER,
) = _load()
_ROMAN_BEFORE: Final = frozenset(load_language_data("perspective.json")["roman_numeral_before"])
_ABBREVIATIONS: Final = frozenset(load_language_data("perspective.json")["abbreviations_before_i"])

_QUOTE_MARKS: Final = ('"', "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb")
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
    parts = split_words(text)
    if _CANDIDATES.isdisjoint(parts):
        return text
    return _shift(parts, any(mark in text for mark in _QUOTE_MARKS))


def _shift(parts: list[str], track_quotes: bool) -> str:  # noqa: C901, PLR0912
    n = len(parts)
    # Quote state: straight double open?, depths of “ ”, ‘ ’ and « ».
    straight = False
    double = single = guillemet = 0
    scanned = 0  # index of the next gap whose quote marks are not yet counted
    for i in range(1, n, 2):
        word = parts[i]
        if word not in _CANDIDATES:
            continue
        if track_quotes:
            for k in range(scanned, i, 2):
                gap = parts[k]
                last = len(gap) - 1
                for pos, ch in enumerate(gap):
                    if ch == '"':
                        straight = not straight
                    elif ch == "\u201c":
                        double += 1
                    elif ch == "\u201d":
                        double -= double > 0
                    elif ch == "\u2018":
                        # Only an opening mark right before a word ("‘90s" is an elision).
                        single += pos == last
                    elif ch == "\u2019":
                        single -= single > 0
                    elif ch == "\u00ab":
                        guillemet += 1
                    elif ch == "\u00bb":
                        guillemet -= guillemet > 0
            scanned = i + 1
            if straight or double or single or guillemet:
                continue
        low = word.lower()
        if low in _SUBJECT_I:
            _shift_subject_i(parts, i, word, low)
        elif low == "mine":
            if _mine_is_pronoun(parts, i):
                parts[i] = _cased(word, "yours")
        elif word != "US":
            parts[i] = _cased(word, _SWAP[low])
    return "".join(parts)


def _shift_subject_i(parts: list[str], i: int, word: str, low: str) -> None:
    if low == "i" and not _i_is_pronoun(parts, i):
        return
    you = _SWAP[low]
    n = len(parts)
    if word[0] == "i":
        parts[i] = you
    elif (len(word) > 1 and word.isupper()) or (
        word == "I" and i + 2 < n and len(parts[i + 2]) > 1 and parts[i + 2].isupper()
    ):
        parts[i] = you.upper()
    elif _starts_sentence(parts, i):
        parts[i] = "Y" + you[1:]
    else:
        parts[i] = you
    if low == "i":
        _agree_verb_after(parts, i)
        _agree_verb_before(parts, i)


def _agree_verb_after(parts: list[str], i: int) -> None:
    """Make the verb after "I" agree ("I really am" -> "you really are")."""
    n = len(parts)
    j = i + 2
    for _ in range(3):
        if j >= n or not _is_space(parts[j - 1]):
            break
        verb = parts[j].lower()
        if verb in _AGREEMENT:
            parts[j] = _cased(parts[j], _AGREEMENT[verb])
            break
        if verb not in _ADVERBS:
            break
        j += 2


def _agree_verb_before(parts: list[str], i: int) -> None:
    """Make an inverted verb agree ("am I" -> "are you") when it opens a clause."""
    if i >= 3 and _is_space(parts[i - 1]):
        verb = parts[i - 2].lower()
        if verb in _AGREEMENT and _opens_clause(parts, i - 2):
            parts[i - 2] = _cased(parts[i - 2], _AGREEMENT[verb])


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
    if len(after) > 1 and after[0] == "-" and after[1].isdigit():
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


def _cased(word: str, replacement: str) -> str:
    """*replacement* in the case pattern of *word*."""
    if word.islower():
        return replacement
    if len(word) > 1 and word.isupper():
        return replacement.upper()
    return replacement[0].upper() + replacement[1:]
