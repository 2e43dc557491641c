"""Public API usage that mypy --strict must accept; checked by CI, never run."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import mikit
from mikit import Action, Case, Goal, Ruler, Transcript, Utterance, Value

goal = Goal(
    id="smoking",
    statement="quit smoking",
    direction=mikit.Direction.DECREASE,
    baseline=20,
    target=0,
    importance=8,
    confidence=Ruler(3),
    values=["health", Value("my kids")],
)
importance: Ruler | None = goal.importance
action = Action(goal="smoking", description="went for a run", when=dt.date(2026, 11, 21))
transcript = Transcript((Utterance("client", "I want to quit."),))
first: Utterance = transcript[0]
case = Case(
    client="Sam",
    values=["health", "my kids"],
    goals=[goal],
    actions=[action],
    transcript=transcript,
)
data: dict[str, object] = case.to_dict()
same: Case = Case.from_dict(case.to_dict())
mikit.dump_case(case, Path("case.json"))
loaded: Case = mikit.load_case("case.json")
version: str = mikit.__version__

try:
    mikit.load_case("missing.json")
except mikit.ValidationError as err:
    where: str = err.path
except mikit.MikitError:
    pass
