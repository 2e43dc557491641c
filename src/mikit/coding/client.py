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

The rules' net score is then weighed with learned word weights (``weights.json``:
words, word pairs, the rules that fired, the length, the end of the counsellor's
turn), fitted on the train split of AnnoMI, whose coders mark much talk that no
short rule catches. A DARN-CAT frame with its direction outweighs the words
("I don't want to keep smoking" stays change talk); the words decide the rest, and
the ones that pushed the decision most are reported as ``cue.*`` evidence.

A bare answer ("Yeah.", "No.") takes its direction from the counsellor's turn before
it, read as if the client had said it, when that turn holds a DARN-CAT frame with a
clear direction ("So you'd like to cut back?"). Risk language is flagged whatever
the talk: matched on whole phrases ("kill myself", "end it all", "kill him"), so
"kill time" and "this is killing me" do not fire, while harm to others fires even as
a figure of speech ("I could kill him") and denials fire too: an app should ask,
not assume.
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple, Protocol

from mikit.coding.lexicon import (
    SENTENCE_END,
    Entry,
    Tokens,
    client_lexicon,
    client_weights,
    phrase_tokens,
    tokenize,
)
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

_PREVIOUS_TOKENS = 16
"""How much of the end of the counsellor's turn is read."""
_PREVIOUS_CHARS = 100
"""How many characters from the end of the counsellor's turn are tokenised."""
_LENGTHS: tuple[tuple[int, str], ...] = (
    (0, "0"),
    (1, "1"),
    (3, "2-3"),
    (8, "4-8"),
    (20, "9-20"),
    (50, "21-50"),
    (1 << 62, "51+"),
)
"""Length buckets, in words."""
_CUE_LIFT = 0.3
"""The least learned lift for a word to be shown as evidence."""
_CUES_SHOWN = 3
"""How many learned cues are shown as evidence at most."""
_TALKS = (Talk.CHANGE, Talk.NEUTRAL, Talk.SUSTAIN)
"""The order of the learned weights."""

_PAST = frozenset({"quit", "cut", "gave", "stopped", "kept", "went", "started", "tried"})


class Said(Protocol):
    """Anything with the text of a turn, such as an :class:`~mikit.Utterance`."""

    @property
    def text(self) -> str:
        """What was said."""
        ...


class _Match(NamedTuple):
    start: int  # token index
    end: int  # token index, exclusive
    entry: Entry


class _Score(NamedTuple):
    sign: int
    weight: float
    kind: TalkKind
    rule: str
    start: int  # token index
    end: int
    framed: bool = False  # a DARN-CAT frame with the direction it governs


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
    >>> code.talk.value, code.kind.value
    ('change', 'desire')
    >>> [e.text for e in code.evidence if e.rule == "desire.want+change.stop"]
    ['want to cut down']
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
    matches = _matches(tokens.norms, lexicon, signs)
    scores = [s for s in _score(tokens.norms, matches, lexicon) if s.sign]
    prior = None if previous is None else _read_previous(_previous_text(previous), lexicon)
    talk, cues = _weigh(_features(tokens, matches, scores, prior), scores)
    kind = None if talk is Talk.NEUTRAL else _kind(talk, scores)
    evidence = [_evidence(text, tokens, s.rule, s.start, s.end) for s in scores]
    evidence.extend(_evidence(text, tokens, rule, start, end) for rule, start, end in cues)
    answered = _answer(tokens, matches, scores, prior, lexicon, signs)
    if answered is not None:
        talk, kind, answer = answered
        rule = f"previous.{answer.entry.category}+{talk.value}"
        evidence = [_evidence(text, tokens, rule, answer.start, answer.end)]
    risk = [m for m in matches if m.entry.category == "risk"]
    evidence.extend(_evidence(text, tokens, m.entry.rule, m.start, m.end) for m in risk)
    evidence.sort(key=lambda e: (e.start, e.end, e.rule))
    return ClientCode(
        talk=talk, kind=kind, evidence=tuple(dict.fromkeys(evidence)), risk=bool(risk)
    )


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
    if isinstance(given, str):
        return _phrase_signs(given)
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


@lru_cache(maxsize=256)
def _phrase_signs(target: str) -> dict[str, int]:
    """The behaviour signs of a verb-phrase target (cached: a session has few targets)."""
    return (
        _target_signs(Goal(id="target", statement=target), client_lexicon())
        if target.strip()
        else {}
    )


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
        at_i: list[_Match] = []
        j = i + 1
        while node is not None:
            entries = node.get("")
            if entries:
                at_i.extend(_Match(i, j, e) for e in entries)
            if j >= n:
                break
            node = node.get(norms[j])
            j += 1
        if signs and norms[i] in signs:
            at_i = [m for m in at_i if m.entry.category != "behaviour"]
            at_i.append(
                _Match(i, i + 1, Entry("behaviour", "behaviour.target", 1, None, signs[norms[i]]))
            )
        if at_i:
            at_i.reverse()  # longest first, as _longest expects
            found.extend(at_i)
    return _longest(found)


