"""The client-talk lexicons: data files read once, tokens and a phrase trie built from them.

Rules never see raw text. A single left-to-right scan turns an utterance into
normalised tokens (lower case, the curly apostrophe U+2019 read as ``'``, contractions
spelled out, fillers dropped, crude stems), each keeping the character span it came from.
Phrases from the data files go through the same normalisation and into one trie
over tokens, so matching is a walk of at most a phrase's length from each token:
linear in the input, with no regular expression that can backtrack.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

import attrs

__all__ = [
    "ClientLexicon",
    "Entry",
    "Tokens",
    "client_lexicon",
    "client_weights",
    "load_client_data",
    "tokenize",
]

# A word is a run of letters or digits with at most one inner apostrophe; a lone
# apostrophe word ("'cause") and sentence punctuation are tokens too. No quantifier
# is nested, and each alternative starts with a different character class.
_TOKEN = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)?|['\u2019][^\W_]+|[.!?;]")

SENTENCE_END = "."
"""The token every sentence-ending mark (``. ! ? ;``) becomes."""

_MIN_STEM = 3


class Tokens(NamedTuple):
    """Normalised tokens and the spans of the original text they came from.

    Args:
        norms: The normalised forms (lower case, contractions spelled out, stemmed).
        starts: For each token, the offset of the first character of its word.
        ends: For each token, the offset just past its word.
    """

    norms: list[str]
    starts: list[int]
    ends: list[int]


@attrs.frozen
class Entry:
    """One phrase of a rule, as it sits in the trie.

    Args:
        category: ``frame``, ``operator``, ``behaviour``, ``statement``, ``risk``,
            ``yes`` or ``no``.
        rule: The rule id reported in evidence.
        length: How many tokens the phrase spans.
        kind: The DARN-CAT kind the rule gives, if any.
        sign: +1 toward change, -1 toward sustain, 0 for none.
        times: How an operator turns the sign of the behaviour it governs.
        negated: Whether the phrase holds its own negation.
    """

    category: str
    rule: str
    length: int
    kind: str | None = None
    sign: int = 0
    times: int = 1
    negated: bool = False


Trie = dict[str, Any]
"""Nested dicts keyed by token; the key ``""`` holds the entries ending there."""


@attrs.frozen
class ClientLexicon:
    """Everything the client coder reads from its data files, ready to match."""

    trie: Trie
    negation: frozenset[str]
    breaks: frozenset[str]
    you_to_i: dict[str, tuple[str, ...]]
    behaviour_signs: dict[str, int]
    operators: frozenset[str]
    stopwords: frozenset[str]


@cache
def load_client_data(name: str) -> Any:
    """Load ``mikit/data/lexicons/client/<name>.json`` once.

    Args:
        name: The file name without ``.json``.

    Returns:
        The parsed JSON.
    """
    path = resources.files("mikit").joinpath("data", "lexicons", "client", f"{name}.json")
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def client_weights() -> dict[str, Any]:
    """The learned weights of the client coder (``weights.json``), read once.

    Returns:
        ``{"bias": [change, neutral, sustain], "features": {name: [change, neutral, sustain]}}``.
    """
    try:
        data: dict[str, Any] = load_client_data("weights")
    except FileNotFoundError:
        data = {"bias": [0.0, 0.0, 0.0], "features": {}}
    return data


def _undouble(word: str) -> str:
    if len(word) >= _MIN_STEM and word[-1] == word[-2] and word[-1] not in "lsz":
        return word[:-1]
    return word


def _suffix_stem(word: str) -> str:
    if len(word) > 5 and word.endswith("ing"):
        return _undouble(word[:-3])
    if len(word) > 4 and word.endswith("ed"):
        return _undouble(word[:-2])
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > _MIN_STEM and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _stem(word: str, stems: dict[str, str]) -> str:
    base = stems.get(word)
    if base is None:
        base = _suffix_stem(word)
    if len(base) > _MIN_STEM and base.endswith("e"):
        return base[:-1]
    return base


def _normalise_word(raw: str) -> tuple[str, ...]:
    if raw in ".!?;":
        return (SENTENCE_END,)
    raw = raw.replace("\u2019", "'")
    data = load_client_data("tokens")
    words: dict[str, list[str]] = data["words"]
    stems: dict[str, str] = data["stems"]
    parts = words.get(raw)
    if parts is None:
        parts = _split_contraction(raw, data)
    return tuple(_stem(p, stems) for p in parts)


def _split_contraction(raw: str, data: dict[str, Any]) -> list[str]:
    if "'" not in raw:
        return [raw]
    words: dict[str, list[str]] = data["words"]
    endings: dict[str, list[str]] = data["endings"]
    for ending, tail in endings.items():
        if raw.endswith(ending) and len(raw) > len(ending):
            head = raw[: -len(ending)]
            return [*words.get(head, [head]), *tail]
    if raw.endswith("'s"):
        head = raw[:-2]
        if head in data["is_contractions"]:
            return [head, "is"]
        return [head]
    return [part for part in raw.split("'") if part]


_FORMS_CACHE = 1 << 16
"""How many words' normalised forms are kept in memory."""
_FORMS: dict[str, tuple[str, ...]] = {}


