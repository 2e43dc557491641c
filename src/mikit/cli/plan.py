"""``mikit plan CASE.json --goal ID``: a change-plan worksheet for one goal."""

from __future__ import annotations

import argparse
from typing import Any

from mikit.cli.output import print_json, print_text
from mikit.io import load_case
from mikit.models import Case
from mikit.oars.plan import change_plan

__all__ = ["demo_section", "register", "run"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``plan`` subcommand."""
    parser = sub.add_parser(
        "plan",
        help="print a change-plan worksheet for one goal",
        description="Build a change-plan worksheet for one goal of a case, filled from "
        "what the case holds, with marked prompts where it holds nothing.",
    )
    parser.add_argument("case", metavar="CASE.json", help="the case file")
    parser.add_argument("--goal", metavar="ID", required=True, help="the id of the goal")
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--markdown", action="store_true", help="print Markdown")
    form.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the change plan for the goal named on the command line."""
    case = load_case(args.case)
    plan = change_plan(case, args.goal)
    if args.json:
        print_json(plan.to_dict())
    elif args.markdown:
        print_text(plan.to_markdown().rstrip("\n"))
    else:
        print_text(plan.to_text().rstrip("\n"))
    return 0


def demo_section(case: Case) -> tuple[str, str, Any]:
    """The demo's change plan for the first goal of *case*."""
    if not case.goals:
        return ("plan", "Change plan: (no goal)", {})
    plan = change_plan(case, case.goals[0].id)
    return ("plan", plan.to_text().rstrip("\n"), plan.to_dict())
