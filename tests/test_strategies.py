"""mikit.strategies draws only valid models, and Hypothesis finds them by type."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mikit
import mikit.models
from mikit import Case, Goal, Ruler, dump_case, load_case
from mikit import strategies as mst

# At least 500 examples under the CI profile, as the round trips are the format's promise.
DEEP = settings(max_examples=500 if os.environ.get("HYPOTHESIS_PROFILE") == "ci" else 100)


@DEEP
@given(mst.cases())
def test_case_dict_round_trip(case: Case) -> None:
    """to_dict then from_dict gives back every drawn case."""
    assert Case.from_dict(case.to_dict()) == case


@settings(DEEP, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mst.cases())
def test_case_file_round_trip(tmp_path: Path, case: Case) -> None:
    """dump_case then load_case gives back every drawn case."""
    path = tmp_path / "case.json"
    dump_case(case, path)
    assert load_case(path) == case


@given(mst.goals())
def test_goal_targets_fit_their_direction(goal: Goal) -> None:
    """A drawn goal with a target has a direction."""
    if goal.target is not None:
        assert goal.direction is not None


PUBLIC_MODELS = [
    getattr(mikit.models, name)
    for name in mikit.models.__all__
    if isinstance(getattr(mikit.models, name), type)
]


@settings(max_examples=30)  # a smoke test over every type; the round trips go deep
@given(st.data())
def test_from_type_knows_every_public_model(data: st.DataObject) -> None:
    """st.from_type draws a valid instance of every public model."""
    for cls in PUBLIC_MODELS:
        assert isinstance(data.draw(st.from_type(cls)), cls)


@given(st.from_type(Ruler))
def test_from_type_ruler_is_on_the_scale(ruler: Ruler) -> None:
    """Rulers drawn by type stay on the 0..10 scale."""
    assert 0 <= ruler <= 10


def test_strategies_are_not_imported_by_mikit() -> None:
    """import mikit does not import mikit.strategies or hypothesis."""
    import subprocess
    import sys

    code = (
        "import sys, mikit; "
        "assert 'mikit.strategies' not in sys.modules; "
        "assert 'hypothesis' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
