"""AnnoMI loader: both CSV layouts, majority labels, the fixed split and label mapping."""

from __future__ import annotations

from pathlib import Path

import pytest

from mikit import (
    ClientCode,
    CodedTranscript,
    CodedUtterance,
    CounselorCode,
    FileReadError,
    Speaker,
    Transcript,
    ValidationError,
    code_transcript,
)
from mikit.datasets import annomi

FIXTURES = Path(__file__).parent / "fixtures"
SIMPLE = FIXTURES / "annomi_simple_tiny.csv"
FULL = FIXTURES / "annomi_full_tiny.csv"
HEADER = (
    "transcript_id,mi_quality,video_title,video_url,topic,utterance_id,interlocutor,"
    "timestamp,utterance_text,main_therapist_behaviour,client_talk_type\n"
)


def test_simple_file_reads_transcripts_in_order() -> None:
    """Transcripts come ordered by id, utterances by utterance_id, with session annotations."""
    transcripts = annomi.load(SIMPLE)
    assert [t.id for t in transcripts] == ["5", "7"]
    first = transcripts[0]
    assert [u.text for u in first] == ["Do you drink every day?", "I guess I could cut down."]
    assert first[0].speaker is Speaker.COUNSELOR
    assert first.annotations["mi_quality"] == "low"
    assert first.annotations["video_title"] == 'A "low" demo'
    assert first.annotations["topic"] == "reducing drinking"


def test_gold_labels_are_kept() -> None:
    """Each utterance keeps its gold label; n/a labels are left out."""
    t = annomi.load(SIMPLE)[1]
    assert t[0].annotations["main_therapist_behaviour"] == "question"
    assert "client_talk_type" not in t[0].annotations
    assert t[1].annotations["client_talk_type"] == "sustain"
    assert annomi.gold_labels(t) == ["question", "sustain", "reflection"]


def test_full_file_takes_the_majority() -> None:
    """Several annotators' rows become one utterance with the majority labels."""
    (t,) = annomi.load(FULL)
    assert len(t) == 3
    assert t[0].annotations["main_therapist_behaviour"] == "reflection"
    assert t[0].annotations["annotators"] == "3"


def test_ties_are_broken_deterministically() -> None:
    """A tie goes to the label that sorts first."""
    (t,) = annomi.load(FULL)
    assert t[2].annotations["question_subtype"] == "closed"


def test_split_by_transcript_id() -> None:
    """Test holds transcript_id % 5 == 0, train the rest."""
    train, test = annomi.split(annomi.load(SIMPLE) + annomi.load(FULL))
    assert [t.id for t in test] == ["5", "10"]
    assert [t.id for t in train] == ["7"]


def test_split_refuses_non_annomi_ids() -> None:
    """A transcript without an integer id is refused by the split."""
    with pytest.raises(ValidationError, match="transcript_id"):
        annomi.split([Transcript(id="x")])


def test_labels_map_codes_to_annomi_space() -> None:
    """labels() gives one AnnoMI label per utterance, in order."""
    t = annomi.load(SIMPLE)[1]
    coded = code_transcript(t)
    labels = annomi.labels(coded)
    assert len(labels) == 3
    assert labels[0] in annomi.THERAPIST_LABELS
    assert labels[1] in annomi.CLIENT_LABELS
    custom = CodedTranscript(
        [
            CodedUtterance(t[0], CounselorCode(main="other")),
            CodedUtterance(t[1], ClientCode(talk="change", kind="need")),
        ]
    )
    assert annomi.labels(custom) == ["other", "change"]


def test_missing_column_is_named(tmp_path: Path) -> None:
    """A file without an AnnoMI column raises an error naming the column."""
    bad = tmp_path / "bad.csv"
    bad.write_text("transcript_id,utterance_text\n1,hi\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="interlocutor"):
        annomi.load(bad)


def test_wrong_value_names_row_and_column(tmp_path: Path) -> None:
    """A value AnnoMI does not use raises an error naming the row and column."""
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "1,high,t,u,x,0,coach,0,Hi,other,n/a\n", encoding="utf-8")
    with pytest.raises(ValidationError, match=r"row 2, column 'interlocutor'"):
        annomi.load(bad)


def test_label_on_the_wrong_speaker(tmp_path: Path) -> None:
    """A client talk type on a therapist row is refused."""
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "1,high,t,u,x,0,therapist,0,Hi,other,change\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="client_talk_type"):
        annomi.load(bad)


def test_non_integer_id(tmp_path: Path) -> None:
    """A transcript_id that is not an integer is refused naming the row."""
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "one,high,t,u,x,0,client,0,Hi,n/a,neutral\n", encoding="utf-8")
    with pytest.raises(ValidationError, match=r"row 2, column 'transcript_id'"):
        annomi.load(bad)


def test_short_row(tmp_path: Path) -> None:
    """A row with too few fields names the missing column."""
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "1,high,t\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="row 2"):
        annomi.load(bad)


def test_empty_and_missing_files(tmp_path: Path) -> None:
    """An empty file and a missing one raise mikit errors."""
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(ValidationError, match="empty"):
        annomi.load(empty)
    with pytest.raises(FileReadError):
        annomi.load(tmp_path / "missing.csv")
