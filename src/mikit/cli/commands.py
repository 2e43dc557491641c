"""The subcommands of ``mikit``, in the order ``--help`` lists them.

Each module holds one subcommand and a ``register(subparsers)`` function that adds
its parser and sets ``run``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from mikit.cli import analyze, ask, check, code, demo, plan, reflect, report

__all__ = ["REGISTRY"]

REGISTRY: list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]] = [
    demo.register,
    check.register,
    code.register,
    report.register,
    reflect.register,
    ask.register,
    analyze.register,
    plan.register,
]
