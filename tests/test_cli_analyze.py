"""``mikit analyze``, ``mikit plan`` and their demo sections."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from mikit.cli.main import main

SAMPLE = str(resources.files("mikit").joinpath("data/sample_case.json"))


def test_analyze_prints_ambivalence_discrepancies_and_responses(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The text output has the ambivalence, the ranked discrepancies and the responses."""
    assert main(["analyze", SAMPLE]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Ambivalence about 'quit smoking':")
    assert "Discrepancies (" in out
    assert "1. behavior_gap - smoking - severity" in out
    assert "> How does that fit with wanting to quit for your kids?" in out
    assert "action: 2026-11-18, smoked after an argument at work" in out


def test_analyze_json_is_ranked(capsys: pytest.CaptureFixture[str]) -> None:
    """--json gives the ambivalence and the discrepancies, most severe first, with responses."""
    assert main(["analyze", SAMPLE, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"ambivalence", "discrepancies"}
    severities = [d["severity"] for d in data["discrepancies"]]
    assert severities == sorted(severities, reverse=True)
    assert all(d["response"]["lines"] for d in data["discrepancies"])
    assert data["ambivalence"]["stage"]["stage"] in {
        "precontemplation",
        "contemplation",
        "preparation",
        "action",
        "maintenance",
    }


def _case(tmp_path: Path) -> Path:
    case = {
        "goals": [
            {
                "id": "smoking",
                "statement": "quit smoking",
                "unit": "cigarettes",
                "per": "day",
                "direction": "decrease",
                "baseline": 20,
                "target": 0,
            }
        ]
    }
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    return path


def test_analyze_streams_actions_from_json_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--actions reads the actions from a JSON Lines file instead of the case."""
    actions = tmp_path / "actions.jsonl"
    rows = [{"goal": "smoking", "description": "smoked", "amount": 15}] * 3
    actions.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert main(["analyze", str(_case(tmp_path)), "--actions", str(actions), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    (gap,) = data["discrepancies"]
    assert gap["kind"] == "behavior_gap"
    assert gap["progress"]["actions"] == 3
    assert gap["severity"] == pytest.approx(0.75)


def test_analyze_bad_action_line_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An action for an unknown goal prints one error naming the line, exit status 2."""
    actions = tmp_path / "actions.jsonl"
    actions.write_text(
        '{"goal": "smoking", "description": "x"}\n{"goal": "smokin", "description": "y"}\n'
    )
    assert main(["analyze", str(_case(tmp_path)), "--actions", str(actions)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "line 2" in err
    assert "did you mean 'smoking'" in err


def test_analyze_unknown_target_goal(capsys: pytest.CaptureFixture[str]) -> None:
    """--goal with an unknown id is an error with a hint."""
    assert main(["analyze", SAMPLE, "--goal", "smokin"]) == 2
    assert "did you mean 'smoking'" in capsys.readouterr().err


def test_plan_prints_the_worksheet(capsys: pytest.CaptureFixture[str]) -> None:
    """`mikit plan --goal` prints the worksheet as text."""
    assert main(["plan", SAMPLE, "--goal", "smoking"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Change plan: quit smoking")
    assert "(to fill in) Who could help you with this, and how?" in out


def test_plan_markdown_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    """--markdown prints Markdown; --json the worksheet's data."""
    assert main(["plan", SAMPLE, "--goal", "walking", "--markdown"]) == 0
    assert capsys.readouterr().out.startswith("# Change plan: walk three times a week")
    assert main(["plan", SAMPLE, "--goal", "walking", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["goal"] == "walking"


def test_plan_unknown_goal(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown goal id exits with status 2 and one error line."""
    assert main(["plan", SAMPLE, "--goal", "walkin"]) == 2
    assert "did you mean 'walking'" in capsys.readouterr().err


def test_demo_shows_analysis_and_plan(capsys: pytest.CaptureFixture[str]) -> None:
    """The demo includes the analysis and the change plan of the sample case."""
    assert main(["demo", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["analysis"]["discrepancies"]
    assert data["plan"]["goal"] == "smoking"
