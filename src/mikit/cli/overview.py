"""A one-screen overview of a case, as text or JSON-ready data."""

from __future__ import annotations

from typing import Any

from mikit.models import Case, Goal

__all__ = ["case_overview", "case_overview_text"]


def _goal_line(goal: Goal) -> str:
    parts = [f"{goal.id}: {goal.statement}"]
    if goal.measured:
        unit = f" {goal.unit}" if goal.unit else ""
        per = f" per {goal.per}" if goal.per else ""
        start = "?" if goal.baseline is None else f"{goal.baseline:g}"
        parts.append(f"  {goal.direction} from {start} to {goal.target:g}{unit}{per}")
    rulers = [
        f"{name} {score}/10"
        for name, score in (("importance", goal.importance), ("confidence", goal.confidence))
        if score is not None
    ]
    if rulers:
        parts.append("  " + ", ".join(rulers))
    if goal.source is not None:
        parts.append(f"  whose goal: {goal.source}")
    if goal.values:
        parts.append("  serves: " + ", ".join(str(v) for v in goal.values))
    return "\n".join(parts)


def case_overview(case: Case) -> dict[str, Any]:
    """The counts and goals of *case*, JSON-ready."""
    return {
        "client": case.client,
        "values": [str(v) for v in case.values],
        "goals": [
            {
                "id": g.id,
                "statement": g.statement,
                "importance": g.importance,
                "confidence": g.confidence,
                "actions": len(case.actions_for(g.id)),
            }
            for g in case.goals
        ],
        "actions": len(case.actions),
        "utterances": len(case.transcript),
    }


def case_overview_text(case: Case) -> str:
    """The counts and goals of *case*, as a few lines of text."""
    client = case.client or "(unnamed client)"
    lines = [
        f"Client: {client}",
        f"Values: {', '.join(str(v) for v in case.values) or '(none named)'}",
        f"Goals ({len(case.goals)}):",
    ]
    lines.extend("  " + line for goal in case.goals for line in _goal_line(goal).splitlines())
    lines.append(f"Actions: {len(case.actions)}")
    lines.append(f"Transcript: {len(case.transcript)} utterances")
    return "\n".join(lines)
