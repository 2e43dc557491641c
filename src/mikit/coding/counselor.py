"""Counsellor behaviours: questions, reflections, information, advice and the rest.

The coder is rule-based and explainable. A turn is tokenised once, split into
sentences, and each sentence is matched against phrase lexicons
(``mikit/data/lexicons/counselor/*.json``) by dictionary lookups on token
sequences, so coding runs in time linear in the text. A linear layer then
decides the turn's main behaviour, open vs closed and simple vs complex from the
rules that fired, the shape of the turn, its lightly stemmed words and word pairs
and its context (the client's turns before and after); its weights are a data file
(``weights.json``) fitted on AnnoMI's training transcripts by
``benchmarks/fit_counselor_weights.py`` and applied with dictionary lookups. A main
behaviour the rules found on their own lead stands unless the weights clearly
prefer another. Every code carries the evidence: the rule that fired and the span
of text it fired on, then the learned features that weighed most.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
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
_TOKEN = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*|[?!.;]")
_ENDS = frozenset({"?", "!", ".", ";"})
_MAX_PHRASE = 8


_PHRASE_LISTS = {
    "questions.json": (
        "open_leads",
        "open_anywhere",
        "permission",
        "wondering",
    ),
    "reflections.json": ("leads", "complex_cues", "statement_leads"),
    "behaviors.json": (
        "giving_information",
        "advice_strong",
        "confront",
        "persuade",
        "affirm",
        "seek_collaboration",
        "emphasize_autonomy",
        "structuring",
    ),
}
_WORD_SETS = {
    "questions.json": (
        "fillers",
        "wh_words",
        "aux",
        "aux_subjects",
        "wh_follow",
        "open_wh",
        "closed_after_how",
        "wh_statement",
        "statement_aux",
    ),
    "reflections.json": ("second_person", "speaker_leads"),
    "behaviors.json": ("facilitation",),
}

_Token = tuple[str, int, int]
"""A word or sentence mark, lower-cased, with its character span."""
_Hit = tuple[int, tuple[str, ...]]
"""A phrase found at a word position."""


@attrs.frozen
class _Lexicon:
    """Every counsellor lexicon, loaded once: word sets and one phrase index."""

    fillers: frozenset[str]
    wh_words: frozenset[str]
    aux: frozenset[str]
    aux_subjects: frozenset[str]
    wh_follow: frozenset[str]
    open_wh: frozenset[str]
    closed_after_how: frozenset[str]
    wh_statement: frozenset[str]
    statement_aux: frozenset[str]
    second_person: frozenset[str]
    speaker_leads: frozenset[str]
    facilitation: frozenset[str]
    tags: tuple[tuple[str, ...], ...]
    # A trie of every phrase: word -> child node; the key "" holds the names of
    # the lists a phrase ending there belongs to ("" is never a token).
    phrases: dict[str, Any]


def _read(name: str) -> dict[str, Any]:
    path = resources.files("mikit").joinpath(f"data/lexicons/counselor/{name}")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@functools.cache
def _lexicon() -> _Lexicon:
    words: dict[str, frozenset[str]] = {}
    phrases: dict[str, Any] = {}
    tags: tuple[tuple[str, ...], ...] = ()
    for name, lists in _PHRASE_LISTS.items():
        data = _read(name)
        for key in _WORD_SETS[name]:
            words[key] = frozenset(data[key])
        for key in lists:
            for phrase in data[key]:
                if 0 < len(phrase) <= _MAX_PHRASE:
                    node = phrases
                    for word in phrase:
                        node = node.setdefault(word, {})
                    node.setdefault("", []).append(key)
        if "tag_endings" in data:
            tags = tuple(tuple(t) for t in data["tag_endings"])
    return _Lexicon(tags=tags, phrases=phrases, **words)


def _tokens(text: str) -> list[_Token]:
    low = text.lower().replace("\u2019", "'")
    if len(low) == len(text):
        source = low
        found = lowered = _TOKEN.findall(low)
    else:
        # Lower-casing changed the length (rare Unicode): keep offsets into the original.
        source = text
        found = _TOKEN.findall(text)
        lowered = [w.lower().replace("\u2019", "'") for w in found]
    # The text skipped between two tokens holds no letter, digit or sentence mark, so
    # the next occurrence of a token is the token itself: the search stays linear.
    out: list[_Token] = []
    add = out.append
    find = source.find
    end = 0
    for word, norm in zip(found, lowered, strict=True):
        start = find(word, end)
        end = start + len(word)
        add((norm, start, end))
    return out


_CONTEXT_CACHE = 64
"""How many client turns' words are kept: a turn is read as the one after a
counsellor turn, then as the one before the next."""


@functools.lru_cache(maxsize=_CONTEXT_CACHE)
def _context_words(text: str) -> tuple[str, ...]:
    """The lower-cased tokens of a client turn read as context (no spans needed)."""
    low = text.lower().replace("\u2019", "'")
    if len(low) == len(text):
        return tuple(_TOKEN.findall(low))
    return tuple(w.lower().replace("\u2019", "'") for w in _TOKEN.findall(text))


@functools.lru_cache(maxsize=_CONTEXT_CACHE)
def _previous_context(previous: str) -> tuple[tuple[str, ...], frozenset[str] | None]:
    """The words of the client's turn before, and its content words (None if no words)."""
    words = _context_words(previous)
    return words, (frozenset(_content(words)) if words else None)


