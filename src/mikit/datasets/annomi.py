"""AnnoMI: expert-annotated MI demonstration transcripts, read into mikit models.

AnnoMI (Wu et al., ICASSP 2022; Future Internet 15(3):110, 2023) comes as two CSV
files: ``AnnoMI-simple.csv``, one row per utterance, and ``AnnoMI-full.csv``, one
row per annotator and utterance with the behaviour subtypes. :func:`load` reads
either (told apart by their columns) into :class:`~mikit.models.Transcript` objects
that keep the gold labels in their annotations; :func:`labels` maps mikit's codes
onto AnnoMI's label space, so the two can be scored with
:func:`mikit.evaluation.classification_report`.

Utterance annotations: ``main_therapist_behaviour`` (question, reflection,
therapist_input, other) on therapist turns, ``client_talk_type`` (change, neutral,
sustain) on client turns, ``utterance_id`` and ``timestamp``; from the full file
also ``question_subtype`` (open, closed), ``reflection_subtype`` (simple, complex)
and ``therapist_input_subtype`` (information, advice, negotiation, options) where
the majority of annotators gave one, and ``annotators`` (how many). Labels that
are ``n/a`` are left out. Transcript annotations: ``mi_quality`` (high, low),
``topic``, ``video_title`` and ``video_url``.
"""

from __future__ import annotations

import csv
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from mikit.errors import FileReadError, ValidationError
from mikit.models import Speaker, Transcript, Utterance
from mikit.models.codes import ClientCode
from mikit.models.counselor_codes import CodedTranscript, CounselorCode

__all__ = [
    "CLIENT_LABELS",
    "THERAPIST_LABELS",
    "gold_labels",
    "is_test",
    "labels",
    "load",
    "read",
    "split",
]

THERAPIST_LABELS = ("question", "reflection", "therapist_input", "other")
"""AnnoMI's main therapist behaviours, in report order."""

CLIENT_LABELS = ("change", "neutral", "sustain")
"""AnnoMI's client talk types, in report order."""

_NA = "n/a"
_SIMPLE_COLUMNS = (
    "transcript_id",
    "mi_quality",
    "video_title",
    "topic",
    "utterance_id",
    "interlocutor",
    "utterance_text",
    "main_therapist_behaviour",
    "client_talk_type",
)
_FULL_COLUMNS = (
    "annotator_id",
    "question_subtype",
    "reflection_subtype",
    "therapist_input_subtype",
)
_ALLOWED = {
    "mi_quality": ("high", "low"),
    "interlocutor": ("therapist", "client"),
    "main_therapist_behaviour": (*THERAPIST_LABELS, _NA),
    "client_talk_type": (*CLIENT_LABELS, _NA),
    "question_subtype": ("open", "closed", _NA),
    "reflection_subtype": ("simple", "complex", _NA),
    "therapist_input_subtype": ("information", "advice", "negotiation", "options", _NA),
}
_VOTED = (
    "main_therapist_behaviour",
    "client_talk_type",
    "question_subtype",
    "reflection_subtype",
    "therapist_input_subtype",
)


def _error(source: str, row: int, column: str, reason: str) -> ValidationError:
    return ValidationError(f"row {row}, column {column!r}", reason, source=source)


def _check(source: str, row: int, record: dict[str, str], column: str) -> str:
    value = record.get(column)
    if value is None:
        raise _error(source, row, column, "is missing (the row is too short)")
    allowed = _ALLOWED.get(column)
    if allowed is not None and value not in allowed:
        choices = ", ".join(allowed)
        raise _error(source, row, column, f"must be one of {choices}, got {value!r}")
    return value


def _integer(source: str, row: int, record: dict[str, str], column: str) -> int:
    value = _check(source, row, record, column)
    if not value.strip().isdigit():
        raise _error(source, row, column, f"must be a non-negative integer, got {value!r}")
    return int(value)


