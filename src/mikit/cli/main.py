"""The ``mikit`` command: parse arguments, run a subcommand, report errors in one line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from mikit.errors import MikitError

__all__ = ["main"]

EXIT_OK = 0
EXIT_ERROR = 2


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line, like mikit's own errors."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with one subparser per subcommand module."""
    from importlib.metadata import version

    from mikit.cli import commands

    parser = _Parser(
        prog="mikit",
        description="Motivational interviewing building blocks.",
    )
    parser.add_argument("--version", action="version", version=f"mikit {version('mikit')}")
    # Subparsers are _Parser too, so their usage errors are one line as well.
    sub: argparse._SubParsersAction[argparse.ArgumentParser] = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_Parser
    )
    for register in commands.REGISTRY:
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``mikit`` command and return its exit status.

    Errors that mikit raises are printed to stderr as one line, with exit status 2.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        status: int = args.run(args)
    except MikitError as err:
        print(f"mikit {args.command}: error: {err}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    return status