def _sentences(tokens: list[_Token]) -> list[list[_Token]]:
    out: list[list[_Token]] = []
    current: list[_Token] = []
    has_word = False
    for token in tokens:
        current.append(token)
        if token[0] in _ENDS:
            if has_word:
                out.append(current)
            current = []
            has_word = False
        else:
            has_word = True
    if has_word:
        out.append(current)
    return out


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
    """The words of one sentence and every lexicon phrase found in them."""

    def __init__(self, tokens: list[_Token], lex: _Lexicon) -> None:
        self.tokens = tokens
        self.asks = tokens[-1][0] == "?"
        # Words skip sentence marks and stutters ("tell-tell me" reads "tell me").
        kept: list[_Token] = []
        for t in tokens:
            if t[0] not in _ENDS and (not kept or kept[-1][0] != t[0]):
                kept.append(t)
        self.kept = kept
        words = [t[0] for t in kept]
        self.words = words
        hits: dict[str, list[_Hit]] = {}
        n = len(words)
        root = lex.phrases
        for i in range(n):
            node = root.get(words[i])
            j = i + 1
            found: list[tuple[int, list[str]]] = []
            while node is not None:
                if "" in node:
                    found.append((j, node[""]))
                if j >= n:
                    break
                node = node.get(words[j])
                j += 1
            # Longest phrase first, so `at` finds it first.
            for stop, keys in reversed(found):
                for key in keys:
                    hits.setdefault(key, []).append((i, tuple(words[i:stop])))
        self.hits = hits

    def first(self, key: str) -> _Hit | None:
        """The first phrase of list *key* in the sentence."""
        found = self.hits.get(key)
        return found[0] if found else None

    def at(self, key: str, i: int) -> _Hit | None:
        """The longest phrase of list *key* that starts at word *i*."""
        for hit in self.hits.get(key, ()):
            if hit[0] == i:
                return hit
        return None

    def span(self, i: int, n: int) -> tuple[int, int]:
        """Character span of *n* words from word *i*."""
        words = self.kept
        i = min(i, len(words) - 1)
        j = min(i + max(n, 1), len(words)) - 1
        return words[i][1], words[j][2]

    def whole(self) -> tuple[int, int]:
        """Character span of the whole sentence."""
        return self.tokens[0][1], self.tokens[-1][2]


def _lead(words: list[str], lex: _Lexicon) -> int:
    """Index of the first word after leading fillers ("so", "okay", "and" …)."""
    fillers = lex.fillers
    i = 0
    while i < len(words) - 1:
        if words[i] in fillers:
            i += 1
        elif words[i] == "you" and words[i + 1] == "know" and i + 2 < len(words):
            i += 2
        else:
            break
    return i


