"""find_discrepancies: each kind on realistic cases, ranking, streaming and properties."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mikit import (
    Action,
    Case,
    Direction,
    Discrepancy,
    DiscrepancyKind,
    Effect,
    FileReadError,
    Goal,
    JSONSyntaxError,
    Strategy,
    Trend,
    Utterance,
    ValidationError,
    Value,
    find_discrepancies,
)
from mikit import (
    strategies as mst,
)
from mikit.analysis.discrepancy import EVIDENCE_ACTIONS
from mikit.io.actions import iter_actions, load_actions

DAY = dt.date(2026, 11, 9)

SMOKING = Goal(
    id="smoking",
    statement="quit smoking",
    behavior="smoking",
    unit="cigarettes",
    per="day",
    direction="decrease",
    baseline=20,
    target=0,
    importance=8,
    confidence=7,
    source="self",
    values=["my kids"],
)


def smoked(day: int, amount: float, effect: Effect | None = None) -> Action:
    return Action(
        goal="smoking",
        description=f"smoked {amount} cigarettes",
        when=DAY + dt.timedelta(days=day),
        amount=amount,
        effect=effect,
    )


def case_of(*goals: Goal, actions: list[Action] | None = None, transcript=()) -> Case:
    names = sorted({v.name for g in goals for v in g.values})
    return Case(values=names, goals=goals, actions=actions or [], transcript=transcript)


def kinds(found: list[Discrepancy], goal_id: str | None = None) -> list[DiscrepancyKind]:
    return [d.kind for d in found if goal_id is None or d.goal.id == goal_id]


def one(found: list[Discrepancy], kind: DiscrepancyKind) -> Discrepancy:
    (match,) = [d for d in found if d.kind is kind]
    return match


def test_empty_case_has_no_discrepancies() -> None:
    """A case with nothing in it yields an empty list."""
    assert find_discrepancies(Case()) == []


def test_goal_on_track_yields_nothing() -> None:
    """A goal whose amounts sit at the target, owned and confident, yields nothing."""
    actions = [smoked(i, 0, Effect.TOWARD) for i in range(5)]
    assert find_discrepancies(case_of(SMOKING, actions=actions)) == []


def test_measured_behavior_gap_against_baseline_and_target() -> None:
    """A mean of 15 against baseline 20 and target 0 is a gap of 0.75 without a trend."""
    actions = [smoked(0, 15), smoked(1, 15), smoked(2, 15)]
    gap = one(find_discrepancies(case_of(SMOKING, actions=actions)), DiscrepancyKind.BEHAVIOR_GAP)
    assert gap.severity == pytest.approx(0.75)
    assert gap.strategy is Strategy.DEVELOP_DISCREPANCY
    assert gap.progress.mean == 15
    assert gap.progress.trend is Trend.FLAT
    assert "averaged 15 cigarettes per day against a target of 0 (baseline 20)" in gap.summary


def test_improving_trend_lowers_behavior_gap() -> None:
    """The same amounts falling over time weigh less than the same amounts rising."""
    amounts = [20, 17, 14, 11, 8]
    falling = [smoked(i, a) for i, a in enumerate(amounts)]
    rising = [smoked(i, a) for i, a in enumerate(reversed(amounts))]
    gap_falling = one(
        find_discrepancies(case_of(SMOKING, actions=falling)), DiscrepancyKind.BEHAVIOR_GAP
    )
    gap_rising = one(
        find_discrepancies(case_of(SMOKING, actions=rising)), DiscrepancyKind.BEHAVIOR_GAP
    )
    assert gap_falling.progress.trend is Trend.FALLING
    assert gap_falling.progress.improving is True
    assert gap_rising.progress.improving is False
    assert gap_falling.severity < gap_rising.severity
    assert gap_rising.severity == pytest.approx(0.7)


def test_increase_goal_below_target_is_a_gap() -> None:
    """Walking once a week against a target of three from zero is a gap of 2/3."""
    walking = Goal(
        id="walking",
        statement="walk three times a week",
        unit="walks",
        per="week",
        direction="increase",
        baseline=0,
        target=3,
    )
    actions = [Action(goal="walking", description="walked the kids to school", amount=1)]
    gap = one(find_discrepancies(case_of(walking, actions=actions)), DiscrepancyKind.BEHAVIOR_GAP)
    assert gap.severity == pytest.approx(2 / 3, abs=1e-4)


def test_behavior_gap_by_effect() -> None:
    """Without amounts, three steps away and none toward weigh (3 - 0) / (3 + 0 + 2)."""
    gym = Goal(id="gym", statement="go to the gym twice a week")
    actions = [Action(goal="gym", description="skipped the gym", effect="away") for _ in range(3)]
    gap = one(find_discrepancies(case_of(gym, actions=actions)), DiscrepancyKind.BEHAVIOR_GAP)
    assert gap.severity == pytest.approx(0.6)
    assert len(gap.actions) == 3
    assert "3 of 3 actions moved away" in gap.summary


def test_more_toward_than_away_is_no_gap() -> None:
    """Steps toward that outnumber steps away leave no behaviour gap."""
    gym = Goal(id="gym", statement="go to the gym twice a week")
    actions = [
        Action(goal="gym", description="went to the gym", effect="toward"),
        Action(goal="gym", description="went to the gym", effect="toward"),
        Action(goal="gym", description="skipped the gym", effect="away"),
    ]
    assert DiscrepancyKind.BEHAVIOR_GAP not in kinds(
        find_discrepancies(case_of(gym, actions=actions))
    )


def test_value_conflict_names_the_value() -> None:
    """Steps away from a goal that serves a value are a value conflict with that value named."""
    actions = [smoked(0, 25, Effect.AWAY), smoked(1, 10, Effect.TOWARD)]
    conflict = one(
        find_discrepancies(case_of(SMOKING, actions=actions)), DiscrepancyKind.VALUE_CONFLICT
    )
    assert conflict.strategy is Strategy.EXPLORE_VALUES
    assert "'my kids'" in conflict.summary
    assert conflict.actions == (actions[0],)
    assert conflict.severity == pytest.approx((0.5 + 8 / 20) * 1 / 3, abs=1e-4)


def test_no_value_conflict_without_values() -> None:
    """A goal that serves no named value has no value conflict."""
    goal = attrs.evolve(SMOKING, values=())
    found = find_discrepancies(case_of(goal, actions=[smoked(0, 25, Effect.AWAY)]))
    assert DiscrepancyKind.VALUE_CONFLICT not in kinds(found)


def test_amount_above_baseline_counts_as_away() -> None:
    """An amount worse than the baseline with no stated effect counts as a step away."""
    found = find_discrepancies(case_of(SMOKING, actions=[smoked(0, 30)]))
    assert one(found, DiscrepancyKind.VALUE_CONFLICT).progress.away == 1


@pytest.mark.parametrize(
    ("importance", "confidence", "expected"),
    [(8, 3, 0.5), (7, 4, 0.3), (10, 0, 1.0), (6, 2, None), (7, 5, None)],
)
def test_confidence_gap(importance: int, confidence: int, expected: float | None) -> None:
    """Importance >= 7 with confidence <= 4 is a gap of (importance - confidence) / 10."""
    goal = Goal(id="g", statement="quit smoking", importance=importance, confidence=confidence)
    found = [
        d for d in find_discrepancies(case_of(goal)) if d.kind is DiscrepancyKind.CONFIDENCE_GAP
    ]
    if expected is None:
        assert found == []
    else:
        assert found[0].severity == pytest.approx(expected)
        assert found[0].strategy is Strategy.SUPPORT_SELF_EFFICACY


def test_confidence_gap_keeps_past_successes() -> None:
    """The evidence of a confidence gap is the steps already taken toward the goal."""
    goal = attrs.evolve(SMOKING, confidence=2)
    actions = [smoked(0, 25, Effect.AWAY), smoked(1, 5, Effect.TOWARD)]
    gap = one(find_discrepancies(case_of(goal, actions=actions)), DiscrepancyKind.CONFIDENCE_GAP)
    assert gap.actions == (actions[1],)


@pytest.mark.parametrize(
    ("source", "importance", "expected"),
    [
        ("other", None, 0.6),
        ("should", None, 0.5),
        ("self", 2, 0.3),
        (None, 0, 0.6),
        ("should", 3, 1 - 0.5 * 0.85),
        ("self", 5, None),
        (None, None, None),
    ],
)
def test_external_goal(source: str | None, importance: int | None, expected: float | None) -> None:
    """Another's goal, a "should" or low importance is an external goal, weighted as documented."""
    goal = Goal(id="g", statement="walk more", source=source, importance=importance)
    found = [
        d for d in find_discrepancies(case_of(goal)) if d.kind is DiscrepancyKind.EXTERNAL_GOAL
    ]
    if expected is None:
        assert found == []
    else:
        assert found[0].severity == pytest.approx(expected)
        assert found[0].strategy is Strategy.EXPLORE_OWNERSHIP


