"""``mikit report FILE -o report.html``: a transcript or a case as one HTML page."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mikit.cli.output import print_json, print_text
from mikit.errors import CaseFileError, FileReadError
from mikit.io.cases import read_json

if TYPE_CHECKING:
    import argparse

    from mikit.models import Case, Transcript

__all__ = ["register", "run"]

_CASE_KEYS = frozenset({"client", "values", "goals", "actions"})


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``report`` subcommand."""
    parser = sub.add_parser(
        "report",
        help="write an HTML report of a transcript or a case",
        description="Code a transcript (or a case's transcript) and write one self-contained "
        "HTML page: the coded conversation, a chart of change talk against sustain talk, the "
        "MITI summary scores and, for a case, the goals, discrepancies and suggested responses. "
        "The page has no scripts and loads nothing from the network.",
    )
    parser.add_argument("file", metavar="FILE", help="a transcript file or a case file")
    parser.add_argument(
        "-o",
        "--output",
        metavar="REPORT.html",
        default="report.html",
        help="where to write the page ('-' for standard output; default: report.html)",
    )
    parser.add_argument(
        "--format",
        choices=("case", "json", "text", "annomi"),
        default=None,
        help="the kind of FILE (default: a JSON object with goals, values or actions is a "
        "case; anything else is read as a transcript)",
    )
    parser.add_argument("--title", default=None, help="the page title")
    parser.add_argument("--json", action="store_true", help="print a JSON summary of the report")
    parser.set_defaults(run=run)


def _looks_like_case(path: Path) -> bool:
    if path.suffix.lower() != ".json":
        return False
    try:
        data = read_json(path)
    except CaseFileError:
        return False
    return isinstance(data, dict) and bool(_CASE_KEYS & data.keys())


def load_source(path: str, fmt: str | None) -> Case | Transcript:
    """Read *path* as a case or a transcript, detecting which when *fmt* is None.

    Raises:
        CaseFileError: If the file cannot be read as either.
        ValidationError: If its contents are invalid.
    """
    from mikit.io import load_case
    from mikit.io.transcripts import load_transcript

    p = Path(path)
    if fmt == "case" or (fmt is None and _looks_like_case(p)):
        return load_case(p)
    return load_transcript(p, format=fmt)


def run(args: argparse.Namespace) -> int:
    """Write the report for the file named on the command line."""
    from mikit.models import Case
    from mikit.report import render_report

    source = load_source(args.file, args.format)
    page = render_report(source, title=args.title)
    kind = "case" if isinstance(source, Case) else "transcript"
    if args.output == "-":
        sys.stdout.write(page)
        return 0
    out = Path(args.output)
    try:
        out.write_text(page, encoding="utf-8")
    except OSError as err:
        msg = f"{out}: cannot be written ({err.strerror or err})"
        raise FileReadError(msg) from None
    summary: dict[str, Any] = {
        "input": args.file,
        "kind": kind,
        "output": str(out),
        "bytes": len(page.encode("utf-8")),
        "utterances": len(source.transcript if isinstance(source, Case) else source),
    }
    if args.json:
        print_json(summary)
    else:
        print_text(
            f"Wrote {out}: a {kind} report of {summary['utterances']} utterances. "
            "Open it in a browser; it needs no network."
        )
    return 0