def _question(s: _Sentence, lex: _Lexicon) -> _Found | None:  # noqa: C901, PLR0912
    words = s.words
    i = _lead(words, lex)
    first = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    start, end = s.whole()

    def found(rule: str, kind: QuestionType) -> _Found:
        return _Found(Behavior.QUESTION, f"question.{kind}.{rule}", start, end, kind)

    wonder = s.at("wondering", i)
    if wonder is not None:
        k = i + len(wonder[1])
        after = words[k] if k < len(words) else ""
        if after in lex.open_wh:
            return found("wondering", QuestionType.OPEN)
        return found("wondering", QuestionType.CLOSED)
    if first in lex.wh_words and not (first == "what" and nxt in lex.wh_statement and not s.asks):
        if first in lex.open_wh and nxt not in lex.closed_after_how:
            return found("wh", QuestionType.OPEN)
        return found("wh_fact", QuestionType.CLOSED)
    if s.at("open_leads", i) is not None:
        return found("tell_me", QuestionType.OPEN)
    if first in lex.aux and nxt in lex.aux_subjects and first not in lex.statement_aux:
        if any(0 < j - i < 6 for j, _ in s.hits.get("open_leads", ())):
            return found("inversion_tell_me", QuestionType.OPEN)
        return found("inversion", QuestionType.CLOSED)
    if any(s.asks or j <= i + 2 for j, _ in s.hits.get("open_anywhere", ())):
        return found("phrase", QuestionType.OPEN)
    if not s.asks:
        return None
    for j in range(i + 1, len(words) - 1):
        if words[j] in lex.open_wh and (words[j + 1] in lex.aux or words[j + 1] in lex.wh_follow):
            if words[j + 1] in lex.closed_after_how:
                return found("wh_fact_inside", QuestionType.CLOSED)
            return found("wh_inside", QuestionType.OPEN)
    for tag in lex.tags:
        if len(words) > len(tag) and tuple(words[-len(tag) :]) == tag:
            return found("tag", QuestionType.CLOSED)
    if first in lex.aux:
        return found("inversion", QuestionType.CLOSED)
    if len(words) >= 5 and s.at("statement_leads", 0) is not None:
        # A statement said with a rising voice ("So you're worried?") reflects.
        return None
    return found("question_mark", QuestionType.CLOSED)


def _content(words: Iterable[str]) -> set[str]:
    return {w for w in words if len(w) > 3}


_SPEAKER_INPUT = 6
"""Words from which a counsellor's sentence about themselves counts as input."""
_FRAGMENT_WORDS = 2
"""Content words from which an otherwise uncoded sentence counts as a reflection."""
_COMPLEX_LENGTH = 12
"""Words from which a reflection is taken as complex: long ones add meaning."""
_SIMPLE_OVERLAP = 0.6
"""Share of a reflection's content words said by the client that makes it simple."""


def _reflection(s: _Sentence, lex: _Lexicon, previous: frozenset[str] | None) -> _Found | None:
    words = s.words
    if len(words) < 3:
        return None
    i = _lead(words, lex)
    start, end = s.whole()
    lead = s.at("leads", i) or s.at("leads", 0)
    if lead is None and words[i] in lex.speaker_leads:
        # The counsellor speaking of themselves ("I think", "we could") is not reflecting.
        return None
    second = any(w in lex.second_person for w in words)
    if lead is None and not second:
        return None
    rule = "reflection." + ("lead." + "_".join(lead[1]) if lead is not None else "second_person")
    cue = s.first("complex_cues")
    overlap = 0.0
    if previous:
        mine = _content(words) - lex.second_person
        if mine:
            overlap = len(mine & previous) / len(mine)
    long_ = len(words) >= _COMPLEX_LENGTH
    complex_ = cue is not None or long_
    if previous and overlap >= _SIMPLE_OVERLAP and not long_:
        complex_ = False
    weight = 1.0 if lead is not None else 0.6
    if complex_:
        why = "_".join(cue[1]) if cue is not None else "length"
        return _Found(
            Behavior.COMPLEX_REFLECTION,
            f"{rule}+complex.{why}",
            start,
            end,
            reflection=ReflectionType.COMPLEX,
            weight=weight,
        )
    return _Found(
        Behavior.SIMPLE_REFLECTION,
        f"{rule}+simple",
        start,
        end,
        reflection=ReflectionType.SIMPLE,
        weight=weight,
    )


def _phrase_finding(s: _Sentence, key: str, behavior: Behavior, rule: str) -> _Found | None:
    hit = s.first(key)
    if hit is None:
        return None
    i, phrase = hit
    start, end = s.span(i, len(phrase))
    return _Found(behavior, f"{rule}.{'_'.join(phrase)}", start, end)


_ALSO = (
    ("confront", Behavior.CONFRONT, "confront"),
    ("affirm", Behavior.AFFIRM, "affirm"),
    ("emphasize_autonomy", Behavior.EMPHASIZE_AUTONOMY, "autonomy"),
    ("seek_collaboration", Behavior.SEEK_COLLABORATION, "collaboration"),
)


