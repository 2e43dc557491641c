"""Change plans: a worksheet for one goal, filled from what the case holds.

The worksheet follows the change plan of MI's planning process: the changes I want
to make, my reasons, the steps, how others can help, how I'll know it's working,
what could get in the way and what I'll do if it isn't working. Each section is
filled from the case (the goal, its values and rulers, the actions, and the client's
own words about the goal); a section the case holds nothing for keeps its prompt,
which the rendered worksheet marks clearly. Every step carries a confidence ruler
question. The titles, prompts and phrases are data (``mikit/data/plan``).

The plan composes ruler questions and templates, so it lives with the generators.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from importlib import resources
from typing import Any

from mikit.analysis.topics import talk_about
from mikit.coding import code_client
from mikit.errors import ValidationError
from mikit.models import Action, Case, Direction, Effect, Goal, Talk, TalkKind
from mikit.models.analysis import ChangePlan, PlanSection, PlanStep
from mikit.oars.questions import ruler_question
from mikit.templating import render

__all__ = ["MAX_ITEMS", "change_plan"]

MAX_ITEMS = 5
"""The most items a section takes from the case."""

_RECALLED = 3
_REASON_KINDS = frozenset({TalkKind.DESIRE, TalkKind.REASONS, TalkKind.NEED})


@cache
def _data() -> dict[str, Any]:
    path = resources.files("mikit").joinpath("data", "plan", "sections.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _phrase(key: str, **values: object) -> str:
    template: str = _data()["phrases"][key]
    return template.format(**values)


def _number(x: float) -> str:
    return f"{x:g}" if abs(x) < 1e6 else f"{x:,.0f}"


def _first_amount(goal: Goal) -> float | None:
    """A first step a quarter of the way from the baseline to the target (at least 1)."""
    if goal.baseline is None or goal.target is None or goal.direction is None:
        return None
    gap = abs(goal.target - goal.baseline)
    if gap == 0 or goal.direction is Direction.MAINTAIN:
        return goal.target
    step = max(1.0, float(round(gap / 4))) if gap >= 1 else gap / 2
    step = min(step, gap)
    if goal.direction is Direction.DECREASE:
        return goal.baseline - step
    return goal.baseline + step


def _unit(goal: Goal, amount: float | None = None) -> tuple[str, str]:
    """The unit and period as phrase endings; "1 walks" loses its plural "s"."""
    unit = f" {goal.unit}" if goal.unit else ""
    if amount == 1 and unit.endswith("s") and not unit.endswith("ss"):
        unit = unit[:-1]
    per = f" a {goal.per}" if goal.per else ""
    return unit, per


def _quote(text: str) -> str:
    return _phrase("quoted", text=" ".join(text.split()))


def _words(case: Case, goal: Goal) -> tuple[list[str], list[str]]:
    """The client's reasons (change talk of DARN kinds) and sustain talk about *goal*."""
    reasons: list[str] = []
    sustain: list[str] = []
    for utterance, previous, about in talk_about(case.transcript, case.goals):
        if goal.id not in about or not utterance.text.strip():
            continue
        code = code_client(utterance.text, target=goal, previous=previous)
        if code.talk is Talk.CHANGE and code.kind in _REASON_KINDS:
            reasons.append(_quote(utterance.text))
        elif code.talk is Talk.SUSTAIN:
            sustain.append(_quote(utterance.text))
    return reasons[:MAX_ITEMS], sustain[:MAX_ITEMS]


def _changes(goal: Goal) -> list[str]:
    text = goal.statement.strip()
    if goal.measured and goal.baseline is not None and goal.target is not None:
        unit, per = _unit(goal)
        text += f": from {_number(goal.baseline)} to {_number(goal.target)}{unit}{per}"
    return [text]


def _first_step(goal: Goal) -> str | None:
    """A small first step for a measured goal, as a verb phrase."""
    first = _first_amount(goal)
    if first is None or goal.direction is None:
        return None
    unit, per = _unit(goal, first)
    key = f"first_step_{goal.direction.value}"
    return _phrase(key, amount=_number(first), unit=unit, per=per)


def _signs(goal: Goal, has_actions: bool) -> list[str]:
    signs: list[str] = []
    if goal.measured and goal.direction is not None and goal.target is not None:
        unit = goal.unit or _phrase("amount_unit")
        per = f" per {goal.per}" if goal.per else ""
        baseline = "where I started" if goal.baseline is None else _number(goal.baseline)
        key = f"sign_{goal.direction.value}"
        signs.append(
            _phrase(key, unit=unit, per=per, baseline=baseline, target=_number(goal.target))
        )
    if has_actions:
        signs.append(_phrase("sign_actions"))
    return signs


