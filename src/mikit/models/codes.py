"""Codes for client talk: change, sustain or neutral, with the evidence behind them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from mikit.errors import ValidationError
from mikit.models import _validate as v
from mikit.models.enums import Talk, TalkKind

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["ClientCode", "Evidence"]


def _rule(_instance: object, attribute: Any, value: Any) -> None:
    v.nonblank(_instance, attribute, value)


def _span(_instance: object, attribute: Any, value: Any) -> None:
    v.text(_instance, attribute, value)


def _offset(_instance: object, attribute: Any, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        msg = f"must be a non-negative integer, got {value!r}"
        raise ValidationError(attribute.name, msg)


@attrs.frozen
class Evidence:
    """A span of an utterance and the rule that fired on it.

    Args:
        rule: The id of the rule ("desire.want", "sustain.enjoy").
        start: The offset of the span's first character in the utterance.
        end: The offset just past its last character, so ``text[start:end]`` is the span.
        text: The span itself, as said.

    Raises:
        ValidationError: If an offset is negative, ``end < start``, or ``text`` is
            not ``end - start`` characters long.
    """

    rule: str = attrs.field(validator=_rule)
    start: int = attrs.field(validator=_offset)
    end: int = attrs.field(validator=_offset)
    text: str = attrs.field(validator=_span)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            msg = f"must not be before start {self.start}, got {self.end}"
            raise ValidationError("end", msg)
        if len(self.text) != self.end - self.start:
            msg = f"must be {self.end - self.start} characters long, got {len(self.text)}"
            raise ValidationError("text", msg)


def _talk(value: Talk | str) -> Talk:
    return v.to_enum(Talk, "talk", value)


def _kind(value: TalkKind | str | None) -> TalkKind | None:
    return None if value is None else v.to_enum(TalkKind, "kind", value)


def _evidence(items: Iterable[object] | None) -> tuple[Evidence, ...]:
    out = () if items is None else tuple(items)
    for i, item in enumerate(out):
        if not isinstance(item, Evidence):
            msg = f"must be an Evidence, got {type(item).__name__}"
            raise ValidationError(f"evidence[{i}]", msg)
    return out  # type: ignore[return-value]


def _risk(_instance: object, attribute: Any, value: Any) -> None:
    if not isinstance(value, bool):
        msg = f"must be a bool, got {value!r}"
        raise ValidationError(attribute.name, msg)


@attrs.frozen(kw_only=True)
class ClientCode:
    """What a client utterance says about the change, and why mikit thinks so.

    Args:
        talk: Change talk, sustain talk, or neutral.
        kind: The DARN-CAT kind of change or sustain talk; None exactly when the
            talk is neutral.
        evidence: The spans that bore on the code, in text order, outweighed ones
            included, so a reader can see both sides of ambivalence.
        risk: Whether the utterance holds risk language (self-harm, suicide,
            harming others), whatever its talk type, so an app can escalate.

    Raises:
        ValidationError: If a field is invalid, or ``kind`` is given for neutral
            talk or missing for change or sustain talk.
    """

    talk: Talk = attrs.field(converter=_talk)
    kind: TalkKind | None = attrs.field(default=None, converter=_kind)
    evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=_evidence)
    risk: bool = attrs.field(default=False, validator=_risk)

    def __attrs_post_init__(self) -> None:
        if self.talk is Talk.NEUTRAL and self.kind is not None:
            msg = f"must be None for neutral talk, got {self.kind.value!r}"
            raise ValidationError("kind", msg)
        if self.talk is not Talk.NEUTRAL and self.kind is None:
            msg = f"is needed for {self.talk.value} talk"
            raise ValidationError("kind", msg)

    @property
    def is_change(self) -> bool:
        """Whether the utterance is change talk."""
        return self.talk is Talk.CHANGE

    @property
    def is_sustain(self) -> bool:
        """Whether the utterance is sustain talk."""
        return self.talk is Talk.SUSTAIN

    @property
    def is_neutral(self) -> bool:
        """Whether the utterance is neither change nor sustain talk."""
        return self.talk is Talk.NEUTRAL

    @property
    def rules(self) -> tuple[str, ...]:
        """The ids of the rules that fired, in text order."""
        return tuple(e.rule for e in self.evidence)
