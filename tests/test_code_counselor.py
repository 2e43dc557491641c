"""Counsellor coding: questions, reflections, MITI behaviours and their evidence."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mikit import (
    Behavior,
    CounselorCode,
    MainBehavior,
    QuestionType,
    ReflectionType,
    ValidationError,
    code_counselor,
)


@pytest.mark.parametrize(
    "text",
    [
        "What brings you in today?",
        "How do you feel about that?",
        "Tell me more about your drinking.",
        "And what else",
        "Okay, so why now?",
    ],
)
def test_open_questions(text: str) -> None:
    """Wh-questions and 'tell me' invitations are open questions, with or without '?'."""
    code = code_counselor(text)
    assert code.main is MainBehavior.QUESTION
    assert code.question is QuestionType.OPEN


@pytest.mark.parametrize(
    "text",
    [
        "Do you smoke?",
        "Are you worried about it",
        "Have you tried to quit before?",
        "How many drinks do you have a day?",
        "It was last week, right?",
    ],
)
def test_closed_questions(text: str) -> None:
    """Aux-inversion, fact questions and tag questions are closed."""
    code = code_counselor(text)
    assert code.main is MainBehavior.QUESTION
    assert code.question is QuestionType.CLOSED


@pytest.mark.parametrize(
    "text",
    [
        "So part of you wants to quit.",
        "It sounds like you're really worried about your kids.",
        "On the one hand you enjoy it, and at the same time it scares you.",
    ],
)
def test_complex_reflections(text: str) -> None:
    """Feeling, 'part of you' and double-sided statements are complex reflections."""
    code = code_counselor(text)
    assert code.main is MainBehavior.REFLECTION
    assert code.reflection is ReflectionType.COMPLEX
    assert Behavior.COMPLEX_REFLECTION in code.behaviors


def test_simple_reflection_repeats_the_client() -> None:
    """A close restatement of the client's words is a simple reflection."""
    code = code_counselor(
        "You drink three beers after work.", previous="I drink three beers after work."
    )
    assert code.main is MainBehavior.REFLECTION
    assert code.reflection is ReflectionType.SIMPLE


def test_a_reflection_is_not_a_question() -> None:
    """A statement reflecting the client carries no question type."""
    assert code_counselor("So you want to cut back.").question is None


@pytest.mark.parametrize("text", ["Mm-hmm.", "Okay.", "Right, right.", "Hi, nice to meet you.", ""])
def test_facilitation_and_greetings_are_other(text: str) -> None:
    """Facilitation, greetings and empty turns are 'other'."""
    assert code_counselor(text).main is MainBehavior.OTHER


def test_advice_without_permission() -> None:
    """'You should' without asking first is advice without permission and therapist input."""
    code = code_counselor("You should stop drinking before it ruins your liver.")
    assert Behavior.ADVISE_WITHOUT_PERMISSION in code.behaviors
    assert code.main is MainBehavior.THERAPIST_INPUT


def test_advice_with_permission() -> None:
    """Advice after asking permission in the same turn is advice with permission."""
    code = code_counselor(
        "Would it be okay if I shared an idea? I'd recommend talking to your doctor."
    )
    assert Behavior.ADVISE_WITH_PERMISSION in code.behaviors
    assert Behavior.ADVISE_WITHOUT_PERMISSION not in code.behaviors


def test_giving_information() -> None:
    """Facts about risks are giving information."""
    code = code_counselor("Research shows that drinking raises your blood pressure.")
    assert code.main is MainBehavior.THERAPIST_INPUT
    assert Behavior.GIVING_INFORMATION in code.behaviors


def test_affirm_and_autonomy() -> None:
    """Affirmations and autonomy statements are found and count as MI-adherent."""
    code = code_counselor("That took a lot of courage. In the end it's up to you.")
    assert Behavior.AFFIRM in code.behaviors
    assert Behavior.EMPHASIZE_AUTONOMY in code.behaviors
    assert all(b.mi_adherent for b in (Behavior.AFFIRM, Behavior.EMPHASIZE_AUTONOMY))


def test_confront_is_non_adherent() -> None:
    """Labelling the client is confronting, an MI-non-adherent behaviour."""
    code = code_counselor("You're in denial about this.")
    assert Behavior.CONFRONT in code.behaviors
    assert Behavior.CONFRONT.mi_non_adherent


def test_the_main_behaviour_of_a_multi_sentence_turn() -> None:
    """A turn that reflects and then asks is coded as its question; both behaviours are kept."""
    code = code_counselor("You're worried about your health. What would you like to do?")
    assert code.main is MainBehavior.QUESTION
    assert {Behavior.QUESTION, Behavior.COMPLEX_REFLECTION} <= set(code.behaviors)


def test_evidence_spans_point_into_the_text() -> None:
    """Every evidence span is the text at its offsets."""
    text = "Thanks for coming in. So it sounds like you're torn. What else?"
    code = code_counselor(text)
    assert code.evidence
    for e in code.evidence:
        assert text[e.start : e.end] == e.text
    assert code.rule == code.evidence[0].rule


def test_curly_apostrophes_and_case() -> None:
    """Curly apostrophes and capitals code like their plain forms."""
    curly = code_counselor("YOU\u2019RE WORRIED ABOUT IT.")
    plain = code_counselor("you're worried about it.")
    assert (curly.main, curly.reflection) == (plain.main, plain.reflection)
    assert code_counselor("DO YOU SMOKE?").question is QuestionType.CLOSED


