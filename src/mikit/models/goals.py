"""Rulers, values, goals and actions: what the client wants and what they do."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, cast

import attrs

from mikit.errors import ValidationError
from mikit.models import _validate as v
from mikit.models.enums import Direction, Effect, Period, Source

__all__ = ["Action", "Goal", "Ruler", "Value"]


class Ruler(int):
    """A score on a 0..10 ruler: importance, confidence or readiness.

    A ``Ruler`` is an ``int``, so it compares, sorts and serialises as one.

    Raises:
        ValidationError: If the score is not an integer from 0 to 10.
    """

    MIN = 0
    MAX = 10

    def __new__(cls, score: int) -> Ruler:  # noqa: D102, PYI034 - Self needs 3.11
        if not v.is_score(score):
            msg = f"must be an integer 0..10, got {score!r}"
            raise ValidationError("", msg)
        return super().__new__(cls, score)

    def __repr__(self) -> str:
        return f"Ruler({int(self)})"

    def __str__(self) -> str:
        return str(int(self))


@attrs.frozen
class Value:
    """Something the client cares about ("health", "my kids").

    Args:
        name: How the client puts it.
    """

    name: str = attrs.field(validator=v.nonblank)

    def __str__(self) -> str:
        return self.name


def _ruler_field(name: str, value: object) -> Ruler | None:
    if value is None or isinstance(value, Ruler):
        return value
    try:
        return Ruler(cast("int", value))
    except ValidationError as err:
        raise err.at(name) from None


def _importance(value: int | None) -> Ruler | None:
    return _ruler_field("importance", value)


def _confidence(value: int | None) -> Ruler | None:
    return _ruler_field("confidence", value)


def _readiness(value: int | None) -> Ruler | None:
    return _ruler_field("readiness", value)


def _per(value: Period | str | None) -> Period | None:
    return None if value is None else v.to_enum(Period, "per", value)


def _direction(value: Direction | str | None) -> Direction | None:
    return None if value is None else v.to_enum(Direction, "direction", value)


def _source(value: Source | str | None) -> Source | None:
    return None if value is None else v.to_enum(Source, "source", value)


def _effect(value: Effect | str | None) -> Effect | None:
    return None if value is None else v.to_enum(Effect, "effect", value)


def _values(items: Iterable[Value | str] | None) -> tuple[Value, ...]:
    if isinstance(items, str):  # a lone string would otherwise become one value per letter
        msg = f"must be a list of values, got the string {items!r}"
        raise ValidationError("values", msg)
    out: list[Value] = []
    for i, item in enumerate(v.tuple_of(items)):
        try:
            out.append(item if isinstance(item, Value) else Value(item))
        except ValidationError as err:
            raise err.at(f"values[{i}]") from None
    return tuple(out)


def _unique_values(_instance: object, attribute: Any, value: tuple[Value, ...]) -> None:
    seen: set[str] = set()
    for i, item in enumerate(value):
        if item.name in seen:
            msg = f"{item.name!r} is listed twice"
            raise ValidationError(f"{attribute.name}[{i}]", msg)
        seen.add(item.name)


@attrs.frozen(kw_only=True)
class Goal:
    """A change the client is considering.

    Args:
        id: A short key that actions refer to ("smoking").
        statement: The goal as a verb phrase in base form ("quit smoking").
        behavior: The behaviour it is about ("smoking").
        unit: What an amount counts ("cigarettes").
        per: The period an amount is counted over.
        direction: Whether the behaviour should increase, decrease or stay.
        baseline: The amount per period before the change.
        target: The amount per period the client aims for; needs a direction.
        importance: How important the change is to the client, 0..10.
        confidence: How confident the client is that they can make it, 0..10.
        readiness: How ready the client is to start, 0..10.
        source: Whose goal it is: the client's own, another's, or a "should".
        values: The client's values the goal serves.

    Raises:
        ValidationError: If a field is invalid, if a target has no direction, or if
            the target lies on the wrong side of the baseline for the direction.
    """

    id: str = attrs.field(validator=v.nonblank)
    statement: str = attrs.field(validator=v.nonblank)
    behavior: str | None = attrs.field(default=None, validator=v.optional_nonblank)
    unit: str | None = attrs.field(default=None, validator=v.optional_nonblank)
    per: Period | None = attrs.field(default=None, converter=_per)
    direction: Direction | None = attrs.field(default=None, converter=_direction)
    baseline: float | None = attrs.field(default=None, validator=v.amount)
    target: float | None = attrs.field(default=None, validator=v.amount)
    importance: Ruler | None = attrs.field(default=None, converter=_importance)
    confidence: Ruler | None = attrs.field(default=None, converter=_confidence)
    readiness: Ruler | None = attrs.field(default=None, converter=_readiness)
    source: Source | None = attrs.field(default=None, converter=_source)
    values: tuple[Value, ...] = attrs.field(default=(), converter=_values, validator=_unique_values)

    def __attrs_post_init__(self) -> None:
        if self.target is None:
            return
        if self.direction is None:
            msg = "a target needs a direction (increase, decrease or maintain)"
            raise ValidationError("target", msg)
        if self.baseline is None:
            return
        if self.direction is Direction.DECREASE and self.target > self.baseline:
            msg = (
                f"{self.target!r} is above the baseline {self.baseline!r}, "
                "but the direction is decrease"
            )
            raise ValidationError("target", msg)
        if self.direction is Direction.INCREASE and self.target < self.baseline:
            msg = (
                f"{self.target!r} is below the baseline {self.baseline!r}, "
                "but the direction is increase"
            )
            raise ValidationError("target", msg)

    @property
    def measured(self) -> bool:
        """Whether the goal has a direction and a target to measure amounts against."""
        return self.direction is not None and self.target is not None


def _when(_instance: object, attribute: Any, value: Any) -> None:
    if value is not None and not isinstance(value, dt.date):
        msg = f"must be a date or datetime, got {value!r}"
        raise ValidationError(attribute.name, msg)


@attrs.frozen(kw_only=True)
class Action:
    """Something the client did that bears on a goal.

    Args:
        goal: The id of the goal it bears on.
        description: What happened, in plain words ("smoked at a party").
        when: The date or datetime it happened, if known.
        amount: How much, in the goal's unit per its period.
        effect: Whether it moved toward the goal, away from it, or neither.

    Raises:
        ValidationError: If a field is invalid.
    """

    goal: str = attrs.field(validator=v.nonblank)
    description: str = attrs.field(validator=v.nonblank)
    when: dt.date | dt.datetime | None = attrs.field(default=None, validator=_when)
    amount: float | None = attrs.field(default=None, validator=v.amount)
    effect: Effect | None = attrs.field(default=None, converter=_effect)
