"""The mikit command: help, version, demo and check, with one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import mikit
from mikit.cli import main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints the package version."""
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"mikit {mikit.__version__}"


def test_help_lists_subcommands(capsys: pytest.CaptureFixture[str]) -> None:
    """--help lists demo and check."""
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "demo" in out
    assert "check" in out


def test_no_subcommand_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    """Without a subcommand, mikit prints help and exits 2."""
    assert main([]) == 2
    assert "usage: mikit" in capsys.readouterr().out


def test_demo_shows_the_sample_case(capsys: pytest.CaptureFixture[str]) -> None:
    """demo loads the shipped sample case and summarises it."""
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "Client: Sam" in out
    assert "quit smoking" in out
    assert "importance 8/10, confidence 3/10" in out


def test_demo_json(capsys: pytest.CaptureFixture[str]) -> None:
    """demo --json prints JSON with the case overview."""
    assert main(["demo", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["case"]["client"] == "Sam"


def test_check_valid_case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """check prints a summary of a valid case."""
    path = tmp_path / "case.json"
    path.write_text(json.dumps({"client": "Ana", "goals": [{"id": "g", "statement": "walk"}]}))
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "valid case" in out
    assert "g: walk" in out


def test_check_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """check --json prints the summary as JSON."""
    path = tmp_path / "case.json"
    path.write_text("{}")
    assert main(["check", "--json", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["valid"] is True


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"goals": [{"id": "g", "statement": "x", "importance": 12}]}', "goals[0].importance"),
        ('{"goals": [', "invalid JSON at line 1"),
        ('{"goal": []}', "unknown key; did you mean 'goals'?"),
    ],
)
def test_check_bad_case_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, expected: str
) -> None:
    """A bad case prints one line on stderr and exits 2."""
    path = tmp_path / "case.json"
    path.write_text(text)
    assert main(["check", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert expected in captured.err
    assert captured.err.count("\n") == 1
    assert "Traceback" not in captured.err


def test_check_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    """A missing file is one line on stderr with exit status 2."""
    assert main(["check", "no-such-case.json"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_python_m_mikit() -> None:
    """python -m mikit runs the command."""
    result = subprocess.run(
        [sys.executable, "-m", "mikit", "check", "/nonexistent/case.json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("mikit check: error: ")
    assert "Traceback" not in result.stderr


def test_usage_error_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    """A usage error prints one line on stderr and exits 2."""
    with pytest.raises(SystemExit) as info:
        main(["check"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("mikit check: error: the following arguments are required")


def test_unknown_subcommand_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown subcommand prints one line on stderr and exits 2."""
    with pytest.raises(SystemExit) as info:
        main(["dance"])
    assert info.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1
