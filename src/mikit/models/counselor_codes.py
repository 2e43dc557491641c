"""Codes for counsellor turns, coded transcripts and MITI summary scores."""

from __future__ import annotations

import types
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, overload

import attrs

from mikit.errors import ValidationError
from mikit.models import _validate as v
from mikit.models.codes import ClientCode, Evidence
from mikit.models.enums import _StrEnum
from mikit.models.transcript import Transcript, Utterance

__all__ = [
    "MITI_THRESHOLDS",
    "Behavior",
    "CodedTranscript",
    "CodedUtterance",
    "CounselorCode",
    "MainBehavior",
    "MitiScores",
    "Proficiency",
    "QuestionType",
    "ReflectionType",
]


class QuestionType(_StrEnum):
    """Open questions invite a story; closed ones ask for a yes, a no or a fact."""

    OPEN = "open"
    CLOSED = "closed"


class ReflectionType(_StrEnum):
    """Simple reflections rephrase; complex ones add meaning, feeling or both sides."""

    SIMPLE = "simple"
    COMPLEX = "complex"


class Behavior(_StrEnum):
    """The counsellor behaviours that MITI 4.2.1 counts."""

    QUESTION = "question"
    SIMPLE_REFLECTION = "simple_reflection"
    COMPLEX_REFLECTION = "complex_reflection"
    AFFIRM = "affirm"
    SEEK_COLLABORATION = "seek_collaboration"
    EMPHASIZE_AUTONOMY = "emphasize_autonomy"
    GIVING_INFORMATION = "giving_information"
    ADVISE_WITH_PERMISSION = "advise_with_permission"
    ADVISE_WITHOUT_PERMISSION = "advise_without_permission"
    CONFRONT = "confront"
    PERSUADE = "persuade"
    PERSUADE_WITH_PERMISSION = "persuade_with_permission"
    OTHER = "other"

    @property
    def mi_adherent(self) -> bool:
        """Whether MITI counts the behaviour as MI-adherent."""
        return self in _ADHERENT

    @property
    def mi_non_adherent(self) -> bool:
        """Whether MITI counts the behaviour as MI-non-adherent."""
        return self in _NON_ADHERENT


_ADHERENT = frozenset(
    {
        Behavior.AFFIRM,
        Behavior.SEEK_COLLABORATION,
        Behavior.EMPHASIZE_AUTONOMY,
        Behavior.ADVISE_WITH_PERMISSION,
        Behavior.PERSUADE_WITH_PERMISSION,
    }
)
_NON_ADHERENT = frozenset(
    {Behavior.CONFRONT, Behavior.PERSUADE, Behavior.ADVISE_WITHOUT_PERMISSION}
)


class MainBehavior(_StrEnum):
    """The one behaviour that best describes a whole counsellor turn (AnnoMI's space)."""

    QUESTION = "question"
    REFLECTION = "reflection"
    THERAPIST_INPUT = "therapist_input"
    OTHER = "other"


class Proficiency(_StrEnum):
    """Where a summary score sits against the MITI thresholds."""

    BELOW_FAIR = "below_fair"
    FAIR = "fair"
    GOOD = "good"
    NOT_APPLICABLE = "n/a"


def _behaviors(items: Iterable[Behavior | str]) -> tuple[Behavior, ...]:
    return tuple(v.to_enum(Behavior, "behaviors", item) for item in items)


def _evidence(items: Iterable[object]) -> tuple[Evidence, ...]:
    out = tuple(items)
    for i, item in enumerate(out):
        if not isinstance(item, Evidence):
            msg = f"must be an Evidence, got {type(item).__name__}"
            raise ValidationError(f"evidence[{i}]", msg)
    return out  # type: ignore[return-value]


def _main(value: MainBehavior | str) -> MainBehavior:
    return v.to_enum(MainBehavior, "main", value)


