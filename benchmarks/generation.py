"""Generation speed: reflections, questions, affirmations and summaries per second.

Runs on one core in this process and prints a table. The target for
``reflect(kind="simple")`` is at least 20,000 a second.

    python benchmarks/generation.py [--seconds 1.0]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import mikit
from mikit.cli.demo import load_sample_case
from mikit.templating import Engine, choose

SIMPLE = "en/reflect/simple/1.j2"
TEXTS = [
    "I want to quit for my kids.",
    "Smoking helps me relax after work.",
    "I've tried before and I always start again.",
    "My wife keeps nagging me about my drinking.",
    "I want to quit but smoking helps me relax.",
    "I feel so stressed lately, and a cigarette is the only break I get.",
]


def rate(fn: Callable[[int], object], seconds: float) -> float:
    """Calls of fn(i) per second, over about *seconds*."""
    for i in range(50):  # warm caches and compiled templates
        fn(i)
    done = 0
    start = time.perf_counter()
    deadline = start + seconds
    while True:
        for i in range(200):
            fn(done + i)
        done += 200
        now = time.perf_counter()
        if now >= deadline:
            return done / (now - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=1.0, help="time per row")
    args = parser.parse_args()
    case = load_sample_case()
    goal = case.goals[0]
    n = len(TEXTS)
    rows: list[tuple[str, Callable[[int], object]]] = [
        ("reflect simple (seed=None)", lambda i: mikit.reflect(TEXTS[i % n])),
        ("reflect simple (seed=i)", lambda i: mikit.reflect(TEXTS[i % n], seed=i)),
        ("reflect complex", lambda i: mikit.reflect(TEXTS[i % n], kind="complex", seed=i)),
        ("reflect double_sided", lambda i: mikit.reflect(TEXTS[i % n], kind="double_sided")),
        ("reflect amplified", lambda i: mikit.reflect(TEXTS[i % n], kind="amplified")),
        ("reflect reframe", lambda i: mikit.reflect(TEXTS[i % n], kind="reframe")),
        ("evocative_questions (all 26)", lambda _: mikit.evocative_questions(goal)),
        ("ruler_question", lambda _: mikit.ruler_question(goal, "importance")),
        ("ruler_followup", lambda i: mikit.ruler_followup(goal, "confidence", i % 11)),
        ("affirm (sample case)", lambda i: mikit.affirm(case, seed=i)),
        ("summarize collecting (sample)", lambda i: mikit.summarize(case, seed=i)),
        ("render one template", lambda _: mikit.render(SIMPLE, said="x")),
        (
            "Engine() + first render (cold)",
            lambda _: Engine().render("en/reflect/simple/1.j2", said="x"),
        ),
        ("choose variant (Random(seed))", lambda i: choose(3, i)),
        ("calibration: sum(range(100))", lambda _: sum(range(100))),
    ]
    print(f"{'operation':34} {'per second':>12} {'µs each':>9}")
    print("-" * 57)
    for name, fn in rows:
        per_second = rate(fn, args.seconds)
        print(f"{name:34} {per_second:12,.0f} {1e6 / per_second:9.1f}")
    print("\ntarget: reflect simple >= 20,000 per second on one core")
    print("the calibration row shows how fast this machine runs plain Python loops")


if __name__ == "__main__":
    main()
