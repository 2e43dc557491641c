"""Case files load, validate and dump; bad files get one clear line."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest

from mikit import (
    Case,
    Direction,
    FileReadError,
    JSONSyntaxError,
    Ruler,
    UnknownKeyError,
    ValidationError,
    dump_case,
    load_case,
)

EXAMPLE: dict[str, Any] = {
    "client": "Sam",
    "values": ["health", "my kids"],
    "goals": [
        {
            "id": "smoking",
            "statement": "quit smoking",
            "behavior": "smoking",
            "unit": "cigarettes",
            "per": "day",
            "direction": "decrease",
            "baseline": 20,
            "target": 0,
            "importance": 8,
            "confidence": 3,
            "source": "self",
            "values": ["health", "my kids"],
        }
    ],
    "actions": [
        {"when": "2026-11-20", "goal": "smoking", "description": "smoked at a party", "amount": 12},
        {
            "when": "2026-11-21",
            "goal": "smoking",
            "description": "went for a run instead of a cigarette",
            "effect": "toward",
        },
    ],
    "transcript": [{"speaker": "client", "text": "I want to quit, but it's how I relax."}],
}


def _write(tmp_path: Path, data: object, name: str = "case.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_documented_example_loads(tmp_path: Path) -> None:
    """The example from the case format page loads into typed models."""
    case = load_case(_write(tmp_path, EXAMPLE))
    goal = case.goal("smoking")
    assert goal.direction is Direction.DECREASE
    assert isinstance(goal.importance, Ruler)
    assert goal.baseline == 20
    assert case.actions[0].when == dt.date(2026, 11, 20)
    assert case.transcript[0].text == "I want to quit, but it's how I relax."


def test_minimal_case(tmp_path: Path) -> None:
    """Every top-level key is optional."""
    assert load_case(_write(tmp_path, {})) == Case()


def test_minimal_goal_and_action() -> None:
    """A goal needs only id and statement; an action only goal and description."""
    case = Case.from_dict(
        {
            "goals": [{"id": "g", "statement": "walk more"}],
            "actions": [{"goal": "g", "description": "walked"}],
        }
    )
    assert case.actions[0].when is None


def test_round_trip_dict() -> None:
    """to_dict gives back the same data the case was built from."""
    case = Case.from_dict(EXAMPLE)
    assert case.to_dict() == EXAMPLE
    assert Case.from_dict(case.to_dict()) == case


def test_dump_and_load(tmp_path: Path) -> None:
    """dump_case writes a file that load_case reads back equal."""
    case = Case.from_dict(EXAMPLE)
    path = tmp_path / "out.json"
    dump_case(case, path)
    assert load_case(path) == case
    assert path.read_text(encoding="utf-8").endswith("\n")


def test_datetimes_round_trip() -> None:
    """A datetime stays a datetime; a date stays a date."""
    data = {
        "goals": [{"id": "g", "statement": "walk more"}],
        "actions": [
            {"goal": "g", "description": "a", "when": "2026-11-20T18:30:00"},
            {"goal": "g", "description": "b", "when": "2026-11-20"},
        ],
    }
    case = Case.from_dict(data)
    assert isinstance(case.actions[0].when, dt.datetime)
    assert type(case.actions[1].when) is dt.date
    assert case.to_dict() == data


def test_transcript_with_id_and_annotations_round_trips() -> None:
    """A transcript object keeps its id and annotations."""
    data = {
        "transcript": {
            "utterances": [{"speaker": "counselor", "text": "Hi", "annotations": {"a": "b"}}],
            "id": "s1",
            "annotations": {"topic": "smoking"},
        }
    }
    case = Case.from_dict(data)
    assert case.transcript.id == "s1"
    assert case.to_dict() == data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"goals": [{"id": "g", "statement": "x", "importance": 12}]},
            "goals[0].importance: must be an integer 0..10, got 12",
        ),
        (
            {"goals": [{"id": "g", "statement": "x", "importance": "8"}]},
            "goals[0].importance: must be an integer 0..10, got '8'",
        ),
        ({"goals": [{"id": "g"}]}, "goals[0]: missing required key 'statement'"),
        (
            {"goals": [{"id": "g", "statement": 3}]},
            "goals[0].statement: must be a string, got an integer",
        ),
        ({"goals": {"id": "g"}}, "goals: "),
        ({"client": ["Sam"]}, "client: must be a string, got a list"),
        ({"values": ["health", 3]}, "values[1]: must be a string, got an integer"),
        (
            {"goals": [{"id": "g", "statement": "x", "baseline": "lots"}]},
            "goals[0].baseline: must be a number, got 'lots'",
        ),
        (
            {"goals": [{"id": "g", "statement": "x", "direction": "down"}]},
            "goals[0].direction: must be one of increase, decrease, maintain, got 'down'",
        ),
        (
            {"goals": [{"id": "g", "statement": "x", "target": 1}]},
            "goals[0].target: a target needs a direction (increase, decrease or maintain)",
        ),
        (
            {"actions": [{"goal": "g", "description": "x"}]},
            "actions[0].goal: no goal has the id 'g'",
        ),
        (
            {
                "goals": [{"id": "g", "statement": "x"}],
                "actions": [{"goal": "g", "description": "x", "when": "last week"}],
            },
            (
                "actions[0].when: must be an ISO date or datetime such as '2026-11-20', "
                "got 'last week'"
            ),
        ),
        (
            {"transcript": [{"speaker": "client", "text": "hi"}, {"speaker": "me", "text": "x"}]},
            "transcript[1].speaker: must be one of client, counselor, got 'me'",
        ),
        (
            {"transcript": [{"speaker": "client", "text": "hi", "annotations": {"a": 1}}]},
            "transcript[0].annotations.a: must be a string, got an integer",
        ),
        ({"transcript": "hello"}, "transcript: must be a list of utterances, got a string"),
    ],
)
def test_bad_values_name_the_path(data: dict[str, Any], message: str) -> None:
    """A wrong type or value is reported with the path of the field."""
    with pytest.raises(ValidationError) as info:
        Case.from_dict(data)
    assert str(info.value).startswith(message)
    assert "\n" not in str(info.value)


def test_unknown_key_suggests_the_closest() -> None:
    """An unknown key is named, with the closest known key."""
    with pytest.raises(UnknownKeyError) as info:
        Case.from_dict({"goals": [{"id": "g", "statment": "x"}]})
    assert str(info.value) == "goals[0].statment: unknown key; did you mean 'statement'?"


def test_unknown_top_level_key() -> None:
    """An unknown top-level key lists the known keys when none is close."""
    with pytest.raises(UnknownKeyError, match=r"^zzz: unknown key; known keys: client, values"):
        Case.from_dict({"zzz": 1})


def test_top_level_must_be_an_object(tmp_path: Path) -> None:
    """A JSON list is not a case."""
    with pytest.raises(ValidationError, match="must be an object, got a list"):
        load_case(_write(tmp_path, [1, 2]))


def test_malformed_json_gives_line_and_column(tmp_path: Path) -> None:
    """Malformed JSON is reported with its line and column."""
    path = tmp_path / "bad.json"
    path.write_text('{"goals": [\n  {"id": }\n]}', encoding="utf-8")
    with pytest.raises(JSONSyntaxError) as info:
        load_case(path)
    assert (info.value.line, info.value.column) == (2, 10)
    assert str(info.value) == f"{path}: invalid JSON at line 2, column 10: Expecting value"


def test_deeply_nested_json(tmp_path: Path) -> None:
    """JSON nested past the parser's limit is a syntax error, not a crash."""
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises((JSONSyntaxError, ValidationError)):
        load_case(path)