def _question(value: QuestionType | str | None) -> QuestionType | None:
    return None if value is None else v.to_enum(QuestionType, "question", value)


def _reflection(value: ReflectionType | str | None) -> ReflectionType | None:
    return None if value is None else v.to_enum(ReflectionType, "reflection", value)


@attrs.frozen
class CounselorCode:
    """What a counsellor turn does, in MITI terms, with the evidence for it.

    Args:
        main: The one behaviour for the whole turn.
        behaviors: Every MITI behaviour found in the turn, in order of appearance.
        question: Whether the turn asks an open or a closed question, if any.
        reflection: Whether the turn reflects simply or complexly, if at all.
        evidence: The spans and rules behind the code.
    """

    main: MainBehavior = attrs.field(converter=_main)
    behaviors: tuple[Behavior, ...] = attrs.field(default=(), converter=_behaviors)
    question: QuestionType | None = attrs.field(default=None, converter=_question)
    reflection: ReflectionType | None = attrs.field(default=None, converter=_reflection)
    evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=_evidence)

    @property
    def rule(self) -> str:
        """The rule that decided the main behaviour (the first evidence), or ``"default"``."""
        return self.evidence[0].rule if self.evidence else "default"


@attrs.frozen
class CodedUtterance:
    """One utterance with its code: a client code or a counsellor code.

    Args:
        utterance: The turn as said.
        code: What the turn does.
    """

    utterance: Utterance = attrs.field(validator=attrs.validators.instance_of(Utterance))
    code: ClientCode | CounselorCode = attrs.field(
        validator=attrs.validators.instance_of((ClientCode, CounselorCode))
    )

    @property
    def client_code(self) -> ClientCode | None:
        """The client code, or None for a counsellor turn."""
        return self.code if isinstance(self.code, ClientCode) else None

    @property
    def counselor_code(self) -> CounselorCode | None:
        """The counsellor code, or None for a client turn."""
        return self.code if isinstance(self.code, CounselorCode) else None


def _coded(items: Iterable[object] | None) -> tuple[CodedUtterance, ...]:
    out = () if items is None else tuple(items)
    for i, item in enumerate(out):
        if not isinstance(item, CodedUtterance):
            msg = f"must be a CodedUtterance, got {type(item).__name__}"
            raise ValidationError(f"utterances[{i}]", msg)
    return out  # type: ignore[return-value]


@attrs.frozen
class CodedTranscript:
    """A transcript whose every utterance is coded, in order.

    ``len()``, iteration and indexing work on the coded utterances.

    Args:
        utterances: The coded turns.
        id: The transcript's identifier, if it has one.
    """

    utterances: tuple[CodedUtterance, ...] = attrs.field(default=(), converter=_coded)
    id: str | None = attrs.field(default=None, kw_only=True, validator=v.optional_text)

    def __len__(self) -> int:
        return len(self.utterances)

    def __iter__(self) -> Iterator[CodedUtterance]:
        return iter(self.utterances)

    @overload
    def __getitem__(self, index: int) -> CodedUtterance: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[CodedUtterance, ...]: ...
    def __getitem__(self, index: int | slice) -> CodedUtterance | tuple[CodedUtterance, ...]:
        return self.utterances[index]

    @property
    def transcript(self) -> Transcript:
        """The plain transcript, without the codes."""
        return Transcript((c.utterance for c in self.utterances), id=self.id)


def _optional_ratio(_instance: object, attribute: Any, value: Any) -> None:
    if value is not None and not v.is_number(value):
        msg = f"must be a finite number or None, got {value!r}"
        raise ValidationError(attribute.name, msg)


