"""Typed, validated models of MI facts: attrs classes and enums only."""

from mikit.models.case import Case
from mikit.models.codes import ClientCode, Evidence
from mikit.models.counselor_codes import (
    Behavior,
    CodedTranscript,
    CodedUtterance,
    CounselorCode,
    MainBehavior,
    MitiScores,
    Proficiency,
    QuestionType,
    ReflectionType,
)
from mikit.models.enums import Direction, Effect, Period, RulerKind, Source, Speaker, Talk, TalkKind
from mikit.models.goals import Action, Goal, Ruler, Value
from mikit.models.transcript import Transcript, Utterance

__all__ = [
    "Action",
    "Behavior",
    "Case",
    "ClientCode",
    "CodedTranscript",
    "CodedUtterance",
    "CounselorCode",
    "Direction",
    "Effect",
    "Evidence",
    "Goal",
    "MainBehavior",
    "MitiScores",
    "Period",
    "Proficiency",
    "QuestionType",
    "ReflectionType",
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
