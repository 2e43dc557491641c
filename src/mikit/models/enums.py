"""The closed vocabularies of MI, as string enums so JSON stays readable."""

from __future__ import annotations

import enum

__all__ = [
    "Direction",
    "Effect",
    "Period",
    "RulerKind",
    "Source",
    "Speaker",
    "Talk",
    "TalkKind",
]


class _StrEnum(str, enum.Enum):
    """A str enum whose ``str()`` is its value (``enum.StrEnum`` needs 3.11)."""

    def __str__(self) -> str:
        return str(self.value)


class Speaker(_StrEnum):
    """Who says an utterance."""

    CLIENT = "client"
    COUNSELOR = "counselor"


class Direction(_StrEnum):
    """Which way a goal moves its behaviour."""

    INCREASE = "increase"
    DECREASE = "decrease"
    MAINTAIN = "maintain"


class Period(_StrEnum):
    """The period an amount is counted over ("cigarettes per day")."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"


class Source(_StrEnum):
    """Whose goal it is: the client's own, someone else's, or a "should"."""

    SELF = "self"
    OTHER = "other"
    SHOULD = "should"


class Effect(_StrEnum):
    """How an action bears on its goal."""

    TOWARD = "toward"
    AWAY = "away"
    NEUTRAL = "neutral"


class RulerKind(_StrEnum):
    """What a 0..10 ruler measures."""

    IMPORTANCE = "importance"
    CONFIDENCE = "confidence"
    READINESS = "readiness"


class Talk(_StrEnum):
    """Client language for the change, against it, or neither."""

    CHANGE = "change"
    SUSTAIN = "sustain"
    NEUTRAL = "neutral"


class TalkKind(_StrEnum):
    """The DARN-CAT kinds of change and sustain talk."""

    DESIRE = "desire"
    ABILITY = "ability"
    REASONS = "reasons"
    NEED = "need"
    COMMITMENT = "commitment"
    ACTIVATION = "activation"
    TAKING_STEPS = "taking_steps"

    @property
    def preparatory(self) -> bool:
        """Whether the kind is preparatory (DARN) rather than mobilising (CAT)."""
        return self in _PREPARATORY


_PREPARATORY = frozenset({TalkKind.DESIRE, TalkKind.ABILITY, TalkKind.REASONS, TalkKind.NEED})