def _section(key: str, items: list[str]) -> PlanSection:
    for spec in _data()["sections"]:
        if spec["key"] == key:
            return PlanSection(key=key, title=spec["title"], items=items, prompt=spec["prompt"])
    msg = f"no plan section {key!r}"  # pragma: no cover - the data file lists every key
    raise ValidationError("sections", msg)  # pragma: no cover


def change_plan(case: Case, goal_id: str) -> ChangePlan:
    """A change-plan worksheet for the goal *goal_id*, filled from *case*.

    Sections the case holds nothing for keep their prompt (``section.filled`` is
    False), and the rendered worksheet marks them "(to fill in)". The first step of
    a measured goal is a quarter of the way from the baseline to the target (at
    least one unit); steps that worked before (actions toward the goal) follow.

    Args:
        case: The case.
        goal_id: The id of the goal to plan for.

    Returns:
        The worksheet; render it with :meth:`~mikit.ChangePlan.to_text` or
        :meth:`~mikit.ChangePlan.to_markdown`.

    Raises:
        GoalNotFoundError: If the case has no goal with that id.
        ValidationError: If *case* is not a Case or *goal_id* is not a string.

    >>> from mikit import Case, Goal
    >>> goal = Goal(id="walk", statement="walk three times a week", unit="walks",
    ...             per="week", direction="increase", baseline=0, target=3)
    >>> plan = change_plan(Case(goals=[goal]), "walk")
    >>> [step.text for step in plan.steps]
    ['get to 1 walk a week']
    >>> plan.section("support").filled
    False
    """
    given: tuple[object, object] = (case, goal_id)  # callers may pass anything
    if not isinstance(given[0], Case):
        msg = f"must be a Case, got {type(given[0]).__name__}"
        raise ValidationError("case", msg)
    if not isinstance(given[1], str):
        msg = f"must be a string, got {type(given[1]).__name__}"
        raise ValidationError("goal_id", msg)
    goal = case.goal(goal_id)
    actions = list(case.actions_for(goal.id))
    toward = _recent_descriptions(actions, Effect.TOWARD)
    away = _recent_descriptions(actions, Effect.AWAY)
    reasons, sustain = _words(case, goal)
    reason_items = [*reasons]
    if goal.values:
        reason_items.insert(0, _phrase("serves", values=", ".join(v.name for v in goal.values)))
    if goal.importance is not None:
        reason_items.append(_phrase("importance", score=int(goal.importance)))
    first = _first_step(goal)
    step_texts = ([first] if first else []) + [_phrase("repeat", deed=d) for d in toward]
    step_texts = step_texts[:MAX_ITEMS]
    again = render("en/plan/again_ruler.j2")
    steps = tuple(
        PlanStep(
            text=text,
            confidence_question=ruler_question(text, "confidence") if text == first else again,
        )
        for text in step_texts
    )
    has_actions = bool(actions)
    sections = (
        _section("changes", _changes(goal)),
        _section("reasons", reason_items[:MAX_ITEMS]),
        _section("steps", step_texts),
        _section("support", []),
        _section("signs", _signs(goal, has_actions)),
        _section("obstacles", [*(_phrase("obstacle_action", deed=d) for d in away), *sustain]),
        _section("fallback", [_phrase("fallback_helped", deed=d) for d in toward[:1]]),
    )
    return ChangePlan(goal=goal, sections=sections, steps=steps)


def _recent_descriptions(actions: list[Action], effect: Effect) -> list[str]:
    """Distinct descriptions of the most recent actions stated to have *effect*."""
    chosen = sorted((a for a in actions if a.effect is effect), key=_when_key, reverse=True)
    kept: list[str] = []
    for action in chosen:
        if action.description not in kept:
            kept.append(action.description)
    return kept[:_RECALLED]


def _when_key(action: Action) -> tuple[int, float]:
    when = action.when
    if when is None:
        return (-1, 0.0)
    seconds = 0.0
    if isinstance(when, dt.datetime):
        seconds = when.hour * 3600 + when.minute * 60 + when.second + when.microsecond / 1e6
    return (when.toordinal(), seconds)
