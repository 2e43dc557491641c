"""Discrepancy detection: where a client's actions and words sit apart from their goals.

The actions are read in one pass by a tally per goal that keeps only counts, exact
integer sums and a few actions for evidence. The work is linear in the number of
actions, the memory proportional to the number of goals, and the order of the
actions never changes the result (sums of integers do not depend on their order,
and the evidence kept is chosen by a total order on the actions).
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Iterable, Sequence
from typing import cast

import attrs

from mikit.analysis.topics import talk_about
from mikit.errors import ValidationError
from mikit.models import Action, Case, Direction, Effect, Goal, Period, Source, Talk, Utterance
from mikit.models.analysis import (
    Discrepancy,
    DiscrepancyKind,
    GoalProgress,
    Strategy,
    Trend,
)
from mikit.models.case import did_you_mean

__all__ = ["EVIDENCE_ACTIONS", "STRATEGIES", "find_discrepancies"]

EVIDENCE_ACTIONS = 5
"""How many actions a discrepancy keeps as evidence (the most recent ones)."""

STRATEGIES: dict[DiscrepancyKind, Strategy] = {
    DiscrepancyKind.BEHAVIOR_GAP: Strategy.DEVELOP_DISCREPANCY,
    DiscrepancyKind.VALUE_CONFLICT: Strategy.EXPLORE_VALUES,
    DiscrepancyKind.CONFIDENCE_GAP: Strategy.SUPPORT_SELF_EFFICACY,
    DiscrepancyKind.EXTERNAL_GOAL: Strategy.EXPLORE_OWNERSHIP,
    DiscrepancyKind.BIG_LEAP: Strategy.SMALL_STEPS,
    DiscrepancyKind.AMBIVALENCE: Strategy.EXPLORE_AMBIVALENCE,
}
"""The MI strategy suggested for each kind of discrepancy."""

_KIND_ORDER = {kind: i for i, kind in enumerate(DiscrepancyKind)}

# Amounts are summed as integers of millionths, so sums are exact and order-free.
_SCALE = 1_000_000
_EXACT_LIMIT = 1e12
# Day numbers count from a fixed epoch to keep the integer sums small.
_EPOCH = dt.date(2000, 1, 1).toordinal()
_UNDATED = -(10**9)
_PERIOD_DAYS = {Period.DAY: 1, Period.WEEK: 7, Period.MONTH: 30}
# A shortfall below this share of the gap counts as on track.
_ON_TRACK = 0.05
# A fitted change below this share of the gap counts as a flat trend.
_FLAT = 0.05
# How much of the severity a trend that closes the whole gap takes away.
_TREND_RELIEF = 0.5
_AMBIVALENCE_WEIGHT = 0.6
_BIG_STEP = 0.5
_LOW_CONFIDENCE = 5


def _quantize(amount: float) -> int:
    if isinstance(amount, int):
        return amount * _SCALE
    if amount < _EXACT_LIMIT:
        return round(amount * _SCALE)
    return int(amount) * _SCALE


def _rounded(amount: float | None) -> float | None:
    return None if amount is None else _quantize(amount) / _SCALE


class _Ranked:
    """An action with its sort key; compares by key only."""

    __slots__ = ("action", "key")

    def __init__(self, key: tuple[object, ...], action: Action) -> None:
        self.key = key
        self.action = action

    def __lt__(self, other: _Ranked) -> bool:
        return self.key < other.key


def _rank_key(action: Action, day: int) -> tuple[object, ...]:
    """A total order on actions: by time, then by every other field."""
    when = action.when
    seconds = -1
    offset = -1.0
    if isinstance(when, dt.datetime):
        seconds = when.hour * 3600 + when.minute * 60 + when.second
        seconds = seconds * 1_000_000 + when.microsecond
        utc = when.utcoffset()
        offset = -2.0 if utc is None else utc.total_seconds()
    amount = -1.0 if action.amount is None else action.amount
    effect = "" if action.effect is None else action.effect.value
    return (day, seconds, offset, action.description, amount, effect)


_NO_FLOOR = _UNDATED - 1


def _keep(heap: list[_Ranked], action: Action, day: int) -> int:
    """Keep *action* in *heap* if it is among the most recent few.

    Returns:
        The day below which no later action can enter the heap.
    """
    item = _Ranked(_rank_key(action, day), action)
    if len(heap) < EVIDENCE_ACTIONS:
        heapq.heappush(heap, item)
    elif heap[0] < item:
        heapq.heapreplace(heap, item)
    return heap[0].key[0] if len(heap) >= EVIDENCE_ACTIONS else _NO_FLOOR  # type: ignore[return-value]


def _recent(heap: list[_Ranked]) -> tuple[Action, ...]:
    return tuple(r.action for r in sorted(heap, key=lambda r: r.key, reverse=True))


class _GoalTally:
    """One pass over a goal's actions: counts, exact sums and a few recent actions."""

    __slots__ = (
        "away",
        "away_floor",
        "away_heap",
        "day_max",
        "day_min",
        "goal",
        "latest_floor",
        "latest_heap",
        "lower_is_better",
        "measure",
        "n_dated",
        "n_plain",
        "n_undated",
        "reference",
        "sum_d",
        "sum_dd",
        "sum_dq",
        "sum_q_dated",
        "sum_q_undated",
        "toward",
        "toward_floor",
        "toward_heap",
    )

    def __init__(self, goal: Goal) -> None:
        self.goal = goal
        # Amounts are compared as summed: rounded to millionths, like the actions'.
        self.measure = attrs.evolve(
            goal, baseline=_rounded(goal.baseline), target=_rounded(goal.target)
        )
        goal = self.measure
        self.n_plain = 0
        self.n_undated = 0
        self.sum_q_undated = 0
        self.toward = 0
        self.away = 0
        self.n_dated = 0
        self.sum_d = 0
        self.sum_dd = 0
        self.sum_q_dated = 0
        self.sum_dq = 0
        self.day_min = 0
        self.day_max = 0
        self.away_heap: list[_Ranked] = []
        self.away_floor = _NO_FLOOR
        self.toward_heap: list[_Ranked] = []
        self.toward_floor = _NO_FLOOR
        self.latest_heap: list[_Ranked] = []
        self.latest_floor = _NO_FLOOR
        reference = goal.baseline if goal.baseline is not None else goal.target
        if goal.direction is Direction.MAINTAIN and goal.target is not None:
            reference = goal.target
        self.reference: float = 0.0 if reference is None else reference
        self.lower_is_better: bool | None = None
        if reference is not None and goal.direction is not None:
            self.lower_is_better = goal.direction is Direction.DECREASE

    def add(self, action: Action) -> None:  # noqa: C901, PLR0912 - the hot loop, kept inline
        """Count *action*; the hot loop, so the work is written out inline."""
        when = action.when
        day = _UNDATED if when is None else when.toordinal() - _EPOCH
        amount = action.amount
        effect = action.effect
        if amount is None:
            self.n_plain += 1
        else:
            q = amount * _SCALE if type(amount) is int else _quantize(amount)
            if when is None:
                self.n_undated += 1
                self.sum_q_undated += q
            else:
                if not self.n_dated:
                    self.day_min = self.day_max = day
                elif day < self.day_min:
                    self.day_min = day
                elif day > self.day_max:
                    self.day_max = day
                self.n_dated += 1
                self.sum_d += day
                self.sum_dd += day * day
                self.sum_q_dated += q
                self.sum_dq += day * q
            if day >= self.latest_floor:
                self.latest_floor = _keep(self.latest_heap, action, day)
            if effect is None and self.lower_is_better is not None:
                effect = self._effect_of(amount)
        if effect is Effect.AWAY:
            self.away += 1
            if day >= self.away_floor:
                self.away_floor = _keep(self.away_heap, action, day)
        elif effect is Effect.TOWARD:
            self.toward += 1
            if day >= self.toward_floor:
                self.toward_floor = _keep(self.toward_heap, action, day)

    def _effect_of(self, amount: float) -> Effect | None:
        """The effect an amount has against the baseline (or the target without one).

        Decrease: below the baseline is toward, above it away; increase the other way
        round; maintain: exactly the target is toward.
        """
        reference = self.reference
        if self.lower_is_better:
            if amount < reference:
                return Effect.TOWARD
            return Effect.AWAY if amount > reference else None
        if self.goal.direction is Direction.INCREASE:
            if amount > reference:
                return Effect.TOWARD
            return Effect.AWAY if amount < reference else None
        return Effect.TOWARD if amount == reference else None

    def progress(self) -> GoalProgress:
        """The counts and statistics, with the trend read against the goal."""
        amounts = self.n_dated + self.n_undated
        total = self.sum_q_dated + self.sum_q_undated
        mean = None if not amounts else total / (amounts * _SCALE)
        slope = trend = improving = None
        span = self.day_max - self.day_min if self.n_dated else 0
        denominator = self.n_dated * self.sum_dd - self.sum_d * self.sum_d
        if self.n_dated >= 2 and denominator > 0:
            numerator = self.n_dated * self.sum_dq - self.sum_d * self.sum_q_dated
            per_day = numerator / (denominator * _SCALE)
            days = _PERIOD_DAYS.get(self.goal.per, 1) if self.goal.per else 1
            slope = per_day * days
            scale = _gap_scale(self.measure, mean)
            change = per_day * span / scale
            trend = Trend.FLAT
            if change > _FLAT:
                trend = Trend.RISING
            elif change < -_FLAT:
                trend = Trend.FALLING
            improving = _improving(self.measure, mean, trend)
        return GoalProgress(
            actions=amounts + self.n_plain,
            toward=self.toward,
            away=self.away,
            amounts=amounts,
            mean=mean,
            slope=slope,
            trend=trend,
            improving=improving,
            span_days=span,
        )

    def fitted_change(self) -> float:
        """The least-squares change in the amount over the dated span (0 without one)."""
        denominator = self.n_dated * self.sum_dd - self.sum_d * self.sum_d
        if self.n_dated < 2 or denominator <= 0:
            return 0.0
        numerator = self.n_dated * self.sum_dq - self.sum_d * self.sum_q_dated
        return numerator * (self.day_max - self.day_min) / (denominator * _SCALE)