def _code_sentence(  # noqa: C901
    s: _Sentence, lex: _Lexicon, previous: frozenset[str] | None, permitted: bool
) -> list[_Found]:
    words_ = s.words
    if lex.facilitation.issuperset(words_):
        start, end = s.whole()
        return [_Found(Behavior.OTHER, "other.facilitation", start, end)]
    hits = s.hits
    found = [
        hit
        for key, behavior, rule in _ALSO
        if key in hits and (hit := _phrase_finding(s, key, behavior, rule)) is not None
    ]
    question = _question(s, lex)
    if question is not None:
        found.append(question)
        return found
    advice = _phrase_finding(s, "advice_strong", Behavior.ADVISE_WITHOUT_PERMISSION, "advise")
    if advice is not None:
        if permitted:
            advice = attrs.evolve(advice, behavior=Behavior.ADVISE_WITH_PERMISSION)
        found.append(advice)
        return found
    persuade = _phrase_finding(s, "persuade", Behavior.PERSUADE, "persuade")
    if persuade is not None:
        if permitted:
            persuade = attrs.evolve(persuade, behavior=Behavior.PERSUADE_WITH_PERMISSION)
        found.append(persuade)
    info = _phrase_finding(s, "giving_information", Behavior.GIVING_INFORMATION, "information")
    reflection = _reflection(s, lex, previous)
    if reflection is not None and (info is None or reflection.weight >= 1.0):
        found.append(reflection)
    elif info is not None:
        found.append(info)
    if not found:
        structuring = _phrase_finding(s, "structuring", Behavior.OTHER, "other.structuring")
        if structuring is not None:
            found.append(structuring)
        elif words_[_lead(words_, lex)] in lex.speaker_leads and len(words_) >= _SPEAKER_INPUT:
            start, end = s.whole()
            found.append(
                _Found(Behavior.GIVING_INFORMATION, "information.speaker", start, end, weight=0.6)
            )
        elif sum(1 for w in words_ if w not in lex.facilitation) >= _FRAGMENT_WORDS:
            # A bare content fragment ("Minimum wage-") echoes the client: a simple reflection.
            start, end = s.whole()
            found.append(
                _Found(
                    Behavior.SIMPLE_REFLECTION,
                    "reflection.fragment+simple",
                    start,
                    end,
                    reflection=ReflectionType.SIMPLE,
                    weight=0.4,
                )
            )
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


_POSITION = 0.5
"""How much a later sentence outweighs an earlier one in choosing the main behaviour."""
_BONUS = {
    MainBehavior.QUESTION: 0.0,
    MainBehavior.REFLECTION: 0.0,
    MainBehavior.THERAPIST_INPUT: 0.3,
}
"""How much each behaviour is favoured as the main one (tuned on AnnoMI train)."""


def _main(found: list[_Found]) -> tuple[MainBehavior, _Found | None]:
    best: tuple[float, _Found] | None = None
    n = len(found)
    for k, f in enumerate(found):
        main = _MAIN.get(f.behavior, MainBehavior.OTHER)
        if main is MainBehavior.OTHER:
            continue
        # Later sentences carry the turn's point; questions usually end it.
        score = f.weight + _POSITION * (k + 1) / n + _BONUS.get(main, 0.0)
        if best is None or score > best[0]:
            best = (score, f)
    if best is None:
        return MainBehavior.OTHER, (found[0] if found else None)
    return _MAIN[best[1].behavior], best[1]


_YOU = frozenset({"you", "you're", "you've", "you'd", "you'll", "your", "yours", "yourself"})
_ME = frozenset({"i", "i'm", "i've", "i'd", "i'll", "me", "my", "myself"})
_WE = frozenset({"we", "we're", "we've", "we'll", "we'd", "us", "our", "let's"})
_IT = frozenset({"it", "it's", "that", "that's", "this", "there's", "sounds", "seems", "so"})
_MODALS = frozenset({"can", "could", "might", "may", "will", "would", "should", "must"})
_DASHES = ("-", "\u2013", "\u2014")


def _bucket(n: int, edges: tuple[int, ...]) -> int:
    """The index of the first edge *n* does not exceed (len(edges) if none)."""
    for k, edge in enumerate(edges):
        if n <= edge:
            return k
    return len(edges)


def _lead_class(s: _Sentence, lex: _Lexicon) -> str:
    """What kind of word a sentence starts with, after the fillers."""
    words = s.words
    first = words[_lead(words, lex)]
    if first in lex.open_wh:
        return "wh"
    if first in _YOU:
        return "you"
    if first in _ME:
        return "me"
    if first in _WE:
        return "we"
    if first in _IT:
        return "it"
    if first in lex.aux:
        return "aux"
    return "word"


