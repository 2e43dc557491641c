"""``mikit analyze CASE.json``: ambivalence, ranked discrepancies and suggested responses."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from typing import Any

from mikit.analysis import ambivalence, find_discrepancies
from mikit.cli.output import print_json, print_text
from mikit.io import load_case
from mikit.io.actions import iter_actions
from mikit.models import Action, Case, TalkKind, Utterance
from mikit.models.analysis import Ambivalence, Discrepancy, Response
from mikit.oars.respond import respond_to

__all__ = ["analysis_data", "analysis_text", "demo_section", "register", "run"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``analyze`` subcommand."""
    parser = sub.add_parser(
        "analyze",
        help="find ambivalence and discrepancies in a case, with suggested responses",
        description="Weigh the client's change and sustain talk, rank the discrepancies "
        "between their goals and their actions (most severe first) with the evidence "
        "behind each, and suggest an MI response to each.",
    )
    parser.add_argument("case", metavar="CASE.json", help="the case file")
    parser.add_argument(
        "--actions",
        metavar="ACTIONS.jsonl",
        help="read the actions from a JSON Lines file (one action per line), streamed, "
        "instead of the case's own actions",
    )
    parser.add_argument(
        "--goal", metavar="ID", help="the goal the talk is weighed against (default: the first)"
    )
    parser.add_argument("--seed", type=int, default=None, help="choose among response variants")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Analyse the case named on the command line."""
    case = load_case(args.case)
    actions: Iterable[Action] | None = None
    if args.actions:
        actions = iter_actions(args.actions, goals=[g.id for g in case.goals])
    target = case.goal(args.goal) if args.goal else (case.goals[0] if case.goals else None)
    result = ambivalence(case.transcript, target=target)
    found = find_discrepancies(case, actions=actions)
    responses = [respond_to(d, seed=args.seed) for d in found]
    if args.json:
        print_json(analysis_data(result, found, responses))
    else:
        about = f" about {target.statement!r}" if target else ""
        print_text(analysis_text(result, found, responses, about=about))
    return 0


def analysis_data(
    result: Ambivalence, found: list[Discrepancy], responses: list[Response]
) -> dict[str, Any]:
    """The analysis as JSON-ready data."""
    return {
        "ambivalence": result.to_dict(),
        "discrepancies": [
            {**d.to_dict(), "response": r.to_dict()} for d, r in zip(found, responses, strict=True)
        ],
    }


def _counts(counts: dict[TalkKind, int]) -> str:
    parts = [f"{kind.value.replace('_', ' ')} {n}" for kind, n in counts.items() if n]
    return ", ".join(parts) or "none"


def ambivalence_text(result: Ambivalence, *, about: str = "") -> str:
    """The ambivalence as a few lines of text."""
    share = "n/a" if result.change_share is None else f"{result.change_share:.0%}"
    lines = [
        f"Ambivalence{about}:",
        f"  change talk {result.change_total} ({_counts(dict(result.change))})",
        f"  sustain talk {result.sustain_total} ({_counts(dict(result.sustain))})",
        f"  change-talk share {share}, trend {result.trend} (window {result.window})",
        f"  ambivalent: {'yes' if result.ambivalent else 'no'}",
        f"  stage of change (estimate): {result.stage.stage} - {result.stage.reason}",
    ]
    lines.extend(f"    {_quote(u)}" for u in result.stage.utterances[:3])
    cells = (
        ("pros of changing", result.balance.pros_of_changing),
        ("cons of changing", result.balance.cons_of_changing),
        ("pros of staying the same", result.balance.pros_of_staying),
        ("cons of staying the same", result.balance.cons_of_staying),
    )
    if not result.balance.empty:
        lines.append("  decisional balance:")
        for name, items in cells:
            if items:
                lines.append(f"    {name}:")
                lines.extend(f"      - {item}" for item in items)
    return "\n".join(lines)


def _quote(utterance: Utterance) -> str:
    return f"\u201c{' '.join(utterance.text.split())}\u201d"


def discrepancies_text(found: list[Discrepancy], responses: list[Response]) -> str:
    """The ranked discrepancies with their evidence and responses, as text."""
    if not found:
        return "Discrepancies: none found"
    lines = [f"Discrepancies ({len(found)}, most severe first):"]
    for rank, (d, response) in enumerate(zip(found, responses, strict=True), start=1):
        lines.append(f"  {rank}. {d.kind} - {d.goal.id} - severity {d.severity:.2f}")
        lines.append(f"     {d.summary}")
        lines.extend(f"     action: {_action(a)}" for a in d.actions)
        lines.extend(f"     said: {_quote(u)}" for u in d.utterances[:3])
        lines.append(f"     strategy: {d.strategy}")
        lines.extend(f"     > {line}" for line in response.lines)
    return "\n".join(lines)


def _action(action: Action) -> str:
    parts = [action.when.isoformat() if action.when else "undated", action.description]
    if action.amount is not None:
        parts.append(f"amount {action.amount:g}")
    if action.effect is not None:
        parts.append(str(action.effect))
    return ", ".join(parts)


def analysis_text(
    result: Ambivalence, found: list[Discrepancy], responses: list[Response], *, about: str = ""
) -> str:
    """The whole analysis as text."""
    return ambivalence_text(result, about=about) + "\n\n" + discrepancies_text(found, responses)


def demo_section(case: Case) -> tuple[str, str, Any]:
    """The demo's analysis of *case*: ambivalence, discrepancies and responses."""
    target = case.goals[0] if case.goals else None
    result = ambivalence(case.transcript, target=target)
    found = find_discrepancies(case)
    responses = [respond_to(d) for d in found]
    about = f" about {target.statement!r}" if target else ""
    return (
        "analysis",
        analysis_text(result, found, responses, about=about),
        analysis_data(result, found, responses),
    )
