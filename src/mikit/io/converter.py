"""The one cattrs converter that turns JSON-ready data into models and back.

Structuring is strict: a string is not silently turned into a number, unknown keys
are refused, and every problem surfaces as one :class:`~mikit.errors.ValidationError`
whose path names the bad field (``goals[0].importance``).
"""

from __future__ import annotations

import datetime as dt
import difflib
import types
from collections.abc import Mapping
from enum import Enum
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.gen import make_dict_structure_fn

from mikit.errors import UnknownKeyError, ValidationError
from mikit.models import (
    Action,
    Case,
    Direction,
    Effect,
    Goal,
    Period,
    Ruler,
    Source,
    Speaker,
    Transcript,
    Utterance,
    Value,
)
from mikit.models import _validate as v

__all__ = ["converter", "structure", "unstructure"]

T = TypeVar("T")

converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
"""The converter behind every case and transcript file."""


def _type_name(value: object) -> str:
    names = {
        str: "a string",
        int: "an integer",
        float: "a number",
        bool: "a boolean",
        list: "a list",
        dict: "an object",
        type(None): "null",
    }
    return names.get(type(value), type(value).__name__)


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        msg = f"must be a string, got {_type_name(value)}"
        raise ValidationError("", msg)
    return value


def _structure_number(value: object, _: type) -> float:
    if not v.is_number(value):
        msg = f"must be a number, got {value!r}"
        raise ValidationError("", msg)
    return value  # type: ignore[return-value]


def _structure_ruler(value: object, _: type) -> Ruler:
    return Ruler(value)  # type: ignore[arg-type]


def _structure_enum(value: object, cls: type[Enum]) -> Enum:
    return v.to_enum(cls, "", value)


def _structure_value(value: object, _: type) -> Value:
    if isinstance(value, str):
        return Value(value)
    msg = f"must be a string, got {_type_name(value)}"
    raise ValidationError("", msg)


def _structure_when(value: object, _: type) -> dt.date | dt.datetime:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            parsed = dt.datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            is_date_only = len(value) <= 10
            return parsed.date() if is_date_only else parsed
    msg = f"must be an ISO date or datetime such as '2026-11-20', got {value!r}"
    raise ValidationError("", msg)


def _structure_when_or_none(value: object, cls: type) -> dt.date | dt.datetime | None:
    return None if value is None else _structure_when(value, cls)


def _unstructure_when(value: dt.date | dt.datetime) -> str:
    return value.isoformat()


def _structure_annotations(value: object, _: type) -> Mapping[str, str]:
    if not isinstance(value, Mapping):
        msg = f"must be an object of strings, got {_type_name(value)}"
        raise ValidationError("", msg)
    for key, item in value.items():
        if not isinstance(item, str):
            msg = f"must be a string, got {_type_name(item)}"
            raise ValidationError(str(key), msg)
    return types.MappingProxyType(dict(value))


def _structure_transcript(value: object, _: type) -> Transcript:
    if isinstance(value, list):
        utterances = converter.structure(value, tuple[Utterance, ...])
        return Transcript(utterances)
    if isinstance(value, Mapping):
        return _structure_transcript_object(value, Transcript)
    msg = f"must be a list of utterances, got {_type_name(value)}"
    raise ValidationError("", msg)


def _unstructure_transcript(value: Transcript) -> list[dict[str, Any]] | dict[str, Any]:
    utterances = [converter.unstructure(u) for u in value.utterances]
    if value.id is None and not value.annotations:
        return utterances
    out: dict[str, Any] = {"utterances": utterances}
    if value.id is not None:
        out["id"] = value.id
    if value.annotations:
        out["annotations"] = dict(value.annotations)
    return out


def _omit_defaults(cls: type[Any]) -> None:
    """Unstructure *cls* without the fields left at their defaults."""
    fields = attrs.fields(cls)

    def unstructure(obj: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for field in fields:
            value = getattr(obj, field.name)
            default = field.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                default = default.factory()
            if value == default and field.name not in _ALWAYS:
                continue
            out[field.name] = converter.unstructure(value)
        return out

    converter.register_unstructure_hook(cls, unstructure)


_ALWAYS = frozenset({"id", "statement", "goal", "description", "speaker", "text"})


def _is_tuple_of(t: Any) -> bool:
    args: tuple[Any, ...] = getattr(t, "__args__", ())
    return getattr(t, "__origin__", None) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_of_hook(t: Any) -> Any:
    item_type = t.__args__[0]

    def structure_tuple(value: object, _: type) -> tuple[Any, ...]:
        if not isinstance(value, list):
            msg = f"must be a list, got {_type_name(value)}"
            raise ValidationError("", msg)
        out = []
        for i, item in enumerate(value):
            try:
                out.append(converter.structure(item, item_type))
            except Exception as exc:  # noqa: BLE001 - reported with its index
                raise _first_error(exc, f"[{i}]") from None
        return tuple(out)

    return structure_tuple


def _attrs_hook(cls: Any) -> Any:
    generated = make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
    )

    def structure_attrs(value: object, _: type) -> Any:
        if not isinstance(value, Mapping):
            msg = f"must be an object, got {_type_name(value)}"
            raise ValidationError("", msg)
        return generated(value, cls)

    return structure_attrs


