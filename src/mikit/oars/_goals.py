"""Goals as the phrases templates need: "quitting smoking", "quit smoking", values."""

from __future__ import annotations

from typing import Any

from mikit.language.inflection import gerund
from mikit.models import Goal
from mikit.oars._clauses import lower_first, shifted

__all__ = ["DEFAULT_GOAL_PHRASE", "as_goal", "goal_context", "goal_phrase"]

DEFAULT_GOAL_PHRASE = "making a change"
"""What a template says for the goal when none is known."""

_DROP = str.maketrans("", "", "?\uff1f\u00bf")


def as_goal(goal: Goal | str) -> Goal:
    """*goal* as a Goal; a string is read as the goal's statement ("quit smoking").

    Raises:
        ValidationError: If the string is blank or *goal* is neither a Goal nor a str.
    """
    if isinstance(goal, Goal):
        return goal
    return Goal(id="goal", statement=goal)


def _clean(text: str) -> str:
    return " ".join(text.translate(_DROP).split()).strip(" .!,;:")


def goal_phrase(target: Goal | str | None) -> str:
    """The goal as a gerund phrase in the second person ("quitting smoking")."""
    if target is None:
        return DEFAULT_GOAL_PHRASE
    statement = target.statement if isinstance(target, Goal) else target
    cleaned = _clean(statement)
    if not any(ch.isalnum() for ch in cleaned):
        return DEFAULT_GOAL_PHRASE
    return lower_first(gerund(shifted(cleaned)))


def goal_context(goal: Goal) -> dict[str, Any]:
    """The variables every question template gets for *goal*."""
    statement = _clean(goal.statement)
    return {
        "goal": goal_phrase(goal),
        "statement": lower_first(shifted(statement)) or "make this change",
        "values": [_clean(shifted(v.name)) for v in goal.values if _clean(v.name)],
    }
