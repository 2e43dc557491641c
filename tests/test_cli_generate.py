"""``mikit reflect``, ``mikit ask`` and the generation part of ``mikit demo``."""

from __future__ import annotations

import json

import pytest

from mikit.cli.main import main


def test_reflect_prints_a_reflection(capsys: pytest.CaptureFixture[str]) -> None:
    """`mikit reflect TEXT` prints a simple reflection."""
    assert main(["reflect", "I want to quit for my kids."]) == 0
    assert capsys.readouterr().out.strip() == "So you want to quit for your kids."


def test_reflect_kind_and_seed(capsys: pytest.CaptureFixture[str]) -> None:
    """--kind double_sided puts the sustain side first; --seed is honoured."""
    text = "I want to quit but smoking helps me relax"
    assert main(["reflect", text, "--kind", "double_sided", "--seed", "1"]) == 0
    out = capsys.readouterr().out
    assert out.index("smoking helps you relax") < out.index("you want to quit")


def test_reflect_json(capsys: pytest.CaptureFixture[str]) -> None:
    """--json prints the text, kind, seed and reflection."""
    assert main(["reflect", "I smoke when I'm stressed.", "--kind", "complex", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["kind"] == "complex"
    assert data["reflection"].endswith(".")


def test_reflect_all_lists_every_variant(capsys: pytest.CaptureFixture[str]) -> None:
    """--all --json lists every variant."""
    assert main(["reflect", "I want to quit.", "--all", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["reflections"]) >= 2


def test_reflect_template_syntax_is_literal(capsys: pytest.CaptureFixture[str]) -> None:
    """Template syntax in the client's text comes back literally."""
    assert main(["reflect", "{{ 7*7 }}"]) == 0
    assert "{{ 7*7 }}" in capsys.readouterr().out


def test_reflect_empty_text_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    """Empty text gives a one-line error and exit status 2."""
    assert main(["reflect", ""]) == 2
    assert "nothing to reflect" in capsys.readouterr().err


def test_ask_prints_questions_and_followups(capsys: pytest.CaptureFixture[str]) -> None:
    """`mikit ask` prints evocative questions and ruler follow-ups."""
    assert main(["ask", "--goal", "quit smoking", "--importance", "6", "--confidence", "3"]) == 0
    out = capsys.readouterr().out
    assert "What makes it a 6 and not a 3?" in out
    assert "What would it take to move from 3 to 4?" in out
    assert "What do you think you'll do?" in out


def test_ask_json(capsys: pytest.CaptureFixture[str]) -> None:
    """--json gives questions by kind and rulers with follow-ups."""
    assert (
        main(["ask", "--goal", "exercise more", "--kind", "reasons", "--importance", "0", "--json"])
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert list(data["questions"]) == ["reasons"]
    assert data["rulers"]["importance"]["followup"] == ["What would it take to move from 0 to 1?"]
    assert "followup" not in data["rulers"]["confidence"]


def test_ask_rejects_out_of_range_score(capsys: pytest.CaptureFixture[str]) -> None:
    """A score outside 0..10 is a usage error."""
    with pytest.raises(SystemExit):
        main(["ask", "--goal", "quit smoking", "--importance", "11"])
    assert "0..10" in capsys.readouterr().err


def test_ask_blank_goal_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    """A blank goal gives a one-line error and exit status 2."""
    assert main(["ask", "--goal", "  "]) == 2
    assert "must not be empty" in capsys.readouterr().err


def test_demo_shows_reflections_and_questions(capsys: pytest.CaptureFixture[str]) -> None:
    """`mikit demo --json` has suggested reflections and questions for the sample case."""
    assert main(["demo", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["reflections"]
    assert all(r["reflection"].endswith(".") for r in data["reflections"])
    assert data["questions"]["rulers"]["importance"]["followup"] == [
        "What makes it an 8 and not a 5?"
    ]
