"""Validators and converters shared by the models.

Each raises :class:`~mikit.errors.ValidationError` naming the field, so a bad value
reads as ``importance: must be an integer 0..10, got 11``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from enum import Enum
from typing import Any, TypeVar

from mikit.errors import ValidationError

E = TypeVar("E", bound=Enum)
T = TypeVar("T")


def choices(enum_cls: type[Enum]) -> str:
    """The values of *enum_cls*, comma-separated, for error messages."""
    return ", ".join(str(m.value) for m in enum_cls)


def to_enum(enum_cls: type[E], name: str, value: object) -> E:
    """*value* as a member of *enum_cls*, or a ValidationError naming *name*."""
    if isinstance(value, enum_cls):
        return value
    if isinstance(value, str):
        try:
            return enum_cls(value)
        except ValueError:
            pass
    msg = f"must be one of {choices(enum_cls)}, got {value!r}"
    raise ValidationError(name, msg)


def text(_instance: object, attribute: Any, value: Any) -> None:
    """Validate a str field (any text, empty included)."""
    if not isinstance(value, str):
        raise ValidationError(attribute.name, f"must be a string, got {type(value).__name__}")


def optional_text(instance: object, attribute: Any, value: Any) -> None:
    """Validate a str field that may be None."""
    if value is not None:
        text(instance, attribute, value)


def nonblank(_instance: object, attribute: Any, value: Any) -> None:
    """Validate a str field that must hold something other than whitespace."""
    if not isinstance(value, str):
        raise ValidationError(attribute.name, f"must be a string, got {type(value).__name__}")
    if not value.strip():
        raise ValidationError(attribute.name, "must not be empty")


def optional_nonblank(instance: object, attribute: Any, value: Any) -> None:
    """Validate a non-blank str field that may be None."""
    if value is not None:
        nonblank(instance, attribute, value)


def is_score(value: object) -> bool:
    """Whether *value* is an int from 0 to 10 (bool is not a score)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10


def is_number(value: object) -> bool:
    """Whether *value* is a finite int or float (bool is not a number here)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return math.isfinite(value)


def amount(_instance: object, attribute: Any, value: Any) -> None:
    """Validate an optional non-negative finite number."""
    if value is None:
        return
    if not is_number(value):
        raise ValidationError(attribute.name, f"must be a number, got {value!r}")
    if value < 0:
        raise ValidationError(attribute.name, f"must not be negative, got {value!r}")


def tuple_of(items: Iterable[T] | None) -> tuple[T, ...]:
    """Any iterable as a tuple (frozen models hold tuples)."""
    return () if items is None else tuple(items)
