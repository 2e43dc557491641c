"""OARS generators: open questions, affirmations, reflections and summaries."""

from mikit.oars.questions import QuestionKind, evocative_questions, ruler_followup, ruler_question
from mikit.oars.reflections import ReflectionKind, reflect, reflections

__all__ = [
    "QuestionKind",
    "ReflectionKind",
    "evocative_questions",
    "reflect",
    "reflections",
    "ruler_followup",
    "ruler_question",
]