def _longest(found: list[_Match]) -> list[_Match]:
    """Drop matches inside a longer match of the same category."""
    reach: dict[str, int] = {}
    kept: list[_Match] = []
    for match in found:  # by start, longest first
        category = match.entry.category
        if match.end <= reach.get(category, -1):
            continue
        reach[category] = match.end
        kept.append(match)
    return kept


def _clauses(norms: list[str], lexicon: ClientLexicon) -> list[tuple[int, int, bool]]:
    """Clause bounds (start, end, after a break) in token indices."""
    out: list[tuple[int, int, bool]] = []
    start = 0
    after_break = False
    breaks = lexicon.breaks
    for i, norm in enumerate(norms):
        if norm == SENTENCE_END or norm in breaks:
            if i > start:
                out.append((start, i, after_break))
            after_break = norm in breaks
            start = i + 1
    if start < len(norms):
        out.append((start, len(norms), after_break))
    return out


def _score(norms: list[str], matches: list[_Match], lexicon: ClientLexicon) -> list[_Score]:
    scores: list[_Score] = []
    by_clause: dict[int, list[_Match]] = {}
    clauses = _clauses(norms, lexicon)
    clause_of = [0] * len(norms)
    for c, (start, end, _) in enumerate(clauses):
        for i in range(start, end):
            clause_of[i] = c
    for match in matches:
        by_clause.setdefault(clause_of[match.start], []).append(match)
    last = [0]  # the direction of the last framed score, for "... but I can't"
    for c, (start, _end, after_break) in enumerate(clauses):
        weight = _AFTER_BREAK if after_break else 1.0
        found = by_clause.get(c, [])
        scores.extend(_score_clause(norms, start, found, weight, lexicon, last))
    return scores


def _negations(
    norms: list[str], lo: int, hi: int, covered: set[int], lexicon: ClientLexicon
) -> int:
    return sum(
        1 for i in range(max(lo, 0), hi) if norms[i] in lexicon.negation and i not in covered
    )


def _score_clause(  # noqa: C901, PLR0912, PLR0913, PLR0915, PLR0917 - one pass over a clause's matches, branch per category
    norms: list[str],
    clause_start: int,
    found: list[_Match],
    weight: float,
    lexicon: ClientLexicon,
    last: list[int],
) -> list[_Score]:
    frames = [m for m in found if m.entry.category == "frame"]
    cues = _Cues([m for m in found if m.entry.category in {"operator", "behaviour"}])
    statements = [m for m in found if m.entry.category == "statement"]
    covered: set[int] = set()  # negations inside a phrase ("no more") do not negate
    for m in found:
        if m.entry.category == "operator" and m.entry.negated:
            covered.update(range(m.start, m.end))
    out: list[_Score] = []
    spanned: set[int] = set()  # tokens inside a frame or cue score
    skip_until = -1
    for frame in frames:
        if frame.start < skip_until:
            continue
        cue = cues.first(frame.end, frame.end + _CUE_WINDOW)
        lo = max(clause_start, frame.start - _NEGATION_WINDOW)
        if cue is None:
            neg = _negations(norms, lo, min(frame.end + 1, len(norms)), covered, lexicon)
            if neg % 2 and last[0] and frame.entry.kind == TalkKind.ABILITY.value:
                # "I want to quit, but I can't": the ability is denied for the same change.
                rule = f"{frame.entry.rule}+negation+ellipsis"
                ability = TalkKind.ABILITY
                out.append(_Score(-last[0], weight, ability, rule, lo, frame.end, framed=True))
                continue
            if frame.entry.sign:
                sign = -frame.entry.sign if neg % 2 else frame.entry.sign
                kind = TalkKind(frame.entry.kind)
                out.append(_Score(sign, weight / 2, kind, frame.entry.rule, frame.start, frame.end))
            continue
        value, end, parts = cues.value(cue)
        neg = _negations(norms, lo, frame.start, covered, lexicon)
        neg += _negations(norms, frame.end, cues.matches[cue].start, covered, lexicon)
        value *= frame.entry.times
        sign = -value if neg % 2 else value
        rule = "+".join([frame.entry.rule, *(["negation"] if neg % 2 else []), *parts])
        kind = TalkKind(frame.entry.kind)
        out.append(_Score(sign, weight, kind, rule, frame.start, end, framed=True))
        spanned.update(range(frame.start, end))
        last[0] = sign
        skip_until = end
    for index, cue_match in enumerate(cues.matches):
        if index in cues.used or cue_match.entry.category != "operator":
            continue
        value, end, parts = cues.value(index)
        lo = max(clause_start, cue_match.start - _NEGATION_WINDOW)
        neg = _negations(norms, lo, cue_match.start, covered, lexicon)
        sign = -value if neg % 2 else value
        kind = TalkKind.TAKING_STEPS if norms[cue_match.start] in _PAST else TalkKind.REASONS
        rule = "+".join([*(["negation"] if neg % 2 else []), *parts])
        out.append(_Score(sign, weight * _LONE_CUE, kind, rule, cue_match.start, end))
        spanned.update(range(cue_match.start, end))
    for index, cue_match in enumerate(cues.matches):
        if index in cues.used:
            continue
        lo = max(clause_start, cue_match.start - _NEGATION_WINDOW)
        if _negations(norms, lo, cue_match.start, covered, lexicon) % 2:
            cues.used.add(index)
            rule = f"negation+{cue_match.entry.rule}"
            steps = TalkKind.TAKING_STEPS
            score = _Score(
                -cue_match.entry.sign, weight * _LONE_BEHAVIOUR, steps, rule, lo, cue_match.end
            )
            out.append(score)
    for st in statements:
        if any(i in spanned for i in range(st.start, st.end)):
            continue
        sign = st.entry.sign
        if not st.entry.negated:
            lo = max(clause_start, st.start - _NEGATION_WINDOW)
            if _negations(norms, lo, st.start, covered, lexicon) % 2:
                sign = -sign
        out.append(_Score(sign, weight, TalkKind(st.entry.kind), st.entry.rule, st.start, st.end))
    return out