def _gap_scale(goal: Goal, mean: float | None) -> float:
    """The size of the whole gap that shortfalls and trends are measured against."""
    target = goal.target
    baseline = goal.baseline
    if target is not None and baseline is not None and baseline != target:
        return abs(baseline - target)
    candidates = [abs(x) for x in (target, mean) if x is not None]
    return max([*candidates, 1.0])


def _improving(goal: Goal, mean: float | None, trend: Trend) -> bool | None:
    if goal.target is None or goal.direction is None or trend is Trend.FLAT:
        return None if goal.target is None else False
    if goal.direction is Direction.DECREASE:
        return trend is Trend.FALLING
    if goal.direction is Direction.INCREASE:
        return trend is Trend.RISING
    below = mean is not None and mean < goal.target
    return (trend is Trend.RISING) == below


def _shortfall(goal: Goal, mean: float) -> float:
    """How far the mean amount is from the target, as a share of the gap (0..1).

    With a baseline, the gap runs from the baseline to the target; without one, it
    runs from the target to the mean (increase: to zero). A mean at or beyond the
    target gives 0; a mean at or past the baseline gives 1.
    """
    target = goal.target
    if target is None or goal.direction is None:
        return 0.0
    baseline = goal.baseline
    has_scale = baseline is not None and baseline != target
    if goal.direction is Direction.DECREASE:
        if mean <= target:
            return 0.0
        scale = baseline - target if has_scale else mean  # type: ignore[operator]
    elif goal.direction is Direction.INCREASE:
        if mean >= target:
            return 0.0
        scale = target - baseline if has_scale else target  # type: ignore[operator]
    else:
        scale = max(target, mean)
        if scale == 0:
            return 0.0
    return min(1.0, abs(mean - target) / scale)


