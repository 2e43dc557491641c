"""mikit: motivational interviewing building blocks."""

from typing import TYPE_CHECKING

from mikit import fidelity
from mikit.analysis import ambivalence, find_discrepancies
from mikit.coding import (
    ClientCoder,
    CounselorCoder,
    code_client,
    code_counselor,
    code_transcript,
    miti_scores,
)
from mikit.errors import (
    CaseFileError,
    EmptyTextError,
    FileReadError,
    GoalNotFoundError,
    JSONSyntaxError,
    MikitError,
    OutputTooLargeError,
    RiskStatementError,
    TemplateError,
    TemplateNotFoundError,
    UnknownKeyError,
    ValidationError,
)
from mikit.io import dump_case, load_case, load_transcript, sample_case
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
from mikit.models.analysis import (
    Ambivalence,
    ChangePlan,
    DecisionalBalance,
    Discrepancy,
    DiscrepancyKind,
    GoalProgress,
    PlanSection,
    PlanStep,
    Response,
    Stage,
    StageEstimate,
    Strategy,
    Trend,
)
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
from mikit.oars import (
    QuestionKind,
    ReflectionKind,
    SummaryKind,
    affirm,
    affirmations,
    evocative_questions,
    reflect,
    reflections,
    ruler_followup,
    ruler_question,
    summaries,
    summarize,
)
from mikit.oars.plan import change_plan
from mikit.oars.respond import respond_to
from mikit.templating import render, render_user_template, template_variants

if TYPE_CHECKING:
    __version__: str
else:

    def __getattr__(name: str) -> str:
        # Package metadata costs more to read than the rest of the import: read it on demand.
        if name == "__version__":
            from importlib.metadata import version

            return version("mikit")
        msg = f"module 'mikit' has no attribute {name!r}"
        raise AttributeError(msg)


__all__ = [
    "Action",
    "Ambivalence",
    "Behavior",
    "Case",
    "CaseFileError",
    "ChangePlan",
    "ClientCode",
    "ClientCoder",
    "CodedTranscript",
    "CodedUtterance",
    "CounselorCode",
    "CounselorCoder",
    "DecisionalBalance",
    "Direction",
    "Discrepancy",
    "DiscrepancyKind",
    "Effect",
    "EmptyTextError",
    "Evidence",
    "FileReadError",
    "Goal",
    "GoalNotFoundError",
    "GoalProgress",
    "JSONSyntaxError",
    "MainBehavior",
    "MikitError",
    "MitiScores",
    "OutputTooLargeError",
    "Period",
    "PlanSection",
    "PlanStep",
    "Proficiency",
    "QuestionKind",
    "QuestionType",
    "ReflectionKind",
    "ReflectionType",
    "Response",
    "RiskStatementError",
    "Ruler",
    "RulerKind",
    "Source",
    "Speaker",
    "Stage",
    "StageEstimate",
    "Strategy",
    "SummaryKind",
    "Talk",
    "TalkKind",
    "TemplateError",
    "TemplateNotFoundError",
    "Transcript",
    "Trend",
    "UnknownKeyError",
    "Utterance",
    "ValidationError",
    "Value",
    "__version__",
    "affirm",
    "affirmations",
    "ambivalence",
    "change_plan",
    "code_client",
    "code_counselor",
    "code_transcript",
    "dump_case",
    "evocative_questions",
    "fidelity",
    "find_discrepancies",
    "load_case",
    "load_transcript",
    "miti_scores",
    "reflect",
    "reflections",
    "render",
    "render_user_template",
    "respond_to",
    "ruler_followup",
    "ruler_question",
    "sample_case",
    "second_person",
    "summaries",
    "summarize",
    "template_variants",
]