class _Cues:
    """The operators and behaviours of a clause, in order, found by position in log time."""

    def __init__(self, matches: list[_Match]) -> None:
        self.matches = matches
        self.starts = [m.start for m in matches]
        self.used: set[int] = set()

    def first(self, lo: int, hi: int, category: str | None = None) -> int | None:
        """The first unused cue starting in ``lo..hi`` (of *category*, if given)."""
        i = bisect.bisect_left(self.starts, lo)
        while i < len(self.matches) and self.starts[i] <= hi:
            if i not in self.used and category in {None, self.matches[i].entry.category}:
                return i
            i += 1
        return None

    def value(self, index: int) -> tuple[int, int, list[str]]:
        """The sign of a cue with what it governs; marks them used."""
        self.used.add(index)
        cue = self.matches[index].entry
        end = self.matches[index].end
        if cue.category == "behaviour":
            op = self.first(end, end + 1, "operator")
            if op is None:
                return cue.sign, end, [cue.rule]
            self.used.add(op)
            governs = self.matches[op]
            return governs.entry.times * cue.sign, governs.end, [cue.rule, governs.entry.rule]
        obj = self.first(end, end + _OBJECT_WINDOW, "behaviour")
        if obj is None:
            return cue.sign, end, [cue.rule]
        self.used.add(obj)
        governed = self.matches[obj]
        return cue.times * governed.entry.sign, governed.end, [cue.rule, governed.entry.rule]


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


class _Prior(NamedTuple):
    """The end of the counsellor's turn before, read as if the client said it."""

    norms: list[str]
    question: bool


def _read_previous(previous: str, lexicon: ClientLexicon) -> _Prior:
    said = tokenize(previous[-_PREVIOUS_CHARS:]).norms[-_PREVIOUS_TOKENS:]
    you_to_i = lexicon.you_to_i
    turned = [n for norm in said for n in you_to_i.get(norm, (norm,))]
    return _Prior(turned, previous.rstrip().endswith("?"))


def _answer(  # noqa: PLR0913, PLR0917 - private; every argument is the utterance's state
    tokens: Tokens,
    matches: list[_Match],
    scores: list[_Score],
    prior: _Prior | None,
    lexicon: ClientLexicon,
    signs: dict[str, int],
) -> tuple[Talk, TalkKind, _Match] | None:
    """A bare yes or no takes the direction of a counsellor turn about the change.

    Only a turn whose own words hold a DARN-CAT frame with a clear direction counts
    ("So you'd like to cut back?", "You really enjoy drinking"): most bare answers
    in coded sessions are neutral acknowledgements.
    """
    if prior is None or scores or _words(tokens.norms) > _BARE_ANSWER:
        return None
    answer = next((m for m in matches if m.entry.category in {"yes", "no"}), None)
    if answer is None:
        return None
    norms = prior.norms
    said = [s for s in _score(norms, _matches(norms, lexicon, signs), lexicon) if s.sign]
    framed = [s for s in said if s.framed]
    total = sum(s.sign * s.weight for s in said)
    if not framed or abs(total) < 1:
        return None
    sign = (1 if total > 0 else -1) * (-1 if answer.entry.category == "no" else 1)
    kind = max(framed, key=lambda s: (s.weight, s.start)).kind
    return (Talk.CHANGE if sign > 0 else Talk.SUSTAIN), kind, answer


