"""mikit: motivational interviewing building blocks."""

from importlib.metadata import version as _version

from mikit.coding import code_client
from mikit.errors import (
    CaseFileError,
    FileReadError,
    GoalNotFoundError,
    JSONSyntaxError,
    MikitError,
    OutputTooLargeError,
    TemplateError,
    TemplateNotFoundError,
    UnknownKeyError,
    ValidationError,
)
from mikit.io import dump_case, load_case
from mikit.language import second_person
from mikit.models import (
    Action,
    Case,
    ClientCode,
    Direction,
    Effect,
    Evidence,
    Goal,
    Period,
    Ruler,
    RulerKind,
    Source,
    Speaker,
    Talk,
    TalkKind,
    Transcript,
    Utterance,
    Value,
)

__version__ = _version("mikit")

__all__ = [
    "Action",
    "Case",
    "CaseFileError",
    "ClientCode",
    "Direction",
    "Effect",
    "Evidence",
    "FileReadError",
    "Goal",
    "GoalNotFoundError",
    "JSONSyntaxError",
    "MikitError",
    "OutputTooLargeError",
    "Period",
    "Ruler",
    "RulerKind",
    "Source",
    "Speaker",
    "Talk",
    "TalkKind",
    "TemplateError",
    "TemplateNotFoundError",
    "Transcript",
    "UnknownKeyError",
    "Utterance",
    "ValidationError",
    "Value",
    "__version__",
    "code_client",
    "dump_case",
    "load_case",
    "second_person",
]
