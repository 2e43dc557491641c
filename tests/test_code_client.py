"""Tests for mikit.code_client: client change and sustain talk, DARN-CAT kinds, risk."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import mikit
from mikit import (
    ClientCode,
    Evidence,
    Goal,
    Talk,
    TalkKind,
    Utterance,
    ValidationError,
    code_client,
)


def _rules(code: ClientCode) -> str:
    return " ".join(code.rules)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("I really want to cut down on the drinking.", TalkKind.DESIRE),
        ("I'd like to quit smoking this year.", TalkKind.DESIRE),
        ("I think I could cut back on the weekends.", TalkKind.ABILITY),
        ("I'm able to stop when I put my mind to it.", TalkKind.ABILITY),
        ("I need to stop drinking so much.", TalkKind.NEED),
        ("I've got to quit, honestly.", TalkKind.NEED),
        ("I will stop smoking on Monday.", TalkKind.COMMITMENT),
        ("I'm going to cut down to two beers a night.", TalkKind.COMMITMENT),
        ("I'm ready to quit.", TalkKind.ACTIVATION),
        ("I'm willing to cut back.", TalkKind.ACTIVATION),
        ("I already cut back to weekends only.", TalkKind.TAKING_STEPS),
    ],
)
def test_darn_cat_kinds_of_change_talk(text: str, kind: TalkKind) -> None:
    """Each DARN-CAT frame with a change verb is change talk of that kind."""
    code = code_client(text)
    assert code.talk is Talk.CHANGE, _rules(code)
    assert code.kind is kind, _rules(code)


def test_reasons_are_change_talk() -> None:
    """A reason for changing ("for my kids") is change talk of kind reasons."""
    code = code_client("It would be better for my kids if I stopped drinking.")
    assert code.is_change
    assert code.kind in {TalkKind.REASONS, TalkKind.NEED}


def test_taking_steps_with_negated_behaviour() -> None:
    """A past step ("last week I didn't drink") is change talk for a drinking target."""
    code = code_client("Last week I didn't drink at all.", target="drink less")
    assert code.is_change
    assert code.kind is TalkKind.TAKING_STEPS


@pytest.mark.parametrize(
    "text",
    [
        "I don't want to quit.",
        "I can't stop, I've tried.",
        "I'm not ready to quit.",
        "I like it, it helps me relax.",
        "Honestly it's not that bad.",
    ],
)
def test_sustain_talk(text: str) -> None:
    """Statements against the change are sustain talk."""
    assert code_client(text).is_sustain, _rules(code_client(text))


def test_negated_keep_is_change() -> None:
    """Not wanting to keep doing the behaviour is change talk."""
    code = code_client("I don't want to keep smoking.")
    assert code.is_change
    assert code.kind is TalkKind.DESIRE


def test_cannot_stop_is_sustain_ability() -> None:
    """ "I can't stop" is sustain talk about ability."""
    code = code_client("I can't stop.")
    assert code.is_sustain
    assert code.kind is TalkKind.ABILITY


def test_target_sets_direction_for_keep() -> None:
    """Wanting to keep drinking is sustain talk when the target is to drink less."""
    code = code_client("I want to keep drinking.", target="drink less")
    assert code.is_sustain
    assert code.kind is TalkKind.DESIRE


def test_target_makes_negated_commitment_change() -> None:
    """ "I'm not going to smoke anymore" is commitment change talk for quitting."""
    code = code_client("I'm not going to smoke anymore.", target="quit smoking")
    assert code.is_change
    assert code.kind is TalkKind.COMMITMENT


def test_target_increase_goal() -> None:
    """For a goal to exercise more, wanting to keep exercising is change talk."""
    goal = Goal(id="fit", statement="exercise more", direction="increase")
    assert code_client("I want to keep exercising.", target=goal).is_change


def test_target_flips_the_same_words() -> None:
    """The same words are change for one target and sustain for the opposite one."""
    text = "I'm going to keep walking every day."
    assert code_client(text, target="walk more").is_change
    assert code_client(text, target="walk less").is_sustain


def test_but_clause_weighs_more() -> None:
    """After "but", the last clause decides and both sides stay as evidence."""
    code = code_client("I like smoking, but I really want to quit for my kids.")
    assert code.is_change
    assert any("sustain" in e.rule or "desire.enjoy" in e.rule for e in code.evidence)


def test_but_clause_toward_sustain() -> None:
    """ "I want to quit but I can't" ends on sustain talk."""
    assert code_client("I want to quit, but I can't.").is_sustain


def test_yes_after_change_question_is_change() -> None:
    """A bare "Yeah." after a question about cutting back is change talk."""
    code = code_client("Yeah.", previous="So you'd like to cut back?")
    assert code.is_change
    assert code.kind is TalkKind.DESIRE


def test_yes_after_sustain_reflection_is_sustain() -> None:
    """A bare "Yes." after a reflection of sustain talk is sustain talk."""
    code = code_client("Yes.", previous="You really enjoy drinking with your friends.")
    assert code.is_sustain


def test_no_after_hard_to_stop_is_change() -> None:
    """ "No." to "Is it hard to stop?" answers toward change."""
    assert code_client("No.", previous="Is it hard for you to stop?").is_change


def test_previous_accepts_an_utterance() -> None:
    """The previous turn may be an Utterance."""
    turn = Utterance("counselor", "So you'd like to cut back?")
    assert code_client("Definitely.", previous=turn).is_change


def test_bare_answer_without_previous_is_neutral() -> None:
    """ "Yeah." with no previous turn is neutral."""
    code = code_client("Yeah.")
    assert code.is_neutral
    assert code.kind is None


@pytest.mark.parametrize(
    "text",
    [
        "I want to kill myself.",
        "Sometimes I think about ending it all.",
        "I've been hurting myself again.",
        "They'd be better off dead without me... I mean, better off without me.",
        "I swear I'll kill him if he touches her again.",
        "I've had suicidal thoughts.",
    ],
)
def test_risk_language(text: str) -> None:
    """Self-harm, suicide and harm to others set risk."""
    code = code_client(text)
    assert code.risk
    assert any(e.rule.startswith("risk.") for e in code.evidence)


@pytest.mark.parametrize(
    "text",
    [
        "I just drink to kill time.",
        "This commute is killing me.",
        "I'm dying to get out of here.",
        "It's a killer workout.",
    ],
)
def test_no_risk_for_colloquial_phrases(text: str) -> None:
    """Colloquial "kill time", "killing me", "dying to" do not set risk."""
    assert not code_client(text).risk


def test_risk_kept_whatever_the_talk() -> None:
    """Risk is set even when the utterance is also change talk."""
    code = code_client("I want to quit drinking, some nights I want to kill myself.")
    assert code.risk
    assert code.is_change


def test_empty_is_neutral_without_evidence() -> None:
    """The empty string is neutral talk with no evidence and no risk."""
    assert code_client("") == ClientCode(talk=Talk.NEUTRAL)


def test_neutral_small_talk() -> None:
    """Small talk with no MI content is neutral."""
    assert code_client("I live about ten minutes from here.").is_neutral


def test_curly_apostrophes_read_as_straight() -> None:
    """A curly apostrophe codes the same as a straight one."""
    curly = code_client("I don\u2019t want to quit.")
    straight = code_client("I don't want to quit.")
    assert (curly.talk, curly.kind) == (straight.talk, straight.kind)
    assert curly.is_sustain


def test_evidence_spans_point_into_text() -> None:
    """Every evidence span is the text it names."""
    text = "Um, I really WANT to cut down, but it helps me relax."
    code = code_client(text)
    assert code.evidence
    for e in code.evidence:
        assert text[e.start : e.end] == e.text


def test_evidence_names_the_frame_and_cue() -> None:
    """The evidence of a frame says which frame and which direction fired."""
    code = code_client("I want to cut down.")
    framed = [e for e in code.evidence if e.rule.startswith("desire.want")]
    assert [(e.rule, e.text) for e in framed] == [("desire.want+change.stop", "want to cut down")]


def test_wrong_text_type_raises() -> None:
    """A non-string text raises ValidationError."""
    with pytest.raises(ValidationError):
        code_client(42)  # type: ignore[arg-type]


def test_wrong_target_type_raises() -> None:
    """A target that is neither a Goal nor a string raises ValidationError."""
    with pytest.raises(ValidationError):
        code_client("I want to quit.", target=3)  # type: ignore[arg-type]


def test_wrong_previous_type_raises() -> None:
    """A previous turn without text raises ValidationError."""
    with pytest.raises(ValidationError):
        code_client("Yeah.", previous=3)  # type: ignore[arg-type]


def test_exported_from_package() -> None:
    """code_client, ClientCode and Evidence are public names of mikit."""
    assert {"code_client", "ClientCode", "Evidence"} <= set(mikit.__all__)


def test_client_code_rejects_kind_for_neutral() -> None:
    """A neutral code cannot carry a kind."""
    with pytest.raises(ValidationError):
        ClientCode(talk=Talk.NEUTRAL, kind=TalkKind.DESIRE)


def test_client_code_needs_kind_for_change() -> None:
    """A change code needs a kind."""
    with pytest.raises(ValidationError):
        ClientCode(talk=Talk.CHANGE)


def test_evidence_rejects_mismatched_text() -> None:
    """Evidence text must be as long as its span."""
    with pytest.raises(ValidationError):
        Evidence("desire.want", 0, 3, "want")


@given(st.text())
def test_any_text_gives_a_code(text: str) -> None:
    """Any string codes; kind is None exactly when the talk is neutral."""
    code = code_client(text)
    assert isinstance(code, ClientCode)
    assert (code.kind is None) == (code.talk is Talk.NEUTRAL)


@given(st.text(), st.text(), st.text(min_size=1))
def test_evidence_within_text(text: str, previous: str, target: str) -> None:
    """Evidence spans always lie inside the utterance and match its text."""
    code = code_client(text, previous=previous, target=target)
    for e in code.evidence:
        assert 0 <= e.start <= e.end <= len(text)
        assert text[e.start : e.end] == e.text


@given(
    st.lists(
        st.sampled_from(
            ["I", "don't", "want", "to", "quit", "keep", "can't", "not", "but", "\u2019", "."]
        )
    )
)
def test_word_salad_codes(words: list[str]) -> None:
    """Any sequence of cue words codes with spans inside the text."""
    text = " ".join(words)
    code = code_client(text, target="quit smoking")
    for e in code.evidence:
        assert text[e.start : e.end] == e.text
