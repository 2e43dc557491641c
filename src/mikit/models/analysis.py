"""What analysis finds: discrepancies, ambivalence, decisional balance and change plans.

These are plain results. The functions that build them live in :mod:`mikit.analysis`
and :mod:`mikit.oars`; the models only hold and validate what they found.
"""

from __future__ import annotations

import math
import types
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from mikit.errors import ValidationError
from mikit.models import _validate as v
from mikit.models.enums import TalkKind, _StrEnum
from mikit.models.goals import Action, Goal
from mikit.models.transcript import Utterance

__all__ = [
    "Ambivalence",
    "ChangePlan",
    "DecisionalBalance",
    "Discrepancy",
    "DiscrepancyKind",
    "GoalProgress",
    "PlanSection",
    "PlanStep",
    "Response",
    "Stage",
    "StageEstimate",
    "Strategy",
    "Trend",
]


class DiscrepancyKind(_StrEnum):
    """The ways what a client does or says can sit apart from their goal."""

    BEHAVIOR_GAP = "behavior_gap"
    VALUE_CONFLICT = "value_conflict"
    CONFIDENCE_GAP = "confidence_gap"
    EXTERNAL_GOAL = "external_goal"
    BIG_LEAP = "big_leap"
    AMBIVALENCE = "ambivalence"


class Strategy(_StrEnum):
    """The MI strategy that suits a discrepancy."""

    DEVELOP_DISCREPANCY = "develop_discrepancy"
    EXPLORE_VALUES = "explore_values"
    SUPPORT_SELF_EFFICACY = "support_self_efficacy"
    EXPLORE_OWNERSHIP = "explore_ownership"
    SMALL_STEPS = "small_steps"
    EXPLORE_AMBIVALENCE = "explore_ambivalence"


class Trend(_StrEnum):
    """Which way a quantity moves over time."""

    RISING = "rising"
    FALLING = "falling"
    FLAT = "flat"


class Stage(_StrEnum):
    """The stages of change (transtheoretical model)."""

    PRECONTEMPLATION = "precontemplation"
    CONTEMPLATION = "contemplation"
    PREPARATION = "preparation"
    ACTION = "action"
    MAINTENANCE = "maintenance"


def _severity(_instance: object, attribute: Any, value: Any) -> None:
    if not v.is_number(value) or not 0 <= value <= 1:
        msg = f"must be a number from 0 to 1, got {value!r}"
        raise ValidationError(attribute.name, msg)


def _share(_instance: object, attribute: Any, value: Any) -> None:
    if value is not None:
        _severity(_instance, attribute, value)


def _optional_finite(_instance: object, attribute: Any, value: Any) -> None:
    if value is not None and not v.is_number(value):
        msg = f"must be a finite number, got {value!r}"
        raise ValidationError(attribute.name, msg)


def _counts(value: Mapping[Any, Any] | None) -> Mapping[TalkKind, int]:
    """Counts for every DARN-CAT kind, read-only, zeros filled in."""
    given: dict[object, object] = dict(value or {})
    out: dict[TalkKind, int] = {}
    for kind in TalkKind:
        count = given.pop(kind, 0)
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            msg = f"must map talk kinds to counts >= 0, got {kind.value!r}: {count!r}"
            raise ValidationError("counts", msg)
        out[kind] = count
    if given:
        msg = f"unknown talk kind {next(iter(given))!r}"
        raise ValidationError("counts", msg)
    return types.MappingProxyType(out)


def _actions(items: Iterable[Action] | None) -> tuple[Action, ...]:
    return v.tuple_of(items)


def _utterances(items: Iterable[Utterance] | None) -> tuple[Utterance, ...]:
    return v.tuple_of(items)


def _strs(items: Any) -> tuple[str, ...]:
    out = v.tuple_of(items)
    for i, item in enumerate(out):
        if not isinstance(item, str):
            msg = f"must be a string, got {type(item).__name__}"
            raise ValidationError(f"[{i}]", msg)
    return out


@attrs.frozen(kw_only=True)
class GoalProgress:
    """What the actions say about a goal, as counts and order-independent statistics.

    Args:
        actions: How many actions bear on the goal.
        toward: How many moved toward it (stated, or read from the amount).
        away: How many moved away from it (stated, or read from the amount).
        amounts: How many actions carry an amount.
        mean: The mean amount per period, if any action carries one.
        slope: The least-squares change in the amount per period over time, from
            dated amounts on at least two different days.
        trend: Whether the amounts rise, fall or stay flat over time.
        improving: Whether the trend moves toward the target (None without a trend
            or a target).
        span_days: Days from the first to the last dated amount.
    """

    actions: int = 0
    toward: int = 0
    away: int = 0
    amounts: int = 0
    mean: float | None = attrs.field(default=None, validator=_optional_finite)
    slope: float | None = attrs.field(default=None, validator=_optional_finite)
    trend: Trend | None = None
    improving: bool | None = None
    span_days: int = 0


