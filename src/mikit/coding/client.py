"""Client talk: change, sustain or neutral, its DARN-CAT kind, and risk language.

The coder is rule-based and explainable. It reads an utterance as clauses (split at
sentence marks and at "but", "though" ...) and, in each clause, scores:

* a **frame** ("I want to", "I can't", "I'm going to") times the **direction** of
  what follows it: an operator ("quit", "cut down", "keep") and the behaviour it
  governs ("drinking"), with negations in a small window flipping the sign, so
  "I don't want to quit" is sustain and "I don't want to keep smoking" is change;
* an operator or behaviour on its own, negated or not ("I quit last month");
* whole **statements** that are change or sustain talk by themselves
  ("it helps me relax", "it's not that bad", "I'm worried about my kids").

Clauses after "but" weigh more, as in MI coding; every piece of evidence is kept.
A bare answer ("Yeah.", "No.") takes its direction from the counsellor's turn before
it, read as if the client had said it. Risk language is flagged whatever the talk.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

import attrs

from mikit.coding.lexicon import SENTENCE_END, Entry, Token, client_lexicon, phrase_tokens, tokenize
from mikit.errors import ValidationError
from mikit.models.codes import ClientCode, Evidence
from mikit.models.enums import Direction, Talk, TalkKind
from mikit.models.goals import Goal

if TYPE_CHECKING:
    from mikit.coding.lexicon import ClientLexicon

__all__ = ["Said", "code_client"]

_NEGATION_WINDOW = 3
"""How many tokens before a frame or statement a negation reaches."""
_CUE_WINDOW = 5
"""How many tokens after a frame its operator or behaviour may start."""
_OBJECT_WINDOW = 3
"""How many tokens apart an operator and the behaviour it governs may be."""
_AFTER_BREAK = 1.5
"""The weight of a clause after "but": the last word counts more in MI coding."""
_BARE_ANSWER = 8
"""The most tokens a bare answer ("Yeah, I think so.") may have."""
_THRESHOLD = 0.5
"""The least net weight that makes an utterance change or sustain talk."""
_LONE_CUE = 0.7
"""The weight of an operator with no frame ("I quit last year")."""
_LONE_BEHAVIOUR = 0.5
"""The weight of a negated behaviour with no frame ("I don't drink")."""

_PAST = frozenset({"quit", "cut", "gave", "stopped", "kept", "went", "started", "tried"})


class Said(Protocol):
    """Anything with the text of a turn, such as an :class:`~mikit.Utterance`."""

    @property
    def text(self) -> str:
        """What was said."""
        ...


@attrs.frozen
class _Match:
    start: int  # token index
    end: int  # token index, exclusive
    entry: Entry


@attrs.frozen
class _Score:
    sign: int
    weight: float
    kind: TalkKind
    rule: str
    start: int  # token index
    end: int


def code_client(
    text: str,
    *,
    target: Goal | str | None = None,
    previous: str | Said | None = None,
) -> ClientCode:
    """Code a client utterance as change, sustain or neutral talk, with evidence.

    Args:
        text: What the client said; any string.
        target: The change that counts as change talk: a :class:`~mikit.Goal` or a
            verb phrase ("drink less", "quit smoking"). Without one, the direction
            comes from the words (quit, cut down, keep, more, less ...).
        previous: The counsellor's turn just before, as text or as anything with a
            ``text`` attribute; it resolves bare answers such as "Yeah." or "No.".

    Returns:
        The code: talk, DARN-CAT kind (None for neutral), evidence spans with the
        rules that fired, and whether risk language was found.

    Raises:
        ValidationError: If *text*, *target* or *previous* has the wrong type.

    >>> code = code_client("I really want to cut down.")
    >>> code.talk.value, code.kind.value, code.evidence[0].text
    ('change', 'desire', 'want to cut down')
    >>> code_client("I'm not ready to quit.").talk.value
    'sustain'
    >>> code_client("Yeah.", previous="So you'd like to cut back?").talk.value
    'change'
    """
    given: object = text  # callers without a type checker may pass anything
    if not isinstance(given, str):
        msg = f"must be a string, got {type(given).__name__}"
        raise ValidationError("text", msg)
    lexicon = client_lexicon()
    signs = _target_signs(target, lexicon)
    tokens = tokenize(text)
    matches = _matches([t.norm for t in tokens], lexicon, signs)
    scores = [s for s in _score(tokens, matches, lexicon) if s.sign]
    risk = [m for m in matches if m.entry.category == "risk"]
    talk, kind = _decide(scores)
    evidence = [_evidence(text, tokens, s.rule, s.start, s.end) for s in scores]
    if talk is Talk.NEUTRAL and previous is not None and len(tokens) <= _BARE_ANSWER:
        answered = _answer(matches, _previous_text(previous), lexicon, signs)
        if answered is not None:
            talk, kind, rule, match = answered
            evidence.append(_evidence(text, tokens, rule, match.start, match.end))
    evidence.extend(_evidence(text, tokens, m.entry.rule, m.start, m.end) for m in risk)
    evidence.sort(key=lambda e: (e.start, e.end, e.rule))
    return ClientCode(talk=talk, kind=kind, evidence=tuple(evidence), risk=bool(risk))


def _previous_text(previous: str | Said) -> str:
    said = previous if isinstance(previous, str) else getattr(previous, "text", None)
    if not isinstance(said, str):
        msg = f"must be a string or have a text attribute, got {type(previous).__name__}"
        raise ValidationError("previous", msg)
    return said


def _target_signs(target: Goal | str | None, lexicon: ClientLexicon) -> dict[str, int]:
    """The sign of doing each behaviour word of the target (-1 if it should decrease)."""
    given: object = target  # callers without a type checker may pass anything
    if given is None:
        return {}
    if isinstance(given, Goal):
        words = phrase_tokens(" ".join(filter(None, (given.statement, given.behavior))))
        direction = given.direction
    elif isinstance(given, str):
        words = phrase_tokens(given)
        direction = None
    else:
        msg = f"must be a Goal or a string, got {type(given).__name__}"
        raise ValidationError("target", msg)
    content = [w for w in words if w not in lexicon.stopwords and w not in lexicon.operators]
    if direction is None:
        direction = _direction(words, content, lexicon)
    sign = -1 if direction is Direction.DECREASE else 1
    return dict.fromkeys(content, sign)


def _direction(words: tuple[str, ...], content: list[str], lexicon: ClientLexicon) -> Direction:
    for match in _matches(list(words), lexicon, {}):
        if match.entry.category == "operator" and match.entry.times < 0:
            return Direction.DECREASE
        if match.entry.category == "operator":
            return Direction.INCREASE
    if any(lexicon.behaviour_signs.get(w, 0) < 0 for w in content):
        return Direction.DECREASE
    return Direction.INCREASE


def _matches(norms: list[str], lexicon: ClientLexicon, signs: dict[str, int]) -> list[_Match]:
    """Every phrase of the lexicon found in *norms*, longest per category first."""
    trie = lexicon.trie
    found: list[_Match] = []
    n = len(norms)
    for i in range(n):
        node = trie.get(norms[i])
        j = i + 1
        at_i: list[_Match] = []
        while node is not None:
            at_i.extend(_Match(i, j, e) for e in node.get("", ()))
            if j >= n:
                break
            node = node.get(norms[j])
            j += 1
        if signs and norms[i] in signs:
            at_i = [m for m in at_i if m.entry.category != "behaviour"]
            at_i.append(
                _Match(i, i + 1, Entry("behaviour", "behaviour.target", 1, None, signs[norms[i]]))
            )
        found.extend(at_i)
    return _longest(found)


def _longest(found: list[_Match]) -> list[_Match]:
    """Drop matches inside a longer match of the same category."""
    reach: dict[str, int] = {}
    kept: list[_Match] = []
    for match in sorted(found, key=lambda m: (m.start, -m.end)):
        category = match.entry.category
        if match.end <= reach.get(category, -1):
            continue
        reach[category] = match.end
        kept.append(match)
    return kept


def _clauses(tokens: list[Token], lexicon: ClientLexicon) -> list[tuple[int, int, bool]]:
    """Clause bounds (start, end, after a break) in token indices."""
    out: list[tuple[int, int, bool]] = []
    start = 0
    after_break = False
    for i, token in enumerate(tokens):
        if token.norm == SENTENCE_END or token.norm in lexicon.breaks:
            if i > start:
                out.append((start, i, after_break))
            after_break = token.norm in lexicon.breaks
            start = i + 1
    if start < len(tokens):
        out.append((start, len(tokens), after_break))
    return out


def _score(tokens: list[Token], matches: list[_Match], lexicon: ClientLexicon) -> list[_Score]:
    scores: list[_Score] = []
    norms = [t.norm for t in tokens]
    by_clause: dict[int, list[_Match]] = {}
    clauses = _clauses(tokens, lexicon)
    clause_of = [0] * len(tokens)
    for c, (start, end, _) in enumerate(clauses):
        for i in range(start, end):
            clause_of[i] = c
    for match in matches:
        by_clause.setdefault(clause_of[match.start], []).append(match)
    for c, (start, _end, after_break) in enumerate(clauses):
        weight = _AFTER_BREAK if after_break else 1.0
        found = by_clause.get(c, [])
        scores.extend(_score_clause(norms, start, found, weight, lexicon))
    return scores


def _negations(
    norms: list[str], lo: int, hi: int, covered: set[int], lexicon: ClientLexicon
) -> int:
    return sum(
        1 for i in range(max(lo, 0), hi) if norms[i] in lexicon.negation and i not in covered
    )


def _score_clause(  # noqa: C901, PLR0912, PLR0915 - one pass over a clause's matches, branch per category
    norms: list[str],
    clause_start: int,
    found: list[_Match],
    weight: float,
    lexicon: ClientLexicon,
) -> list[_Score]:
    frames = [m for m in found if m.entry.category == "frame"]
    cues = [m for m in found if m.entry.category in {"operator", "behaviour"}]
    statements = [m for m in found if m.entry.category == "statement"]
    covered: set[int] = set()
    for m in found:
        if m.entry.category == "operator" and m.entry.negated:
            covered.update(range(m.start, m.end))
    used: set[int] = set()  # ids of consumed cue matches
    out: list[_Score] = []
    spans: list[tuple[int, int]] = []
    skip_frames: set[int] = set()
    for index, frame in enumerate(frames):
        if index in skip_frames:
            continue
        cue = next(
            (
                m
                for m in cues
                if frame.end <= m.start <= frame.end + _CUE_WINDOW and id(m) not in used
            ),
            None,
        )
        lo = max(clause_start, frame.start - _NEGATION_WINDOW)
        if cue is None:
            if frame.entry.sign:
                neg = _negations(norms, lo, frame.start, covered, lexicon)
                sign = -frame.entry.sign if neg % 2 else frame.entry.sign
                out.append(
                    _Score(
                        sign,
                        weight * 0.5,
                        TalkKind(frame.entry.kind),
                        frame.entry.rule,
                        frame.start,
                        frame.end,
                    )
                )
            continue
        value, end, parts = _cue_value(cue, cues, used)
        neg = _negations(norms, lo, frame.start, covered, lexicon)
        neg += _negations(norms, frame.end, cue.start, covered, lexicon)
        value *= frame.entry.times
        sign = -value if neg % 2 else value
        rule = "+".join([frame.entry.rule, *(["negation"] if neg % 2 else []), *parts])
        out.append(_Score(sign, weight, TalkKind(frame.entry.kind), rule, frame.start, end))
        spans.append((frame.start, end))
        for later in range(index + 1, len(frames)):
            if frames[later].start < end:
                skip_frames.add(later)
    for cue in cues:
        if id(cue) in used or cue.entry.category != "operator":
            continue
        value, end, parts = _cue_value(cue, cues, used)
        lo = max(clause_start, cue.start - _NEGATION_WINDOW)
        neg = _negations(norms, lo, cue.start, covered, lexicon)
        sign = -value if neg % 2 else value
        kind = TalkKind.TAKING_STEPS if norms[cue.start] in _PAST else TalkKind.REASONS
        rule = "+".join([*(["negation"] if neg % 2 else []), *parts])
        out.append(_Score(sign, weight * _LONE_CUE, kind, rule, cue.start, end))
        spans.append((cue.start, end))
    for cue in cues:
        if id(cue) in used:
            continue
        lo = max(clause_start, cue.start - _NEGATION_WINDOW)
        neg = _negations(norms, lo, cue.start, covered, lexicon)
        if neg % 2:
            used.add(id(cue))
            out.append(
                _Score(
                    -cue.entry.sign,
                    weight * _LONE_BEHAVIOUR,
                    TalkKind.TAKING_STEPS,
                    f"negation+{cue.entry.rule}",
                    lo,
                    cue.end,
                )
            )
    for st in statements:
        if any(a < st.end and st.start < b for a, b in spans):
            continue
        sign = st.entry.sign
        if not st.entry.negated:
            lo = max(clause_start, st.start - _NEGATION_WINDOW)
            if _negations(norms, lo, st.start, covered, lexicon) % 2:
                sign = -sign
        out.append(_Score(sign, weight, TalkKind(st.entry.kind), st.entry.rule, st.start, st.end))
    return out


def _cue_value(cue: _Match, cues: list[_Match], used: set[int]) -> tuple[int, int, list[str]]:
    """The sign of an operator or behaviour with what it governs; marks them used."""
    used.add(id(cue))
    if cue.entry.category == "behaviour":
        op = next(
            (
                m
                for m in cues
                if m.entry.category == "operator"
                and cue.end <= m.start <= cue.end + 1
                and id(m) not in used
            ),
            None,
        )
        if op is None:
            return cue.entry.sign, cue.end, [cue.entry.rule]
        used.add(id(op))
        return op.entry.times * cue.entry.sign, op.end, [cue.entry.rule, op.entry.rule]
    obj = next(
        (
            m
            for m in cues
            if m.entry.category == "behaviour"
            and cue.end <= m.start <= cue.end + _OBJECT_WINDOW
            and id(m) not in used
        ),
        None,
    )
    if obj is None:
        return cue.entry.sign, cue.end, [cue.entry.rule]
    used.add(id(obj))
    return cue.entry.times * obj.entry.sign, obj.end, [cue.entry.rule, obj.entry.rule]


def _decide(scores: list[_Score]) -> tuple[Talk, TalkKind | None]:
    scores = [s for s in scores if s.sign]
    total = sum(s.sign * s.weight for s in scores)
    if total >= _THRESHOLD:
        sign = 1
    elif total <= -_THRESHOLD:
        sign = -1
    else:
        return Talk.NEUTRAL, None
    best = max((s for s in scores if s.sign == sign), key=lambda s: (s.weight, s.start))
    return (Talk.CHANGE if sign > 0 else Talk.SUSTAIN), best.kind


def _answer(
    matches: list[_Match],
    previous: str,
    lexicon: ClientLexicon,
    signs: dict[str, int],
) -> tuple[Talk, TalkKind, str, _Match] | None:
    """Resolve a bare yes or no by the direction of the counsellor's turn."""
    answer = next((m for m in matches if m.entry.category in {"yes", "no"}), None)
    if answer is None:
        return None
    said = tokenize(previous)
    turned = [
        Token(n, t.start, t.end, t.raw)
        for t in said
        for n in lexicon.you_to_i.get(t.norm, (t.norm,))
    ]
    prior = _matches([t.norm for t in turned], lexicon, signs)
    talk, kind = _decide(_score(turned, prior, lexicon))
    if talk is Talk.NEUTRAL or kind is None:
        return None
    if answer.entry.category == "no":
        talk = Talk.SUSTAIN if talk is Talk.CHANGE else Talk.CHANGE
    return talk, kind, f"previous.{answer.entry.category}+{talk.value}", answer


def _evidence(text: str, tokens: list[Token], rule: str, start: int, end: int) -> Evidence:
    first = tokens[start].start
    last = tokens[max(end - 1, start)].end
    return Evidence(rule, first, last, text[first:last])