@functools.lru_cache(maxsize=4096)
def _coarse(rule: str) -> str:
    """A rule id without its phrase: ``information.doctor`` -> ``information``."""
    head = rule.split("+", 1)[0]
    parts = head.split(".")
    keep = 3 if parts[0] in {"question", "reflection"} else 1
    return ".".join(parts[:keep])


def _features(  # noqa: C901, PLR0912, PLR0913, PLR0917
    text: str,
    sentences: list[_Sentence],
    found: list[list[_Found]],
    lex: _Lexicon,
    previous: frozenset[str] | None,
    previous_asks: bool,
) -> list[str]:
    """The turn's features for the learned weights: rules fired and shape of the turn."""
    feats: list[str] = []
    add = feats.append
    for sentence_found in found:
        for f in sentence_found:
            add("r:" + _coarse(f.rule))
            add("rule:" + f.rule.split("+", 1)[0])
    if found and found[-1]:
        add("last:" + _coarse(found[-1][-1].rule))
    words = [w for s in sentences for w in s.words]
    add(f"sent:{_bucket(len(sentences), (0, 1, 2))}")
    add(f"len:{_bucket(len(words), (0, 2, 4, 8, 14, 24, 40))}")
    if sentences:
        last = sentences[-1]
        lead = _lead_class(last, lex)
        add(f"lead:{lead}:{'q' if last.asks else 's'}")
        add(f"lead1:{_lead_class(sentences[0], lex)}")
        add("asks" if last.asks else "tells")
    for s in sentences[:-1]:
        if s.asks:
            add("asks_before")
            break
    for s in sentences:
        i = _lead(s.words, lex)
        first = s.words[i]
        if first in lex.wh_words or first in lex.aux:
            nxt = s.words[i + 1] if len(s.words) > i + 1 else ""
            add(f"q:{first}:{'q' if s.asks else 's'}")
            if nxt in lex.closed_after_how or nxt in lex.wh_follow:
                add(f"q2:{first}:{nxt}")
    stripped = text.strip()
    if stripped.endswith(_DASHES):
        add("dash_end")
    if stripped.startswith(_DASHES):
        add("dash_start")
    add(f"you:{_bucket(sum(map(_YOU.__contains__, words)), (0, 1, 3))}")
    add(f"me:{_bucket(sum(map(_ME.__contains__, words)), (0, 1, 3))}")
    if not _WE.isdisjoint(words):
        add("we")
    if not _MODALS.isdisjoint(words):
        add("modal")
    if any(w[0].isdigit() for w in words):
        add("number")
    for key in ("complex_cues", "giving_information", "affirm", "permission", "structuring"):
        if any(key in s.hits for s in sentences):
            add("hit:" + key)
    if previous is not None:
        mine = _content(words) - lex.second_person
        if mine:
            share = len(mine & previous) / len(mine)
            add(f"overlap:{_bucket(int(share * 10), (0, 2, 5, 7))}")
            add(f"new:{_bucket(len(mine - previous), (0, 2, 5, 10))}")
        if previous_asks:
            add("client_asked")
    return feats


_STEM_SUFFIXES = (("ies", "y", 5), ("ing", "", 6), ("ed", "", 5), ("ly", "", 6), ("s", "", 4))
"""Suffix, replacement and the least word length that strips it (a light stemmer)."""
_STEM_KEEP = frozenset({"ss", "us", "is", "'s"})
_STEMS: dict[str, str] = {}
_STEM_CACHE = 1 << 16
"""The most stems kept in memory."""


def _stem(word: str) -> str:
    """A light stem: "feeling" -> "feel", "worries" -> "worry", "drinks" -> "drink"."""
    known = _STEMS.get(word)
    if known is not None:
        return known
    out = word
    for suffix, repl, least in _STEM_SUFFIXES:
        if len(word) >= least and word.endswith(suffix):
            if suffix == "s" and word[-2:] in _STEM_KEEP:
                break
            out = word[: -len(suffix)] + repl
            break
    if len(_STEMS) < _STEM_CACHE:
        _STEMS[word] = out
    return out


_PREVIOUS_WORDS = 40
"""How many tokens from the end of the client's turn before are read as words."""
_WORDS: dict[str, tuple[str, str, str, str, str]] = {}


def _word(word: str) -> tuple[str, str, str, str, str]:
    """A word's stem and feature names: stem and space, ``w:``, ``p:``, ``b:`` head, stem."""
    known = _WORDS.get(word)
    if known is None:
        stem = _stem(word)
        known = (stem + " ", "w:" + stem, "p:" + stem, "b:" + stem + " ", stem)
        if len(_WORDS) < _STEM_CACHE:
            _WORDS[word] = known
    return known


