"""Benchmark find_discrepancies: time against the number of actions, memory when streaming.

Run: python benchmarks/discrepancies.py [--actions 1000000] [--goals 100]

Prints two tables:

1. wall time of find_discrepancies on in-memory actions at 1/4, 1/2 and all of
   --actions (to show it is linear), with the time per action;
2. peak traced memory (tracemalloc) when the actions come from a JSON Lines file:
   streamed with mikit.io.actions.iter_actions versus loaded into a list first, and
   streamed with 10x the goals, to show memory follows goals, not actions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import tempfile
import time
import tracemalloc
from pathlib import Path

from mikit import Action, Case, Direction, Effect, Goal, Value, find_discrepancies
from mikit.io.actions import iter_actions, load_actions

START = dt.date(2025, 1, 1)


def make_case(n_goals: int, rng: random.Random) -> Case:
    values = [Value("health"), Value("family"), Value("work")]
    goals = []
    for i in range(n_goals):
        measured = i % 2 == 0
        goals.append(
            Goal(
                id=f"g{i}",
                statement=f"change habit {i}",
                unit="times" if measured else None,
                per="day" if measured else None,
                direction=Direction.DECREASE if measured else None,
                baseline=20 if measured else None,
                target=rng.choice([0, 5]) if measured else None,
                importance=rng.randint(0, 10),
                confidence=rng.randint(0, 10),
                source=rng.choice(["self", "other", "should"]),
                values=[values[i % 3]],
            )
        )
    return Case(values=values, goals=goals)


def make_action_rows(n: int, n_goals: int, rng: random.Random) -> list[dict[str, object]]:
    effects = [None, "toward", "away", "neutral"]
    rows = []
    for _ in range(n):
        g = rng.randrange(n_goals)
        row: dict[str, object] = {"goal": f"g{g}", "description": "did something"}
        if rng.random() < 0.9:
            row["when"] = (START + dt.timedelta(days=rng.randrange(365))).isoformat()
        if g % 2 == 0:
            row["amount"] = rng.randint(0, 30)
        effect = rng.choice(effects)
        if effect is not None:
            row["effect"] = effect
        rows.append(row)
    return rows


def build_actions(rows: list[dict[str, object]]) -> list[Action]:
    days: dict[object, dt.date] = {}
    out = []
    for row in rows:
        when = row.get("when")
        if when is not None and when not in days:
            days[when] = dt.date.fromisoformat(str(when))
        out.append(
            Action(
                goal=str(row["goal"]),
                description=str(row["description"]),
                when=None if when is None else days[when],
                amount=row.get("amount"),  # type: ignore[arg-type]
                effect=Effect(row["effect"]) if "effect" in row else None,
            )
        )
    return out


def timed(case: Case, actions: list[Action]) -> tuple[float, int]:
    best = float("inf")
    found = 0
    for _ in range(2):
        t0 = time.perf_counter()
        found = len(find_discrepancies(case, actions=actions))
        best = min(best, time.perf_counter() - t0)
    return best, found


def peak(fn) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    tracemalloc.start()
    t0 = time.perf_counter()
    fn()
    elapsed = time.perf_counter() - t0
    _, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return top / 2**20, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=1_000_000)
    parser.add_argument("--goals", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-memory", action="store_true", help="skip the memory table")
    args = parser.parse_args()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{os.cpu_count()} CPUs, load average {load} (timings scale with machine load)")
    rng = random.Random(args.seed)
    case = make_case(args.goals, rng)
    rows = make_action_rows(args.actions, args.goals, rng)
    t0 = time.perf_counter()
    actions = build_actions(rows)
    build = time.perf_counter() - t0

    print(f"find_discrepancies, {args.goals} goals, actions in memory")
    print(f"(building {args.actions:,} Action objects took {build:.2f} s, not counted)")
    print(f"{'actions':>10} {'seconds':>8} {'us/action':>10} {'found':>6}")
    for share in (4, 2, 1):
        n = args.actions // share
        seconds, found = timed(case, actions[:n])
        print(f"{n:>10,} {seconds:>8.2f} {seconds / n * 1e6:>10.2f} {found:>6}")
    del actions
    if args.no_memory:
        return

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "actions.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row) + "\n")
        del rows
        ids = [g.id for g in case.goals]
        big = make_case(args.goals * 10, rng)
        big_ids = [g.id for g in big.goals]

        def stream() -> None:
            find_discrepancies(case, actions=iter_actions(path, goals=ids))

        def stream_big() -> None:
            find_discrepancies(big, actions=iter_actions(path, goals=big_ids))

        def load_all() -> None:
            loaded = load_actions(path, goals=ids)
            find_discrepancies(case, actions=loaded)

        print()
        print(f"peak traced memory, {args.actions:,} actions from JSON Lines")
        print(f"{'mode':<28} {'goals':>6} {'peak MiB':>9} {'seconds':>8}")
        for name, goals, fn in (
            ("streamed (iter_actions)", args.goals, stream),
            ("streamed (iter_actions)", args.goals * 10, stream_big),
            ("loaded first (load_actions)", args.goals, load_all),
        ):
            mib, seconds = peak(fn)
            print(f"{name:<28} {goals:>6} {mib:>9.1f} {seconds:>8.1f}")
        print("(seconds include tracing overhead and JSON parsing and validation)")


if __name__ == "__main__":
    main()
