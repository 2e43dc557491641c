"""ambivalence: counts, share, trend, stage of change and decisional balance."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mikit import Stage, TalkKind, Transcript, Trend, Utterance, ValidationError
from mikit.analysis.ambivalence import ambivalence
from mikit.models.codes import ClientCode, Evidence
from mikit.models.counselor_codes import CodedTranscript, CodedUtterance


def coded(text: str, talk: str, kind: str | None = None, rule: str | None = None) -> CodedUtterance:
    evidence = () if rule is None else (Evidence(rule=rule, start=0, end=len(text), text=text),)
    code = ClientCode(talk=talk, kind=kind, evidence=evidence)
    return CodedUtterance(utterance=Utterance("client", text), code=code)


CHANGE = ("I want to stop.", "change", "desire")
SUSTAIN = ("I like it too much.", "sustain", "reasons")


def test_counts_by_darn_cat_kind() -> None:
    """Change and sustain talk are counted by kind; neutral turns separately."""
    result = ambivalence(
        [
            coded("I want to stop.", "change", "desire"),
            coded("I will stop on Monday.", "change", "commitment"),
            coded("I can't do it.", "sustain", "ability"),
            coded("It rained.", "neutral"),
        ]
    )
    assert result.change[TalkKind.DESIRE] == 1
    assert result.change[TalkKind.COMMITMENT] == 1
    assert result.sustain[TalkKind.ABILITY] == 1
    assert result.neutral == 1
    assert (result.change_total, result.sustain_total) == (2, 1)
    assert result.change_share == pytest.approx(2 / 3)


def test_counsellor_turns_are_skipped() -> None:
    """Coded counsellor turns are not counted as client talk."""
    transcript = CodedTranscript([coded(*CHANGE)])
    assert ambivalence(transcript).change_total == 1


def test_nothing_said_is_precontemplation_with_no_share() -> None:
    """An empty conversation has no share, a flat trend and no ambivalence."""
    result = ambivalence([])
    assert result.change_share is None
    assert result.trend is Trend.FLAT
    assert not result.ambivalent
    assert result.stage.stage is Stage.PRECONTEMPLATION


def test_rising_change_share() -> None:
    """Sustain talk early and change talk late is a rising trend."""
    items = [coded(*SUSTAIN)] * 3 + [coded(*CHANGE)] * 3
    result = ambivalence(items)
    assert result.trend is Trend.RISING
    assert result.window == 3


def test_falling_change_share() -> None:
    """Change talk early and sustain talk late is a falling trend."""
    result = ambivalence([coded(*CHANGE)] * 4 + [coded(*SUSTAIN)] * 4, window=2)
    assert result.trend is Trend.FALLING
    assert result.window == 2


def test_mixed_throughout_is_flat() -> None:
    """Alternating sides keep the share flat."""
    result = ambivalence([coded(*CHANGE), coded(*SUSTAIN)] * 4)
    assert result.trend is Trend.FLAT


def test_ambivalent_needs_both_sides_at_a_quarter() -> None:
    """One sustain utterance against four change ones is not ambivalence; against two it is."""
    assert not ambivalence([coded(*CHANGE)] * 4 + [coded(*SUSTAIN)]).ambivalent
    assert ambivalence([coded(*CHANGE)] * 2 + [coded(*SUSTAIN)]).ambivalent


@pytest.mark.parametrize(
    ("kinds", "sustain", "stage"),
    [
        ([], 2, Stage.PRECONTEMPLATION),
        (["desire", "reasons"], 0, Stage.CONTEMPLATION),
        (["commitment"], 3, Stage.CONTEMPLATION),
        (["desire", "commitment"], 1, Stage.PREPARATION),
        (["taking_steps", "desire"], 1, Stage.ACTION),
        (["taking_steps", "taking_steps", "desire"], 0, Stage.MAINTENANCE),
    ],
)
def test_stage_of_change(kinds: list[str], sustain: int, stage: Stage) -> None:
    """The stage follows the kinds of change talk and how it weighs against sustain talk."""
    items = [coded(f"said {k}", "change", k) for k in kinds] + [coded(*SUSTAIN)] * sustain
    result = ambivalence(items)
    assert result.stage.stage is stage
    assert result.stage.reason


def test_stage_evidence_is_the_deciding_talk() -> None:
    """The stage estimate keeps the utterances it rests on."""
    result = ambivalence([coded("I went for a run.", "change", "taking_steps"), coded(*CHANGE)])
    assert [u.text for u in result.stage.utterances] == ["I went for a run."]


def test_decisional_balance_cells() -> None:
    """Reasons fill the four cells: pros and cons of changing and of staying the same."""
    result = ambivalence(
        [
            coded("I want to be there for my kids.", "change", "reasons"),
            coded("I hate the smell on me.", "change", "reasons", rule="change.problem"),
            coded("It helps me relax.", "sustain", "reasons"),
            coded("I can't say no at parties.", "sustain", "ability"),
        ]
    )
    balance = result.balance
    assert balance.pros_of_changing == ("I want to be there for my kids.",)
    assert balance.cons_of_staying == ("I hate the smell on me.",)
    assert balance.pros_of_staying == ("It helps me relax.",)
    assert balance.cons_of_changing == ("I can't say no at parties.",)


def test_raw_strings_are_coded_as_client_turns() -> None:
    """Plain strings are client turns, coded with code_client."""
    result = ambivalence(["I really want to cut down.", "I'm not ready to quit."])
    assert result.change_total + result.sustain_total + result.neutral == 2


def test_transcript_gives_context_to_bare_answers() -> None:
    """A Transcript is coded turn by turn, the counsellor's question giving context."""
    transcript = Transcript(
        [
            Utterance("counselor", "So you'd like to cut back?"),
            Utterance("client", "Yeah."),
        ]
    )
    result = ambivalence(transcript)
    assert result.change_total + result.sustain_total + result.neutral == 1


def test_bad_items_are_refused() -> None:
    """Something other than an utterance, coded utterance or str raises ValidationError."""
    with pytest.raises(ValidationError, match=r"utterances\[1\]: must be an Utterance"):
        ambivalence(["fine", 3])  # type: ignore[list-item]


@pytest.mark.parametrize("window", [0, -1, True, 1.5])
def test_bad_window_is_refused(window: object) -> None:
    """The window must be a positive integer."""
    with pytest.raises(ValidationError, match="window: must be a positive integer"):
        ambivalence([], window=window)  # type: ignore[arg-type]


@given(st.lists(st.text(max_size=80), max_size=12))
def test_any_text_gives_consistent_counts(texts: list[str]) -> None:
    """For any client texts the counts add up and the share lies in [0, 1]."""
    result = ambivalence(texts, target="quit smoking")
    assert result.change_total + result.sustain_total + result.neutral == len(texts)
    if result.change_share is not None:
        assert 0 <= result.change_share <= 1
    assert result.window <= (result.change_total + result.sustain_total) // 2


@given(st.lists(st.sampled_from([CHANGE, SUSTAIN]), max_size=20))
def test_share_matches_the_sides(sides: list[tuple[str, str, str]]) -> None:
    """The change share is the change count over change and sustain counts."""
    result = ambivalence([coded(*side) for side in sides])
    changes = sum(1 for side in sides if side is CHANGE)
    if sides:
        assert result.change_share == pytest.approx(changes / len(sides))
    assert result.change_total == changes