def _behavior_gap(tally: _GoalTally, progress: GoalProgress) -> Discrepancy | None:
    """The behaviour gap of a goal, measured or by effect.

    Measured (the goal has a direction and a target, and actions carry amounts)::

        severity = shortfall(mean) * (1 - 0.5 * relief)

    where ``relief`` is the least-squares change over the dated span toward the
    target, as a share of the gap, clipped to 0..1: a trend that closes the whole
    gap halves the severity; a trend away from the target adds nothing. A shortfall
    under 5 % of the gap counts as on track.

    By effect (no amounts)::

        severity = (away - toward) / (away + toward + 2)     when away > toward

    so a single step away weighs 1/3, and every step toward lowers it.
    """
    goal = tally.goal
    if goal.measured and progress.mean is not None:
        shortfall = _shortfall(tally.measure, progress.mean)
        if shortfall < _ON_TRACK:
            return None
        scale = _gap_scale(tally.measure, progress.mean)
        change = tally.fitted_change()
        toward_target = change if (tally.measure.target or 0) > progress.mean else -change
        relief = min(1.0, max(0.0, toward_target / scale))
        severity = shortfall * (1 - _TREND_RELIEF * relief)
        evidence = _recent(tally.latest_heap)
        summary = _measured_summary(goal, progress)
    else:
        if progress.away <= progress.toward:
            return None
        severity = (progress.away - progress.toward) / (progress.away + progress.toward + 2)
        evidence = _recent(tally.away_heap)
        summary = (
            f"{progress.away} of {_count(progress.actions, 'action')} moved away from "
            f"'{goal.statement}', {progress.toward} toward it"
        )
    return _discrepancy(DiscrepancyKind.BEHAVIOR_GAP, goal, severity, summary, evidence, progress)


