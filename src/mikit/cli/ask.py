"""``mikit ask --goal "quit smoking"``: open questions and rulers for a goal."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mikit.cli.output import print_json, print_text
from mikit.models import Goal, RulerKind
from mikit.oars import QuestionKind, evocative_questions, ruler_followup, ruler_question

if TYPE_CHECKING:
    import argparse

    from mikit.models import Case

__all__ = ["demo_section", "register", "run"]


def _score(text: str) -> int:
    import argparse

    try:
        score = int(text)
    except ValueError:
        score = -1
    if not 0 <= score <= 10:
        msg = f"must be an integer 0..10, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return score


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``ask`` subcommand."""
    parser = sub.add_parser(
        "ask",
        help="open questions and ruler follow-ups for a goal",
        description="Print evocative open questions for a goal, the importance, "
        "confidence and readiness rulers, and follow-ups for the scores given.",
    )
    parser.add_argument("--goal", required=True, help='the goal as a verb phrase ("quit smoking")')
    parser.add_argument(
        "--kind",
        choices=[k.value for k in QuestionKind],
        default=None,
        help="only this kind of evocative question (default: every kind)",
    )
    for ruler in RulerKind:
        parser.add_argument(
            f"--{ruler.value}",
            type=_score,
            default=None,
            metavar="0-10",
            help=f"the client's {ruler.value} score, for the follow-up question",
        )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.set_defaults(run=run)


def _rulers(goal: Goal | str, scores: dict[RulerKind, int | None]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for ruler, score in scores.items():
        entry: dict[str, Any] = {"question": ruler_question(goal, ruler), "score": score}
        if score is not None:
            entry["followup"] = ruler_followup(goal, ruler, score)
        out[ruler.value] = entry
    return out


def _rulers_text(rulers: dict[str, Any]) -> list[str]:
    lines = []
    for name, entry in rulers.items():
        lines.append(f"{name.capitalize()} ruler:")
        lines.append(f"  {entry['question']}")
        if entry["score"] is not None:
            lines.append(f"  Score {entry['score']}:")
            lines.extend(f"    {q}" for q in entry["followup"])
    return lines


def run(args: argparse.Namespace) -> int:
    """Print the questions for the goal on the command line."""
    goal: str = args.goal
    kinds = list(QuestionKind) if args.kind is None else [QuestionKind(args.kind)]
    questions = {k.value: evocative_questions(goal, kind=k) for k in kinds}
    scores = {r: getattr(args, r.value) for r in RulerKind}
    rulers = _rulers(goal, scores)
    if args.json:
        print_json({"goal": args.goal, "questions": questions, "rulers": rulers})
        return 0
    lines = []
    for kind, found in questions.items():
        lines.append(f"{kind.replace('_', ' ').capitalize()}:")
        lines.extend(f"  {q}" for q in found)
    lines.extend(_rulers_text(rulers))
    print_text("\n".join(lines))
    return 0


def demo_section(case: Case) -> tuple[str, str, Any]:
    """The demo's questions for the main goal of *case*."""
    if not case.goals:
        return ("questions", "Questions: (no goal)", {})
    goal = case.goals[0]
    chosen = [
        QuestionKind.EXPLORING_VALUES,
        QuestionKind.LOOKING_FORWARD,
        QuestionKind.ABILITY,
        QuestionKind.KEY_QUESTION,
    ]
    questions = {k.value: evocative_questions(goal, kind=k)[0] for k in chosen}
    scores = {RulerKind.IMPORTANCE: goal.importance, RulerKind.CONFIDENCE: goal.confidence}
    rulers = _rulers(goal, {r: None if s is None else int(s) for r, s in scores.items()})
    lines = [f"Questions for the goal {goal.statement!r}:"]
    lines.extend(f"  {q}" for q in questions.values())
    lines.extend("  " + line for line in _rulers_text(rulers))
    return (
        "questions",
        "\n".join(lines),
        {"goal": goal.id, "questions": questions, "rulers": rulers},
    )
