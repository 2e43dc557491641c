"""Hypothesis strategies for every public mikit model.

Requires hypothesis (``pip install "mikit[hypothesis]"``). This module is never
imported by ``mikit`` itself. Every value a strategy draws is valid: building it
raises nothing, and a drawn :class:`~mikit.Case` round-trips through
:meth:`~mikit.Case.to_dict` and :meth:`~mikit.Case.from_dict`.

Once mikit is installed, Hypothesis also finds these strategies through its
``hypothesis`` entry point, so ``st.from_type(mikit.Goal)`` works in any test suite.

Example:
    >>> from hypothesis import given
    >>> from mikit import strategies as mst
    >>> @given(mst.goals())
    ... def test_goal_has_statement(goal):
    ...     assert goal.statement.strip()
    >>> test_goal_has_statement()
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from hypothesis import strategies as st

from mikit.models import (
    Action,
    Behavior,
    Case,
    ClientCode,
    CodedTranscript,
    CodedUtterance,
    CounselorCode,
    Direction,
    Effect,
    Evidence,
    Goal,
    MainBehavior,
    MitiScores,
    Period,
    Proficiency,
    QuestionType,
    ReflectionType,
    Ruler,
    RulerKind,
    Source,
    Speaker,
    Talk,
    TalkKind,
    Transcript,
    Utterance,
    Value,
)

__all__ = [
    "actions",
    "cases",
    "client_codes",
    "coded_transcripts",
    "counselor_codes",
    "evidence",
    "goals",
    "miti_scores",
    "names",
    "rulers",
    "transcripts",
    "utterances",
    "values",
]

_GOAL_STATEMENTS = (
    "quit smoking",
    "cut down on drinking",
    "exercise three times a week",
    "eat more vegetables",
    "get up earlier",
    "take my medication every day",
    "spend less time on my phone",
    "go to bed before midnight",
    "drink more water",
    "see friends more often",
)

_ACTION_DESCRIPTIONS = (
    "went for a run",
    "smoked at a party",
    "skipped the gym",
    "had a drink after work",
    "cooked a healthy dinner",
    "stayed up late",
    "called a friend",
    "took a walk at lunch",
)


def names(*, min_size: int = 1, max_size: int = 30) -> st.SearchStrategy[str]:
    """Short non-blank text such as ids, values and names (requires hypothesis).

    Args:
        min_size: The fewest characters.
        max_size: The most characters.
    """
    return st.text(min_size=min_size, max_size=max_size).filter(lambda s: bool(s.strip()))


def rulers() -> st.SearchStrategy[Ruler]:
    """Scores on a 0..10 ruler (requires hypothesis)."""
    return st.integers(min_value=Ruler.MIN, max_value=Ruler.MAX).map(Ruler)


def values() -> st.SearchStrategy[Value]:
    """Things a client cares about (requires hypothesis)."""
    return names().map(Value)


def _amounts() -> st.SearchStrategy[float]:
    return st.one_of(
        st.integers(min_value=0, max_value=1000),
        st.floats(min_value=0, max_value=1000, allow_nan=False, allow_infinity=False),
    )


@st.composite
def _goal(
    draw: st.DrawFn,
    ids: st.SearchStrategy[str],
    served: Sequence[Value],
) -> Goal:
    direction = draw(st.none() | st.sampled_from(Direction))
    baseline = draw(st.none() | _amounts())
    target = None
    if direction is not None:
        target = draw(st.none() | _amounts())
        if target is not None and baseline is not None:
            low, high = sorted((baseline, target))
            if direction is Direction.DECREASE:
                baseline, target = high, low
            elif direction is Direction.INCREASE:
                baseline, target = low, high
    return Goal(
        id=draw(ids),
        statement=draw(st.sampled_from(_GOAL_STATEMENTS) | names(max_size=60)),
        behavior=draw(st.none() | names()),
        unit=draw(st.none() | names()),
        per=draw(st.none() | st.sampled_from(Period)),
        direction=direction,
        baseline=baseline,
        target=target,
        importance=draw(st.none() | rulers()),
        confidence=draw(st.none() | rulers()),
        readiness=draw(st.none() | rulers()),
        source=draw(st.none() | st.sampled_from(Source)),
        values=draw(st.lists(st.sampled_from(served), unique=True) if served else st.just([])),
    )


def goals(
    *,
    ids: st.SearchStrategy[str] | None = None,
    served: Sequence[Value] = (),
) -> st.SearchStrategy[Goal]:
    """Valid goals (requires hypothesis).

    A drawn goal with a target has a direction, and its target lies on the right
    side of its baseline.

    Args:
        ids: The strategy for goal ids; short non-blank text by default.
        served: The values a goal may serve; none by default.
    """
    return _goal(names() if ids is None else ids, tuple(served))


def _whens() -> st.SearchStrategy[dt.date | dt.datetime | None]:
    dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31))
    datetimes = st.datetimes(
        min_value=dt.datetime(2000, 1, 1),  # noqa: DTZ001 - naive datetimes are valid in a case
        max_value=dt.datetime(2100, 12, 31),  # noqa: DTZ001
    )
    return st.none() | dates | datetimes


def actions(*, goal_ids: Sequence[str] | None = None) -> st.SearchStrategy[Action]:
    """Valid actions (requires hypothesis).

    Args:
        goal_ids: The goal ids an action may name; any non-blank id by default.
    """
    goal = names() if goal_ids is None else st.sampled_from(tuple(goal_ids))
    return st.builds(
        Action,
        goal=goal,
        description=st.sampled_from(_ACTION_DESCRIPTIONS) | names(max_size=60),
        when=_whens(),
        amount=st.none() | _amounts(),
        effect=st.none() | st.sampled_from(Effect),
    )


def utterances(
    *,
    speakers: Sequence[Speaker] = tuple(Speaker),
    texts: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Utterance]:
    """Valid utterances (requires hypothesis).

    Args:
        speakers: Who may speak.
        texts: The strategy for what they say; any text by default.
    """
    return st.builds(
        Utterance,
        speaker=st.sampled_from(tuple(speakers)),
        text=st.text() if texts is None else texts,
        annotations=st.dictionaries(names(max_size=10), st.text(max_size=10), max_size=3),
    )


def transcripts(*, max_size: int = 20) -> st.SearchStrategy[Transcript]:
    """Valid transcripts (requires hypothesis).

    Args:
        max_size: The most utterances.
    """
    return st.builds(
        Transcript,
        st.lists(utterances(), max_size=max_size).map(tuple),
        id=st.none() | names(),
        annotations=st.dictionaries(names(max_size=10), st.text(max_size=10), max_size=3),
    )


@st.composite
def _case(draw: st.DrawFn, max_goals: int, max_actions: int) -> Case:
    case_values = draw(st.lists(values(), max_size=4, unique_by=lambda v: v.name))
    goal_ids = draw(st.lists(names(max_size=12), max_size=max_goals, unique=True))
    case_goals = [draw(goals(ids=st.just(goal_id), served=case_values)) for goal_id in goal_ids]
    case_actions = (
        draw(st.lists(actions(goal_ids=goal_ids), max_size=max_actions)) if goal_ids else []
    )
    return Case(
        client=draw(st.none() | names()),
        values=case_values,
        goals=case_goals,
        actions=case_actions,
        transcript=draw(transcripts(max_size=8)),
    )


def cases(*, max_goals: int = 4, max_actions: int = 12) -> st.SearchStrategy[Case]:
    """Valid cases (requires hypothesis).

    Goal ids are unique, every action names a goal of the case, and every goal
    serves only values the case lists.

    Args:
        max_goals: The most goals.
        max_actions: The most actions.
    """
    return _case(max_goals, max_actions)


@st.composite
def _evidence(draw: st.DrawFn, text: str | None) -> Evidence:
    said = draw(st.text(min_size=1)) if text is None else text
    start = draw(st.integers(min_value=0, max_value=len(said)))
    end = draw(st.integers(min_value=start, max_value=len(said)))
    rule = draw(st.sampled_from(("desire.want", "need.need_to", "sustain.enjoy")) | names())
    return Evidence(rule, start, end, said[start:end])


def evidence(*, text: str | None = None) -> st.SearchStrategy[Evidence]:
    """Evidence spans (requires hypothesis).

    Args:
        text: The utterance the spans lie in; any text by default.
    """
    return _evidence(text)


@st.composite
def _client_code(draw: st.DrawFn) -> ClientCode:
    talk = draw(st.sampled_from(Talk))
    kind = None if talk is Talk.NEUTRAL else draw(st.sampled_from(TalkKind))
    return ClientCode(
        talk=talk,
        kind=kind,
        evidence=draw(st.lists(evidence(), max_size=3)),
        risk=draw(st.booleans()),
    )


def client_codes() -> st.SearchStrategy[ClientCode]:
    """Client talk codes; neutral codes have no kind, others have one (requires hypothesis)."""
    return _client_code()


def counselor_codes() -> st.SearchStrategy[CounselorCode]:
    """Counsellor behaviour codes, as mikit's coder gives them (requires hypothesis)."""
    from mikit.coding import code_counselor

    return st.text(max_size=200).map(code_counselor)


