"""Robustness of mikit.code_client: adversarial megabyte inputs finish, whatever they hold."""

from __future__ import annotations

import time

import pytest

from mikit import ClientCode, code_client

_MB = 1 << 20
_BOUND = 30.0
"""Seconds: generous (a loaded CI runner), to catch super-linear blow-up, not to measure speed."""


def _fill(unit: str) -> str:
    return (unit * (_MB // len(unit) + 1))[:_MB]


ADVERSARIAL = {
    "one word": _fill("quit "),
    "one cue word, no spaces": _fill("not"),
    "punctuation": _fill("?!.,;"),
    "spaces": _fill(" "),
    "contractions": _fill("don't can't I'd've y'all'd "),
    "curly contractions": _fill("don\u2019t won\u2019t "),
    "apostrophes": _fill("'"),
    "nested quotes": _fill("\"'\u201c\u2018"),
    "frames without cues": _fill("I want to I want to "),
    "negations": _fill("not never no "),
    "phrase prefixes": _fill("i do not want to keep "),
    "risk prefixes": _fill("kill "),
    "stutter": _fill("I-I-I- "),
    "mixed scripts": _fill("\u0130stanbul \u00df \u4e2d\u6587 \U0001f600 "),
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_megabyte_finishes(name: str) -> None:
    """A 1 MB adversarial string codes within a generous bound."""
    text = ADVERSARIAL[name]
    start = time.perf_counter()
    code = code_client(text, previous=text[:1000], target="quit smoking")
    elapsed = time.perf_counter() - start
    assert isinstance(code, ClientCode)
    assert elapsed < _BOUND, f"{name}: {elapsed:.1f} s"
    for e in code.evidence[:100]:
        assert text[e.start : e.end] == e.text


def test_huge_previous_turn_finishes() -> None:
    """A 1 MB previous turn is read only in part and codes within the bound."""
    start = time.perf_counter()
    code_client("Yeah.", previous=_fill("do you want to quit? "))
    assert time.perf_counter() - start < _BOUND
