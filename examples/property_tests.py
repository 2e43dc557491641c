"""A downstream test suite: property-testing your own MI code with mikit's strategies.

Run it with ``python -m pytest examples/property_tests.py`` (or ``python
examples/property_tests.py``). It needs hypothesis: ``pip install "mikit[hypothesis]"``.

The app code under test is ``next_prompt`` below: the kind of small function an MI
coaching app writes on top of mikit. The properties say what must hold for every
goal, case and transcript Hypothesis can draw, not just for the examples you
thought of.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mikit
from mikit import fidelity
from mikit import strategies as mst
from mikit.report import render_report


# --- the app code under test ----------------------------------------------------------
def next_prompt(goal: mikit.Goal) -> str:
    """What our app asks next about a goal: a ruler if unasked, else an evocative question."""
    if goal.importance is None:
        return mikit.ruler_question(goal, "importance")
    if goal.confidence is None:
        return mikit.ruler_question(goal, "confidence")
    return mikit.evocative_questions(goal)[0]


MI_RULES = {
    fidelity.Rule.DIRECTIVE,
    fidelity.Rule.ADVICE,
    fidelity.Rule.WHY_QUESTION,
    fidelity.Rule.WARNING,
    fidelity.Rule.LABEL,
    fidelity.Rule.PRAISE,
    fidelity.Rule.CONFRONT,
    fidelity.Rule.TEMPLATE_RESIDUE,
    fidelity.Rule.CLOSED_QUESTION,
}


# --- properties ------------------------------------------------------------------------
@given(st.from_type(mikit.Goal))
def test_next_prompt_is_an_mi_consistent_question(goal: mikit.Goal) -> None:
    """Whatever the goal, the app asks an open question that passes the fidelity check."""
    prompt = next_prompt(goal)
    assert prompt.endswith("?")
    assert not prompt.lower().startswith("why don't you")
    # Drawn goals may hold any text ("0 !"), and the client's words are quoted as typed,
    # so check what the app controls: the MI rules, not the spacing of the goal's text.
    findings = fidelity.check(prompt, move="question")
    assert [f for f in findings if f.rule in MI_RULES] == []


@given(mst.cases())
def test_case_round_trips_through_json(case: mikit.Case) -> None:
    """A case saved as JSON-ready data loads back equal."""
    assert mikit.Case.from_dict(case.to_dict()) == case


@given(mst.cases(max_goals=3, max_actions=20))
def test_discrepancies_are_ranked_and_bounded(case: mikit.Case) -> None:
    """Discrepancies come most severe first, with severity in [0, 1], about the case's goals."""
    found = mikit.find_discrepancies(case)
    severities = [d.severity for d in found]
    assert severities == sorted(severities, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in severities)
    assert {d.goal.id for d in found} <= {g.id for g in case.goals}


@given(mst.transcripts(max_size=12))
def test_miti_scores_stay_in_range(transcript: mikit.Transcript) -> None:
    """For any transcript, the MITI percentages lie in 0..100 and the share in 0..1."""
    scores = mikit.miti_scores(mikit.code_transcript(transcript))
    for percent in (scores.percent_complex_reflections, scores.percent_open_questions):
        assert percent is None or 0.0 <= percent <= 100.0
    assert scores.change_talk_share is None or 0.0 <= scores.change_talk_share <= 1.0


@given(st.text())
def test_client_code_accepts_any_text(text: str) -> None:
    """code_client codes any string, and only change or sustain talk has a DARN-CAT kind."""
    code = mikit.code_client(text)
    assert (code.kind is None) == (code.talk is mikit.Talk.NEUTRAL)


@settings(max_examples=25)
@given(mst.cases(max_goals=2, max_actions=6))
def test_report_never_runs_what_the_client_said(case: mikit.Case) -> None:
    """The HTML report of any case has no script tag and no external URL."""
    page = render_report(case)
    assert "<script" not in page.lower()
    assert set(re.findall(r"https?://[^\s\"'<>]+", page)) <= {"http://www.w3.org/2000/svg"}


if __name__ == "__main__":
    raise SystemExit(pytest.main([__file__, "-q", "-p", "no:cacheprovider"]))
