"""MITI summary scores: ratios, thresholds, division by zero and the session index."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mikit import (
    ClientCode,
    CodedTranscript,
    CodedUtterance,
    CounselorCode,
    MitiScores,
    Proficiency,
    Transcript,
    Utterance,
    ValidationError,
    code_transcript,
    miti_scores,
)


def _coded(*codes: CounselorCode | ClientCode) -> CodedTranscript:
    items = []
    for code in codes:
        speaker = "client" if isinstance(code, ClientCode) else "counselor"
        items.append(CodedUtterance(Utterance(speaker, "..."), code))
    return CodedTranscript(items)


Q_OPEN = CounselorCode(main="question", behaviors=["question"], question="open")
Q_CLOSED = CounselorCode(main="question", behaviors=["question"], question="closed")
R_SIMPLE = CounselorCode(main="reflection", behaviors=["simple_reflection"], reflection="simple")
R_COMPLEX = CounselorCode(main="reflection", behaviors=["complex_reflection"], reflection="complex")
ADVICE = CounselorCode(main="therapist_input", behaviors=["advise_without_permission"])
AFFIRM = CounselorCode(main="other", behaviors=["affirm"])
CHANGE = ClientCode(talk="change", kind="desire")
SUSTAIN = ClientCode(talk="sustain", kind="reasons")


def test_ratios_from_counts() -> None:
    """R:Q, %CR, %OQ and the change-talk share follow from the counts."""
    s = miti_scores(
        _coded(Q_OPEN, Q_CLOSED, R_COMPLEX, R_COMPLEX, R_SIMPLE, R_COMPLEX, CHANGE, CHANGE, SUSTAIN)
    )
    assert (s.questions, s.reflections) == (2, 4)
    assert s.reflection_to_question == 2.0
    assert s.percent_complex_reflections == 75.0
    assert s.percent_open_questions == 50.0
    assert s.change_talk_share == pytest.approx(2 / 3)


def test_thresholds() -> None:
    """R:Q 2 and %CR 75 are good; %OQ 50 is fair (MITI 3.1.1 threshold)."""
    s = miti_scores(_coded(Q_OPEN, Q_CLOSED, R_COMPLEX, R_COMPLEX, R_SIMPLE, R_COMPLEX))
    assert s.reflection_to_question_proficiency is Proficiency.GOOD
    assert s.percent_complex_reflections_proficiency is Proficiency.GOOD
    assert s.percent_open_questions_proficiency is Proficiency.FAIR


def test_below_fair() -> None:
    """Fewer reflections than questions and few complex ones are below fair."""
    s = miti_scores(_coded(Q_CLOSED, Q_CLOSED, R_SIMPLE))
    assert s.reflection_to_question_proficiency is Proficiency.BELOW_FAIR
    assert s.percent_complex_reflections_proficiency is Proficiency.BELOW_FAIR


def test_division_by_zero_is_none_and_na() -> None:
    """Without questions, reflections or client talk, ratios are None and levels n/a."""
    s = miti_scores(_coded(AFFIRM))
    assert s.reflection_to_question is None
    assert s.percent_complex_reflections is None
    assert s.percent_open_questions is None
    assert s.change_talk_share is None
    assert s.reflection_to_question_proficiency is Proficiency.NOT_APPLICABLE
    assert s.session_index is not None


def test_empty_session() -> None:
    """An empty session has zero counts, no ratios and no session index."""
    s = miti_scores(CodedTranscript())
    assert s.questions == 0
    assert s.session_index is None


def test_adherence_counts() -> None:
    """Affirmations count as MI-adherent and unasked advice as MI-non-adherent."""
    s = miti_scores(_coded(AFFIRM, AFFIRM, ADVICE))
    assert (s.mi_adherent, s.mi_non_adherent) == (2, 1)
    assert s.mi_adherent_proficiency is Proficiency.FAIR


def test_session_index_rewards_mi_consistency() -> None:
    """A reflective, affirming session scores higher than a questioning, advising one."""
    good = miti_scores(_coded(Q_OPEN, R_COMPLEX, R_COMPLEX, AFFIRM, R_COMPLEX, CHANGE))
    poor = miti_scores(_coded(Q_CLOSED, ADVICE, Q_CLOSED, ADVICE, Q_CLOSED, SUSTAIN))
    assert good.session_index is not None
    assert poor.session_index is not None
    assert good.session_index > poor.session_index


def test_not_coded_is_refused() -> None:
    """A plain Transcript is refused with a ValidationError."""
    with pytest.raises(ValidationError, match="CodedTranscript"):
        miti_scores(Transcript([Utterance("client", "hi")]))  # type: ignore[arg-type]


def test_scores_validate_counts() -> None:
    """MitiScores refuses negative counts."""
    with pytest.raises(ValidationError, match="questions"):
        MitiScores(-1, 0, 0, 0, 0, 0, 0, 0, None, None, None, None)


@given(
    st.lists(st.tuples(st.sampled_from(["client", "counselor"]), st.text(max_size=60)), max_size=10)
)
def test_scores_stay_in_range(turns: list[tuple[str, str]]) -> None:
    """For any session, percentages lie in 0..100 and shares and the index in 0..1."""
    s = miti_scores(code_transcript(Transcript([Utterance(a, b) for a, b in turns])))
    for pct in (s.percent_complex_reflections, s.percent_open_questions):
        assert pct is None or 0 <= pct <= 100
    for share in (s.change_talk_share, s.session_index):
        assert share is None or 0 <= share <= 1