def _number(x: float) -> str:
    return f"{x:.3g}" if abs(x) < 1000 else f"{x:,.0f}"


def _measured_summary(goal: Goal, progress: GoalProgress) -> str:
    assert progress.mean is not None
    unit = f" {goal.unit}" if goal.unit else ""
    if progress.mean == 1 and unit.endswith("s") and not unit.endswith("ss"):
        unit = unit[:-1]
    per = f" per {goal.per}" if goal.per else ""
    assert goal.target is not None
    text = (
        f"averaged {_number(progress.mean)}{unit}{per} against a target of {_number(goal.target)}"
    )
    if goal.baseline is not None:
        text += f" (baseline {_number(goal.baseline)})"
    if progress.trend is not None and progress.slope is not None:
        word = {True: "improving", False: "not improving", None: "steady"}[progress.improving]
        text += f"; {progress.trend} by {_number(abs(progress.slope))}{per} ({word})"
    return text


def _value_conflict(tally: _GoalTally, progress: GoalProgress) -> Discrepancy | None:
    """Actions that undermine a goal serving a value the client named.

    ``severity = weight * away / (away + toward + 1)``, with
    ``weight = 0.5 + importance / 20`` (0.75 when importance is unknown): one step
    away from a goal of importance 10 weighs 0.5.
    """
    goal = tally.goal
    if not goal.values or progress.away == 0:
        return None
    weight = 0.75 if goal.importance is None else 0.5 + goal.importance / 20
    severity = weight * progress.away / (progress.away + progress.toward + 1)
    values = ", ".join(f"'{value}'" for value in goal.values)
    summary = (
        f"{_count(progress.away, 'action')} moved away from '{goal.statement}', "
        f"which serves {values}"
    )
    return _discrepancy(
        DiscrepancyKind.VALUE_CONFLICT, goal, severity, summary, _recent(tally.away_heap), progress
    )


def _confidence_gap(tally: _GoalTally, progress: GoalProgress) -> Discrepancy | None:
    """Importance of 7 or more with confidence of 4 or less.

    ``severity = (importance - confidence) / 10`` (0.3 to 1). The evidence is the
    most recent steps toward the goal: past successes to build on.
    """
    goal = tally.goal
    if goal.importance is None or goal.confidence is None:
        return None
    if goal.importance < 7 or goal.confidence > 4:
        return None
    severity = (goal.importance - goal.confidence) / 10
    summary = f"importance {goal.importance}/10 but confidence {goal.confidence}/10"
    return _discrepancy(
        DiscrepancyKind.CONFIDENCE_GAP,
        goal,
        severity,
        summary,
        _recent(tally.toward_heap),
        progress,
    )


_SOURCE_WEIGHT = {Source.OTHER: 0.6, Source.SHOULD: 0.5}


