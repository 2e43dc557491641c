"""Affirmations: statements about the client's efforts, strengths and successes.

An affirmation is about the client ("You went for a run instead of a cigarette; that
took determination."), never the counsellor's praise ("I'm proud of you"). It is
built from an action that moved toward a goal: one whose effect is ``toward``, or,
in a case with a measured goal, whose amount moved toward the target.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, cast

from mikit.errors import ValidationError
from mikit.models import Action, Case, Direction, Effect, Goal
from mikit.oars._clauses import lexicon, lower_first, shifted, words_lower
from mikit.oars._goals import goal_phrase
from mikit.templating import default_engine

__all__ = ["affirm", "affirmations", "deed"]

_DROP = str.maketrans("", "", "?\uff1f\u00bf")
_TRAILING = " .!,;:\u2026"
_HAD_OPENERS = frozenset({"no", "a", "an", "the", "some", "one", "two", "three", "only", "fewer"})


def _is_past(word: str) -> bool:
    data = lexicon()
    if word in data["past_irregular"]:
        return True
    return len(word) > 3 and word.endswith("ed") and word not in data["not_past"]


def deed(description: str) -> str:
    """An action description as a statement about the client, without final punctuation.

    Past-tense phrases take "You" ("went for a run" -> "You went for a run"); phrases
    such as "no cigarettes before lunch" take "You had"; other phrases are quoted
    after "You managed this:". First-person words are turned to the second person.

    Args:
        description: What the client did, as written in the case.

    Returns:
        The statement, starting with "You".

    >>> deed("went for a run instead of a cigarette")
    'You went for a run instead of a cigarette'
    >>> deed("no cigarettes before lunch")
    'You had no cigarettes before lunch'
    """
    text = " ".join(description.translate(_DROP).split()).strip(_TRAILING)
    phrase = shifted(text)
    words = words_lower(phrase)
    if not words:
        return f"You managed this: {phrase}" if phrase else "You made an effort"
    first = words[0]
    if first in {"you", "you've", "you\u2019ve"} and phrase[:3].lower() == "you":
        return "You" + phrase[3:]  # "YOU" or "you" alike open as "You"
    phrase = lower_first(phrase)
    if _is_past(first):
        return f"You {phrase}"
    if first in _HAD_OPENERS or phrase[:1].isdigit():
        return f"You had {phrase}"
    return f"You managed this: {phrase}"


def _closer(goal: Goal, amount: float, before: float) -> bool:
    if goal.direction is Direction.DECREASE:
        return amount < before
    if goal.direction is Direction.INCREASE:
        return amount > before
    if goal.direction is Direction.MAINTAIN and goal.target is not None:
        return abs(amount - goal.target) < abs(before - goal.target)
    return False


def _number(value: float) -> str:
    return f"{value:g}"


def _amounts(goal: Goal, start: float, amount: float) -> str:
    unit = f" {goal.unit}" if goal.unit else ""
    per = f" a {goal.per}" if goal.per else ""
    return f"from {_number(start)} to {_number(amount)}{unit}{per}"


_Step = tuple[int, Action, "str | None"]


def _recency(item: _Step) -> tuple[dt.date, int]:
    """The date of an action (the earliest date if unknown), then its place in the case."""
    index, action, _ = item
    when = action.when
    if isinstance(when, dt.datetime):
        when = when.date()
    return (when or dt.date.min, index)


def _split(source: Case | Action | Iterable[Action]) -> tuple[dict[str, Goal], tuple[Action, ...]]:
    """The goals by id (none without a case) and the actions of *source*."""
    if isinstance(source, Case):
        return {g.id: g for g in source.goals}, source.actions
    if isinstance(source, Action):
        return {}, (source,)
    actions: tuple[object, ...] = tuple(source)
    for i, item in enumerate(actions):
        if not isinstance(item, Action):
            msg = f"must be an Action, got {type(item).__name__}"
            raise ValidationError(f"actions[{i}]", msg)
    return {}, cast("tuple[Action, ...]", actions)


def _steps(goals: dict[str, Goal], actions: tuple[Action, ...]) -> list[_Step]:
    """The actions that moved toward their goal, each with its progress, if any."""
    last_amount: dict[str, float] = {}
    start: dict[str, float] = {}
    steps: list[_Step] = []
    for index, action in enumerate(actions):
        goal = goals.get(action.goal)
        progress = None
        moved = False
        if goal is not None and action.amount is not None:
            before = last_amount.get(action.goal, goal.baseline)
            base = action.amount if goal.baseline is None else goal.baseline
            first = start.setdefault(action.goal, base)
            moved = before is not None and action.effect is not Effect.AWAY
            moved = moved and _closer(goal, action.amount, before)  # type: ignore[arg-type]
            if moved and _closer(goal, action.amount, first):
                progress = _amounts(goal, first, action.amount)
            last_amount[action.goal] = action.amount
        if moved or action.effect is Effect.TOWARD:
            steps.append((index, action, progress))
    return steps


def _plan(source: Case | Action | Iterable[Action]) -> tuple[str, dict[str, Any]]:
    """The template folder and variables for an affirmation of *source*."""
    goals, actions = _split(source)
    steps = _steps(goals, actions)
    if not steps:
        return "en/affirm/general", {}
    _, action, progress = max(steps, key=_recency)
    context = {"deed": deed(action.description), "goal": "this"}
    if action.goal in goals:
        context["goal"] = goal_phrase(goals[action.goal])
    if progress is not None:
        return "en/affirm/progress", {**context, "amounts": progress}
    return "en/affirm/effort", context


def affirm(source: Case | Action | Iterable[Action], *, seed: int | None = None) -> str:
    """An affirmation of the client's most recent step toward a goal.

    The step is the most recent action (by date, then case order) whose effect is
    ``toward`` or (in a case whose goal has a direction) whose amount moved toward
    the target since the previous amount and is not marked ``away``. When the
    amount is also closer to the target than the baseline, the affirmation names
    the progress ("from 20 to 8 cigarettes a day"). With no such action, it
    affirms the client's willingness to look at the change.

    Args:
        source: A Case, one Action, or actions (without a case, only effects count).
        seed: Chooses among the variants; None gives the first.

    Returns:
        One statement about the client, starting with "You" or "This".

    Raises:
        ValidationError: If *source* holds something other than actions.

    >>> from mikit import Action
    >>> affirm([Action(goal="smoking", description="went for a run instead of a cigarette",
    ...                effect="toward")])
    'You went for a run instead of a cigarette; that took determination.'
    """
    move, context = _plan(source)
    return default_engine().render_move(move, seed=seed, **context)


def affirmations(source: Case | Action | Iterable[Action]) -> list[str]:
    """Every variant of the affirmation :func:`affirm` would make.

    Raises:
        ValidationError: If *source* holds something other than actions.
    """
    move, context = _plan(source)
    return default_engine().render_all(move, **context)
