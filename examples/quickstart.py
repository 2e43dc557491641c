"""A short tour of mikit: from one sentence to a report in the browser.

Run from the repository root:  python examples/quickstart.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import mikit
from mikit.report import write_report

DATA = Path(__file__).parent / "data"


def heading(title: str) -> None:
    print(f"\n== {title} ==")


# 1. What did the client say? Code it against the goal they are considering.
goal = mikit.Goal(id="drinking", statement="cut down on drinking", importance=7, confidence=4)
said = "I want to cut down, but a few beers are how I unwind after work."
code = mikit.code_client(said, target=goal)
heading("Coding one client sentence")
print(f"Client: {said}")
print(f"  talk={code.talk}  kind={code.kind}  risk={code.risk}")
for evidence in code.evidence:
    print(f"  evidence: {evidence.text!r} ({evidence.rule})")

# 2. Answer it the MI way: reflect first.
heading("Reflections")
for kind in ("simple", "complex", "double_sided"):
    print(f"  {kind:>12}: {mikit.reflect(said, kind=kind, target=goal, seed=0)}")

# 3. Evoke: open questions and rulers about the goal.
heading("Open questions and rulers")
for question in mikit.evocative_questions(goal)[:3]:
    print(f"  {question}")
print(f"  {mikit.ruler_question(goal, 'confidence')}")
for followup in mikit.ruler_followup(goal, "confidence", 4):
    print(f"  (client says 4) {followup}")

# 4. Code a whole session and score the counsellor against MITI 4.2.1.
heading("A coded session and its MITI scores")
case = mikit.load_case(DATA / "case.json")
coded = mikit.code_transcript(case.transcript, target=case.goal("drinking"))
scores = mikit.miti_scores(coded)
print(f"  {len(coded)} turns; change talk {scores.change_talk}, sustain talk {scores.sustain_talk}")
print(
    f"  R:Q {scores.reflection_to_question:.2f} ({scores.reflection_to_question_proficiency}),"
    f" complex reflections {scores.percent_complex_reflections:.0f} %"
    f" ({scores.percent_complex_reflections_proficiency})"
)

# 5. Where do actions and goals pull apart? Rank the gaps and suggest a response.
heading("Discrepancies, most severe first")
for found in mikit.find_discrepancies(case):
    response = mikit.respond_to(found, seed=0)
    print(f"  [{found.severity:.2f}] {found.kind}: {found.summary}")
    print(f"         say: {response.text}")

# 6. The same case as one self-contained HTML page.
heading("Report")
out = write_report(case, Path(tempfile.gettempdir()) / "mikit-quickstart-report.html")
print(f"  wrote {out} - open it in a browser")
