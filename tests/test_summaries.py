"""Summaries: collecting, linking and transitional, as statements."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mikit import Case, Goal, SummaryKind, Transcript, Utterance, summaries, summarize
from mikit.errors import EmptyTextError, ValidationError

GOAL = Goal(id="smoking", statement="quit smoking")
TRANSCRIPT = Transcript(
    [
        Utterance("counselor", "What brings you in?"),
        Utterance("client", "My daughter asked me why I smell like smoke."),
        Utterance("client", "I want to quit for my kids."),
        Utterance("client", "But smoking is how I relax after work."),
        Utterance("client", "I could try not smoking in the car."),
    ]
)


def test_collecting_gathers_change_talk() -> None:
    """A collecting summary holds the client's change talk in the second person."""
    out = summarize(TRANSCRIPT, target=GOAL)
    assert "you want to quit for your kids" in out
    assert "you could try not smoking in the car" in out
    assert "relax" not in out


def test_case_uses_its_first_goal() -> None:
    """From a Case, the first goal is the target and the transcript the source."""
    case = Case(goals=[GOAL], transcript=TRANSCRIPT)
    assert summarize(case) == summarize(TRANSCRIPT, target=GOAL)


def test_linking_connects_earlier_and_latest() -> None:
    """A linking summary names something said earlier and what is said now."""
    out = summarize(TRANSCRIPT, kind="linking", target=GOAL)
    assert out.startswith("Earlier you said that")
    earlier, _, latest = out.partition(", and now ")
    assert "your" in earlier
    assert "in the car" in latest


def test_transitional_points_toward_planning() -> None:
    """A transitional summary names the goal and ends as a statement."""
    out = summarize(TRANSCRIPT, kind="transitional", target=GOAL)
    assert "quitting smoking" in out
    assert out.endswith(".")
    assert "?" not in out


def test_empty_transcript_raises() -> None:
    """A transcript where the client says nothing raises EmptyTextError."""
    with pytest.raises(EmptyTextError):
        summarize(Transcript([Utterance("counselor", "Hello?"), Utterance("client", "...")]))


def test_bad_source_raises() -> None:
    """A source that is neither a Transcript nor a Case raises ValidationError."""
    with pytest.raises(ValidationError):
        summarize("I want to quit")  # type: ignore[arg-type]


def test_unknown_kind_raises() -> None:
    """An unknown kind raises ValidationError."""
    with pytest.raises(ValidationError):
        summarize(TRANSCRIPT, kind="closing")


def test_summary_kind_values() -> None:
    """SummaryKind lists the three kinds."""
    assert [k.value for k in SummaryKind] == ["collecting", "linking", "transitional"]


def _has_content(text: str) -> bool:
    return any(c.isalnum() for c in text)


@settings(max_examples=40)
@given(
    st.lists(
        st.text(min_size=1).filter(lambda t: any(c.isalnum() for c in t)), min_size=1, max_size=6
    ),
    st.sampled_from(list(SummaryKind)),
)
def test_any_client_talk_gives_statements(texts: list[str], kind: SummaryKind) -> None:
    """For any client talk: capital first letter, final '.', and no '?'."""
    transcript = Transcript([Utterance("client", t) for t in texts])
    for out in summaries(transcript, kind=kind):
        assert out[:1].isupper()
        assert out.endswith(".")
        assert "?" not in out
