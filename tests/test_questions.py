"""Open questions and rulers: open stems, "?", never yes/no, never "why don't you"."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mikit import Goal, QuestionKind, RulerKind, evocative_questions, ruler_followup, ruler_question
from mikit.errors import ValidationError

OPEN_STEMS = ("What", "How", "In what ways", "Tell me")
GOAL = Goal(id="smoking", statement="quit smoking", values=["health", "my kids"])


def _is_open_question(text: str) -> bool:
    return (
        text.startswith(OPEN_STEMS)
        and text.endswith("?")
        and "why don't you" not in text.lower()
        and "  " not in text
    )


def test_every_kind_has_questions() -> None:
    """Each question kind gives at least one question."""
    for kind in QuestionKind:
        assert evocative_questions(GOAL, kind=kind)


def test_no_kind_gives_every_question_in_kind_order() -> None:
    """Without a kind, every kind's questions come, in enum order."""
    every = [q for k in QuestionKind for q in evocative_questions(GOAL, kind=k)]
    assert evocative_questions(GOAL) == every


def test_exploring_values_uses_the_clients_values_in_second_person() -> None:
    """Values in the client's words are shifted: "my kids" -> "your kids"."""
    out = evocative_questions(GOAL, kind="exploring_values")[0]
    assert (
        out == "How does quitting smoking fit with what matters to you about health and your kids?"
    )


def test_exploring_values_without_values() -> None:
    """A goal without values still gets a values question."""
    out = evocative_questions("exercise more", kind="exploring_values")
    assert out[0] == "How does exercising more fit with what matters most to you?"


def test_key_question() -> None:
    """The key question is among the key_question variants."""
    assert "What do you think you'll do?" in evocative_questions(GOAL, kind="key_question")


def test_goal_as_string_is_its_statement() -> None:
    """A verb-phrase string works as a goal."""
    assert evocative_questions("cut down on drinking", kind="reasons")[0] == (
        "What would be the three best reasons for cutting down on drinking?"
    )


def test_blank_goal_raises() -> None:
    """A blank goal string raises ValidationError."""
    with pytest.raises(ValidationError):
        evocative_questions("   ")


def test_unknown_kind_raises() -> None:
    """An unknown question kind raises ValidationError."""
    with pytest.raises(ValidationError):
        evocative_questions(GOAL, kind="yes_no")


@pytest.mark.parametrize("ruler", list(RulerKind))
def test_ruler_question_names_the_scale(ruler: RulerKind) -> None:
    """A ruler question is open and names the 0 to 10 scale."""
    out = ruler_question(GOAL, ruler)
    assert _is_open_question(out)
    assert "0 to 10" in out


def test_followup_asks_why_not_lower() -> None:
    """6 -> "What makes it a 6 and not a 3?"."""
    assert ruler_followup(GOAL, "importance", 6) == ["What makes it a 6 and not a 3?"]


def test_followup_article_before_eight() -> None:
    """8 takes "an"."""
    assert ruler_followup(GOAL, "importance", 8)[0] == "What makes it an 8 and not a 5?"


def test_followup_for_zero() -> None:
    """0 gets its own form."""
    assert ruler_followup(GOAL, "importance", 0)[0] == "What would it take to move from 0 to 1?"


def test_followup_for_ten() -> None:
    """10 gets its own form."""
    assert ruler_followup(GOAL, "importance", 10)[0] == "What makes it a 10 for you?"


def test_confidence_followup_also_asks_what_would_raise_it() -> None:
    """For confidence, a second question asks what would raise it by one."""
    assert ruler_followup(GOAL, "confidence", 3) == [
        "What makes it a 3 and not a 0?",
        "What would it take to move from 3 to 4?",
    ]


@pytest.mark.parametrize("score", [-1, 11, 3.5, True])
def test_bad_score_raises(score: object) -> None:
    """A score outside 0..10 or not an int raises ValidationError naming score."""
    with pytest.raises(ValidationError, match="score"):
        ruler_followup(GOAL, "importance", score)  # type: ignore[arg-type]


def test_unknown_ruler_raises() -> None:
    """An unknown ruler raises ValidationError."""
    with pytest.raises(ValidationError):
        ruler_question(GOAL, "happiness")


@given(st.sampled_from(list(RulerKind)), st.integers(min_value=0, max_value=10))
def test_followup_never_asks_why_not_higher(ruler: RulerKind, score: int) -> None:
    """No follow-up names a number higher than the score before "and not"."""
    for q in ruler_followup(GOAL, ruler, score):
        assert _is_open_question(q), q
        if " and not " in q:
            lower = int(q.rsplit(" ", 1)[-1].rstrip("?"))
            assert lower < score


@settings(max_examples=50)
@given(st.text(min_size=1, max_size=60).filter(lambda t: t.strip()))
def test_any_goal_text_gives_open_questions(statement: str) -> None:
    """For any goal text, every question opens with an open stem and ends with '?'."""
    for q in evocative_questions(statement):
        assert _is_open_question(q), q