@pytest.mark.parametrize(
    ("baseline", "target", "confidence", "expected"),
    [(20, 0, 3, 0.7), (20, 0, 6, None), (20, 15, 2, None), (20, 10, 5, 0.25), (0, 3, 0, 1.0)],
)
def test_big_leap(baseline: float, target: float, confidence: int, expected: float | None) -> None:
    """A step of half the way or more with confidence <= 5 is a big leap, weighted as documented."""
    direction = Direction.DECREASE if target < baseline else Direction.INCREASE
    goal = Goal(
        id="g",
        statement="change",
        direction=direction,
        baseline=baseline,
        target=target,
        confidence=confidence,
    )
    found = [d for d in find_discrepancies(case_of(goal)) if d.kind is DiscrepancyKind.BIG_LEAP]
    if expected is None:
        assert found == []
    else:
        assert found[0].severity == pytest.approx(expected)
        assert found[0].strategy is Strategy.SMALL_STEPS


def test_ambivalence_from_change_and_sustain_talk() -> None:
    """Change and sustain talk about the goal in one transcript is ambivalence, both kept."""
    transcript = [
        Utterance("counselor", "What would you like to talk about?"),
        Utterance("client", "I really want to quit smoking."),
        Utterance("counselor", "Tell me more."),
        Utterance("client", "I'm not ready to quit smoking."),
    ]
    found = find_discrepancies(case_of(SMOKING, transcript=transcript))
    amb = one(found, DiscrepancyKind.AMBIVALENCE)
    assert amb.strategy is Strategy.EXPLORE_AMBIVALENCE
    assert amb.severity == pytest.approx(0.6)
    assert [u.text for u in amb.utterances] == [transcript[3].text, transcript[1].text]


