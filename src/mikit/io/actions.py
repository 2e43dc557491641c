"""Actions from JSON Lines files: one action object per line, read as a stream.

A log of actions can be far larger than a case file. :func:`iter_actions` reads it
one line at a time, so memory stays flat however long the file is::

    {"goal": "smoking", "description": "smoked at a party", "when": "2026-11-14", "amount": 25}
    {"goal": "smoking", "description": "went for a run instead", "effect": "toward"}

Blank lines are skipped. Errors name the file and the line.
"""

from __future__ import annotations

import json
import os
from collections.abc import Collection, Iterator
from pathlib import Path

from mikit.errors import FileReadError, JSONSyntaxError, ValidationError
from mikit.io.converter import structure
from mikit.models import Action
from mikit.models.case import did_you_mean

__all__ = ["iter_actions", "load_actions"]


def iter_actions(
    path: str | os.PathLike[str], *, goals: Collection[str] | None = None
) -> Iterator[Action]:
    """Yield the actions of a JSON Lines file, one validated action per line.

    The file is read lazily, line by line, and never modified.

    Args:
        path: The file: one JSON object per line, each an action as in a case file.
        goals: The goal ids an action may name; any id when None.

    Yields:
        The actions, in file order.

    Raises:
        FileReadError: If the file is missing, is a directory, cannot be read or is
            not UTF-8.
        JSONSyntaxError: If a line is not well-formed JSON (naming the line).
        ValidationError: If a line is not a valid action, or names a goal not in
            *goals* (naming the line).
    """
    p = Path(path)
    known = None if goals is None else frozenset(goals)
    try:
        handle = p.open(encoding="utf-8-sig")
    except OSError as err:
        raise FileReadError.reading(p, err) from None
    with handle:
        line_no = 0
        try:
            for line_no, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                action = _action(line, where=f"{p}: line {line_no}", line_no=line_no)
                if known is not None and action.goal not in known:
                    hint = did_you_mean(action.goal, known)
                    msg = f"no goal has the id {action.goal!r}{hint}"
                    raise ValidationError("goal", msg, source=f"{p}: line {line_no}")
                yield action
        except UnicodeDecodeError as err:
            msg = f"{p}: not UTF-8 text (line {line_no + 1}, byte {err.start})"
            raise FileReadError(msg) from None


def _action(line: str, *, where: str, line_no: int) -> Action:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as err:
        msg = f"{where}: invalid JSON at column {err.colno}: {err.msg}"
        raise JSONSyntaxError(msg, line=line_no, column=err.colno) from None
    except RecursionError:
        msg = f"{where}: invalid JSON at column 1: nested too deeply"
        raise JSONSyntaxError(msg, line=line_no, column=1) from None
    try:
        return structure(data, Action)
    except ValidationError as err:
        raise err.at_source(where) from None


def load_actions(
    path: str | os.PathLike[str], *, goals: Collection[str] | None = None
) -> list[Action]:
    """Read every action of a JSON Lines file into a list.

    Args:
        path: The file: one JSON object per line.
        goals: The goal ids an action may name; any id when None.

    Returns:
        The actions, in file order.

    Raises:
        FileReadError: If the file cannot be read.
        JSONSyntaxError: If a line is not well-formed JSON (naming the line).
        ValidationError: If a line is not a valid action (naming the line).
    """
    return list(iter_actions(path, goals=goals))