_NEXT_CHARS = 300
"""How many characters of the client's next turn are read."""
_Feature = tuple[str, int, int]
"""A learned feature's name and the character span it came from (-1, -1 for none)."""


def _learned_features(
    text: str,
    sentences: list[_Sentence],
    shape: list[str],
    previous: tuple[str, ...] | None,
    following: str | None,
) -> list[_Feature]:
    """Every feature the learned weights read: rules and shape, words, context.

    Words are lower-cased and lightly stemmed; ``w:`` is one word, ``b:`` two
    adjacent words of one sentence, ``first:`` the turn's first word, ``end:`` whether
    it ends with a question mark, ``p:`` a word of the client's turn before and
    ``n:`` / ``n2:`` / ``nlen:`` the first words and length of the client's next turn;
    ``lb:`` is the first two words of the last sentence after its fillers.
    """
    out: list[_Feature] = [(name, -1, -1) for name in shape]
    add = out.append
    words = _WORDS
    for s in sentences:
        pair = ""  # "b:" and the stem of the word before, once there is one
        start = 0
        for word, a, b in s.kept:
            known = words.get(word) or _word(word)
            add((known[1], a, b))
            if pair:
                add((pair + known[4], start, b))
            pair = known[3]
            start = a
    if sentences:
        word, a, b = sentences[0].kept[0]
        add(("first:" + _stem(word), a, b))
        # The lead of the last sentence, after the fillers, carries the turn's point.
        last = sentences[-1]
        i = _lead(last.words, _lexicon())
        lead = last.kept[i : i + 2]
        add(("lb:" + " ".join(_word(t[0])[0].rstrip() for t in lead), lead[0][1], lead[-1][2]))
    add(("end:q" if text.rstrip().endswith("?") else "end:s", -1, -1))
    if previous is not None:
        for word in {w for w in previous[-_PREVIOUS_WORDS:] if w not in _ENDS}:
            add(((words.get(word) or _word(word))[2], -1, -1))
    if following is not None:
        nxt = [w for w in _context_words(following[:_NEXT_CHARS]) if w not in _ENDS]
        if nxt:
            add(("n:" + _stem(nxt[0]), -1, -1))
            if len(nxt) > 1:
                add(("n2:" + _stem(nxt[0]) + " " + _stem(nxt[1]), -1, -1))
        add((f"nlen:{_bucket(len(nxt), (0, 1, 3, 8, 20))}", -1, -1))
    return out


@functools.cache
def _weights() -> dict[str, Any]:
    data = _read("weights.json")
    # Each feature's weights as a tuple of floats (stored as integers over "scale").
    scale = float(data["scale"])
    data["table"] = {
        name: tuple(v / scale for v in row) for name, row in data.pop("features").items()
    }
    return data


_LABELS = (
    MainBehavior.QUESTION,
    MainBehavior.REFLECTION,
    MainBehavior.THERAPIST_INPUT,
    MainBehavior.OTHER,
)
_OPEN = 4
"""Index of the open-question logit in a feature's weights (after the four behaviours)."""
_COMPLEX = 5
"""Index of the complex-reflection logit."""
_HEADS = 6


_Hits = dict[str, tuple[tuple[float, ...], int, int]]
"""The distinct features that have weights: name -> (weights, start, end)."""


def _scores(features: list[_Feature], model: dict[str, Any]) -> tuple[list[float], _Hits]:
    """Summed weights of the distinct features (four behaviours, open, complex), and them."""
    table: dict[str, tuple[float, ...]] = model["table"]
    q, r, t, o, op, cx = model["bias"]
    hits: _Hits = {}
    for name, start, end in features:
        row = table.get(name)
        if row is None or name in hits:
            continue
        hits[name] = (row, start, end)
        q += row[0]
        r += row[1]
        t += row[2]
        o += row[3]
        op += row[4]
        cx += row[5]
    return [q, r, t, o, op, cx], hits


@attrs.frozen
class _Turn:
    """A counsellor turn analysed: sentences, their findings and the learned features."""

    sentences: list[_Sentence]
    found: list[list[_Found]]
    features: list[_Feature]
    previous: frozenset[str] | None


