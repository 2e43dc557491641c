"""Code a transcript file and print each turn's code and the MITI summary scores.

Run from the repository root:
    python examples/code_transcript.py                        # examples/data/session.json
    python examples/code_transcript.py session.txt --explain  # any transcript file
"""

from __future__ import annotations

import argparse
import textwrap
from pathlib import Path

import mikit
from mikit.io.transcripts import load_transcript

DEFAULT = Path(__file__).parent / "data" / "session.json"


def describe(item: mikit.CodedUtterance) -> str:
    """A short label for one coded turn."""
    client = item.client_code
    if client is not None:
        label = str(client.talk) + (f"/{client.kind}" if client.kind else "")
        return label + (" RISK" if client.risk else "")
    counselor = item.counselor_code
    assert counselor is not None
    parts = [f"{counselor.reflection} reflection"] if counselor.reflection else []
    if counselor.question:
        parts.append(f"{counselor.question} question")
    extras = [b.value for b in counselor.behaviors if "reflection" not in b and b != "question"]
    return ", ".join(parts + extras) or str(counselor.main)


def level(value: float | None, proficiency: object, unit: str) -> str:
    shown = "n/a" if value is None else f"{value:.2f}{unit}"
    return f"{shown:>8}  {proficiency}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--explain", action="store_true", help="show the rules behind codes")
    args = parser.parse_args()

    transcript = load_transcript(args.file)  # JSON, text or AnnoMI CSV
    coded = mikit.code_transcript(transcript)
    for i, item in enumerate(coded, start=1):
        who = "C " if item.utterance.is_client else "T "
        text = textwrap.shorten(item.utterance.text, 64, placeholder=" ...")
        print(f"{i:>3} {who}{text:<66} {describe(item)}")
        if args.explain:
            for evidence in item.code.evidence:
                print(f"{'':>6}{evidence.rule}: {evidence.text!r}")

    scores = mikit.miti_scores(coded)
    print("\nMITI 4.2.1 summary scores (fair / good thresholds)")
    rows = [
        ("R:Q", scores.reflection_to_question, scores.reflection_to_question_proficiency, ":1"),
        (
            "%CR",
            scores.percent_complex_reflections,
            scores.percent_complex_reflections_proficiency,
            "%",
        ),
        ("%OQ", scores.percent_open_questions, scores.percent_open_questions_proficiency, "%"),
    ]
    thresholds = {"R:Q": "1:1 / 2:1", "%CR": "40% / 50%", "%OQ": "50% / 70%"}
    for name, value, proficiency, unit in rows:
        print(f"  {name:<14} {level(value, proficiency, unit)}  ({thresholds[name]})")
    print(f"  MI-adherent    {scores.mi_adherent:>8}  MI-non-adherent {scores.mi_non_adherent}")
    share = scores.change_talk_share
    print(
        f"  change talk    {scores.change_talk:>8}  sustain talk {scores.sustain_talk}"
        f"  share {'n/a' if share is None else f'{share:.0%}'}"
    )
    index = scores.session_index
    print(f"  session index  {'n/a' if index is None else f'{index:.2f}':>8}  (0 to 1)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
