"""Counsellor behaviours: questions, reflections, information, advice and the rest.

The coder is rule-based and explainable. A turn is tokenised once, split into
sentences, and each sentence is matched against phrase lexicons
(``mikit/data/lexicons/counselor/*.json``) by dictionary lookups on token
sequences, so coding runs in time linear in the text. Every code carries the
evidence: the rule that fired and the span of text it fired on.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from typing import Any

import attrs

from mikit.models.codes import Evidence
from mikit.models.counselor_codes import (
    Behavior,
    CounselorCode,
    MainBehavior,
    QuestionType,
    ReflectionType,
)

__all__ = ["code_counselor"]

# One token: a run of letters/digits, optionally joined by apostrophes ("don't");
# or one sentence mark. Hyphens split ("mm-hmm", "wh-what"). The groups cannot overlap, so matching
# never backtracks more than one character.
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[?!.;]")
_ENDS = frozenset({"?", "!", ".", ";"})
_MAX_PHRASE = 8


@attrs.frozen
class _Token:
    text: str
    start: int
    end: int


class _Phrases:
    """Token-sequence phrases, looked up by their first token."""

    def __init__(self, phrases: Iterable[Sequence[str]]) -> None:
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            key = tuple(phrase)
            if key and len(key) <= _MAX_PHRASE:
                by_first.setdefault(key[0], []).append(key)
        for group in by_first.values():
            group.sort(key=len, reverse=True)
        self._by_first = by_first

    def at(self, words: Sequence[str], i: int) -> tuple[str, ...] | None:
        """The longest phrase that starts at ``words[i]``, if any."""
        for phrase in self._by_first.get(words[i], ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                return phrase
        return None

    def find(self, words: Sequence[str]) -> Iterator[tuple[int, tuple[str, ...]]]:
        """Every (position, phrase) match in *words*, left to right."""
        for i in range(len(words)):
            phrase = self.at(words, i)
            if phrase is not None:
                yield i, phrase


@attrs.frozen
class _Lexicon:
    fillers: frozenset[str]
    wh_words: frozenset[str]
    open_leads: _Phrases
    open_anywhere: _Phrases
    aux: frozenset[str]
    aux_subjects: frozenset[str]
    wh_follow: frozenset[str]
    open_wh: frozenset[str]
    closed_after_how: frozenset[str]
    wh_statement: frozenset[str]
    wondering: _Phrases
    statement_aux: frozenset[str]
    tag_endings: tuple[tuple[str, ...], ...]
    permission: _Phrases
    reflection_leads: _Phrases
    second_person: frozenset[str]
    complex_cues: _Phrases
    giving_information: _Phrases
    advice: _Phrases
    advice_strong: _Phrases
    confront: _Phrases
    persuade: _Phrases
    affirm: _Phrases
    seek_collaboration: _Phrases
    emphasize_autonomy: _Phrases
    facilitation: frozenset[str]
    structuring: _Phrases


def _read(name: str) -> dict[str, Any]:
    path = resources.files("mikit").joinpath(f"data/lexicons/counselor/{name}")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@functools.cache
def _lexicon() -> _Lexicon:
    q = _read("questions.json")
    r = _read("reflections.json")
    b = _read("behaviors.json")
    return _Lexicon(
        fillers=frozenset(q["fillers"]),
        wh_words=frozenset(q["wh_words"]),
        open_leads=_Phrases(q["open_leads"]),
        open_anywhere=_Phrases(q["open_anywhere"]),
        aux=frozenset(q["aux"]),
        aux_subjects=frozenset(q["aux_subjects"]),
        wh_follow=frozenset(q["wh_follow"]),
        open_wh=frozenset(q["open_wh"]),
        closed_after_how=frozenset(q["closed_after_how"]),
        wh_statement=frozenset(q["wh_statement"]),
        wondering=_Phrases(q["wondering"]),
        statement_aux=frozenset(q["statement_aux"]),
        tag_endings=tuple(tuple(t) for t in q["tag_endings"]),
        permission=_Phrases(q["permission"]),
        reflection_leads=_Phrases(r["leads"]),
        second_person=frozenset(r["second_person"]),
        complex_cues=_Phrases(r["complex_cues"]),
        giving_information=_Phrases(b["giving_information"]),
        advice=_Phrases(b["advice"]),
        advice_strong=_Phrases(b["advice_strong"]),
        confront=_Phrases(b["confront"]),
        persuade=_Phrases(b["persuade"]),
        affirm=_Phrases(b["affirm"]),
        seek_collaboration=_Phrases(b["seek_collaboration"]),
        emphasize_autonomy=_Phrases(b["emphasize_autonomy"]),
        facilitation=frozenset(b["facilitation"]),
        structuring=_Phrases(b["structuring"]),
    )


def _tokens(text: str) -> list[_Token]:
    return [
        _Token(m.group().lower().replace("’", "'"), m.start(), m.end())
        for m in _TOKEN.finditer(text)
    ]


def _sentences(tokens: list[_Token]) -> list[list[_Token]]:
    out: list[list[_Token]] = []
    current: list[_Token] = []
    for token in tokens:
        current.append(token)
        if token.text in _ENDS:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return [s for s in out if any(t.text not in _ENDS for t in s)]


@attrs.frozen
class _Found:
    """One sentence-level finding: a behaviour, its rule and its span."""

    behavior: Behavior
    rule: str
    start: int
    end: int
    question: QuestionType | None = None
    reflection: ReflectionType | None = None
    weight: float = 1.0


class _Sentence:
    """The words of one sentence and what the lexicons find in them."""

    def __init__(self, tokens: list[_Token], text: str) -> None:
        self.tokens = tokens
        self.text = text
        self.asks = tokens[-1].text == "?"
        # Words skip sentence marks and stutters ("tell-tell me" reads "tell me").
        kept: list[_Token] = []
        for t in tokens:
            if t.text not in _ENDS and (not kept or kept[-1].text != t.text):
                kept.append(t)
        self._kept = kept
        self.words = [t.text for t in kept]

    def span(self, i: int, n: int) -> tuple[int, int]:
        """Character span of *n* words from word *i*."""
        words = self._kept
        i = min(i, len(words) - 1)
        j = min(i + max(n, 1), len(words)) - 1
        return words[i].start, words[j].end

    def whole(self) -> tuple[int, int]:
        return self.tokens[0].start, self.tokens[-1].end


def _lead(words: list[str], lex: _Lexicon) -> int:
    """Index of the first word after leading fillers ("so", "okay", "and" …)."""
    i = 0
    while i < len(words) - 1 and words[i] in lex.fillers:
        if words[i] == "you" or (words[i] == "i" and words[i + 1] not in lex.fillers):
            break
        i += 1
    return i


def _question(s: _Sentence, lex: _Lexicon) -> _Found | None:  # noqa: C901, PLR0911
    words = s.words
    i = _lead(words, lex)
    first = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    start, end = s.whole()

    def found(rule: str, kind: QuestionType) -> _Found:
        return _Found(Behavior.QUESTION, f"question.{kind}.{rule}", start, end, kind)

    wonder = lex.wondering.at(words, i)
    if wonder is not None:
        after = words[i + len(wonder)] if i + len(wonder) < len(words) else ""
        if after in lex.open_wh:
            return found("wondering", QuestionType.OPEN)
        return found("wondering", QuestionType.CLOSED)
    if first in lex.wh_words and not (first == "what" and nxt in lex.wh_statement and not s.asks):
        if first in lex.open_wh and nxt not in lex.closed_after_how:
            return found("wh", QuestionType.OPEN)
        return found("wh_fact", QuestionType.CLOSED)
    if lex.open_leads.at(words, i) is not None:
        return found("tell_me", QuestionType.OPEN)
    inverted = first in lex.aux and nxt in lex.aux_subjects and first not in lex.statement_aux
    if inverted:
        for j, _ in lex.open_leads.find(words[i : i + 6]):
            if j > 0:
                return found("inversion_tell_me", QuestionType.OPEN)
        return found("inversion", QuestionType.CLOSED)
    for j, _ in lex.open_anywhere.find(words):
        if s.asks or j <= i + 2:
            return found("phrase", QuestionType.OPEN)
    if s.asks:
        for j in range(i + 1, len(words) - 1):
            if words[j] in lex.open_wh and (
                words[j + 1] in lex.aux or words[j + 1] in lex.wh_follow
            ):
                if words[j + 1] in lex.closed_after_how:
                    return found("wh_fact_inside", QuestionType.CLOSED)
                return found("wh_inside", QuestionType.OPEN)
        for tag in lex.tag_endings:
            if len(words) > len(tag) and tuple(words[-len(tag) :]) == tag:
                return found("tag", QuestionType.CLOSED)
        if first in lex.aux:
            return found("inversion", QuestionType.CLOSED)
        return found("question_mark", QuestionType.CLOSED)
    return None


def _content(words: Iterable[str]) -> set[str]:
    return {w for w in words if len(w) > 3}


def _reflection(s: _Sentence, lex: _Lexicon, previous: frozenset[str] | None) -> _Found | None:
    words = s.words
    if len(words) < 3:
        return None
    i = _lead(words, lex)
    start, end = s.whole()
    lead = lex.reflection_leads.at(words, i) or lex.reflection_leads.at(words, 0)
    second = any(w in lex.second_person for w in words)
    if lead is None and not second:
        return None
    rule = "reflection." + ("lead." + "_".join(lead) if lead is not None else "second_person")
    cues = list(lex.complex_cues.find(words))
    overlap = 0.0
    if previous:
        mine = _content(words) - {"you're", "you've", "your", "yourself"}
        if mine:
            overlap = len(mine & previous) / len(mine)
    complex_ = bool(cues) or len(words) >= 18
    if previous and overlap >= 0.6 and len(words) < 18:
        complex_ = False
    if complex_:
        cue = "_".join(cues[0][1]) if cues else "length"
        return _Found(
            Behavior.COMPLEX_REFLECTION,
            f"{rule}+complex.{cue}",
            start,
            end,
            reflection=ReflectionType.COMPLEX,
            weight=1.0 if lead is not None else 0.6,
        )
    return _Found(
        Behavior.SIMPLE_REFLECTION,
        f"{rule}+simple",
        start,
        end,
        reflection=ReflectionType.SIMPLE,
        weight=1.0 if lead is not None else 0.6,
    )


def _phrase_finding(
    s: _Sentence, phrases: _Phrases, behavior: Behavior, rule: str
) -> _Found | None:
    for i, phrase in phrases.find(s.words):
        start, end = s.span(i, len(phrase))
        return _Found(behavior, f"{rule}.{'_'.join(phrase)}", start, end)
    return None


def _facilitation(s: _Sentence, lex: _Lexicon) -> _Found | None:
    if all(w in lex.facilitation for w in s.words):
        start, end = s.whole()
        return _Found(Behavior.OTHER, "other.facilitation", start, end)
    return None


def _code_sentence(
    s: _Sentence, lex: _Lexicon, previous: frozenset[str] | None, permitted: bool
) -> list[_Found]:
    found: list[_Found] = []
    facilitation = _facilitation(s, lex)
    if facilitation is not None:
        return [facilitation]
    for phrases, behavior, rule in (
        (lex.confront, Behavior.CONFRONT, "confront"),
        (lex.affirm, Behavior.AFFIRM, "affirm"),
        (lex.emphasize_autonomy, Behavior.EMPHASIZE_AUTONOMY, "autonomy"),
        (lex.seek_collaboration, Behavior.SEEK_COLLABORATION, "collaboration"),
    ):
        hit = _phrase_finding(s, phrases, behavior, rule)
        if hit is not None:
            found.append(hit)
    question = _question(s, lex)
    if question is not None:
        found.append(question)
        return found
    advice = _phrase_finding(s, lex.advice_strong, Behavior.ADVISE_WITHOUT_PERMISSION, "advise")
    if advice is not None:
        if permitted:
            advice = attrs.evolve(advice, behavior=Behavior.ADVISE_WITH_PERMISSION)
        found.append(advice)
        return found
    persuade = _phrase_finding(s, lex.persuade, Behavior.PERSUADE, "persuade")
    if persuade is not None:
        if permitted:
            persuade = attrs.evolve(persuade, behavior=Behavior.PERSUADE_WITH_PERMISSION)
        found.append(persuade)
    info = _phrase_finding(s, lex.giving_information, Behavior.GIVING_INFORMATION, "information")
    reflection = _reflection(s, lex, previous)
    if reflection is not None and (info is None or reflection.weight >= 1.0):
        found.append(reflection)
    elif info is not None:
        found.append(info)
    structuring = _phrase_finding(s, lex.structuring, Behavior.OTHER, "other.structuring")
    if structuring is not None and not found:
        found.append(structuring)
    return found


_MAIN = {
    Behavior.QUESTION: MainBehavior.QUESTION,
    Behavior.SIMPLE_REFLECTION: MainBehavior.REFLECTION,
    Behavior.COMPLEX_REFLECTION: MainBehavior.REFLECTION,
    Behavior.GIVING_INFORMATION: MainBehavior.THERAPIST_INPUT,
    Behavior.ADVISE_WITH_PERMISSION: MainBehavior.THERAPIST_INPUT,
    Behavior.ADVISE_WITHOUT_PERMISSION: MainBehavior.THERAPIST_INPUT,
    Behavior.PERSUADE: MainBehavior.THERAPIST_INPUT,
    Behavior.PERSUADE_WITH_PERMISSION: MainBehavior.THERAPIST_INPUT,
    Behavior.CONFRONT: MainBehavior.THERAPIST_INPUT,
}


def _main(found: list[_Found]) -> tuple[MainBehavior, _Found | None]:
    best: tuple[float, _Found] | None = None
    n = len(found)
    for k, f in enumerate(found):
        main = _MAIN.get(f.behavior, MainBehavior.OTHER)
        if main is MainBehavior.OTHER:
            continue
        # Later sentences carry the turn's point; questions usually end it.
        score = f.weight + 0.5 * (k + 1) / n + (0.6 if main is MainBehavior.QUESTION else 0.0)
        if best is None or score > best[0]:
            best = (score, f)
    if best is None:
        return MainBehavior.OTHER, (found[0] if found else None)
    return _MAIN[best[1].behavior], best[1]


def code_counselor(text: str, *, previous: str | None = None) -> CounselorCode:
    """Code one counsellor turn in MITI terms.

    Args:
        text: What the counsellor said; any string.
        previous: The client turn just before, if any; a reflection that mostly
            repeats its words is simple, one that goes beyond them complex.

    Returns:
        The code: the main behaviour, every behaviour found, the question and
        reflection types, and the evidence (rule and span) for each.

    Examples:
        >>> code_counselor("What brings you in today?").question
        <QuestionType.OPEN: 'open'>
        >>> code_counselor("Do you smoke?").main
        <MainBehavior.QUESTION: 'question'>
        >>> str(code_counselor("So part of you wants to quit.").reflection)
        'complex'
    """
    lex = _lexicon()
    prev_words = frozenset(_content(t.text for t in _tokens(previous))) if previous else None
    sentences = [_Sentence(toks, text) for toks in _sentences(_tokens(text))]
    permitted = False
    found: list[_Found] = []
    for s in sentences:
        if lex.permission.at(s.words, _lead(s.words, lex)) is not None or any(
            True for _ in lex.permission.find(s.words)
        ):
            permitted = True
        found.extend(_code_sentence(s, lex, prev_words, permitted))
    main, deciding = _main(found)
    behaviors: list[Behavior] = []
    for f in found:
        if f.behavior not in behaviors:
            behaviors.append(f.behavior)
    question = next((f.question for f in found if f.question is not None), None)
    if any(f.question is QuestionType.OPEN for f in found):
        question = QuestionType.OPEN
    reflection = next((f.reflection for f in found if f.reflection is not None), None)
    if any(f.reflection is ReflectionType.COMPLEX for f in found):
        reflection = ReflectionType.COMPLEX
    ordered = ([deciding] if deciding is not None else []) + [f for f in found if f is not deciding]
    evidence = tuple(
        Evidence(rule=f.rule, start=f.start, end=f.end, text=text[f.start : f.end]) for f in ordered
    )
    if not found:
        evidence = ()
    return CounselorCode(
        main=main,
        behaviors=tuple(behaviors) or (Behavior.OTHER,),
        question=question,
        reflection=reflection,
        evidence=evidence,
    )
