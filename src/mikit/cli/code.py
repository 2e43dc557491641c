"""``mikit code FILE``: code each utterance of a transcript and print the MITI scores."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, TextIO

from mikit.cli.output import print_json, print_text
from mikit.coding.miti import miti_scores
from mikit.coding.transcript import code_transcript
from mikit.io.transcripts import FORMATS, load_transcripts
from mikit.models.codes import ClientCode
from mikit.models.counselor_codes import (
    MITI_THRESHOLDS,
    CodedTranscript,
    CounselorCode,
    MitiScores,
)

if TYPE_CHECKING:
    import argparse

    from mikit.models import Transcript

__all__ = [
    "code_label",
    "coded_lines",
    "demo_section",
    "miti_data",
    "miti_table",
    "register",
    "run",
]

_PROGRESS_FROM = 500
"""Utterances from which a terminal gets a progress bar."""
_BAR = 30


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``code`` subcommand."""
    parser = sub.add_parser(
        "code",
        help="code a transcript's utterances and print the MITI summary scores",
        description="Code each utterance of a transcript (client talk; counsellor "
        "questions, reflections and other MITI behaviours) and print the MITI summary "
        "scores with their proficiency levels.",
    )
    parser.add_argument("file", metavar="FILE", help="a transcript: .json, .txt or AnnoMI .csv")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="the kind of FILE (default: from its extension; .json json, .csv annomi, else text)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument(
        "--explain", action="store_true", help="show the rule and span behind each code"
    )
    parser.set_defaults(run=run)


def code_label(code: ClientCode | CounselorCode) -> str:
    """A compact label for a code: ``change/desire``, ``question/open``, ``reflection/complex``."""
    if isinstance(code, ClientCode):
        label = code.talk.value if code.kind is None else f"{code.talk.value}/{code.kind.value}"
        return label + (" RISK" if code.risk else "")
    label = code.main.value
    if code.main.value == "question" and code.question is not None:
        label += f"/{code.question.value}"
    elif code.main.value == "reflection" and code.reflection is not None:
        label += f"/{code.reflection.value}"
    return label


def _explanation(code: ClientCode | CounselorCode) -> str:
    parts = [f"{e.rule} {e.text!r}" for e in code.evidence[:3]]
    return "; ".join(parts) if parts else "no rule fired (default)"


def coded_lines(coded: CodedTranscript, *, explain: bool = False, width: int = 70) -> list[str]:
    """One line per utterance: number, speaker, code and the start of the text."""
    lines = []
    for n, item in enumerate(coded, start=1):
        who = "C" if item.utterance.is_client else "T"
        text = " ".join(item.utterance.text.split())
        if len(text) > width:
            text = text[: width - 1] + "…"
        lines.append(f"{n:4d} {who}  {code_label(item.code):<22} {text}")
        if explain:
            lines.append(f"{'':9}{_explanation(item.code)}")
    return lines


def _number(value: float | None, suffix: str = "") -> str:
    return "n/a" if value is None else f"{value:.2f}{suffix}"


def _threshold(field: str) -> str:
    fair, good = MITI_THRESHOLDS[field]
    return f"fair {fair:g}, good {good:g}"


def miti_table(scores: MitiScores) -> str:
    """The MITI summary scores as a small table with proficiency levels."""
    rows = [
        (
            "reflection-to-question",
            _number(scores.reflection_to_question),
            _threshold("reflection_to_question"),
            scores.reflection_to_question_proficiency.value,
        ),
        (
            "% complex reflections",
            _number(scores.percent_complex_reflections, " %"),
            _threshold("percent_complex_reflections"),
            scores.percent_complex_reflections_proficiency.value,
        ),
        (
            "% open questions",
            _number(scores.percent_open_questions, " %"),
            _threshold("percent_open_questions"),
            scores.percent_open_questions_proficiency.value,
        ),
        (
            "MI-adherent / non-adherent",
            f"{scores.mi_adherent} / {scores.mi_non_adherent}",
            "none non-adherent",
            scores.mi_adherent_proficiency.value,
        ),
        ("change-talk share", _number(scores.change_talk_share), "", ""),
        ("session index (0..1)", _number(scores.session_index), "", ""),
    ]
    lines = [f"{'MITI summary':<28} {'value':>9}  {'threshold':<18} level"]
    lines.extend(f"{a:<28} {b:>9}  {c:<18} {d}" for a, b, c, d in rows)
    lines.append(
        f"counts: {scores.reflections} reflections ({scores.complex_reflections} complex), "
        f"{scores.questions} questions ({scores.open_questions} open), "
        f"{scores.change_talk} change / {scores.sustain_talk} sustain talk"
    )
    return "\n".join(lines)