@attrs.frozen(kw_only=True)
class Discrepancy:
    """A gap between a goal and what the client does or says.

    Args:
        kind: Which kind of gap it is.
        goal: The goal it is about.
        severity: How much the gap weighs, from 0 (none) to 1 (as wide as it gets).
        strategy: The MI strategy that suits it.
        summary: One plain, non-judging line that says what was found.
        actions: The actions behind it (a few, the most recent first when there are
            many).
        utterances: The client's words behind it.
        progress: The statistics of the goal's actions.

    Raises:
        ValidationError: If the severity is not a number from 0 to 1.
    """

    kind: DiscrepancyKind
    goal: Goal
    severity: float = attrs.field(validator=_severity)
    strategy: Strategy
    summary: str = attrs.field(validator=v.text)
    actions: tuple[Action, ...] = attrs.field(default=(), converter=_actions)
    utterances: tuple[Utterance, ...] = attrs.field(default=(), converter=_utterances)
    progress: GoalProgress = attrs.field(factory=GoalProgress)

    @property
    def evidence(self) -> tuple[Action | Utterance, ...]:
        """The actions and then the utterances behind the discrepancy."""
        return (*self.actions, *self.utterances)

    def to_dict(self) -> dict[str, Any]:
        """The discrepancy as JSON-ready data."""
        from mikit.io.converter import unstructure

        return {
            "kind": self.kind.value,
            "goal": self.goal.id,
            "severity": self.severity,
            "strategy": self.strategy.value,
            "summary": self.summary,
            "actions": [unstructure(a) for a in self.actions],
            "utterances": [u.text for u in self.utterances],
            "progress": {
                f.name: _plain(getattr(self.progress, f.name)) for f in attrs.fields(GoalProgress)
            },
        }


