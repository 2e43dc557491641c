"""Foundation benchmarks: case loading and the cost of ``import mikit``.

Run with ``python benchmarks/run.py``. Prints a table with the machine, the Python
and package versions. The numbers are measurements, not tests: nothing asserts them.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

import mikit


def _case_data(goals: int, actions: int) -> dict[str, object]:
    return {
        "client": "Bench",
        "values": ["health", "family"],
        "goals": [
            {
                "id": f"g{i}",
                "statement": "cut down on drinking",
                "unit": "drinks",
                "per": "week",
                "direction": "decrease",
                "baseline": 20,
                "target": 7,
                "importance": 7,
                "confidence": 4,
                "values": ["health"],
            }
            for i in range(goals)
        ],
        "actions": [
            {
                "when": f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "goal": f"g{i % goals}",
                "description": "had a drink after work",
                "amount": i % 15,
                "effect": "away" if i % 3 else "toward",
            }
            for i in range(actions)
        ],
        "transcript": [
            {"speaker": "client" if i % 2 else "counselor", "text": "I want to cut down."}
            for i in range(20)
        ],
    }


def _best_of(fn: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def _import_time(code: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure (best or median)")
    args = parser.parse_args()

    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for n_actions in (1_000, 10_000, 100_000):
            path = Path(tmp) / f"case-{n_actions}.json"
            path.write_text(json.dumps(_case_data(10, n_actions)), encoding="utf-8")
            seconds = _best_of(lambda p=path: mikit.load_case(p), args.repeat)
            rows.append(
                (
                    f"load_case, 10 goals, {n_actions:,} actions",
                    f"{seconds * 1000:,.1f} ms ({n_actions / seconds:,.0f} actions/s)",
                )
            )
        case = mikit.load_case(Path(tmp) / "case-10000.json")
        seconds = _best_of(case.to_dict, args.repeat)
        rows.append(("Case.to_dict, 10,000 actions", f"{seconds * 1000:,.1f} ms"))

    bare = _import_time("pass", args.repeat)
    with_mikit = _import_time("import mikit", args.repeat)
    rows.append(("python -c pass", f"{bare * 1000:,.1f} ms"))
    rows.append(("python -c 'import mikit'", f"{with_mikit * 1000:,.1f} ms"))
    rows.append(("import mikit, net", f"{(with_mikit - bare) * 1000:,.1f} ms"))

    print(f"machine: {platform.machine()} {platform.processor() or ''}".rstrip())
    print(f"python:  {platform.python_implementation()} {platform.python_version()}")
    print(
        f"mikit {mikit.__version__}, attrs {version('attrs')}, cattrs {version('cattrs')}, "
        f"jinja2 {version('jinja2')}"
    )
    print()
    width = max(len(name) for name, _ in rows)
    print(f"| {'benchmark'.ljust(width)} | result |")
    print(f"| {'-' * width} | ------ |")
    for name, result in rows:
        print(f"| {name.ljust(width)} | {result} |")


if __name__ == "__main__":
    main()