def miti_data(scores: MitiScores) -> dict[str, Any]:
    """The MITI summary scores, JSON-ready, with a proficiency level per facet."""
    return {
        "questions": scores.questions,
        "open_questions": scores.open_questions,
        "reflections": scores.reflections,
        "complex_reflections": scores.complex_reflections,
        "mi_adherent": scores.mi_adherent,
        "mi_non_adherent": scores.mi_non_adherent,
        "change_talk": scores.change_talk,
        "sustain_talk": scores.sustain_talk,
        "reflection_to_question": scores.reflection_to_question,
        "percent_complex_reflections": scores.percent_complex_reflections,
        "percent_open_questions": scores.percent_open_questions,
        "change_talk_share": scores.change_talk_share,
        "session_index": scores.session_index,
        "proficiency": {
            "reflection_to_question": scores.reflection_to_question_proficiency.value,
            "percent_complex_reflections": scores.percent_complex_reflections_proficiency.value,
            "percent_open_questions": scores.percent_open_questions_proficiency.value,
            "mi_adherent": scores.mi_adherent_proficiency.value,
        },
    }


def _code_data(code: ClientCode | CounselorCode, *, explain: bool) -> dict[str, Any]:
    if isinstance(code, ClientCode):
        data: dict[str, Any] = {
            "talk": code.talk.value,
            "kind": None if code.kind is None else code.kind.value,
            "risk": code.risk,
        }
    else:
        data = {
            "main": code.main.value,
            "question": None if code.question is None else code.question.value,
            "reflection": None if code.reflection is None else code.reflection.value,
            "behaviors": [b.value for b in code.behaviors],
        }
    if explain:
        data["evidence"] = [
            {"rule": e.rule, "start": e.start, "end": e.end, "text": e.text} for e in code.evidence
        ]
    return data


class _Progress:
    """A text progress bar on a terminal's stderr; silent elsewhere or for small files."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.stream = stream
        self.shown = total >= _PROGRESS_FROM and stream.isatty()
        self.done = 0

    def step(self, n: int) -> None:
        if not self.shown:
            return
        self.done += n
        filled = _BAR * self.done // max(self.total, 1)
        bar = "#" * filled + "-" * (_BAR - filled)
        self.stream.write(f"\rcoding [{bar}] {self.done}/{self.total}")
        self.stream.flush()

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * (_BAR + 30) + "\r")
            self.stream.flush()


def code_all(transcripts: list[Transcript]) -> list[tuple[CodedTranscript, MitiScores]]:
    """Code each transcript and score it, with a progress bar on a terminal."""
    progress = _Progress(sum(len(t) for t in transcripts), sys.stderr)
    out = []
    try:
        for transcript in transcripts:
            coded = code_transcript(transcript)
            out.append((coded, miti_scores(coded)))
            progress.step(len(transcript))
    finally:
        progress.close()
    return out


def run(args: argparse.Namespace) -> int:
    """Code the transcript file named on the command line."""
    transcripts = load_transcripts(args.file, format=args.format)
    results = code_all(transcripts)
    if args.json:
        print_json(
            {
                "file": args.file,
                "transcripts": [
                    {
                        "id": coded.id,
                        "utterances": [
                            {
                                "speaker": item.utterance.speaker.value,
                                "text": item.utterance.text,
                                "code": _code_data(item.code, explain=args.explain),
                            }
                            for item in coded
                        ],
                        "miti": miti_data(scores),
                    }
                    for coded, scores in results
                ],
            }
        )
        return 0
    blocks = []
    for coded, scores in results:
        head = f"transcript {coded.id}" if coded.id is not None else args.file
        lines = [f"{head}: {len(coded)} utterances"]
        lines.extend(coded_lines(coded, explain=args.explain))
        lines.append("")
        lines.append(miti_table(scores))
        blocks.append("\n".join(lines))
    print_text("\n\n".join(blocks))
    return 0


def demo_section(transcript: Transcript) -> tuple[str, str, Any]:
    """The ``mikit demo`` section: the sample transcript coded, and its MITI summary."""
    coded = code_transcript(transcript)
    scores = miti_scores(coded)
    lines = ["Coded transcript:"]
    lines.extend(coded_lines(coded, width=56))
    lines.append("")
    lines.append(miti_table(scores))
    data = {
        "utterances": [
            {"speaker": item.utterance.speaker.value, "code": code_label(item.code)}
            for item in coded
        ],
        "miti": miti_data(scores),
    }
    return "coding", "\n".join(lines), data