def _words(norms: list[str]) -> int:
    return len(norms) - norms.count(SENTENCE_END)


def _features(
    tokens: Tokens, matches: list[_Match], scores: list[_Score], prior: _Prior | None
) -> list[tuple[str, int, int]]:
    """The weighed features of an utterance, each with its token span (-1 for none).

    Words are features ("u:" one word, "b:" two words in a row within a sentence),
    so are the rules that fired, the length, and the end of the counsellor's turn.
    """
    norms = tokens.norms
    out: list[tuple[str, int, int]] = [(_length(_words(norms)), -1, -1)]
    previous = SENTENCE_END
    for i, norm in enumerate(norms):
        if norm != SENTENCE_END:
            out.append(("u:" + norm, i, i + 1))
            if previous != SENTENCE_END:
                out.append(("b:" + previous + " " + norm, i - 1, i + 1))
        previous = norm
    total = 0.0
    for score in scores:
        out.append((_rule_feature(score), score.start, score.end))
        total += score.sign * score.weight
    out.append((_net(total), -1, -1))
    if prior is not None:
        out.extend(("p:" + norm, -1, -1) for norm in set(prior.norms))
        out.append((f"pq:{int(prior.question)}", -1, -1))
        answer = next((m for m in matches if m.entry.category in {"yes", "no"}), None)
        if answer is not None and _words(norms) <= _BARE_ANSWER:
            out.append(("ans:" + answer.entry.category, answer.start, answer.end))
    return out


def _length(size: int) -> str:
    return "len:" + next(name for bound, name in _LENGTHS if size <= bound)


def _rule_feature(score: _Score) -> str:
    return f"r:{score.rule.split('+', 1)[0]}:{score.sign}"


def _net(total: float) -> str:
    return "net:1" if total >= _THRESHOLD else "net:-1" if total <= -_THRESHOLD else "net:0"


def _weigh(
    features: list[tuple[str, int, int]], scores: list[_Score]
) -> tuple[Talk, list[tuple[str, int, int]]]:
    """The talk with the highest learned score, and the spans that pushed it most."""
    model = client_weights()
    weights: dict[str, list[float]] = model["features"]
    totals = list(model["bias"])
    scale = model["rule_total"]
    rules = sum(
        s.sign * s.weight * (scale["framed"] if s.framed else scale["other"]) for s in scores
    )
    totals[0 if rules > 0 else 2] += abs(rules)
    get = weights.get
    change = neutral = sustain = 0.0
    hits: list[tuple[list[float], str, int, int]] = []  # looked up once, shown below
    add = hits.append
    for name, start, end in features:
        w = get(name)
        if w is not None:
            change += w[0]
            neutral += w[1]
            sustain += w[2]
            add((w, name, start, end))
    totals[0] += change
    totals[1] += neutral
    totals[2] += sustain
    best = max(range(3), key=totals.__getitem__)
    talk = _TALKS[best]
    if talk is Talk.NEUTRAL:
        return talk, []
    pushed = []
    for w, name, start, end in hits:
        if start >= 0 and not name.startswith("r:"):
            lift = w[best] - w[1]
            if lift > _CUE_LIFT:
                pushed.append((lift, f"cue.{talk.value}:{name}", start, end))
    pushed.sort(reverse=True)
    return talk, [(rule, start, end) for _lift, rule, start, end in pushed[:_CUES_SHOWN]]


def _kind(talk: Talk, scores: list[_Score]) -> TalkKind:
    sign = 1 if talk is Talk.CHANGE else -1
    same = [s for s in scores if s.sign == sign]
    if not same:
        return TalkKind.REASONS
    return max(same, key=lambda s: (s.framed, s.weight, s.start)).kind


def _evidence(text: str, tokens: Tokens, rule: str, start: int, end: int) -> Evidence:
    first = tokens.starts[start]
    last = tokens.ends[max(end - 1, start)]
    return Evidence(rule, first, last, text[first:last])
