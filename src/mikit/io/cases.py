"""Case files: JSON in, validated models out, and back."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, TypeVar

from mikit.errors import FileReadError, JSONSyntaxError, ValidationError
from mikit.io.converter import structure, unstructure
from mikit.models import Case

__all__ = [
    "dump_case",
    "load_case",
    "parse_json",
    "read_json",
    "sample_case",
    "structure_json_text",
]


T = TypeVar("T")


def parse_json(text: str, *, source: str) -> Any:
    """Parse JSON *text*, naming *source* and the line and column of an error.

    Raises:
        JSONSyntaxError: If the text is not well-formed JSON.
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        msg = f"{source}: invalid JSON at line {err.lineno}, column {err.colno}: {err.msg}"
        raise JSONSyntaxError(msg, line=err.lineno, column=err.colno) from None
    except RecursionError:
        msg = f"{source}: invalid JSON at line 1, column 1: nested too deeply"
        raise JSONSyntaxError(msg, line=1, column=1) from None


def structure_json_text(text: str, cls: type[T], *, source: str) -> T:
    """Parse JSON *text* and structure it as *cls*, naming *source* in errors.

    Raises:
        JSONSyntaxError: If the text is not well-formed JSON.
        ValidationError: If the data does not fit *cls*.
    """
    try:
        return structure(parse_json(text, source=source), cls)
    except ValidationError as err:
        raise err.at_source(source) from None


def read_json(path: str | os.PathLike[str]) -> Any:
    """Read a UTF-8 JSON file without changing it.

    Raises:
        FileReadError: If the file is missing, is a directory, cannot be read, or is
            not UTF-8.
        JSONSyntaxError: If the text is not well-formed JSON (with line and column).
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise FileReadError.reading(p, err) from None
    return parse_json(text, source=str(p))


def load_case(path: str | os.PathLike[str]) -> Case:
    """Load and validate a case file.

    The file is opened for reading only; it is never modified.

    Args:
        path: A JSON case file (see the case format in the docs).

    Returns:
        The validated case.

    Raises:
        FileReadError: If the file cannot be read.
        JSONSyntaxError: If it is not well-formed JSON.
        ValidationError: If a field is missing, unknown, of the wrong type or
            invalid; the message starts with the path of the field.
    """
    p = Path(path)
    data = read_json(p)
    try:
        return structure(data, Case)
    except ValidationError as err:
        raise err.at_source(str(p)) from None


def sample_case() -> Case:
    """The sample case shipped inside the package, the one ``mikit demo`` shows.

    Sam, a parent, wants to quit smoking for their kids (importance 8, confidence 3),
    smokes at parties, has a few good days, and has a short first session on record.

    >>> case = sample_case()
    >>> case.client, case.goal("smoking").statement
    ('Sam', 'quit smoking')
    """
    from importlib import resources

    text = resources.files("mikit").joinpath("data/sample_case.json").read_text(encoding="utf-8")
    return structure_json_text(text, Case, source="sample_case.json")


def dump_case(case: Case, path: str | os.PathLike[str]) -> None:
    """Write *case* as a JSON case file (UTF-8, indented, defaults left out).

    Raises:
        FileReadError: If the file cannot be written.
    """
    text = json.dumps(unstructure(case), indent=2, ensure_ascii=False) + "\n"
    p = Path(path)
    try:
        p.write_text(text, encoding="utf-8")
    except OSError as err:
        msg = f"{p}: cannot be written ({err.strerror or err})"
        raise FileReadError(msg) from None