def _external_goal(tally: _GoalTally, progress: GoalProgress) -> Discrepancy | None:
    """A goal that is someone else's or a "should", or of low importance (<= 3).

    ``severity = 1 - (1 - s) * (1 - i)`` where ``s`` is 0.6 for another's goal,
    0.5 for a "should" and 0 otherwise, and ``i = 0.15 * (4 - importance)`` when
    importance is 3 or less (0.15 at 3, 0.6 at 0) and 0 otherwise.
    """
    goal = tally.goal
    source = _SOURCE_WEIGHT.get(goal.source, 0.0) if goal.source else 0.0
    low = 0.0
    if goal.importance is not None and goal.importance <= 3:
        low = 0.15 * (4 - goal.importance)
    if source == 0 and low == 0:
        return None
    severity = 1 - (1 - source) * (1 - low)
    parts = []
    if source:
        parts.append(f"the goal is marked as '{goal.source}'")
    if low:
        parts.append(f"importance is {goal.importance}/10")
    return _discrepancy(
        DiscrepancyKind.EXTERNAL_GOAL, goal, severity, " and ".join(parts), (), progress
    )


def _big_leap(tally: _GoalTally, progress: GoalProgress) -> Discrepancy | None:
    """A target far from the baseline in one step, with confidence of 5 or less.

    The step is ``|target - baseline| / max(target, baseline)`` (1 for quitting
    outright or starting from zero); it counts as big at 0.5 or more.
    ``severity = step * (1 - confidence / 10)``.
    """
    goal = tally.goal
    if goal.baseline is None or goal.target is None or goal.confidence is None:
        return None
    if goal.direction not in (Direction.INCREASE, Direction.DECREASE):
        return None
    top = max(goal.baseline, goal.target)
    if top == 0 or goal.confidence > _LOW_CONFIDENCE:
        return None
    step = abs(goal.target - goal.baseline) / top
    if step < _BIG_STEP:
        return None
    severity = step * (1 - goal.confidence / 10)
    unit = f" {goal.unit}" if goal.unit else ""
    summary = (
        f"from {_number(goal.baseline)} to {_number(goal.target)}{unit} in one step, "
        f"with confidence {goal.confidence}/10"
    )
    return _discrepancy(DiscrepancyKind.BIG_LEAP, goal, severity, summary, (), progress)


def _client_talk(case: Case) -> dict[str, tuple[list[Utterance], list[Utterance]]]:
    """The change and sustain talk about each goal, coded against that goal."""
    from mikit.coding import code_client

    goals = {goal.id: goal for goal in case.goals}
    talk: dict[str, tuple[list[Utterance], list[Utterance]]] = {gid: ([], []) for gid in goals}
    for utterance, previous, about in talk_about(case.transcript, case.goals):
        for gid in about:
            code = code_client(utterance.text, target=goals[gid], previous=previous)
            if code.talk is Talk.CHANGE:
                talk[gid][0].append(utterance)
            elif code.talk is Talk.SUSTAIN:
                talk[gid][1].append(utterance)
    return talk