def _count(_instance: object, attribute: Any, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        msg = f"must be a non-negative integer, got {value!r}"
        raise ValidationError(attribute.name, msg)


MITI_THRESHOLDS: Mapping[str, tuple[float, float]] = types.MappingProxyType(
    {
        # MITI 4.2.1 proficiency thresholds (fair, good).
        "reflection_to_question": (1.0, 2.0),
        "percent_complex_reflections": (40.0, 50.0),
        # MITI 4 dropped %OQ; these are MITI 3.1.1's.
        "percent_open_questions": (50.0, 70.0),
    }
)
"""The (fair, good) thresholds of each thresholded :class:`MitiScores` field."""


def _level(value: float | None, fair: float, good: float) -> Proficiency:
    if value is None:
        return Proficiency.NOT_APPLICABLE
    if value >= good:
        return Proficiency.GOOD
    if value >= fair:
        return Proficiency.FAIR
    return Proficiency.BELOW_FAIR


@attrs.frozen
class MitiScores:
    """MITI 4.2.1 summary scores of a coded session.

    Ratios are None when their denominator is zero (no questions, no reflections,
    no change or sustain talk). Percentages run 0..100.

    Args:
        questions: Counsellor questions.
        open_questions: Of them, open questions.
        reflections: Counsellor reflections.
        complex_reflections: Of them, complex reflections.
        mi_adherent: MI-adherent behaviours (affirm, seek collaboration, emphasize
            autonomy, advise or persuade with permission).
        mi_non_adherent: MI-non-adherent behaviours (confront, persuade, advise
            without permission).
        change_talk: Client change-talk utterances.
        sustain_talk: Client sustain-talk utterances.
        reflection_to_question: Reflections per question (R:Q).
        percent_complex_reflections: Complex reflections as a share of all (%CR).
        percent_open_questions: Open questions as a share of all (%OQ).
        change_talk_share: CT / (CT + ST), 0..1.
        session_index: A 0..1 summary of how MI-consistent the counsellor was (see
            :func:`mikit.miti_scores`); None for a session without counsellor turns.
    """

    questions: int = attrs.field(validator=_count)
    open_questions: int = attrs.field(validator=_count)
    reflections: int = attrs.field(validator=_count)
    complex_reflections: int = attrs.field(validator=_count)
    mi_adherent: int = attrs.field(validator=_count)
    mi_non_adherent: int = attrs.field(validator=_count)
    change_talk: int = attrs.field(validator=_count)
    sustain_talk: int = attrs.field(validator=_count)
    reflection_to_question: float | None = attrs.field(validator=_optional_ratio)
    percent_complex_reflections: float | None = attrs.field(validator=_optional_ratio)
    percent_open_questions: float | None = attrs.field(validator=_optional_ratio)
    change_talk_share: float | None = attrs.field(validator=_optional_ratio)
    session_index: float | None = attrs.field(default=None, validator=_optional_ratio)

    @property
    def reflection_to_question_proficiency(self) -> Proficiency:
        """R:Q against MITI 4.2.1: fair from 1:1, good from 2:1."""
        return _level(self.reflection_to_question, *MITI_THRESHOLDS["reflection_to_question"])

    @property
    def percent_complex_reflections_proficiency(self) -> Proficiency:
        """%CR against MITI 4.2.1: fair from 40 %, good from 50 %."""
        return _level(
            self.percent_complex_reflections, *MITI_THRESHOLDS["percent_complex_reflections"]
        )

    @property
    def percent_open_questions_proficiency(self) -> Proficiency:
        """%OQ against MITI 3.1.1 (MITI 4 dropped it): fair from 50 %, good from 70 %."""
        return _level(self.percent_open_questions, *MITI_THRESHOLDS["percent_open_questions"])

    @property
    def mi_adherent_proficiency(self) -> Proficiency:
        """MI-adherent against MI-non-adherent: good when none non-adherent, fair when more."""
        if self.mi_adherent + self.mi_non_adherent == 0:
            return Proficiency.NOT_APPLICABLE
        if self.mi_non_adherent == 0:
            return Proficiency.GOOD
        if self.mi_adherent > self.mi_non_adherent:
            return Proficiency.FAIR
        return Proficiency.BELOW_FAIR