_MD_SPECIAL = str.maketrans(
    {c: "\\" + c for c in "\\`*_[]|#!"} | {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
)


def _md(text: str) -> str:
    """*text* as inline Markdown that shows as written, on one line."""
    return " ".join(text.split()).translate(_MD_SPECIAL)


def _plain(value: object) -> object:
    if isinstance(value, _StrEnum):
        return value.value
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


@attrs.frozen(kw_only=True)
class DecisionalBalance:
    """The four cells of a decisional balance, in the client's own words.

    Args:
        pros_of_changing: What the client hopes to gain by changing.
        cons_of_changing: What changing would cost them, or what stands in the way.
        pros_of_staying: What the present behaviour gives them.
        cons_of_staying: What the present behaviour costs them.
    """

    pros_of_changing: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    cons_of_changing: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    pros_of_staying: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    cons_of_staying: tuple[str, ...] = attrs.field(default=(), converter=_strs)

    @property
    def empty(self) -> bool:
        """Whether every cell is empty."""
        return not (
            self.pros_of_changing
            or self.cons_of_changing
            or self.pros_of_staying
            or self.cons_of_staying
        )


@attrs.frozen(kw_only=True)
class StageEstimate:
    """An estimated stage of change and what it rests on.

    Args:
        stage: The estimated stage.
        reason: One line saying why.
        utterances: The client's words it rests on.
    """

    stage: Stage
    reason: str = attrs.field(validator=v.text)
    utterances: tuple[Utterance, ...] = attrs.field(default=(), converter=_utterances)


@attrs.frozen(kw_only=True)
class Ambivalence:
    """Change and sustain talk across a conversation.

    Args:
        change: Change talk counted by DARN-CAT kind.
        sustain: Sustain talk counted by DARN-CAT kind.
        neutral: Client utterances that are neither.
        change_share: Change talk as a share of change and sustain talk (None when
            there is neither).
        trend: Whether the change share rises, falls or stays flat from the first
            window of change and sustain talk to the last.
        window: How many change and sustain utterances each window holds.
        ambivalent: Whether the client voices both sides, each at least a quarter.
        stage: The estimated stage of change with its evidence.
        balance: The decisional balance from the coded reasons.
    """

    change: Mapping[TalkKind, int] = attrs.field(factory=dict, converter=_counts, hash=False)
    sustain: Mapping[TalkKind, int] = attrs.field(factory=dict, converter=_counts, hash=False)
    neutral: int = 0
    change_share: float | None = attrs.field(default=None, validator=_share)
    trend: Trend = Trend.FLAT
    window: int = 0
    ambivalent: bool = False
    stage: StageEstimate
    balance: DecisionalBalance = attrs.field(factory=DecisionalBalance)

    @property
    def change_total(self) -> int:
        """All change talk."""
        return sum(self.change.values())

    @property
    def sustain_total(self) -> int:
        """All sustain talk."""
        return sum(self.sustain.values())

    def to_dict(self) -> dict[str, Any]:
        """The result as JSON-ready data."""
        return {
            "change": {k.value: n for k, n in self.change.items()},
            "sustain": {k.value: n for k, n in self.sustain.items()},
            "neutral": self.neutral,
            "change_share": self.change_share,
            "trend": self.trend.value,
            "window": self.window,
            "ambivalent": self.ambivalent,
            "stage": {
                "stage": self.stage.stage.value,
                "reason": self.stage.reason,
                "utterances": [u.text for u in self.stage.utterances],
            },
            "balance": {
                f.name: list(getattr(self.balance, f.name)) for f in attrs.fields(DecisionalBalance)
            },
        }


@attrs.frozen(kw_only=True)
class Response:
    """An MI move in answer to a discrepancy.

    Args:
        move: The name of the move ("reflect_and_ask", "affirm_and_ruler", ...).
        lines: What to say, in order (a reflection, then a question).
        skills: The OARS skill of each line: "reflection", "affirmation", "question"
            or "summary".
        strategy: The strategy the move serves.
        kind: The kind of discrepancy it answers.
    """

    move: str = attrs.field(validator=v.nonblank)
    lines: tuple[str, ...] = attrs.field(converter=_strs)
    skills: tuple[str, ...] = attrs.field(converter=_strs)
    strategy: Strategy
    kind: DiscrepancyKind

    def __attrs_post_init__(self) -> None:
        if len(self.skills) != len(self.lines):
            msg = f"must name one skill per line ({len(self.lines)}), got {len(self.skills)}"
            raise ValidationError("skills", msg)

    @property
    def text(self) -> str:
        """The lines joined with spaces."""
        return " ".join(self.lines)

    def to_dict(self) -> dict[str, Any]:
        """The response as JSON-ready data."""
        return {
            "move": self.move,
            "lines": list(self.lines),
            "skills": list(self.skills),
            "strategy": self.strategy.value,
            "kind": self.kind.value,
        }


@attrs.frozen(kw_only=True)
class PlanStep:
    """One small, concrete step of a change plan.

    Args:
        text: The step, as a verb phrase in the client's voice ("not smoke in the car").
        confidence_question: A confidence ruler question about this step.
    """

    text: str = attrs.field(validator=v.nonblank)
    confidence_question: str = attrs.field(validator=v.text)


@attrs.frozen(kw_only=True)
class PlanSection:
    """One section of a change-plan worksheet.

    Args:
        key: A stable name for the section ("reasons").
        title: The heading, in the client's voice ("My reasons").
        items: What the case holds for it.
        prompt: The question to fill it in with, shown when ``items`` is empty.
    """

    key: str = attrs.field(validator=v.nonblank)
    title: str = attrs.field(validator=v.nonblank)
    items: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    prompt: str = attrs.field(default="", validator=v.text)

    @property
    def filled(self) -> bool:
        """Whether the case held something for the section."""
        return bool(self.items)


def _sections(items: Iterable[PlanSection]) -> tuple[PlanSection, ...]:
    return v.tuple_of(items)


def _steps(items: Iterable[PlanStep] | None) -> tuple[PlanStep, ...]:
    return v.tuple_of(items)


@attrs.frozen(kw_only=True)
class ChangePlan:
    """A change-plan worksheet for one goal.

    Args:
        goal: The goal it plans for.
        sections: The worksheet sections, in order.
        steps: The small, concrete steps, each with a confidence ruler question.
    """

    goal: Goal
    sections: tuple[PlanSection, ...] = attrs.field(converter=_sections)
    steps: tuple[PlanStep, ...] = attrs.field(default=(), converter=_steps)

    def section(self, key: str) -> PlanSection:
        """The section named *key*.

        Raises:
            KeyError: If the plan has no such section.
        """
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)

    def to_text(self) -> str:
        """The worksheet as plain text, rendered through ``en/plan/text.j2``.

        Raises:
            TemplateError: If the template fails to render.
        """
        from mikit.templating import render

        return render("en/plan/text.j2", plan=self).rstrip() + "\n"

    def to_markdown(self) -> str:
        """The worksheet as Markdown, rendered through ``en/plan/markdown.j2``.

        The client's words are escaped, so ``*`` or ``<b>`` in them shows as written.

        Raises:
            TemplateError: If the template fails to render.
        """
        from mikit.templating import render

        view = types.SimpleNamespace(
            goal=types.SimpleNamespace(statement=_md(self.goal.statement)),
            sections=[
                types.SimpleNamespace(
                    key=s.key,
                    title=_md(s.title),
                    items=[_md(item) for item in s.items],
                    prompt=_md(s.prompt),
                    filled=s.filled,
                )
                for s in self.sections
            ],
            steps=[
                types.SimpleNamespace(
                    text=_md(s.text), confidence_question=_md(s.confidence_question)
                )
                for s in self.steps
            ],
        )
        return render("en/plan/markdown.j2", plan=view).rstrip() + "\n"

    def to_dict(self) -> dict[str, Any]:
        """The worksheet as JSON-ready data."""
        return {
            "goal": self.goal.id,
            "statement": self.goal.statement,
            "sections": [
                {"key": s.key, "title": s.title, "items": list(s.items), "prompt": s.prompt}
                for s in self.sections
            ],
            "steps": [
                {"text": s.text, "confidence_question": s.confidence_question} for s in self.steps
            ],
        }
