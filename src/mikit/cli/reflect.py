"""``mikit reflect "TEXT"``: a reflection of what the client said."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mikit.cli.output import print_json, print_text
from mikit.oars import ReflectionKind, reflect, reflections

if TYPE_CHECKING:
    import argparse

    from mikit.models import Case

__all__ = ["demo_section", "register", "run"]

_MIN_WORDS = 5


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``reflect`` subcommand."""
    parser = sub.add_parser(
        "reflect",
        help="reflect what a client said (simple, complex, double-sided, amplified, reframe)",
        description="Print an MI reflection of the client's words: a statement in the "
        "second person, ending with a period.",
    )
    parser.add_argument("text", metavar="TEXT", help="what the client said")
    parser.add_argument(
        "--kind",
        choices=[k.value for k in ReflectionKind],
        default=ReflectionKind.SIMPLE.value,
        help="the kind of reflection (default: simple)",
    )
    parser.add_argument("--seed", type=int, default=None, help="choose among the variants")
    parser.add_argument(
        "--target", default=None, help='the goal the talk is about ("quit smoking")'
    )
    parser.add_argument("--all", action="store_true", help="print every variant")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the reflection (or every variant with ``--all``)."""
    if args.all:
        found = reflections(args.text, kind=args.kind, target=args.target)
    else:
        found = [reflect(args.text, kind=args.kind, target=args.target, seed=args.seed)]
    if args.json:
        data: dict[str, Any] = {"text": args.text, "kind": args.kind, "seed": args.seed}
        data["reflections" if args.all else "reflection"] = found if args.all else found[0]
        print_json(data)
    else:
        print_text("\n".join(found))
    return 0


def demo_section(case: Case) -> tuple[str, str, Any]:
    """The demo's suggested reflections for the client's lines in *case*."""
    target = case.goals[0] if case.goals else None
    lines: list[str] = []
    data: list[dict[str, str]] = []
    for seed, utterance in enumerate(case.transcript.client_utterances):
        if len(utterance.text.split()) < _MIN_WORDS:
            continue
        kind = ReflectionKind.COMPLEX
        if any(w in utterance.text.lower().split() for w in ("but", "though", "although")):
            kind = ReflectionKind.DOUBLE_SIDED
        suggestion = reflect(utterance.text, kind=kind, target=target, seed=seed)
        lines += [f"  Client: {utterance.text}", f"  {kind}: {suggestion}"]
        data.append({"client": utterance.text, "kind": kind.value, "reflection": suggestion})
    text = "Suggested reflections:\n" + "\n".join(lines)
    return ("reflections", text, data)