def test_change_talk_only_is_not_ambivalence() -> None:
    """Change talk without sustain talk is no ambivalence, and it becomes the client's words."""
    transcript = [Utterance("client", "I really want to quit smoking.")]
    found = find_discrepancies(case_of(SMOKING, transcript=transcript, actions=[smoked(0, 15)]))
    assert DiscrepancyKind.AMBIVALENCE not in kinds(found)
    gap = one(found, DiscrepancyKind.BEHAVIOR_GAP)
    assert [u.text for u in gap.utterances] == ["I really want to quit smoking."]


def test_talk_about_another_goal_does_not_count() -> None:
    """Words about walking are not counted as talk about smoking."""
    walking = Goal(id="walking", statement="walk more", behavior="walking")
    transcript = [
        Utterance("client", "I really want to walk more."),
        Utterance("client", "But I hate walking in the rain and I won't do it."),
    ]
    found = find_discrepancies(case_of(SMOKING, walking, transcript=transcript))
    assert [d.goal.id for d in found if d.kind is DiscrepancyKind.AMBIVALENCE] in ([], ["walking"])


def test_sorted_most_severe_first_with_stable_ties() -> None:
    """Discrepancies come most severe first; ties keep goal order, then kind order."""
    a = Goal(id="a", statement="walk more", source="should", importance=9, confidence=1)
    b = Goal(id="b", statement="eat greens", source="should")
    found = find_discrepancies(case_of(a, b))
    assert [(d.goal.id, d.kind.value) for d in found] == [
        ("a", "confidence_gap"),
        ("a", "external_goal"),
        ("b", "external_goal"),
    ]


