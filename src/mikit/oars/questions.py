"""Open questions: evocative questions about a goal, and the importance/confidence rulers.

Every question ends with "?", opens with an open stem ("What", "How", "In what
ways"), is never a yes/no question and never starts "Why don't you". Each kind is a
folder of template variants under ``en/ask/`` or ``en/ruler/``.
"""

from __future__ import annotations

from mikit.errors import ValidationError
from mikit.models import Goal, Ruler, RulerKind
from mikit.models.enums import _StrEnum
from mikit.oars._goals import as_goal, goal_context
from mikit.templating import default_engine

__all__ = ["QuestionKind", "evocative_questions", "ruler_followup", "ruler_question"]


class QuestionKind(_StrEnum):
    """The kinds of evocative open question."""

    DESIRE = "desire"
    ABILITY = "ability"
    REASONS = "reasons"
    NEED = "need"
    COMMITMENT = "commitment"
    ACTIVATION = "activation"
    TAKING_STEPS = "taking_steps"
    LOOKING_BACK = "looking_back"
    LOOKING_FORWARD = "looking_forward"
    QUERYING_EXTREMES = "querying_extremes"
    EXPLORING_VALUES = "exploring_values"
    KEY_QUESTION = "key_question"


def _enum(enum_cls: type[QuestionKind | RulerKind], name: str, value: object) -> str:
    try:
        return str(enum_cls(value).value)
    except ValueError:
        choices = ", ".join(k.value for k in enum_cls)
        msg = f"must be one of {choices}, got {value!r}"
        raise ValidationError(name, msg) from None


def evocative_questions(goal: Goal | str, *, kind: QuestionKind | str | None = None) -> list[str]:
    """Every evocative open question for *goal*, or for one kind of question.

    The kinds are the DARN-CAT kinds of change talk (desire, ability, reasons, need,
    commitment, activation, taking steps), looking back, looking forward, querying
    extremes, exploring values (with the goal's values in the client's words, turned
    to the second person: "my kids" -> "your kids") and the key question.

    Args:
        goal: A Goal, or its statement as a verb phrase ("quit smoking").
        kind: One kind of question, or None for every kind in the order above.

    Returns:
        The questions, one per template variant.

    Raises:
        ValidationError: If *goal* is a blank string or *kind* is unknown.

    >>> evocative_questions("quit smoking", kind="reasons")[0]
    'What would be the three best reasons for quitting smoking?'
    """
    context = goal_context(as_goal(goal))
    kinds = list(QuestionKind) if kind is None else [_enum(QuestionKind, "kind", kind)]
    engine = default_engine()
    return [q for k in kinds for q in engine.render_all(f"en/ask/{k}", **context)]


def ruler_question(goal: Goal | str, ruler: RulerKind | str, *, seed: int | None = None) -> str:
    """The ruler question for *goal*: how important, confident or ready, 0 to 10.

    Args:
        goal: A Goal, or its statement as a verb phrase ("quit smoking").
        ruler: ``importance``, ``confidence`` or ``readiness``.
        seed: Chooses among the variants; None gives the first.

    Returns:
        The question.

    Raises:
        ValidationError: If *goal* is a blank string or *ruler* is unknown.

    >>> ruler_question("quit smoking", "confidence")  # doctest: +ELLIPSIS
    'How confident are you that you could quit smoking, on a scale from 0 to 10, ...'
    """
    which = _enum(RulerKind, "ruler", ruler)
    context = goal_context(as_goal(goal))
    return default_engine().render_move(f"en/ruler/{which}/question", seed=seed, **context)


def ruler_followup(
    goal: Goal | str, ruler: RulerKind | str, score: int, *, seed: int | None = None
) -> list[str]:
    """The follow-up to a ruler score: why not lower, never why not higher.

    For a score from 1 to 9 the first question asks what makes it that score and not
    a lower one (6 -> "What makes it a 6 and not a 3?"); 0 asks what it would take to
    move from 0 to 1, and 10 asks what makes it a 10. For confidence below 10 a second
    question asks what would raise it by one.

    Args:
        goal: A Goal, or its statement as a verb phrase.
        ruler: ``importance``, ``confidence`` or ``readiness``.
        score: The client's score, 0 to 10.
        seed: Chooses among the variants; None gives the first.

    Returns:
        One or two questions, in the order to ask them.

    Raises:
        ValidationError: If *goal* is blank, *ruler* is unknown or *score* is not an
            integer from 0 to 10.

    >>> ruler_followup("quit smoking", "importance", 6)
    ['What makes it a 6 and not a 3?']
    >>> ruler_followup("quit smoking", "confidence", 3)
    ['What makes it a 3 and not a 0?', 'What would it take to move from 3 to 4?']
    """
    which = _enum(RulerKind, "ruler", ruler)
    try:
        value = int(Ruler(score))
    except ValidationError as err:
        raise err.at("score") from None
    context = goal_context(as_goal(goal))
    context.update(score=value, lower=max(0, value - 3), higher=min(10, value + 1))
    engine = default_engine()
    step = "zero" if value == Ruler.MIN else "ten" if value == Ruler.MAX else "lower"
    questions = [engine.render_move(f"en/ruler/{which}/{step}", seed=seed, **context)]
    if which == RulerKind.CONFIDENCE and 0 < value < Ruler.MAX:
        questions.append(engine.render_move(f"en/ruler/{which}/raise", seed=seed, **context))
    return questions
