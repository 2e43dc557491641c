"""Reflections: statements in the second person, for every kind, any input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mikit
from mikit import ReflectionKind, reflect, reflections
from mikit.errors import EmptyTextError, RiskStatementError, ValidationError

AMBIVALENT = "I want to quit but smoking helps me relax"
KINDS = list(ReflectionKind)


def _is_statement(text: str) -> bool:
    return text[:1].isupper() and text.endswith(".") and "?" not in text


def test_simple_shifts_perspective() -> None:
    """A simple reflection repeats the client's words in the second person."""
    assert reflect("I want to quit for my kids.") == "So you want to quit for your kids."


def test_simple_reflects_the_last_substantial_sentence() -> None:
    """A short reply before a longer sentence is not what gets reflected."""
    out = reflect("It does. But smoking is how I relax after work.")
    assert out == "So smoking is how you relax after work."


def test_simple_drops_leading_fillers() -> None:
    """Fillers such as "yeah, well" at the start are dropped."""
    assert reflect("Yeah, well, I like my evenings.") == "So you like your evenings."


def test_seed_chooses_among_variants_deterministically() -> None:
    """The same seed gives the same variant; seeds reach every variant."""
    text = "I want to quit for my kids."
    assert reflect(text, seed=5) == reflect(text, seed=5)
    seen = {reflect(text, seed=s) for s in range(50)}
    assert seen == set(reflections(text))


def test_no_seed_gives_the_first_variant() -> None:
    """Without a seed, the first variant is returned."""
    assert reflect(AMBIVALENT, kind="complex") == reflections(AMBIVALENT, kind="complex")[0]


def test_complex_names_being_stuck_for_ambivalence() -> None:
    """An ambivalent statement gives "It sounds like you feel stuck between ..."."""
    out = reflect(AMBIVALENT, kind="complex")
    assert out.startswith("It sounds like you feel stuck between")
    assert "you want to quit" in out
    assert "smoking helps you relax" in out


def test_complex_reflects_a_named_feeling() -> None:
    """A feeling word becomes a feeling reflection."""
    assert "frustrated" in reflect("This whole thing is so frustrating.", kind="complex")


def test_complex_skips_a_negated_feeling() -> None:
    """'not worried' is not reflected as worry."""
    out = reflect("I'm not worried about it at all.", kind="complex")
    assert not out.startswith("It sounds like you feel worried")


def test_double_sided_puts_sustain_first_change_last() -> None:
    """The sustain side comes first, the change side last, joined with and."""
    out = reflect(AMBIVALENT, kind="double_sided")
    assert out.index("smoking helps you relax") < out.index("you want to quit")
    assert " and " in out


def test_double_sided_reorders_when_change_comes_second() -> None:
    """When the client puts the change side last, it stays last."""
    out = reflect("Smoking helps me relax but I want to quit", kind="double_sided")
    assert out.index("smoking helps you relax") < out.index("you want to quit")


@pytest.mark.parametrize("marker", ["but", "though", "yet", "however", "on the other hand"])
def test_double_sided_never_says_but(marker: str) -> None:
    """A double-sided reflection joins the sides with "and", never "but"."""
    out = reflect(f"I want to quit, {marker} smoking helps me relax", kind="double_sided")
    assert " but " not in f" {out.lower()} "


def test_double_sided_with_one_side_uses_the_goal() -> None:
    """Sustain talk alone is paired with the goal given as target."""
    out = reflect("I'm not ready to quit.", kind="double_sided", target="quit smoking")
    assert "quitting smoking" in out


def test_amplified_overstates_sustain_talk() -> None:
    """An amplified reflection overstates: "the only thing that helps you relax"."""
    out = reflect("Smoking helps me relax.", kind="amplified")
    assert out == "So smoking is the only thing that helps you relax."


def test_amplified_refuses_risk_statements() -> None:
    """A risk statement raises RiskStatementError instead of being amplified."""
    with pytest.raises(RiskStatementError):
        reflect("Sometimes I just want to kill myself.", kind="amplified")


def test_reframe_turns_failed_attempts_into_persistence() -> None:
    """Repeated attempts are reframed as persistence."""
    out = reflect("I've tried before and I always start again.", kind="reframe")
    assert "given up" in out or "keep coming back" in out


@pytest.mark.parametrize("text", ["", "   ", "?!...", "\n\t"])
def test_empty_text_raises(text: str) -> None:
    """Text without letters or digits raises EmptyTextError."""
    with pytest.raises(EmptyTextError):
        reflect(text)


def test_unknown_kind_raises_validation_error() -> None:
    """An unknown kind raises ValidationError listing the kinds."""
    with pytest.raises(ValidationError, match="double_sided"):
        reflect("I smoke", kind="sarcastic")


def test_question_marks_are_dropped() -> None:
    """A client's question becomes a statement without "?"."""
    assert "?" not in reflect("Why can't I just stop?")


def test_huge_text_is_handled() -> None:
    """A very long text is reflected without blowing up."""
    text = "I want to quit for my kids. " * 20_000
    assert reflect(text).startswith("So you want to quit")


def test_reflection_kind_values_are_the_documented_names() -> None:
    """ReflectionKind's values are the strings reflect accepts."""
    assert [k.value for k in ReflectionKind] == [
        "simple",
        "complex",
        "double_sided",
        "amplified",
        "reframe",
    ]
    assert mikit.ReflectionKind is ReflectionKind


@settings(max_examples=60)
@given(st.text(min_size=1).filter(lambda t: any(c.isalnum() for c in t)), st.sampled_from(KINDS))
def test_every_reflection_is_a_statement(text: str, kind: ReflectionKind) -> None:
    """For any text with content and any kind: capital first letter, final '.', no '?'."""
    try:
        outs = reflections(text, kind=kind)
    except RiskStatementError:
        return
    for out in outs:
        assert _is_statement(out), out


@settings(max_examples=40)
@given(st.text(), st.integers(), st.sampled_from(KINDS))
def test_any_text_returns_or_raises_documented_error(
    text: str, seed: int, kind: ReflectionKind
) -> None:
    """Any str gives a str or a documented mikit error; the same seed repeats."""
    try:
        out = reflect(text, kind=kind, seed=seed)
    except (EmptyTextError, RiskStatementError):
        return
    assert out == reflect(text, kind=kind, seed=seed)