def coded_transcripts(*, max_size: int = 12) -> st.SearchStrategy[CodedTranscript]:
    """Transcripts coded by mikit's coders (requires hypothesis).

    Args:
        max_size: The most utterances.
    """
    from mikit.coding import code_transcript

    return transcripts(max_size=max_size).map(code_transcript)


def miti_scores() -> st.SearchStrategy[MitiScores]:
    """MITI summary scores of coded transcripts (requires hypothesis)."""
    from mikit.coding import miti_scores as score

    return coded_transcripts().map(score)


def _coded_utterances() -> st.SearchStrategy[CodedUtterance]:
    return coded_transcripts().filter(len).flatmap(lambda c: st.sampled_from(c.utterances))


def _talk_kinds() -> st.SearchStrategy[TalkKind]:
    return st.sampled_from(TalkKind)


# Hypothesis's ``from_type`` sees these through the entry point in _hypothesis_plugin.
TYPE_STRATEGIES: dict[type, st.SearchStrategy[object]] = {
    Action: actions(),
    Case: cases(),
    Goal: goals(),
    Ruler: rulers(),
    Transcript: transcripts(),
    Utterance: utterances(),
    Value: values(),
    Direction: st.sampled_from(Direction),
    Effect: st.sampled_from(Effect),
    Period: st.sampled_from(Period),
    RulerKind: st.sampled_from(RulerKind),
    Source: st.sampled_from(Source),
    Speaker: st.sampled_from(Speaker),
    Talk: st.sampled_from(Talk),
    TalkKind: _talk_kinds(),
    Evidence: evidence(),
    ClientCode: client_codes(),
    CounselorCode: st.deferred(counselor_codes),
    CodedTranscript: st.deferred(coded_transcripts),
    CodedUtterance: st.deferred(_coded_utterances),
    MitiScores: st.deferred(miti_scores),
    Behavior: st.sampled_from(Behavior),
    MainBehavior: st.sampled_from(MainBehavior),
    Proficiency: st.sampled_from(Proficiency),
    QuestionType: st.sampled_from(QuestionType),
    ReflectionType: st.sampled_from(ReflectionType),
}