converter.register_structure_hook_factory(attrs.has, _attrs_hook)
converter.register_structure_hook_factory(_is_tuple_of, _tuple_of_hook)
converter.register_structure_hook(str, _structure_str)
converter.register_structure_hook(float, _structure_number)
converter.register_structure_hook(Ruler, _structure_ruler)
for _enum in (Direction, Effect, Period, Source, Speaker):
    converter.register_structure_hook(_enum, _structure_enum)
converter.register_structure_hook(Value, _structure_value)
converter.register_unstructure_hook(Value, lambda value: value.name)
converter.register_unstructure_hook(Ruler, int)
converter.register_structure_hook_func(
    lambda t: t in (dt.date | dt.datetime, dt.date | dt.datetime | None), _structure_when_or_none
)
converter.register_unstructure_hook(dt.date, _unstructure_when)
converter.register_unstructure_hook(dt.datetime, _unstructure_when)
converter.register_structure_hook_func(lambda t: t == Mapping[str, str], _structure_annotations)
converter.register_unstructure_hook(types.MappingProxyType, dict)
converter.register_structure_hook(Transcript, _structure_transcript)
converter.register_unstructure_hook(Transcript, _unstructure_transcript)
for _cls in (Goal, Action, Utterance, Case):
    _omit_defaults(_cls)

_structure_transcript_object = make_dict_structure_fn(
    Transcript, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
)


def structure(data: object, cls: type[T]) -> T:
    """Turn JSON-ready *data* into an instance of *cls*.

    Raises:
        ValidationError: For the first problem found, with the path of the bad
            field (``goals[0].importance: must be an integer 0..10, got 12``).
    """
    if attrs.has(cls) and not isinstance(data, Mapping):
        msg = f"must be an object, got {_type_name(data)}"
        raise ValidationError("", msg)
    try:
        return converter.structure(data, cls)
    except Exception as exc:  # noqa: BLE001 - every failure becomes one ValidationError
        raise _first_error(exc, "") from None


def unstructure(obj: object) -> Any:
    """Turn a model into JSON-ready data (defaults left out)."""
    return converter.unstructure(obj)


def _first_error(exc: BaseException, path: str) -> ValidationError:
    if isinstance(exc, ValidationError):
        return exc.at(path)
    if isinstance(exc, ForbiddenExtraKeysError):
        return _unknown_key(exc, path)
    if isinstance(exc, (ClassValidationError, IterableValidationError)):
        with_notes, without = exc.group_exceptions()
        # An unknown key usually explains a missing one ("statment"), so it goes first.
        for sub in without:
            if isinstance(sub, ForbiddenExtraKeysError):
                return _unknown_key(sub, path)
        for sub, note in with_notes:
            name = getattr(note, "name", None)
            index = getattr(note, "index", None)
            where = f"{name}" if name is not None else f"[{index}]"
            if isinstance(sub, KeyError) and name is not None:
                return ValidationError(path, f"missing required key {name!r}")
            return _first_error(sub, _join(path, where))
        if without:
            return _first_error(without[0], path)
    if isinstance(exc, TypeError | ValueError):
        return ValidationError(path, f"invalid value ({exc})")
    return ValidationError(path, f"invalid value ({type(exc).__name__}: {exc})")


def _unknown_key(exc: ForbiddenExtraKeysError, path: str) -> ValidationError:
    known = [f.name for f in attrs.fields(exc.cl)]
    key = min(exc.extra_fields)
    close = difflib.get_close_matches(key, known, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else f"; known keys: {', '.join(known)}"
    return UnknownKeyError(_join(path, key), f"unknown key{hint}")


def _join(path: str, part: str) -> str:
    if not path:
        return part
    return path + part if part.startswith("[") else f"{path}.{part}"