def tokenize(text: str) -> Tokens:
    """Normalised tokens of *text*, each with the span it came from.

    Args:
        text: Any string.

    Returns:
        The tokens in order; sentence marks become :data:`SENTENCE_END`. A word
        spelled out into several tokens ("don't") gives each of them its span.

    >>> tokenize("I don't wanna keep smoking.").norms
    ['i', 'do', 'not', 'want', 'to', 'keep', 'smok', '.']
    """
    lowered = text.lower()
    # Lower-casing a few characters changes their length; then lower each word instead.
    same = len(lowered) == len(text)
    source = lowered if same else text
    norms: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    known = _FORMS
    find = source.find
    end = 0
    for word in _TOKEN.findall(source):
        # The text skipped between tokens holds no letter, digit or sentence mark, so
        # the next occurrence of the token is the token itself; the search is linear.
        start = find(word, end)
        end = start + len(word)
        raw = word if same else word.lower()
        forms = known.get(raw)
        if forms is None:
            forms = _normalise_word(raw)
            if len(known) < _FORMS_CACHE:
                known[raw] = forms
        if len(forms) == 1:
            norms.append(forms[0])
            starts.append(start)
            ends.append(end)
        else:
            norms.extend(forms)
            starts.extend([start] * len(forms))
            ends.extend([end] * len(forms))
    return Tokens(norms, starts, ends)


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """The normalised tokens of a lexicon phrase."""
    return tuple(tokenize(phrase).norms)


def _add(trie: Trie, phrase: str, make: Any) -> None:
    tokens = phrase_tokens(phrase)
    if not tokens:
        return
    node = trie
    for token in tokens:
        node = node.setdefault(token, {})
    node.setdefault("", []).append(make(tokens))


@cache
def client_lexicon() -> ClientLexicon:  # noqa: C901, PLR0912 - one loop per data file
    """The client lexicons, parsed and compiled into one trie (built once).

    Returns:
        The compiled lexicon.
    """
    words = load_client_data("words")
    negation = frozenset(_one(w) for w in words["negation"])
    trie: Trie = {}

    def negated(tokens: tuple[str, ...]) -> bool:
        return any(t in negation for t in tokens)

    for rule in load_client_data("frames")["frames"]:
        for phrase in rule["phrases"]:
            _add(
                trie,
                phrase,
                lambda t, r=rule: Entry(
                    "frame", r["id"], len(t), r["kind"], r["bare"], r.get("times", 1)
                ),
            )
    direction = load_client_data("direction")
    operators: set[str] = set()
    for rule in direction["operators"]:
        for phrase in rule["phrases"]:
            operators.update(phrase_tokens(phrase))
            _add(
                trie,
                phrase,
                lambda t, r=rule: Entry(
                    "operator", r["id"], len(t), None, r["sign"], r["times"], negated(t)
                ),
            )
    behaviour_signs: dict[str, int] = {}
    for name, sign in (("decrease", -1), ("increase", 1)):
        for phrase in direction["behaviours"][name]:
            tokens = phrase_tokens(phrase)
            if len(tokens) == 1:
                behaviour_signs[tokens[0]] = sign
            _add(
                trie,
                phrase,
                lambda t, n=name, s=sign: Entry("behaviour", f"behaviour.{n}", len(t), None, s),
            )
    for rule in load_client_data("statements")["statements"]:
        weight_rule = rule["id"]
        for phrase in rule["phrases"]:
            _add(
                trie,
                phrase,
                lambda t, r=rule, w=weight_rule: Entry(
                    "statement", w, len(t), r["kind"], r["sign"], 1, negated(t)
                ),
            )
    risk = load_client_data("risk")
    for name in ("self_harm", "harm_others"):
        for phrase in risk[name]:
            _add(trie, phrase, lambda t, n=name: Entry("risk", f"risk.{n}", len(t)))
    for answer in ("yes", "no"):
        for phrase in words[answer]:
            _add(trie, phrase, lambda t, a=answer: Entry(a, f"answer.{a}", len(t)))
    you_to_i = {
        _one(k): tuple(_one(p) for p in v) for k, v in words["you_to_i"].items() if "'" not in k
    }
    return ClientLexicon(
        trie=trie,
        negation=negation,
        breaks=frozenset(_one(w) for w in words["breaks"]),
        you_to_i=you_to_i,
        behaviour_signs=behaviour_signs,
        operators=frozenset(operators),
        stopwords=frozenset(_one(w) for w in words["stopwords"]),
    )


def _one(word: str) -> str:
    tokens = phrase_tokens(word)
    return tokens[0] if tokens else word
