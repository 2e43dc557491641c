"""Ambivalence: change and sustain talk across a conversation, and what it suggests.

:func:`ambivalence` counts change and sustain talk by DARN-CAT kind, follows the
change-talk share from the start of the conversation to its end, estimates the
stage of change and fills a decisional balance from the client's coded reasons.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import cast

from mikit.coding import code_client
from mikit.errors import ValidationError
from mikit.models import Goal, Talk, TalkKind, Transcript, Utterance
from mikit.models.analysis import Ambivalence, DecisionalBalance, Stage, StageEstimate, Trend
from mikit.models.codes import ClientCode
from mikit.models.counselor_codes import CodedTranscript, CodedUtterance

__all__ = ["AMBIVALENT_SHARE", "TREND_STEP", "WINDOW", "ambivalence"]

WINDOW = 5
"""How many change and sustain utterances the first and last windows hold at most."""

TREND_STEP = 0.2
"""How far the change-talk share must move between windows to count as a trend."""

AMBIVALENT_SHARE = 0.25
"""The smaller side's least share of change and sustain talk for ambivalence."""

_MOBILISING = (TalkKind.COMMITMENT, TalkKind.ACTIVATION)
_REASONS = frozenset({TalkKind.DESIRE, TalkKind.REASONS, TalkKind.NEED})
_PROBLEM_RULE = "change.problem"

Item = Utterance | CodedUtterance | str


def _coded(
    items: Transcript | CodedTranscript | Iterable[Item], target: Goal | str | None
) -> Iterator[tuple[Utterance, ClientCode]]:
    """Each client utterance with its code, coding raw ones in their context."""
    previous: str | None = None
    item: object
    for i, item in enumerate(cast("Iterable[object]", items)):
        if isinstance(item, CodedUtterance):
            code = item.client_code
            if code is not None:
                yield item.utterance, code
            continue
        if isinstance(item, str):
            item = Utterance("client", item)  # noqa: PLW2901 - a bare string is a client turn
        elif not isinstance(item, Utterance):
            msg = f"must be an Utterance, a CodedUtterance or a str, got {type(item).__name__}"
            raise ValidationError(f"utterances[{i}]", msg)
        if item.is_client:
            yield item, code_client(item.text, target=target, previous=previous)
            previous = None
        else:
            previous = item.text


