"""Speed of mikit.code_client: utterances per second and time per character.

Usage:
    python benchmarks/client_coding.py [--data DIR]

With ``--data`` pointing at a folder holding AnnoMI-simple.csv, it codes every client
utterance of AnnoMI (with the counsellor's turn before it); without, it codes a
built-in sample repeated to the same size. It then times 0.5 MB and 1 MB adversarial
strings. Time per character should stay flat from 0.5 MB to 1 MB (linear time).
"""

from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path

from mikit import code_client

SAMPLE = [
    ("So what brings you here today?", "My wife thinks I drink too much."),
    ("What do you think?", "I don't know, it's not that bad. It helps me relax."),
    ("You'd like to cut back.", "Yeah."),
    ("What would be different?", "I'd have more energy for my kids, I guess."),
    ("How might you do that?", "I could stop buying beer on the way home."),
    ("It sounds hard.", "I've tried before and I just can't stop."),
]

UNITS = {
    "one word": "quit ",
    "punctuation": "?!.,;",
    "spaces": " ",
    "contractions": "don't can't I'd've ",
    "nested quotes": "\"'\u201c\u2018",
    "frames": "I want to keep ",
}


def _utterances(data: Path | None) -> list[tuple[str, str | None]]:
    if data is None:
        return [(text, prev) for prev, text in SAMPLE] * 800
    out: list[tuple[str, str | None]] = []
    previous: str | None = None
    with (data / "AnnoMI-simple.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["interlocutor"] == "therapist":
                previous = row["utterance_text"]
            else:
                out.append((row["utterance_text"], previous))
                previous = None
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="folder with AnnoMI-simple.csv")
    args = parser.parse_args()
    items = _utterances(args.data)
    code_client("warm up", previous="warm up?")  # load the lexicons once
    # Best of three runs, in CPU time: the figure should not depend on other load.
    elapsed = float("inf")
    for _ in range(3):
        start = time.process_time()
        for text, previous in items:
            code_client(text, previous=previous)
        elapsed = min(elapsed, time.process_time() - start)
    source = "AnnoMI client utterances" if args.data else "built-in sample"
    print(f"{'input':<28} {'items':>8} {'CPU s':>9} {'per second':>12}")
    print(f"{source:<28} {len(items):>8} {elapsed:>9.3f} {len(items) / elapsed:>12,.0f}")
    print()
    print(f"{'adversarial string':<28} {'size':>8} {'seconds':>9} {'ns per char':>12}")
    for name, unit in UNITS.items():
        for size in (1 << 19, 1 << 20):
            text = (unit * (size // len(unit) + 1))[:size]
            start = time.perf_counter()
            code_client(text)
            took = time.perf_counter() - start
            label = f"{size >> 10} KB"
            print(f"{name:<28} {label:>8} {took:>9.3f} {took / size * 1e9:>12.0f}")


if __name__ == "__main__":
    main()
