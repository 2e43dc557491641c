"""Load a case and see it the MI way: ambivalence, discrepancies, responses, a change plan.

Run from the repository root:
    python examples/analyze_case.py                 # the sample case in examples/data
    python examples/analyze_case.py my_case.json    # any case file
"""

from __future__ import annotations

import sys
from pathlib import Path

import mikit

DEFAULT_CASE = Path(__file__).parent / "data" / "case.json"


def main(path: Path) -> int:
    try:
        case = mikit.load_case(path)
    except mikit.MikitError as err:
        # Bad files get one line naming the field, e.g. goals[0].importance: must be ...
        print(f"cannot load the case: {err}", file=sys.stderr)
        return 2

    print(f"Client: {case.client or '(unnamed)'}; values: {', '.join(map(str, case.values))}")
    for goal in case.goals:
        print(
            f"  goal {goal.id!r}: {goal.statement}"
            f" (importance {goal.importance}/10, confidence {goal.confidence}/10)"
        )

    # 1. How does the client talk about the change?
    first_goal = case.goals[0]
    amb = mikit.ambivalence(case.transcript, target=first_goal)
    print("\nAmbivalence")
    print(
        f"  change talk {amb.change_total}, sustain talk {amb.sustain_total},"
        f" share {amb.change_share:.0%}, trend {amb.trend}; ambivalent: {amb.ambivalent}"
    )
    print(f"  estimated stage: {amb.stage.stage} ({amb.stage.reason})")
    for label, items in (
        ("reasons to change", amb.balance.pros_of_changing),
        ("reasons to stay the same", amb.balance.pros_of_staying),
    ):
        for item in items:
            print(f"  {label}: {item}")

    # 2. Where do the client's actions and goals pull apart?
    found = mikit.find_discrepancies(case)
    print(f"\nDiscrepancies ({len(found)}, most severe first)")
    for i, gap in enumerate(found, start=1):
        print(f"{i}. {gap.kind} - {gap.goal.statement} - severity {gap.severity:.2f}")
        print(f"   {gap.summary}")
        for action in gap.actions[:3]:
            print(f"   evidence: {action.when or ''} {action.description}".rstrip())
        for utterance in gap.utterances[:2]:
            print(f"   client said: \u201c{utterance.text}\u201d")
        response = mikit.respond_to(gap, seed=i)
        print(f"   strategy: {gap.strategy}; suggested response ({response.move}):")
        for line in response.lines:
            print(f"     {line}")

    # 3. Plan small steps for the goal with the most severe gap.
    goal_id = found[0].goal.id if found else first_goal.id
    plan = mikit.change_plan(case, goal_id)
    print(f"\nChange plan for {goal_id!r}\n")
    print(plan.to_text())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CASE))