def test_evidence_is_the_most_recent_actions() -> None:
    """A gap keeps only the few most recent actions, newest first."""
    actions = [smoked(i, 18) for i in range(EVIDENCE_ACTIONS + 4)]
    gap = one(find_discrepancies(case_of(SMOKING, actions=actions)), DiscrepancyKind.BEHAVIOR_GAP)
    assert gap.actions == tuple(reversed(actions))[:EVIDENCE_ACTIONS]
    assert gap.evidence[: len(gap.actions)] == gap.actions


def test_streamed_actions_replace_the_case_actions() -> None:
    """Actions passed as a generator give the same result as the same actions in the case."""
    actions = [smoked(i, 20 - i) for i in range(10)]
    in_case = find_discrepancies(case_of(SMOKING, actions=actions))
    streamed = find_discrepancies(case_of(SMOKING), actions=(a for a in actions))
    assert streamed == in_case


def test_streamed_action_for_unknown_goal_is_named() -> None:
    """An action naming an unknown goal raises a ValidationError with its position and a hint."""
    bad = Action(goal="smokin", description="smoked")
    with pytest.raises(
        ValidationError, match=r"actions\[1\]\.goal: .*'smokin'.*did you mean 'smoking'"
    ):
        find_discrepancies(case_of(SMOKING), actions=iter([smoked(0, 3), bad]))


def test_streamed_non_action_is_refused() -> None:
    """Something other than an Action in the stream raises a ValidationError."""
    with pytest.raises(ValidationError, match=r"actions\[0\]: must be an Action, got dict"):
        find_discrepancies(case_of(SMOKING), actions=[{"goal": "smoking"}])  # type: ignore[list-item]


