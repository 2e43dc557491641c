"""Transcript files: JSON, plain text and AnnoMI CSV, read into Transcripts.

Formats:

* ``json``: a list of ``{"speaker": ..., "text": ...}`` objects, or an object with
  ``"utterances"`` (and optionally ``"id"`` and ``"annotations"``).
* ``text``: one turn per line, ``Client: ...`` or ``Counselor: ...`` (also
  ``Counsellor:``, ``Therapist:``, ``T:`` and ``C:``, any case); a line without a
  label continues the turn before it; blank lines are skipped.
* ``annomi``: AnnoMI-simple.csv or AnnoMI-full.csv (see :mod:`mikit.datasets.annomi`).

Without a format, the file's extension decides: ``.json`` is JSON, ``.csv`` is
AnnoMI, anything else is text.
"""

from __future__ import annotations

import os
from pathlib import Path

from mikit.datasets import annomi
from mikit.errors import FileReadError, ValidationError
from mikit.io.cases import read_json
from mikit.io.converter import structure
from mikit.models import Speaker, Transcript, Utterance

__all__ = ["FORMATS", "load_transcript", "load_transcripts", "parse_text_transcript"]

FORMATS = ("annomi", "json", "text")
"""The transcript formats mikit reads."""

_LABELS = {
    "client": Speaker.CLIENT,
    "c": Speaker.CLIENT,
    "patient": Speaker.CLIENT,
    "counselor": Speaker.COUNSELOR,
    "counsellor": Speaker.COUNSELOR,
    "therapist": Speaker.COUNSELOR,
    "t": Speaker.COUNSELOR,
    "coach": Speaker.COUNSELOR,
    "interviewer": Speaker.COUNSELOR,
}
_MAX_LABEL = 12


def _format(path: Path, format: str | None) -> str:
    if format is None:
        suffix = path.suffix.lower()
        return {".json": "json", ".csv": "annomi"}.get(suffix, "text")
    if format not in FORMATS:
        msg = f"must be one of {', '.join(FORMATS)}, got {format!r}"
        raise ValidationError("format", msg)
    return format


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise FileReadError.reading(path, err) from None


def parse_text_transcript(text: str, *, source: str = "<text>") -> Transcript:
    r"""Read ``Client: ...`` / ``Counselor: ...`` lines into a transcript.

    Args:
        text: The lines; any string.
        source: The name to give in errors.

    Returns:
        The transcript, one utterance per labelled line (unlabelled lines join the
        turn before them).

    Raises:
        ValidationError: If a non-blank line before the first label has no label.

    Examples:
        >>> t = parse_text_transcript("T: How are you?\nC: Fine.\n  Tired, though.")
        >>> [(str(u.speaker), u.text) for u in t]
        [('counselor', 'How are you?'), ('client', 'Fine. Tired, though.')]
    """
    turns: list[tuple[Speaker, list[str]]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        head, colon, rest = line[: _MAX_LABEL + 1].partition(":")
        speaker = _LABELS.get(head.strip().lower()) if colon else None
        if speaker is not None:
            turns.append((speaker, [(rest + line[_MAX_LABEL + 1 :]).strip()]))
        elif turns:
            turns[-1][1].append(line)
        else:
            msg = "expected 'Client:' or 'Counselor:' (or 'C:' / 'T:') at the start of the line"
            raise ValidationError(f"line {number}", msg, source=source)
    return Transcript(Utterance(s, " ".join(p for p in parts if p)) for s, parts in turns)


def load_transcripts(
    path: str | os.PathLike[str], *, format: str | None = None
) -> list[Transcript]:
    """Read every transcript in a file.

    Args:
        path: A JSON, text or AnnoMI CSV file.
        format: ``"json"``, ``"text"`` or ``"annomi"``; by default from the extension.

    Returns:
        The transcripts: one for JSON and text, one per session for AnnoMI.

    Raises:
        FileReadError: If the file cannot be read.
        JSONSyntaxError: If a JSON file is not well-formed.
        ValidationError: If the contents are not a transcript (the message names
            the file and the bad field, line or row).
    """
    p = Path(path)
    kind = _format(p, format)
    if kind == "annomi":
        return annomi.load(p)
    if kind == "json":
        data = read_json(p)
        if isinstance(data, list):
            data = {"utterances": data}
        try:
            return [structure(data, Transcript)]
        except ValidationError as err:
            raise err.at_source(str(p)) from None
    return [parse_text_transcript(_read_text(p), source=str(p))]


def load_transcript(path: str | os.PathLike[str], *, format: str | None = None) -> Transcript:
    """Read the one transcript in a file.

    Args:
        path: A JSON, text or AnnoMI CSV file.
        format: ``"json"``, ``"text"`` or ``"annomi"``; by default from the extension.

    Returns:
        The transcript.

    Raises:
        FileReadError: If the file cannot be read.
        JSONSyntaxError: If a JSON file is not well-formed.
        ValidationError: If the contents are not a transcript, or an AnnoMI file
            holds no session or more than one.
    """
    found = load_transcripts(path, format=format)
    if len(found) != 1:
        msg = f"holds {len(found)} transcripts; expected one (use load_transcripts)"
        raise ValidationError("", msg, source=str(path))
    return found[0]