def _ambivalence(
    tally: _GoalTally,
    progress: GoalProgress,
    change: Sequence[Utterance],
    sustain: Sequence[Utterance],
) -> Discrepancy | None:
    """Change and sustain talk about the goal in the same transcript.

    ``severity = 0.6 * 2 * min(change, sustain) / (change + sustain)``: evenly
    balanced talk weighs 0.6, one sustain utterance against five change ones 0.2.
    """
    if not change or not sustain:
        return None
    goal = tally.goal
    c, s = len(change), len(sustain)
    severity = _AMBIVALENCE_WEIGHT * 2 * min(c, s) / (c + s)
    summary = (
        f"{_count(c, 'change talk utterance')} and {s} of sustain talk about '{goal.statement}'"
    )
    return _discrepancy(
        DiscrepancyKind.AMBIVALENCE, goal, severity, summary, (), progress, (*sustain, *change)
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _discrepancy(  # noqa: PLR0913, PLR0917 - one place that builds every kind
    kind: DiscrepancyKind,
    goal: Goal,
    severity: float,
    summary: str,
    actions: tuple[Action, ...],
    progress: GoalProgress,
    utterances: tuple[Utterance, ...] = (),
) -> Discrepancy:
    return Discrepancy(
        kind=kind,
        goal=goal,
        severity=round(min(1.0, max(0.0, severity)), 4),
        strategy=STRATEGIES[kind],
        summary=summary,
        actions=actions,
        utterances=utterances,
        progress=progress,
    )


_DETECTORS = (_behavior_gap, _value_conflict, _confidence_gap, _external_goal, _big_leap)


def find_discrepancies(case: Case, *, actions: Iterable[Action] | None = None) -> list[Discrepancy]:
    """Find where the client's actions and words sit apart from their goals.

    Every goal is checked for each :class:`~mikit.DiscrepancyKind`; the severity
    formulas are in the docstrings of this module's detectors. A goal on track
    yields nothing, and so does an empty case.

    The actions are read once, in any order, keeping per goal only counts, exact
    sums and a few recent actions as evidence: time is linear in the number of
    actions and memory proportional to the number of goals, so *actions* may be a
    stream (such as :func:`mikit.io.actions.iter_actions`).

    Args:
        case: The case: goals, values, actions and transcript.
        actions: Actions to read instead of ``case.actions``; any iterable.

    Returns:
        The discrepancies, most severe first; ties keep goal order, then the order
        of :class:`~mikit.DiscrepancyKind`.

    Raises:
        ValidationError: If *case* is not a Case, or an action in *actions* is not an
            :class:`~mikit.Action` or names a goal the case does not have (the
            message gives its position).

    Example:
        >>> from mikit import Case, Goal
        >>> goal = Goal(id="walk", statement="walk more", importance=9, confidence=2)
        >>> [d.kind.value for d in find_discrepancies(Case(goals=[goal]))]
        ['confidence_gap']
    """
    given: object = case  # callers without a type checker may pass anything
    if not isinstance(given, Case):
        msg = f"must be a Case, got {type(given).__name__}"
        raise ValidationError("case", msg)
    tallies = {goal.id: _GoalTally(goal) for goal in case.goals}
    stream = case.actions if actions is None else actions
    adders = {goal_id: tally.add for goal_id, tally in tallies.items()}
    for i, item in enumerate(cast("Iterable[object]", stream)):
        add = adders.get(item.goal) if isinstance(item, Action) else None
        if add is None:
            raise _bad_action(i, item, tallies)
        add(item)  # type: ignore[arg-type]
    talk = _client_talk(case)
    found: list[tuple[float, int, int, Discrepancy]] = []
    for index, tally in enumerate(tallies.values()):
        progress = tally.progress()
        change, sustain = talk[tally.goal.id]
        ambivalence = _ambivalence(tally, progress, change, sustain)
        words = tuple(change)
        for detect in _DETECTORS:
            discrepancy = detect(tally, progress)
            if discrepancy is None:
                continue
            if words and discrepancy.kind in _WITH_WORDS:
                discrepancy = _with_words(discrepancy, words)
            found.append((-discrepancy.severity, index, _KIND_ORDER[discrepancy.kind], discrepancy))
        if ambivalence is not None:
            found.append((-ambivalence.severity, index, _KIND_ORDER[ambivalence.kind], ambivalence))
    found.sort(key=lambda item: item[:3])
    return [item[3] for item in found]


_WITH_WORDS = frozenset(
    {DiscrepancyKind.BEHAVIOR_GAP, DiscrepancyKind.VALUE_CONFLICT, DiscrepancyKind.CONFIDENCE_GAP}
)


def _with_words(discrepancy: Discrepancy, words: tuple[Utterance, ...]) -> Discrepancy:
    return attrs.evolve(discrepancy, utterances=words)


def _bad_action(index: int, action: object, tallies: dict[str, _GoalTally]) -> ValidationError:
    if not isinstance(action, Action):
        msg = f"must be an Action, got {type(action).__name__}"
        return ValidationError(f"actions[{index}]", msg)
    msg = f"no goal has the id {action.goal!r}{did_you_mean(action.goal, tallies)}"
    return ValidationError(f"actions[{index}].goal", msg)