def _majority(votes: Sequence[str]) -> str:
    """The most frequent label; ties go to the label that sorts first."""
    counts = Counter(votes)
    return min(counts, key=lambda label: (-counts[label], label))


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    source = str(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            if header is None:
                raise ValidationError(
                    "row 1", "the file is empty; expected a header row", source=source
                )
            missing = [c for c in _SIMPLE_COLUMNS if c not in header]
            if missing:
                reason = f"missing AnnoMI column(s): {', '.join(missing)}"
                raise ValidationError("row 1", reason, source=source)
            yield 1, {name: name for name in header}
            row = 1
            try:
                for row, values in enumerate(reader, start=2):
                    if not values:
                        continue
                    if len(values) > len(header):
                        reason = f"has {len(values)} fields, the header {len(header)}"
                        raise ValidationError(f"row {row}", reason, source=source)
                    yield row, dict(zip(header, values, strict=False))
            except csv.Error as err:
                raise ValidationError(f"row {row + 1}", f"bad CSV: {err}", source=source) from None
    except (OSError, UnicodeDecodeError) as err:
        raise FileReadError.reading(path, err) from None


def read(path: str | os.PathLike[str]) -> list[Transcript]:
    """Alias of :func:`load`."""
    return load(path)


def load(path: str | os.PathLike[str]) -> list[Transcript]:  # noqa: C901
    """Read AnnoMI-simple.csv or AnnoMI-full.csv into transcripts.

    The kind of file is told by its columns. In the full file, an utterance coded
    by several annotators gets each label by majority vote, ties going to the
    label that sorts first.

    Args:
        path: The CSV file.

    Returns:
        The transcripts ordered by ``transcript_id`` (their ``id``), each with its
        utterances ordered by ``utterance_id``.

    Raises:
        FileReadError: If the file is missing or not UTF-8.
        ValidationError: If a column is missing, a value is not one AnnoMI uses,
            or the CSV is malformed; the message names the file, row and column.
    """
    p = Path(path)
    source = str(p)
    rows = _rows(p)
    _, header = next(rows)
    full = all(c in header for c in _FULL_COLUMNS)
    # transcript id -> (meta, utterance id -> (speaker, text, timestamp, votes))
    sessions: dict[int, dict[str, str]] = {}
    turns: dict[int, dict[int, tuple[str, str, str, dict[str, list[str]]]]] = {}
    for row, record in rows:
        tid = _integer(source, row, record, "transcript_id")
        uid = _integer(source, row, record, "utterance_id")
        speaker = _check(source, row, record, "interlocutor")
        text = _check(source, row, record, "utterance_text")
        meta = {
            "mi_quality": _check(source, row, record, "mi_quality"),
            "topic": _check(source, row, record, "topic"),
            "video_title": _check(source, row, record, "video_title"),
        }
        if "video_url" in record:
            meta["video_url"] = record["video_url"]
        sessions.setdefault(tid, meta)
        columns = _VOTED if full else _VOTED[:2]
        labels_here = {c: _check(source, row, record, c) for c in columns}
        wrong = "client_talk_type" if speaker == "therapist" else "main_therapist_behaviour"
        if labels_here[wrong] != _NA:
            reason = f"must be n/a on a {speaker} turn, got {labels_here[wrong]!r}"
            raise _error(source, row, wrong, reason)
        session = turns.setdefault(tid, {})
        if uid not in session:
            session[uid] = (speaker, text, record.get("timestamp", ""), {c: [] for c in columns})
        elif session[uid][0] != speaker:
            reason = f"utterance {uid} of transcript {tid} has two speakers"
            raise _error(source, row, "interlocutor", reason)
        for column, value in labels_here.items():
            session[uid][3][column].append(value)
    transcripts = []
    for tid in sorted(turns):
        utterances = []
        for uid in sorted(turns[tid]):
            speaker, text, timestamp, votes = turns[tid][uid]
            notes = {"utterance_id": str(uid)}
            if timestamp:
                notes["timestamp"] = timestamp
            for column, values in votes.items():
                label = _majority(values)
                if label != _NA:
                    notes[column] = label
            if full:
                notes["annotators"] = str(len(votes["main_therapist_behaviour"]))
            utterances.append(Utterance(speaker, text, annotations=notes))
        transcripts.append(Transcript(utterances, id=str(tid), annotations=sessions[tid]))
    return transcripts


def is_test(transcript: Transcript) -> bool:
    """Whether *transcript* is in AnnoMI's fixed test split (``transcript_id % 5 == 0``).

    Raises:
        ValidationError: If the transcript's id is not an integer.
    """
    if transcript.id is None or not transcript.id.isdigit():
        msg = f"must be an AnnoMI transcript_id (an integer), got {transcript.id!r}"
        raise ValidationError("id", msg)
    return int(transcript.id) % 5 == 0


def split(transcripts: Iterable[Transcript]) -> tuple[list[Transcript], list[Transcript]]:
    """Split transcripts into AnnoMI's fixed train and test sets.

    Test holds the transcripts whose ``transcript_id % 5 == 0``; train the rest.

    Returns:
        ``(train, test)``, each in the given order.

    Raises:
        ValidationError: If a transcript's id is not an integer.
    """
    train: list[Transcript] = []
    test: list[Transcript] = []
    for transcript in transcripts:
        (test if is_test(transcript) else train).append(transcript)
    return train, test


def labels(coded: CodedTranscript) -> list[str]:
    """Map mikit's codes onto AnnoMI's label space, one label per utterance in order.

    Counsellor turns map to their main behaviour (question, reflection,
    therapist_input, other); client turns to their talk type (change, neutral,
    sustain).
    """
    out = []
    for item in coded:
        code = item.code
        if isinstance(code, CounselorCode):
            out.append(code.main.value)
        elif isinstance(code, ClientCode):
            out.append(code.talk.value)
    return out


def gold_labels(transcript: Transcript) -> list[str]:
    """AnnoMI's gold label of each utterance, in order, in the space of :func:`labels`.

    An utterance without a label gets ``"n/a"``.
    """
    out = []
    for u in transcript:
        key = "client_talk_type" if u.speaker is Speaker.CLIENT else "main_therapist_behaviour"
        out.append(u.annotations.get(key, _NA))
    return out