def test_invalid_code_is_refused() -> None:
    """A CounselorCode with an unknown main behaviour cannot be built."""
    with pytest.raises(ValidationError, match="main"):
        CounselorCode(main="lecture")


@given(st.text())
def test_any_text_gets_a_code(text: str) -> None:
    """Any string gets a CounselorCode whose evidence spans lie inside it."""
    code = code_counselor(text)
    assert isinstance(code, CounselorCode)
    assert code.behaviors
    for e in code.evidence:
        assert 0 <= e.start <= e.end <= len(text)
        assert text[e.start : e.end] == e.text


@given(st.text(), st.text())
def test_any_previous_turn_is_accepted(text: str, previous: str) -> None:
    """Any previous client turn is accepted and keeps the main behaviour a MainBehavior."""
    assert isinstance(code_counselor(text, previous=previous).main, MainBehavior)


@pytest.mark.parametrize(
    "text",
    [
        "so " * 350_000,
        "?!.," * 250_000,
        " " * 1_000_000,
        "you're don't I'd " * 60_000,
        "\"'" * 500_000,
        "a" * 1_000_000,
        "what do you " * 90_000,
    ],
    ids=["word", "punctuation", "spaces", "contractions", "quotes", "no-spaces", "questions"],
)
def test_one_megabyte_inputs_do_not_blow_up(text: str) -> None:
    """1 MB adversarial strings are coded in linear time (a generous bound catches blow-up)."""
    import time

    start = time.perf_counter()
    code_counselor(text)
    assert time.perf_counter() - start < 30


def test_a_statement_with_a_rising_voice_reflects() -> None:
    """A second-person statement ending in '?' ("So you feel ... ?") is coded as a reflection."""
    code = code_counselor("So you feel like you're doing this all alone?")
    assert code.main is MainBehavior.REFLECTION


_RULE_PREFIXES = {
    MainBehavior.QUESTION: ("question.",),
    MainBehavior.REFLECTION: ("reflection.",),
    MainBehavior.THERAPIST_INPUT: ("information.", "advise.", "persuade.", "confront."),
}


@given(st.text(alphabet=st.sampled_from(list("abc you I so what do it ?.-")), max_size=60))
def test_the_deciding_rule_names_the_main_behaviour(text: str) -> None:
    """The first evidence names a rule of the main behaviour, also when the weights chose it."""
    code = code_counselor(text)
    prefixes = _RULE_PREFIXES.get(code.main)
    if prefixes is not None:
        assert code.rule.startswith(prefixes)


def test_a_weak_fragment_can_be_overruled_but_a_wh_question_is_kept() -> None:
    """The learned weights leave a wh-question found by its own lead a question."""
    code = code_counselor("And what else would you like to change", previous="I don't know.")
    assert code.main is MainBehavior.QUESTION
    assert code.question is QuestionType.OPEN


def test_learned_evidence_names_features_with_spans() -> None:
    """The learned decision's evidence names its features as rules, with spans in the text."""
    text = "It sounds like you are feeling stressed about work."
    code = code_counselor(text, previous="Work has been crazy.", following="Yeah, exactly.")
    learned = [e for e in code.evidence if e.rule.startswith("learned.")]
    assert learned
    kinds = ("ngram:", "context:", "rule:", "shape:")
    assert all(e.rule.split(":", 1)[1].startswith(kinds) for e in learned)
    ngrams = [e for e in learned if ":ngram:" in e.rule]
    assert ngrams
    for e in ngrams:
        assert e.text
        assert text[e.start : e.end] == e.text


def test_learned_evidence_names_the_decision() -> None:
    """Learned evidence is labelled with the main behaviour or subtype it supports."""
    code = code_counselor("How many drinks do you have in a week?", following="About ten.")
    assert code.main is MainBehavior.QUESTION
    labels = {e.rule.split(":", 1)[0] for e in code.evidence if e.rule.startswith("learned.")}
    assert labels <= {"learned.question", f"learned.{code.question}"}
    assert "learned.question" in labels


def test_the_next_client_turn_is_read() -> None:
    """The client's next turn is a feature: the scores change with it, and can be shown."""
    from mikit.coding.counselor import _analyse

    names = {f[0] for f in _analyse("Do you drink", None, "Yeah.").features}
    assert {"n:yeah", "nlen:1"} <= names
    assert not any(
        n.startswith("n:") for n in {f[0] for f in _analyse("Do you drink", None).features}
    )


def test_subtypes_agree_with_behaviours() -> None:
    """The reflection type matches the reflection behaviour listed, and only one is listed."""
    for text in ("So part of you wants to quit.", "You drink every night.", "You feel stuck."):
        code = code_counselor(text, previous="I drink every night.")
        kinds = {b for b in code.behaviors if "reflection" in str(b)}
        if code.reflection is None:
            assert not kinds
        else:
            assert kinds == {Behavior(f"{code.reflection}_reflection")}


@given(st.text(), st.text(), st.text())
def test_any_context_gets_a_code(text: str, previous: str, following: str) -> None:
    """Any turn with any client turns before and after gets a code with spans inside the text."""
    code = code_counselor(text, previous=previous, following=following)
    assert isinstance(code.main, MainBehavior)
    assert code.behaviors
    for e in code.evidence:
        assert text[e.start : e.end] == e.text