def _analyse(text: str, previous: str | None, following: str | None = None) -> _Turn:
    """Sentences, their findings, the turn's features and the client's content words."""
    lex = _lexicon()
    prev_tokens, prev_words = _previous_context(previous) if previous else (None, None)
    permitted = False
    sentences: list[_Sentence] = []
    found: list[list[_Found]] = []
    for tokens in _sentences(_tokens(text)):
        s = _Sentence(tokens, lex)
        permitted = permitted or "permission" in s.hits
        sentences.append(s)
        found.append(_code_sentence(s, lex, prev_words, permitted))
    asks = previous is not None and "?" in previous
    shape = _features(text, sentences, found, lex, prev_words, asks)
    ruled, deciding = _main([f for fs in found for f in fs])
    shape.append(  # the rules' own choice, and whether a rule fired on its own lead
        f"main:{ruled}:{'lead' if deciding is not None and deciding.weight >= 1 else 'weak'}"
    )
    feats = _learned_features(text, sentences, shape, prev_tokens, following)
    return _Turn(sentences, found, feats, prev_words)


_SHOWN = 3
"""How many learned features are shown as evidence for the main behaviour."""
_SHOWN_TYPE = 2
"""How many are shown for the question or reflection type."""


def _explain(name: str) -> str:
    """A learned feature's name as a rule: ``ngram:sound like``, ``context:next=yeah``."""
    kind, _, value = name.partition(":")
    if kind in {"w", "b"}:
        return "ngram:" + value
    if kind == "first":
        return "ngram:first=" + value
    if kind == "lb":
        return "ngram:lead=" + value
    if kind == "main":
        return "rule:main=" + value
    if kind == "p":
        return "context:previous=" + value
    if kind in {"n", "n2"}:
        return "context:next=" + value
    if kind == "nlen":
        return "context:next_length=" + value
    if kind == "end":
        return "shape:ends_with=" + ("?" if value == "q" else ".")
    if kind in {"r", "rule", "last", "hit"}:
        return "rule:" + value
    return "shape:" + name


def _pushed(hits: _Hits, label: str, up: int, down: int, shown: int) -> list[tuple[str, int, int]]:
    """The features that pushed weight *up* over weight *down* most, as (rule, start, end).

    *down* -1 compares with zero, -2 takes the negative of *up*'s weight.
    """
    items = hits.items()
    if down == -1:
        lifts = [(row[up], name, a, b) for name, (row, a, b) in items if row[up] > 0.0]
    elif down == -2:
        lifts = [(-row[up], name, a, b) for name, (row, a, b) in items if -row[up] > 0.0]
    else:
        lifts = [
            (value, name, a, b)
            for name, (row, a, b) in items
            if (value := row[up] - row[down]) > 0.0
        ]
    # The names are distinct, so a full sort orders the lifts as heapq.nlargest would.
    lifts.sort(reverse=True)
    top = lifts[:shown]
    return [
        (f"learned.{label}:{_explain(name)}", max(start, 0), max(end, 0))
        for _value, name, start, end in top
    ]


def _decide(turn: _Turn) -> tuple[MainBehavior, list[_Found], list[float], _Hits]:
    """The main behaviour chosen by the learned weights, and the findings behind it."""
    model = _weights()
    found = [f for fs in turn.found for f in fs]
    scores, hits = _scores(turn.features, model)
    best = max(range(len(_LABELS)), key=lambda k: scores[k])
    ruled, deciding = _main(found)
    if deciding is not None and deciding.weight >= 1.0:
        # A rule that fired on its own lead (a wh-word, "it sounds like", "research
        # shows", a bare "mm-hmm") stands unless the weights score another behaviour
        # higher by more than the margin chosen by cross-validation.
        k = _LABELS.index(ruled)
        if scores[best] - scores[k] <= model["rule_margin"]:
            best = k
    main = _LABELS[best]
    if not turn.sentences:
        return MainBehavior.OTHER, found, scores, hits
    start, end = turn.sentences[-1].whole()
    if main is MainBehavior.REFLECTION and not any(f.behavior in _REFLECTIONS for f in found):
        found = [
            *found,
            _Found(Behavior.SIMPLE_REFLECTION, "reflection.weighted", start, end, weight=0.0),
        ]
    if main is MainBehavior.THERAPIST_INPUT and not any(
        _MAIN.get(f.behavior) is main for f in found
    ):
        found = [
            *found,
            _Found(Behavior.GIVING_INFORMATION, "information.weighted", start, end, weight=0.0),
        ]
    if main is MainBehavior.QUESTION and not any(f.behavior is Behavior.QUESTION for f in found):
        found = [*found, _Found(Behavior.QUESTION, "question.weighted", start, end, weight=0.0)]
    return main, found, scores, hits