def test_missing_file(tmp_path: Path) -> None:
    """A missing file is a FileReadError that names it."""
    path = tmp_path / "nope.json"
    with pytest.raises(FileReadError, match="no such file"):
        load_case(path)


def test_directory(tmp_path: Path) -> None:
    """A directory is not a case file."""
    with pytest.raises(FileReadError, match="is a directory"):
        load_case(tmp_path)


def test_not_utf8(tmp_path: Path) -> None:
    """A file that is not UTF-8 is reported, not decoded wrongly."""
    path = tmp_path / "latin.json"
    path.write_bytes(b'{"client": "Jos\xe9"}')
    with pytest.raises(FileReadError, match="not UTF-8"):
        load_case(path)


def test_utf8_with_bom(tmp_path: Path) -> None:
    """A UTF-8 file with a byte-order mark loads."""
    path = tmp_path / "bom.json"
    path.write_bytes(b'\xef\xbb\xbf{"client": "Jos\xc3\xa9"}')
    assert load_case(path).client == "José"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads unreadable files")
def test_unreadable_file(tmp_path: Path) -> None:
    """A file without read permission is a FileReadError."""
    path = _write(tmp_path, {})
    path.chmod(0)
    with pytest.raises(FileReadError, match="cannot be read"):
        load_case(path)


def test_loading_never_modifies_the_file(tmp_path: Path) -> None:
    """load_case leaves the bytes and the modification time as they were."""
    path = _write(tmp_path, EXAMPLE)
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    load_case(path)
    with pytest.raises(ValidationError):
        load_case(_write(tmp_path, {"goals": [{"id": 1}]}, "bad.json"))
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_dump_to_missing_directory(tmp_path: Path) -> None:
    """Writing into a missing directory is a FileReadError."""
    with pytest.raises(FileReadError, match="cannot be written"):
        dump_case(Case(), tmp_path / "no" / "such" / "dir.json")


def test_error_names_the_file(tmp_path: Path) -> None:
    """Validation errors from a file start with the file's path."""
    path = _write(tmp_path, {"goals": [{"id": "g", "statement": "x", "confidence": 99}]})
    with pytest.raises(ValidationError) as info:
        load_case(path)
    assert str(info.value) == f"{path}: goals[0].confidence: must be an integer 0..10, got 99"
    assert info.value.path == "goals[0].confidence"