def write_lines(path: Path, rows: list[object | str]) -> Path:
    lines = [row if isinstance(row, str) else json.dumps(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_actions_stream_into_find_discrepancies(tmp_path: Path) -> None:
    """Actions read from JSON Lines (blank lines skipped) give the same result as in memory."""
    rows: list[object | str] = [
        {
            "goal": "smoking",
            "description": "smoked 15 cigarettes",
            "when": "2026-11-09",
            "amount": 15,
        },
        "",
        {
            "goal": "smoking",
            "description": "smoked 12 cigarettes",
            "when": "2026-11-10",
            "amount": 12,
        },
    ]
    path = write_lines(tmp_path / "a.jsonl", rows)
    actions = load_actions(path)
    assert [a.amount for a in actions] == [15, 12]
    streamed = find_discrepancies(case_of(SMOKING), actions=iter_actions(path, goals=["smoking"]))
    assert streamed == find_discrepancies(case_of(SMOKING, actions=actions))


def test_jsonl_bad_json_names_the_line(tmp_path: Path) -> None:
    """A line that is not JSON raises JSONSyntaxError naming the line."""
    path = write_lines(tmp_path / "a.jsonl", [{"goal": "g", "description": "x"}, "{oops"])
    with pytest.raises(JSONSyntaxError, match=r"line 2") as info:
        load_actions(path)
    assert info.value.line == 2


def test_jsonl_invalid_action_names_the_line_and_field(tmp_path: Path) -> None:
    """A line that is not a valid action raises ValidationError with the line and field."""
    path = write_lines(tmp_path / "a.jsonl", [{"goal": "g", "description": "x", "amount": -1}])
    with pytest.raises(ValidationError, match=r"a\.jsonl: line 1: amount: must not be negative"):
        load_actions(path)


def test_jsonl_unknown_goal_names_the_line(tmp_path: Path) -> None:
    """With known goals given, an action for another goal is refused, naming its line."""
    path = write_lines(
        tmp_path / "a.jsonl", [{"goal": "g", "description": "x"}, {"goal": "h", "description": "y"}]
    )
    with pytest.raises(ValidationError, match=r"line 2: goal: no goal has the id 'h'"):
        load_actions(path, goals=["g"])


def test_jsonl_missing_file(tmp_path: Path) -> None:
    """A missing actions file raises FileReadError."""
    with pytest.raises(FileReadError, match="no such file"):
        load_actions(tmp_path / "none.jsonl")


def test_jsonl_not_utf8(tmp_path: Path) -> None:
    """An actions file that is not UTF-8 raises FileReadError."""
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"goal": "g", "description": "\xff"}\n')
    with pytest.raises(FileReadError, match="not UTF-8"):
        load_actions(path)


@given(mst.cases())
def test_severity_is_between_0_and_1(case: Case) -> None:
    """Every severity lies in [0, 1] for any valid case."""
    for discrepancy in find_discrepancies(case):
        assert 0 <= discrepancy.severity <= 1


@given(mst.cases())
def test_list_is_sorted_by_severity(case: Case) -> None:
    """The list is sorted most severe first for any valid case."""
    severities = [d.severity for d in find_discrepancies(case)]
    assert severities == sorted(severities, reverse=True)


@given(mst.cases(max_actions=20), st.randoms(use_true_random=False))
def test_order_of_actions_does_not_matter(case: Case, random) -> None:
    """Shuffling the actions never changes the result."""
    shuffled = list(case.actions)
    random.shuffle(shuffled)
    assert find_discrepancies(case, actions=shuffled) == find_discrepancies(case)


def _favourable(goal: Goal, when: dt.date | None) -> Action:
    """An action at the target, or a stated step toward a goal without one."""
    if goal.measured:
        return Action(goal=goal.id, description="met the target", when=when, amount=goal.target)
    return Action(goal=goal.id, description="took a step", when=when, effect="toward")


def _gap(found: list[Discrepancy], goal_id: str) -> float:
    return max(
        (
            d.severity
            for d in found
            if d.goal.id == goal_id and d.kind is DiscrepancyKind.BEHAVIOR_GAP
        ),
        default=0.0,
    )


@given(mst.cases(max_actions=20), st.data())
def test_a_step_in_the_goals_favour_never_raises_its_gap(case: Case, data: st.DataObject) -> None:
    """An action at the target (or toward), undated or on the latest day, never raises the gap."""
    if not case.goals:
        return
    goal = data.draw(st.sampled_from(case.goals))
    days = [a.when.toordinal() for a in case.actions if a.when is not None]
    latest = dt.date.fromordinal(max(days)) if days else DAY
    when = data.draw(st.sampled_from([None, latest]))
    before = _gap(find_discrepancies(case), goal.id)
    after_case = attrs.evolve(case, actions=(*case.actions, _favourable(goal, when)))
    assert _gap(find_discrepancies(after_case), goal.id) <= before


def test_value_field_is_validated() -> None:
    """A Discrepancy refuses a severity outside [0, 1]."""
    with pytest.raises(ValidationError, match="severity: must be a number from 0 to 1"):
        Discrepancy(
            kind=DiscrepancyKind.BIG_LEAP,
            goal=SMOKING,
            severity=1.5,
            strategy=Strategy.SMALL_STEPS,
            summary="",
        )


def test_value_conflict_uses_case_values() -> None:
    """The value conflict is found for a goal serving a value from the case's list."""
    goal = attrs.evolve(SMOKING, values=[Value("health")])
    found = find_discrepancies(case_of(goal, actions=[smoked(0, 25, Effect.AWAY)]))
    assert "'health'" in one(found, DiscrepancyKind.VALUE_CONFLICT).summary


def test_streaming_memory_does_not_grow_with_actions() -> None:
    """Streaming 40,000 actions keeps peak memory far below what holding them would take."""
    import tracemalloc

    def stream(n: int):
        for i in range(n):
            yield Action(
                goal="smoking",
                description="smoked",
                when=DAY + dt.timedelta(days=i % 400),
                amount=i % 30,
                effect=(Effect.AWAY, Effect.TOWARD, None)[i % 3],
            )

    tracemalloc.start()
    try:
        find_discrepancies(case_of(SMOKING), actions=stream(40_000))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # 40,000 Action objects alone take well over 10 MB; the tally needs a few KB.
    assert peak < 1_000_000


def test_non_case_is_refused() -> None:
    """Something other than a Case raises ValidationError."""
    with pytest.raises(ValidationError, match="case: must be a Case, got dict"):
        find_discrepancies({"goals": []})  # type: ignore[arg-type]
