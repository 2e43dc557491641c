"""``mikit demo``: the main tour, on the sample case shipped in the package."""

from __future__ import annotations

import argparse
from typing import Any

from mikit.cli import analyze, ask, code, plan, reflect
from mikit.cli.output import print_json, print_text
from mikit.cli.overview import case_overview, case_overview_text
from mikit.io.cases import sample_case
from mikit.models import Case

__all__ = ["load_sample_case", "register"]


def load_sample_case() -> Case:
    """The sample case shipped inside the package (see :func:`mikit.io.sample_case`)."""
    return sample_case()


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``demo`` subcommand."""
    parser = sub.add_parser(
        "demo",
        help="run the tour on the sample case shipped with mikit",
        description="Load the sample case shipped with mikit and show what mikit makes of it.",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Show the tour on the sample case."""
    case = load_sample_case()
    sections: list[tuple[str, str, Any]] = [
        ("case", case_overview_text(case), case_overview(case)),
        code.demo_section(case.transcript),
        reflect.demo_section(case),
        ask.demo_section(case),
        analyze.demo_section(case),
        plan.demo_section(case),
    ]
    if args.json:
        print_json({key: data for key, _, data in sections})
        return 0
    print_text("mikit demo: the sample case\n")
    print_text("\n\n".join(text for _, text, _ in sections))
    return 0
