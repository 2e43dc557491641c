"""Typed, validated models of MI facts: attrs classes and enums only."""

from mikit.models.case import Case
from mikit.models.codes import ClientCode, Evidence
from mikit.models.enums import Direction, Effect, Period, RulerKind, Source, Speaker, Talk, TalkKind
from mikit.models.goals import Action, Goal, Ruler, Value
from mikit.models.transcript import Transcript, Utterance

__all__ = [
    "Action",
    "Case",
    "ClientCode",
    "Direction",
    "Effect",
    "Evidence",
    "Goal",
    "Period",
    "Ruler",
    "RulerKind",
    "Source",
    "Speaker",
    "Talk",
    "TalkKind",
    "Transcript",
    "Utterance",
    "Value",
]
