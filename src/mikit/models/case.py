"""A case: everything known about one client."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

import attrs

from mikit.errors import GoalNotFoundError, ValidationError
from mikit.models import _validate as v
from mikit.models.goals import Action, Goal, Value, _values
from mikit.models.transcript import Transcript, Utterance

__all__ = ["Case"]

T = TypeVar("T")


def _goals(items: Iterable[Goal] | None) -> tuple[Goal, ...]:
    return _typed_items("goals", Goal, items)


def _actions(items: Iterable[Action] | None) -> tuple[Action, ...]:
    return _typed_items("actions", Action, items)


def _typed_items(name: str, cls: type[T], items: Iterable[T] | None) -> tuple[T, ...]:
    out = v.tuple_of(items)
    for i, item in enumerate(out):
        if not isinstance(item, cls):
            msg = f"must be a {cls.__name__}, got {type(item).__name__}"
            raise ValidationError(f"{name}[{i}]", msg)
    return out


def _transcript(value: Transcript | Iterable[Utterance] | None) -> Transcript:
    if isinstance(value, Transcript):
        return value
    try:
        return Transcript(v.tuple_of(value))
    except ValidationError as err:
        raise err.at("transcript") from None


def _case_values(items: Iterable[Value | str] | None) -> tuple[Value, ...]:
    return _values(items)


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """A hint naming the closest of *known* to *name*, or an empty string."""
    close = difflib.get_close_matches(name, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


@attrs.frozen(kw_only=True)
class Case:
    """Everything known about one client: values, goals, actions and what was said.

    Args:
        client: The client's name, if given.
        values: What the client cares about.
        goals: The changes the client is considering; ids are unique.
        actions: What the client did; each names one of the goals.
        transcript: The conversation so far.

    Raises:
        ValidationError: If goal ids repeat, an action names a goal the case does not
            have, or a goal serves a value the case does not list.
    """

    client: str | None = attrs.field(default=None, validator=v.optional_text)
    values: tuple[Value, ...] = attrs.field(default=(), converter=_case_values)
    goals: tuple[Goal, ...] = attrs.field(default=(), converter=_goals)
    actions: tuple[Action, ...] = attrs.field(default=(), converter=_actions)
    transcript: Transcript = attrs.field(factory=Transcript, converter=_transcript)

    def __attrs_post_init__(self) -> None:
        value_names: dict[str, int] = {}
        for i, value in enumerate(self.values):
            if value.name in value_names:
                msg = f"{value.name!r} is listed twice"
                raise ValidationError(f"values[{i}]", msg)
            value_names[value.name] = i
        goal_ids: dict[str, int] = {}
        for i, goal in enumerate(self.goals):
            if goal.id in goal_ids:
                msg = f"duplicate goal id {goal.id!r} (also goals[{goal_ids[goal.id]}])"
                raise ValidationError(f"goals[{i}].id", msg)
            goal_ids[goal.id] = i
            for j, value in enumerate(goal.values):
                if value.name not in value_names:
                    listed = ", ".join(repr(n) for n in value_names) or "none"
                    msg = f"{value.name!r} is not one of the case's values ({listed})"
                    raise ValidationError(f"goals[{i}].values[{j}]", msg)
        for i, action in enumerate(self.actions):
            if action.goal not in goal_ids:
                msg = f"no goal has the id {action.goal!r}{did_you_mean(action.goal, goal_ids)}"
                raise ValidationError(f"actions[{i}].goal", msg)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Case:
        """Build a case from JSON-ready data, as read from a case file.

        Raises:
            ValidationError: If a field is missing, unknown, of the wrong type or
                invalid; the message starts with the path of the field.
        """
        # Serialisation lives in mikit.io; imported here so models load without it.
        from mikit.io.converter import structure

        return structure(data, cls)

    def to_dict(self) -> dict[str, Any]:
        """The case as JSON-ready data, with fields at their defaults left out."""
        from mikit.io.converter import unstructure

        out: dict[str, Any] = unstructure(self)
        return out

    def goal(self, goal_id: str) -> Goal:
        """The goal with the id *goal_id*.

        Raises:
            GoalNotFoundError: If the case has no such goal.
        """
        for goal in self.goals:
            if goal.id == goal_id:
                return goal
        known = [g.id for g in self.goals]
        msg = f"no goal has the id {goal_id!r}{did_you_mean(goal_id, known)}"
        raise GoalNotFoundError(msg)

    def actions_for(self, goal_id: str) -> tuple[Action, ...]:
        """The actions that bear on the goal *goal_id*, in case order."""
        return tuple(a for a in self.actions if a.goal == goal_id)
