"""MI fidelity: find MI-inconsistent phrasing and template residue in a text.

:func:`check` reads any text (a rendered template, a counsellor's line, LLM output)
and returns a :class:`Finding` for each problem:

* MI-inconsistent phrasing (errors): directing ("you should", "you need to", ...),
  advice without permission ("I think you should", "if I were you"), "why don't
  you" questions, warnings and threats ("or else", "if you don't ... you will"),
  labels ("addict", "alcoholic", "in denial", "non-compliant", "you're a smoker"),
  first-person praise ("I'm proud of you", "good job"), confronting ("you're wrong",
  "that's not true", "you have to admit").
* Template residue and form (errors): ``{{ }}``, ``{% %}``, ``{# #}``, a stray
  ``None``/``Undefined``/``NaN``, empty slots (``" ,"``, ``",,"``, ``"()"``),
  doubled spaces, space before punctuation, leading or trailing whitespace, a/an
  misuse ("a hour"), a first letter that is not a capital. A lower-case letter
  opening a later sentence is a warning.
* By move: a reflection, affirmation or summary ends with "." and holds no "?"; a
  question ends with "?", opens with an open stem (what, how, in what, tell me,
  describe, which, when, where, who, why, ...) and is not a yes/no question; an
  affirmation is about the client (does not open with "I"/"I'm"/"we").

Reflected change talk is not direction. Directive, warning and confronting
phrases that start with "you" count only when they open a clause: at the start
of the text, after a punctuation mark, or after discourse words only ("so",
"honestly", "I think", "maybe"). So "You need to quit." and "I think you need to
quit." are flagged, while "You feel you need to quit.", "You said you have to
stop." and "It sounds like you need a break." are not. A question about the
client's own need ("What do you need to get started?") is fine for the same
reason. Labels and praise count anywhere.

The phrase lists live in ``mikit/data/fidelity/phrases.json``. The text is read
in one pass over its words plus a few scans with patterns that cannot backtrack,
so the time is linear in its length.
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any, Final

import attrs

from mikit.errors import ValidationError
from mikit.language.inflection import indefinite_article

__all__ = ["Finding", "Move", "Rule", "Severity", "check", "is_mi_consistent"]


class _StrEnum(str, enum.Enum):
    def __str__(self) -> str:
        return str(self.value)


class Severity(_StrEnum):
    """How bad a finding is: an error breaks MI fidelity, a warning is a matter of form."""

    ERROR = "error"
    WARNING = "warning"


class Move(_StrEnum):
    """The OARS move a text is meant to be, which adds the rules of its form."""

    REFLECTION = "reflection"
    AFFIRMATION = "affirmation"
    SUMMARY = "summary"
    QUESTION = "question"


class Rule(_StrEnum):
    """The id of each fidelity rule."""

    DIRECTIVE = "directive"
    ADVICE = "advice"
    WHY_QUESTION = "why-question"
    WARNING = "warning"
    LABEL = "label"
    PRAISE = "praise"
    CONFRONT = "confront"
    TEMPLATE_RESIDUE = "template-residue"
    EMPTY_SLOT = "empty-slot"
    DOUBLED_SPACE = "doubled-space"
    SPACE_BEFORE_PUNCTUATION = "space-before-punctuation"
    EDGE_WHITESPACE = "edge-whitespace"
    EMPTY = "empty"
    ARTICLE = "article"
    CAPITAL = "capital"
    FINAL_MARK = "final-mark"
    QUESTION_IN_STATEMENT = "question-in-statement"
    CLOSED_QUESTION = "closed-question"
    NO_OPEN_STEM = "no-open-stem"
    FIRST_PERSON_AFFIRMATION = "first-person-affirmation"


def _span_valid(_instance: object, _attribute: object, value: Any) -> None:
    if not (
        isinstance(value, tuple)
        and len(value) == 2
        and all(isinstance(v, int) for v in value)
        and 0 <= value[0] <= value[1]
    ):
        msg = f"span must be (start, end) with 0 <= start <= end, got {value!r}"
        raise ValidationError("span", msg)


@attrs.frozen
class Finding:
    """One fidelity problem in a text.

    Attributes:
        rule: Which rule found it.
        message: What is wrong, in one line.
        span: ``(start, end)`` character offsets of the offending part of the text.
        severity: :attr:`Severity.ERROR` or :attr:`Severity.WARNING`.
    """

    rule: Rule = attrs.field(validator=attrs.validators.instance_of(Rule))
    message: str = attrs.field(validator=attrs.validators.instance_of(str))
    span: tuple[int, int] = attrs.field(validator=_span_valid)
    severity: Severity = attrs.field(
        default=Severity.ERROR, validator=attrs.validators.instance_of(Severity)
    )

    @property
    def start(self) -> int:
        """Where the offending part starts."""
        return self.span[0]

    @property
    def end(self) -> int:
        """Where the offending part ends (exclusive)."""
        return self.span[1]


@attrs.frozen
class _Phrase:
    rule: Rule
    words: tuple[str, ...]
    severity: Severity
    message: str
    clause_initial: bool
    unless_next: frozenset[str]
    unless_prev: frozenset[str]


@attrs.frozen
class _Lexicon:
    # Keyed by the first two words ("" as the second for one-word phrases), longest first.
    by_opening: dict[tuple[str, str], tuple[_Phrase, ...]]
    discourse: frozenset[str]
    threat_conditions: tuple[tuple[str, ...], ...]
    threat_consequences: tuple[tuple[str, ...], ...]
    residue_words: frozenset[str]
    residue_unless_next: frozenset[str]
    open_stems: tuple[tuple[str, ...], ...]
    yes_no: frozenset[str]
    first_person: frozenset[str]
    abbreviations: frozenset[str]


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(_fold(phrase).split())


def _fold(word: str) -> str:
    return word.lower().replace("\u2019", "'")


@cache
def _lexicon() -> _Lexicon:
    path = resources.files("mikit").joinpath("data", "fidelity", "phrases.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    buckets: dict[tuple[str, str], list[_Phrase]] = {}
    for rule_id, spec in data["rules"].items():
        for entry in spec["phrases"]:
            item: dict[str, Any] = {"phrase": entry} if isinstance(entry, str) else entry
            words = _words(item["phrase"])
            phrase = _Phrase(
                rule=Rule(rule_id),
                words=words,
                severity=Severity(spec["severity"]),
                message=spec["message"].format(phrase=item["phrase"]),
                clause_initial=item.get("clause_initial", spec["clause_initial"]),
                unless_next=frozenset(item.get("unless_next", ())),
                unless_prev=frozenset(item.get("unless_prev", ())),
            )
            opening = (words[0], words[1] if len(words) > 1 else "")
            buckets.setdefault(opening, []).append(phrase)
    return _Lexicon(
        by_opening={
            opening: tuple(sorted(items, key=lambda p: -len(p.words)))
            for opening, items in buckets.items()
        },
        discourse=frozenset(data["discourse_words"]),
        threat_conditions=tuple(_words(p) for p in data["threat_conditions"]),
        threat_consequences=tuple(_words(p) for p in data["threat_consequences"]),
        residue_words=frozenset(data["residue_words"]),
        residue_unless_next=frozenset(data["residue_words_unless_next"]),
        open_stems=tuple(sorted((_words(p) for p in data["open_stems"]), key=len, reverse=True)),
        yes_no=frozenset(data["yes_no_openers"]),
        first_person=frozenset(data["first_person_openers"]),
        abbreviations=frozenset(data["abbreviations"]),
    )


# Words may hold inner hyphens and apostrophes ("non-compliant", "don't"); each
# separator must be followed by a letter, so the pattern cannot backtrack.
_WORD: Final = re.compile(r"[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*")
_CLAUSE_BREAKS: Final = frozenset('.,;:!?()[]"\u201c\u201d\u2014\u2013\n\u2026')
_SENTENCE_BREAKS: Final = frozenset(".!?\n\u2026")
_RESIDUE_MARKS: Final = ("{{", "}}", "{%", "%}", "{#", "#}")
_DOUBLED_SPACE: Final = re.compile(r"[ \t]{2,}")
_SPACE_THEN_MARK: Final = re.compile(r"(?<=\s)[,.;:!?]")
_EMPTY_SLOT: Final = re.compile(r",[ \t]*,|\([ \t]*\)|\[[ \t]*\]")
_AFTER_SENTENCE: Final = re.compile(r"(?<=[.!?])\s+")
_CLOSERS: Final = " \t\r\n\f\v\"'\u201d\u2019)]}\u00bb"
_OPENERS: Final = " \t\r\n\f\v\"'\u201c\u2018([{\u00ab*_-"


@attrs.frozen
class _Tokens:
    """The words of a text, folded, with offsets and what separates them."""

    text: str
    words: list[str]
    raw: list[str]
    starts: list[int]
    ends: list[int]
    clause_start: list[bool]
    sentence_start: list[bool]


def _tokenise(text: str) -> _Tokens:
    words: list[str] = []
    raw: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    clause_start: list[bool] = []
    sentence_start: list[bool] = []
    previous_end = 0
    for match in _WORD.finditer(text):
        start, end = match.span()
        gap = text[previous_end:start]
        first = not words
        clause_start.append(first or not _CLAUSE_BREAKS.isdisjoint(gap))
        sentence_start.append(first or not _SENTENCE_BREAKS.isdisjoint(gap))
        word = match.group()
        raw.append(word)
        words.append(_fold(word))
        starts.append(start)
        ends.append(end)
        previous_end = end
    return _Tokens(text, words, raw, starts, ends, clause_start, sentence_start)


def check(text: str, *, move: str | None = None) -> list[Finding]:
    """Check *text* for MI-inconsistent phrasing, template residue and form.

    Args:
        text: Any string: a rendered template, a counsellor's line, LLM output.
        move: The OARS move the text is meant to be (``"reflection"``,
            ``"affirmation"``, ``"summary"`` or ``"question"``), which adds the
            rules of its form; ``None`` checks phrasing and residue only.

    Returns:
        The findings, ordered by where they start; empty when the text passes.

    Raises:
        ValidationError: If *move* is not one of the moves above.

    >>> [f.rule.value for f in check("You need to quit smoking.")]
    ['directive']
    >>> check("You feel you need to quit smoking.", move="reflection")
    []
    >>> [f.rule.value for f in check("do you want to quit", move="question")]
    ['capital', 'closed-question', 'final-mark']
    """
    chosen = _parse_move(move)
    lexicon = _lexicon()
    findings: list[Finding] = []
    if not text.strip():
        findings.append(Finding(Rule.EMPTY, "the text is empty", (0, len(text))))
        return findings
    tokens = _tokenise(text)
    _check_phrases(tokens, lexicon, findings)
    _check_threats(tokens, lexicon, findings)
    _check_residue(tokens, lexicon, findings)
    _check_spacing(text, findings)
    _check_articles(tokens, findings)
    _check_capitals(tokens, lexicon, findings)
    if chosen is not None:
        _check_move(tokens, lexicon, chosen, findings)
    findings.sort(key=lambda f: f.span)
    return findings


def is_mi_consistent(text: str, move: str | None = None) -> bool:
    """Whether *text* has no error-level finding (warnings are allowed).

    Args:
        text: Any string.
        move: As for :func:`check`.

    Returns:
        True when :func:`check` finds no :attr:`Severity.ERROR`.

    Raises:
        ValidationError: If *move* is not a known move.

    >>> is_mi_consistent("What would you like to do next?", move="question")
    True
    >>> is_mi_consistent("Why don't you just quit?")
    False
    """
    return not any(f.severity is Severity.ERROR for f in check(text, move=move))


def _parse_move(move: str | None) -> Move | None:
    if move is None:
        return None
    try:
        return Move(move)
    except ValueError:
        known = ", ".join(repr(m.value) for m in Move)
        msg = f"must be one of {known} or None, got {move!r}"
        raise ValidationError("move", msg) from None


def _opens_clause(tokens: _Tokens, index: int, discourse: frozenset[str]) -> bool:
    """Whether only discourse words stand between *index* and the clause start."""
    for j in range(index, max(index - 6, 0) - 1, -1):
        if tokens.clause_start[j]:
            return True
        if tokens.words[j - 1] not in discourse:
            return False
    return False


def _check_phrases(tokens: _Tokens, lexicon: _Lexicon, findings: list[Finding]) -> None:
    words = tokens.words
    clause_start = tokens.clause_start
    n = len(words)
    by_opening = lexicon.by_opening
    last_end: dict[Rule, int] = {}
    for i, word in enumerate(words):
        longer = (
            by_opening.get((word, words[i + 1]), ())
            if i + 1 < n and not clause_start[i + 1]
            else ()
        )
        for phrase in (*longer, *by_opening.get((word, ""), ())):
            size = len(phrase.words)
            if i + size > n or last_end.get(phrase.rule, -1) > i:
                continue
            if size > 2 and (
                tuple(words[i : i + size]) != phrase.words or any(clause_start[i + 2 : i + size])
            ):
                continue
            after = i + size
            if after < n and not clause_start[after] and words[after] in phrase.unless_next:
                continue
            if i > 0 and not clause_start[i] and words[i - 1] in phrase.unless_prev:
                continue
            if phrase.clause_initial and not _opens_clause(tokens, i, lexicon.discourse):
                continue
            last_end[phrase.rule] = after
            span = (tokens.starts[i], tokens.ends[after - 1])
            findings.append(Finding(phrase.rule, phrase.message, span, phrase.severity))


def _matches_at(words: Sequence[str], i: int, phrase: tuple[str, ...]) -> bool:
    return words[i] == phrase[0] and tuple(words[i : i + len(phrase)]) == phrase


def _check_threats(tokens: _Tokens, lexicon: _Lexicon, findings: list[Finding]) -> None:
    """Find "if you don't ... you will" within one sentence."""
    words = tokens.words
    condition_starts = {c[0] for c in lexicon.threat_conditions}
    consequence_starts = {c[0] for c in lexicon.threat_consequences}
    condition: int | None = None
    for i, word in enumerate(words):
        if tokens.sentence_start[i]:
            condition = None
        if condition is None:
            if (
                word in condition_starts
                and any(_matches_at(words, i, c) for c in lexicon.threat_conditions)
                and _opens_clause(tokens, i, lexicon.discourse)
            ):
                condition = i
            continue
        if word not in consequence_starts:
            continue
        for consequence in lexicon.threat_consequences:
            if i > condition + 2 and _matches_at(words, i, consequence):
                end = tokens.ends[i + len(consequence) - 1]
                span = (tokens.starts[condition], end)
                msg = "warns of consequences (if you don't ... you will)"
                findings.append(Finding(Rule.WARNING, msg, span))
                condition = None
                break


def _check_residue(tokens: _Tokens, lexicon: _Lexicon, findings: list[Finding]) -> None:
    text = tokens.text
    for mark in _RESIDUE_MARKS:
        at = text.find(mark)
        while at != -1:
            msg = f"template syntax {mark!r} left in the text"
            findings.append(Finding(Rule.TEMPLATE_RESIDUE, msg, (at, at + 2)))
            at = text.find(mark, at + 2)
    n = len(tokens.words)
    for i, word in enumerate(tokens.raw):
        if word in lexicon.residue_words and not (
            i + 1 < n
            and not tokens.clause_start[i + 1]
            and tokens.words[i + 1] in lexicon.residue_unless_next
        ):
            msg = f"{word!r} left in the text (an empty template value?)"
            span = (tokens.starts[i], tokens.ends[i])
            findings.append(Finding(Rule.TEMPLATE_RESIDUE, msg, span))


def _check_spacing(text: str, findings: list[Finding]) -> None:
    for match in _DOUBLED_SPACE.finditer(text):
        msg = "doubled space (an empty slot?)"
        findings.append(Finding(Rule.DOUBLED_SPACE, msg, match.span()))
    for match in _SPACE_THEN_MARK.finditer(text):
        at = match.start()
        mark = text[at]
        if mark == "." and text[at + 1 : at + 2] == ".":
            continue  # " ..." is an ellipsis, not an empty slot
        rule = Rule.EMPTY_SLOT if mark == "," else Rule.SPACE_BEFORE_PUNCTUATION
        msg = f"space before {mark!r}" + (" (an empty slot?)" if mark == "," else "")
        findings.append(Finding(rule, msg, (at - 1, at + 1)))
    for match in _EMPTY_SLOT.finditer(text):
        msg = f"empty slot {match.group()!r}"
        findings.append(Finding(Rule.EMPTY_SLOT, msg, match.span()))
    stripped = text.strip()
    if stripped != text:
        lead = len(text) - len(text.lstrip())
        if lead:
            findings.append(Finding(Rule.EDGE_WHITESPACE, "leading whitespace", (0, lead)))
        trail = len(text.rstrip())
        if trail < len(text):
            msg = "trailing whitespace"
            findings.append(Finding(Rule.EDGE_WHITESPACE, msg, (trail, len(text))))


def _check_articles(tokens: _Tokens, findings: list[Finding]) -> None:
    text = tokens.text
    n = len(tokens.words)
    for i, word in enumerate(tokens.raw):
        if word not in ("a", "an", "A", "An") or (word[0] == "A" and not tokens.sentence_start[i]):
            continue
        after = tokens.ends[i]
        if text[after : after + 1] != " " or not text[after + 1 : after + 2].isalnum():
            continue
        following = text[after + 1 : after + 65]
        if i + 1 < n and tokens.starts[i + 1] == after + 1 and tokens.words[i + 1] in _NOT_NOUNS:
            continue
        expected = indefinite_article(following)
        if expected != word.lower():
            head = following.split(None, 1)[0].rstrip(".,;:!?")
            msg = f"{word!r} before {head!r}: should be {expected!r}"
            span = (tokens.starts[i], after + 1 + len(head))
            findings.append(Finding(Rule.ARTICLE, msg, span))


# Words that follow a letter "a" rather than the article ("plan a and b").
_NOT_NOUNS: Final = frozenset({"and", "or", "is", "of", "in", "on", "at", "as", "if", "it"})


def _check_capitals(tokens: _Tokens, lexicon: _Lexicon, findings: list[Finding]) -> None:
    text = tokens.text
    first = _first_letter(text, 0)
    if first is not None and _lowercase_word_at(text, first):
        msg = "the first letter is not a capital"
        findings.append(Finding(Rule.CAPITAL, msg, (first, first + 1)))
    for match in _AFTER_SENTENCE.finditer(text):
        mark_at = match.start() - 1
        before = text[max(0, mark_at - 8) : mark_at]
        previous = before.rsplit(None, 1)[-1].lower() if before.strip() else ""
        if previous.rstrip(".") in lexicon.abbreviations or len(previous.rstrip(".")) == 1:
            continue
        if text[mark_at] == "." and text[mark_at - 1 : mark_at] == ".":
            continue  # an ellipsis may go on in lower case
        at = match.end()
        if at < len(text) and text[at].isalpha() and _lowercase_word_at(text, at):
            msg = "a sentence starts with a lower-case letter"
            findings.append(Finding(Rule.CAPITAL, msg, (at, at + 1), Severity.WARNING))


def _first_letter(text: str, start: int) -> int | None:
    for at in range(start, len(text)):
        ch = text[at]
        if ch.isalpha():
            return at
        if ch.isdigit():
            return None
    return None


def _lowercase_word_at(text: str, at: int) -> bool:
    """Whether the word at *at* starts lower case and is not mixed case ("iPhone")."""
    if not text[at].islower():
        return False
    for ch in text[at + 1 : at + 40]:
        if not ch.isalpha():
            break
        if ch.isupper():
            return False
    return True


def _check_move(tokens: _Tokens, lexicon: _Lexicon, move: Move, findings: list[Finding]) -> None:
    text = tokens.text
    body = text.rstrip(_CLOSERS)
    end = len(body)
    if move is Move.QUESTION:
        if not body.endswith("?") or body.endswith("??"):
            msg = "a question ends with exactly one '?'"
            findings.append(Finding(Rule.FINAL_MARK, msg, (max(end - 1, 0), end)))
        _check_open_question(tokens, lexicon, findings)
        return
    if not body.endswith(".") or body.endswith(".."):
        msg = f"a {move.value} is a statement and ends with '.'"
        findings.append(Finding(Rule.FINAL_MARK, msg, (max(end - 1, 0), end)))
    at = text.find("?")
    if at != -1:
        msg = f"a {move.value} is a statement, not a question: no '?'"
        findings.append(Finding(Rule.QUESTION_IN_STATEMENT, msg, (at, at + 1)))
    if move is Move.AFFIRMATION and tokens.words and tokens.words[0] in lexicon.first_person:
        msg = "an affirmation is about the client: it does not open with I/we"
        findings.append(Finding(Rule.FIRST_PERSON_AFFIRMATION, msg, _span_of(tokens, 0)))


def _span_of(tokens: _Tokens, i: int) -> tuple[int, int]:
    return (tokens.starts[i], tokens.ends[i])


def _check_open_question(tokens: _Tokens, lexicon: _Lexicon, findings: list[Finding]) -> None:
    words = tokens.words
    if not words:
        msg = "a question opens with an open stem (what, how, tell me, ...)"
        findings.append(Finding(Rule.NO_OPEN_STEM, msg, (0, len(tokens.text))))
        return
    if any(_matches_at(words, 0, stem) for stem in lexicon.open_stems):
        return
    if words[0] in lexicon.yes_no:
        msg = f"a closed (yes/no) question opening with {tokens.raw[0]!r}; ask an open one"
        findings.append(Finding(Rule.CLOSED_QUESTION, msg, _span_of(tokens, 0)))
        return
    # "Looking back, what ...": an open stem may open a later clause.
    for i in range(1, len(words)):
        if tokens.clause_start[i] and any(_matches_at(words, i, s) for s in lexicon.open_stems):
            return
    msg = "a question opens with an open stem (what, how, tell me, ...)"
    findings.append(Finding(Rule.NO_OPEN_STEM, msg, _span_of(tokens, 0), Severity.WARNING))