def _trend(sides: list[bool], window: int) -> tuple[Trend, int]:
    """The change-share trend from the first *window* sides to the last."""
    size = min(window, len(sides) // 2)
    if size == 0:
        return Trend.FLAT, 0
    first = sum(sides[:size]) / size
    last = sum(sides[-size:]) / size
    if last - first >= TREND_STEP:
        return Trend.RISING, size
    if first - last >= TREND_STEP:
        return Trend.FALLING, size
    return Trend.FLAT, size


def _stage(
    change: dict[TalkKind, list[Utterance]], sustain_total: int, share: float | None
) -> StageEstimate:
    """The stage of change suggested by the kinds of change talk.

    No change talk: precontemplation. Change talk that is only preparatory (DARN),
    or outweighed by sustain talk: contemplation. Commitment or activation, with
    change talk at least half: preparation. Taking steps, with change talk at least
    half: action; maintenance when taking-steps talk is most of the change talk and
    there is no sustain talk. One conversation cannot show how long a change has
    lasted, so this is an estimate to explore, not a label.
    """
    total = sum(len(us) for us in change.values())
    steps = change[TalkKind.TAKING_STEPS]
    mobilising = [u for kind in _MOBILISING for u in change[kind]]
    leaning = share is not None and share >= 0.5
    if total == 0:
        reason = "no change talk yet" + (", only sustain talk" if sustain_total else "")
        return StageEstimate(stage=Stage.PRECONTEMPLATION, reason=reason)
    if steps and leaning and sustain_total == 0 and len(steps) * 2 > total:
        reason = "most change talk is about steps already taken, with no sustain talk"
        return StageEstimate(stage=Stage.MAINTENANCE, reason=reason, utterances=steps)
    if steps and leaning:
        reason = "the client talks about steps already taken"
        return StageEstimate(stage=Stage.ACTION, reason=reason, utterances=steps)
    if mobilising and leaning:
        reason = "the client voices commitment or readiness to act"
        return StageEstimate(stage=Stage.PREPARATION, reason=reason, utterances=mobilising)
    preparatory = [u for kind in TalkKind if kind.preparatory for u in change[kind]]
    reason = (
        "change talk is outweighed by sustain talk"
        if not leaning
        else "change talk is about desire, ability, reasons or need, not yet commitment"
    )
    return StageEstimate(
        stage=Stage.CONTEMPLATION, reason=reason, utterances=preparatory or mobilising or steps
    )


def _balance(coded: list[tuple[Utterance, ClientCode]]) -> DecisionalBalance:
    """The decisional balance from the reasons in change and sustain talk.

    Change talk of desire, reasons or need goes to the pros of changing, or to the
    cons of staying the same when it names a problem with the present behaviour.
    Sustain talk of desire, reasons or need goes to the pros of staying the same;
    other sustain talk ("I can't", "I won't") to the cons of changing.
    """
    cells: dict[str, list[str]] = {
        "pros_of_changing": [],
        "cons_of_changing": [],
        "pros_of_staying": [],
        "cons_of_staying": [],
    }
    for utterance, code in coded:
        text = " ".join(utterance.text.split())
        if code.talk is Talk.CHANGE and code.kind in _REASONS:
            problem = any(e.rule.startswith(_PROBLEM_RULE) for e in code.evidence)
            cell = "cons_of_staying" if problem else "pros_of_changing"
        elif code.talk is Talk.SUSTAIN:
            cell = "pros_of_staying" if code.kind in _REASONS else "cons_of_changing"
        else:
            continue
        if text not in cells[cell]:
            cells[cell].append(text)
    return DecisionalBalance(**cells)


def ambivalence(
    utterances_or_coded: Transcript | CodedTranscript | Iterable[Item],
    *,
    target: Goal | str | None = None,
    window: int = WINDOW,
) -> Ambivalence:
    """Weigh change and sustain talk across a conversation.

    Client utterances that are not yet coded are coded with
    :func:`mikit.code_client` against *target*, each with the counsellor turn before
    it; coded utterances (from :func:`mikit.code_transcript`) keep their codes.

    The trend compares the change-talk share of the first *window* change and
    sustain utterances with the last *window* (at most half of them each): a move of
    0.2 or more is rising or falling. The client is ambivalent when both sides are
    voiced and the smaller one is at least a quarter.

    Args:
        utterances_or_coded: A Transcript, a CodedTranscript, or an iterable of
            Utterance, CodedUtterance or str (a str is a client turn).
        target: The change that counts as change talk: a Goal or a verb phrase.
        window: The most change and sustain utterances in each window (at least 1).

    Returns:
        The counts, share, trend, ambivalence, stage estimate and decisional balance.

    Raises:
        ValidationError: If an item is of another type, *target* is of the wrong
            type, or *window* is not a positive integer.

    >>> result = ambivalence(["I want to cut down.", "I'm not ready to quit."])
    >>> result.change_total, result.sustain_total
    (1, 1)
    """
    given: object = window  # callers without a type checker may pass anything
    if isinstance(given, bool) or not isinstance(given, int) or given < 1:
        msg = f"must be a positive integer, got {window!r}"
        raise ValidationError("window", msg)
    coded = list(_coded(utterances_or_coded, target))
    change: dict[TalkKind, list[Utterance]] = {kind: [] for kind in TalkKind}
    sustain: dict[TalkKind, list[Utterance]] = {kind: [] for kind in TalkKind}
    sides: list[bool] = []
    neutral = 0
    for utterance, code in coded:
        if code.kind is None or code.talk is Talk.NEUTRAL:
            neutral += 1
            continue
        (change if code.talk is Talk.CHANGE else sustain)[code.kind].append(utterance)
        sides.append(code.talk is Talk.CHANGE)
    c = sum(len(us) for us in change.values())
    s = len(sides) - c
    share = c / len(sides) if sides else None
    trend, size = _trend(sides, window)
    return Ambivalence(
        change={kind: len(us) for kind, us in change.items()},
        sustain={kind: len(us) for kind, us in sustain.items()},
        neutral=neutral,
        change_share=share,
        trend=trend,
        window=size,
        ambivalent=bool(c and s and min(c, s) / (c + s) >= AMBIVALENT_SHARE),
        stage=_stage(change, s, share),
        balance=_balance(coded),
    )
