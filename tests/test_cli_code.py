"""``mikit code``: per-utterance codes and the MITI table, as text or JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mikit import ValidationError
from mikit.cli.main import main
from mikit.io.transcripts import load_transcript, parse_text_transcript

FIXTURES = Path(__file__).parent / "fixtures"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_text_transcript(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A text transcript prints one coded line per utterance and the MITI table."""
    path = _write(tmp_path, "s.txt", "T: What brings you in?\nC: I want to quit smoking.\n")
    assert main(["code", str(path)]) == 0
    out = capsys.readouterr().out
    assert "question/open" in out
    assert "MITI summary" in out
    assert "reflection-to-question" in out


def test_explain_shows_rules(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--explain prints the rule behind each code."""
    path = _write(tmp_path, "s.txt", "Counselor: So part of you wants to quit.\n")
    assert main(["code", str(path), "--explain"]) == 0
    assert "reflection." in capsys.readouterr().out


def test_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--json prints the codes and the MITI scores as JSON."""
    data = [
        {"speaker": "counselor", "text": "Do you smoke?"},
        {"speaker": "client", "text": "Yes."},
    ]
    path = _write(tmp_path, "s.json", json.dumps(data))
    assert main(["code", str(path), "--json", "--explain"]) == 0
    out = json.loads(capsys.readouterr().out)
    (transcript,) = out["transcripts"]
    assert transcript["utterances"][0]["code"]["question"] == "closed"
    assert "evidence" in transcript["utterances"][0]["code"]
    assert transcript["miti"]["questions"] == 1
    assert transcript["miti"]["proficiency"]["reflection_to_question"] == "below_fair"


def test_annomi_csv(capsys: pytest.CaptureFixture[str]) -> None:
    """An AnnoMI CSV is coded transcript by transcript."""
    assert main(["code", str(FIXTURES / "annomi_simple_tiny.csv")]) == 0
    out = capsys.readouterr().out
    assert "transcript 5" in out
    assert "transcript 7" in out


def test_format_overrides_extension(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--format text reads a file whatever its extension."""
    path = _write(tmp_path, "s.dat", "T: Mm-hmm.\n")
    assert main(["code", str(path), "--format", "text"]) == 0
    assert "other" in capsys.readouterr().out


def test_bad_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A line without a speaker label is reported on one stderr line with status 2."""
    path = _write(tmp_path, "s.txt", "hello there\n")
    assert main(["code", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "line 1" in err


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing file exits with status 2."""
    assert main(["code", str(tmp_path / "nope.json")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_demo_codes_the_sample(capsys: pytest.CaptureFixture[str]) -> None:
    """mikit demo shows the coded sample transcript and its MITI summary."""
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "Coded transcript" in out
    assert "MITI summary" in out


def test_demo_json_has_coding(capsys: pytest.CaptureFixture[str]) -> None:
    """mikit demo --json has a coding section."""
    assert main(["demo", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["coding"]["miti"]["reflections"] >= 1


def test_text_format_labels_and_continuations() -> None:
    """Speaker labels in any case, and unlabelled lines joining the turn before."""
    t = parse_text_transcript("THERAPIST: Hello.\n\nclient: I drink.\n  A lot.\nCounsellor: Okay.")
    assert [u.text for u in t] == ["Hello.", "I drink. A lot.", "Okay."]


def test_load_transcript_wants_one(tmp_path: Path) -> None:
    """load_transcript refuses a file with several transcripts."""
    with pytest.raises(ValidationError, match="holds 2 transcripts"):
        load_transcript(FIXTURES / "annomi_simple_tiny.csv")
