"""MITI 4.2.1 summary scores and a 0..1 session index from a coded transcript.

Counts are per utterance: a counsellor turn counts as a question or a reflection
by its main behaviour (AnnoMI codes one main behaviour per turn), and adds each
MI-adherent and MI-non-adherent behaviour found in it. Counting by the main
behaviour separated AnnoMI's high- from low-quality training sessions better
(cross-validated R:Q AUROC) than counting every turn that holds a question or a
reflection anywhere, or summing the coder's probabilities
(``benchmarks/fit_counselor_weights.py --cv``).

The session index is a logistic combination of the facets::

    index = 1 / (1 + exp(-(bias + sum(weight_i * (x_i - mean_i) / scale_i))))

over these features of a session: ``log((R + 1) / (Q + 1))``; the complex share
of reflections and the open share of questions (0..1, 0.5 when undefined);
(MI-adherent - MI-non-adherent) and MI-non-adherent per counsellor turn; the
change-talk share (0.5 when undefined); and therapist input per counsellor turn.
Its weights live in ``mikit/data/session_index.json``, with a note of how they
were fitted (on AnnoMI's training transcripts only, by
``benchmarks/fit_session_index.py``).
"""

from __future__ import annotations

import functools
import json
import math
from importlib import resources
from typing import Any

from mikit.errors import ValidationError
from mikit.models.counselor_codes import (
    CodedTranscript,
    MainBehavior,
    MitiScores,
    QuestionType,
    ReflectionType,
)
from mikit.models.enums import Talk

__all__ = ["SESSION_INDEX_FEATURES", "miti_scores", "session_features"]

SESSION_INDEX_FEATURES = (
    "log_reflection_to_question",
    "complex_share",
    "open_share",
    "adherence",
    "non_adherent_rate",
    "change_talk_share",
    "input_rate",
)
"""The features the session index combines, in the order of its weights."""


@functools.cache
def _index_model() -> dict[str, Any]:
    path = resources.files("mikit").joinpath("data/session_index.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def session_features(coded: CodedTranscript) -> dict[str, float]:
    """The session-level features the session index combines, by name.

    Args:
        coded: A coded transcript.

    Returns:
        One value per name in :data:`SESSION_INDEX_FEATURES`.

    Raises:
        ValidationError: If *coded* is not a CodedTranscript.
    """
    counts = _counts(coded)
    turns = max(counts["turns"], 1)
    complex_share = _share(counts["complex"], counts["reflections"])
    open_share = _share(counts["open"], counts["questions"])
    ct_share = _share(counts["change"], counts["change"] + counts["sustain"])
    return {
        "log_reflection_to_question": math.log(
            (counts["reflections"] + 1) / (counts["questions"] + 1)
        ),
        "complex_share": 0.5 if complex_share is None else complex_share,
        "open_share": 0.5 if open_share is None else open_share,
        "adherence": (counts["adherent"] - counts["non_adherent"]) / turns,
        "non_adherent_rate": counts["non_adherent"] / turns,
        "change_talk_share": 0.5 if ct_share is None else ct_share,
        "input_rate": counts["input"] / turns,
    }


def _counts(coded: CodedTranscript) -> dict[str, int]:
    if not isinstance(coded, CodedTranscript):
        msg = f"must be a CodedTranscript, got {type(coded).__name__}"  # type: ignore[unreachable]
        raise ValidationError("coded", msg)
    c = dict.fromkeys(
        (
            "turns",
            "questions",
            "open",
            "reflections",
            "complex",
            "adherent",
            "non_adherent",
            "change",
            "sustain",
            "input",
        ),
        0,
    )
    for item in coded:
        client = item.client_code
        if client is not None:
            c["change"] += client.talk is Talk.CHANGE
            c["sustain"] += client.talk is Talk.SUSTAIN
            continue
        code = item.counselor_code
        if code is None:  # pragma: no cover - a CodedUtterance holds one or the other
            continue
        c["turns"] += 1
        if code.main is MainBehavior.QUESTION:
            c["questions"] += 1
            c["open"] += code.question is QuestionType.OPEN
        elif code.main is MainBehavior.REFLECTION:
            c["reflections"] += 1
            c["complex"] += code.reflection is ReflectionType.COMPLEX
        elif code.main is MainBehavior.THERAPIST_INPUT:
            c["input"] += 1
        c["adherent"] += sum(1 for b in code.behaviors if b.mi_adherent)
        c["non_adherent"] += sum(1 for b in code.behaviors if b.mi_non_adherent)
    return c


def _session_index(features: dict[str, float]) -> float:
    model = _index_model()
    z = float(model["bias"])
    for name, weight, mean, scale in zip(
        model["features"], model["weights"], model["means"], model["scales"], strict=True
    ):
        z += float(weight) * (features[name] - float(mean)) / float(scale)
    z = max(-50.0, min(50.0, z))
    return 1.0 / (1.0 + math.exp(-z))


def miti_scores(coded: CodedTranscript) -> MitiScores:
    """The MITI summary scores of a coded session, and its session index.

    Args:
        coded: A transcript coded by :func:`mikit.code_transcript` (with any coders).

    Returns:
        Counts, ratios (None where the denominator is zero) and the session index
        (None when the session has no counsellor turns). Each ratio's
        ``*_proficiency`` property compares it with the MITI thresholds.

    Raises:
        ValidationError: If *coded* is not a CodedTranscript.

    Examples:
        >>> from mikit import Transcript, Utterance, code_transcript
        >>> coded = code_transcript(Transcript([
        ...     Utterance("counselor", "What brings you in?"),
        ...     Utterance("client", "My drinking."),
        ...     Utterance("counselor", "It sounds like part of you is worried about it."),
        ... ]))
        >>> scores = miti_scores(coded)
        >>> scores.reflection_to_question, scores.percent_complex_reflections
        (1.0, 100.0)
        >>> str(scores.reflection_to_question_proficiency)
        'fair'
    """
    c = _counts(coded)
    rq = _share(c["reflections"], c["questions"])
    cr = _share(c["complex"], c["reflections"])
    oq = _share(c["open"], c["questions"])
    return MitiScores(
        questions=c["questions"],
        open_questions=c["open"],
        reflections=c["reflections"],
        complex_reflections=c["complex"],
        mi_adherent=c["adherent"],
        mi_non_adherent=c["non_adherent"],
        change_talk=c["change"],
        sustain_talk=c["sustain"],
        reflection_to_question=rq,
        percent_complex_reflections=None if cr is None else 100.0 * cr,
        percent_open_questions=None if oq is None else 100.0 * oq,
        change_talk_share=_share(c["change"], c["change"] + c["sustain"]),
        session_index=_session_index(session_features(coded)) if c["turns"] else None,
    )