_REFLECTIONS = frozenset({Behavior.SIMPLE_REFLECTION, Behavior.COMPLEX_REFLECTION})


def code_counselor(  # noqa: C901 - one pass: main, question type, reflection type, evidence
    text: str, *, previous: str | None = None, following: str | None = None
) -> CounselorCode:
    """Code one counsellor turn in MITI terms.

    Each sentence is matched against the lexicons (questions, reflections,
    information, advice, affirmations and the rest). The main behaviour of the
    turn, whether its question is open or closed and whether its reflection is
    simple or complex are then chosen by logistic-regression weights over the
    rules that fired, the shape of the turn, its lightly stemmed words and word
    pairs, and its context (the client's turns before and after), read from
    ``mikit/data/lexicons/counselor/weights.json``; a main behaviour that a rule
    found on its own lead (a wh-word, "it sounds like") stands unless the weights
    prefer another by a clear margin. The evidence starts with the
    rule behind the main behaviour, followed by the learned features that pushed
    the decisions most (``learned.reflection:ngram:sound like``,
    ``learned.closed:context:next=yeah``), with their spans where they have one.

    Args:
        text: What the counsellor said; any string.
        previous: The client turn just before, if any.
        following: The client turn just after, if known (a closed question is
            usually answered "yeah" or "no"; a reflection is often confirmed).

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
    turn = _analyse(text, previous, following)
    main, found, scores, hits = _decide(turn)
    model = _weights()
    has_question = any(f.behavior is Behavior.QUESTION for f in found)
    has_reflection = any(f.behavior in _REFLECTIONS for f in found)
    question = reflection = None
    learned: list[tuple[str, int, int]] = []
    if main is not MainBehavior.OTHER:
        k = _LABELS.index(main)
        runner = max((j for j in range(len(_LABELS)) if j != k), key=lambda j: scores[j])
        learned += _pushed(hits, str(main), k, runner, _SHOWN)
    margin = model["subtype_margin"]
    if has_question:
        is_open = scores[_OPEN] > model["open_threshold"]
        ruled_q = next((f.question for f in found if f.question is not None), None)
        if ruled_q is not None and abs(scores[_OPEN] - model["open_threshold"]) <= margin:
            is_open = ruled_q is QuestionType.OPEN
        question = QuestionType.OPEN if is_open else QuestionType.CLOSED
        learned += _pushed(hits, str(question), _OPEN, -1 if is_open else -2, _SHOWN_TYPE)
    if has_reflection:
        is_complex = scores[_COMPLEX] > model["complex_threshold"]
        ruled_r = next((f.reflection for f in found if f.reflection is not None), None)
        if ruled_r is not None and abs(scores[_COMPLEX] - model["complex_threshold"]) <= margin:
            is_complex = ruled_r is ReflectionType.COMPLEX
        reflection = ReflectionType.COMPLEX if is_complex else ReflectionType.SIMPLE
        learned += _pushed(hits, str(reflection), _COMPLEX, -1 if is_complex else -2, _SHOWN_TYPE)
        kind = Behavior.COMPLEX_REFLECTION if is_complex else Behavior.SIMPLE_REFLECTION
        found = [
            attrs.evolve(f, behavior=kind, reflection=reflection)
            if f.behavior in _REFLECTIONS
            else f
            for f in found
        ]
    if has_question:
        found = [
            attrs.evolve(f, question=question) if f.behavior is Behavior.QUESTION else f
            for f in found
        ]
    deciding = None
    if main is not MainBehavior.OTHER:
        deciding = next((f for f in reversed(found) if _MAIN.get(f.behavior) is main), None)
    if deciding is None and found:
        deciding = found[0]
    behaviors: list[Behavior] = []
    for f in found:
        if f.behavior not in behaviors:
            behaviors.append(f.behavior)
    ordered = ([deciding] if deciding is not None else []) + [f for f in found if f is not deciding]
    evidence = [
        Evidence(rule=f.rule, start=f.start, end=f.end, text=text[f.start : f.end]) for f in ordered
    ]
    evidence += [
        Evidence(rule=rule, start=start, end=end, text=text[start:end])
        for rule, start, end in learned
    ]
    return CounselorCode(
        main=main,
        behaviors=tuple(behaviors) or (Behavior.OTHER,),
        question=question,
        reflection=reflection,
        evidence=tuple(evidence),
    )
