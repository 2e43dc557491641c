"""OARS generators: open questions, affirmations, reflections and summaries."""

from mikit.oars.affirmations import affirm, affirmations
from mikit.oars.questions import QuestionKind, evocative_questions, ruler_followup, ruler_question
from mikit.oars.reflections import ReflectionKind, reflect, reflections
from mikit.oars.summaries import SummaryKind, summaries, summarize

__all__ = [
    "QuestionKind",
    "ReflectionKind",
    "SummaryKind",
    "affirm",
    "affirmations",
    "evocative_questions",
    "reflect",
    "reflections",
    "ruler_followup",
    "ruler_question",
    "summaries",
    "summarize",
]
