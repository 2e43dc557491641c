"""``mikit check CASE.json``: validate a case file and summarise it."""

from __future__ import annotations

import argparse

from mikit.cli.output import print_json, print_text
from mikit.cli.overview import case_overview, case_overview_text
from mikit.io import load_case

__all__ = ["register"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``check`` subcommand."""
    parser = sub.add_parser(
        "check",
        help="validate a case file and print a summary",
        description="Validate a case file and print a one-screen summary. "
        "On bad input, print the error and exit with status 2.",
    )
    parser.add_argument("case", metavar="CASE.json", help="the case file to check")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Validate and summarise the case named on the command line."""
    case = load_case(args.case)
    if args.json:
        print_json({"valid": True, **case_overview(case)})
    else:
        print_text(f"{args.case}: valid case\n{case_overview_text(case)}")
    return 0
