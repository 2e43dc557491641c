"""The HTML report: a coded conversation, its charts and, for a case, its discrepancies.

The page is one self-contained file: inline CSS and inline SVG, no script, no
external style, font or image, and a Content-Security-Policy that forbids them
anyway. Every piece of client or counsellor text reaches the page through an
autoescaping Jinja2 environment, so ``<script>`` in a transcript is shown, not run.
"""

from __future__ import annotations

import functools
from importlib.metadata import version as _version
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import attrs
import jinja2

from mikit.errors import FileReadError, ValidationError
from mikit.models import Action, Case, Goal, Speaker, Talk, Transcript, Utterance
from mikit.models.counselor_codes import MITI_THRESHOLDS
from mikit.report.svg import ScoreBar, number, score_chart, talk_chart

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable, Sequence

    from mikit.coding.transcript import ClientCoder, CounselorCoder
    from mikit.models.counselor_codes import CodedTranscript, CodedUtterance, MitiScores

__all__ = ["miti_bars", "render_report", "write_report"]


@attrs.frozen
class _Tag:
    label: str
    css: str


@attrs.frozen(kw_only=True)
class _Turn:
    speaker: str
    text: str
    css: str
    tags: tuple[_Tag, ...]
    explanation: str
    talk: Talk | None
    risk: bool
    reflection: bool
    question: bool


@functools.cache
def _environment() -> jinja2.Environment:
    # Autoescape everywhere: this environment only ever writes HTML.
    return jinja2.Environment(
        loader=jinja2.PackageLoader("mikit", "templates/html"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _label(value: object) -> str:
    return str(value).replace("_", " ")


def _client_turn(item: CodedUtterance) -> _Turn:
    code = item.client_code
    assert code is not None
    talk = Talk(code.talk)
    tags = [_Tag(f"{_label(talk)} talk" if talk is not Talk.NEUTRAL else "neutral", f"talk-{talk}")]
    if code.kind is not None:
        tags.append(_Tag(_label(code.kind), "kind-" + str(code.kind)))
    if code.risk:
        tags.append(_Tag("risk language", "risk"))
    css = " ".join(["client", f"talk-{talk}", *(["risk"] if code.risk else [])])
    return _Turn(
        speaker="client",
        text=item.utterance.text,
        css=css,
        tags=tuple(tags),
        explanation=_explain(code.evidence),
        talk=talk,
        risk=bool(code.risk),
        reflection=False,
        question=False,
    )


def _counselor_turn(item: CodedUtterance) -> _Turn:
    code = item.counselor_code
    assert code is not None
    tags: list[_Tag] = []
    if code.reflection is not None:
        tags.append(_Tag(f"{code.reflection} reflection", "reflection"))
    if code.question is not None:
        tags.append(_Tag(f"{code.question} question", "question"))
    for behavior in code.behaviors:
        if behavior.value in {"question", "simple_reflection", "complex_reflection", "other"}:
            continue
        css = "behavior inconsistent" if behavior.mi_non_adherent else "behavior"
        tags.append(_Tag(_label(behavior), css))
    if not tags:
        tags.append(_Tag(_label(code.main), "behavior"))
    return _Turn(
        speaker="counsellor",
        text=item.utterance.text,
        css="counselor",
        tags=tuple(dict.fromkeys(tags)),
        explanation=_explain(code.evidence),
        talk=None,
        risk=False,
        reflection=code.reflection is not None,
        question=code.question is not None,
    )


def _explain(evidence: Iterable[Any]) -> str:
    rules = [str(getattr(e, "rule", e)) for e in evidence]
    return "rules: " + ", ".join(dict.fromkeys(rules)) if rules else ""


def _turns(coded: CodedTranscript) -> list[_Turn]:
    return [
        _client_turn(item) if item.utterance.speaker is Speaker.CLIENT else _counselor_turn(item)
        for item in coded
    ]


def _ratio_text(value: float | None) -> str:
    return "n/a" if value is None else f"{number(value, digits=2)}:1"


def _percent_text(value: float | None) -> str:
    return "n/a" if value is None else f"{number(value, digits=0)} %"


def miti_bars(scores: MitiScores) -> list[ScoreBar]:
    """The MITI summary scores that have thresholds, as bars for a score chart.

    Args:
        scores: The scores of a coded session, from :func:`mikit.miti_scores`.

    Returns:
        Bars for the reflection-to-question ratio (fair 1:1, good 2:1), the percentage
        of complex reflections (fair 40 %, good 50 %) and the percentage of open
        questions (fair 50 %, good 70 %).
    """
    bars = (
        ("Reflection-to-question ratio", "reflection_to_question", 3.0, _ratio_text),
        ("Complex reflections", "percent_complex_reflections", 100.0, _percent_text),
        ("Open questions", "percent_open_questions", 100.0, _percent_text),
    )
    out = []
    for label, field, maximum, shown in bars:
        value = getattr(scores, field)
        fair, good = MITI_THRESHOLDS[field]
        out.append(
            ScoreBar(
                label=label,
                value=value,
                fair=fair,
                good=good,
                maximum=maximum,
                shown=shown(value),
            )
        )
    return out


def _extra_scores(scores: MitiScores) -> list[tuple[str, str]]:
    share = scores.change_talk_share
    index = scores.session_index
    return [
        ("Reflections / questions", f"{scores.reflections} / {scores.questions}"),
        (
            "Complex reflections / open questions",
            f"{scores.complex_reflections} / {scores.open_questions}",
        ),
        ("MI-adherent behaviours", str(scores.mi_adherent)),
        ("MI-non-adherent behaviours", str(scores.mi_non_adherent)),
        ("Change talk / sustain talk", f"{scores.change_talk} / {scores.sustain_talk}"),
        ("Change-talk share", "n/a" if share is None else f"{number(share * 100, digits=0)} %"),
        ("Session index (0 to 1)", "n/a" if index is None else f"{index:.2f}"),
    ]


def _counts(turns: Sequence[_Turn]) -> dict[str, Any]:
    change = sum(t.talk is Talk.CHANGE for t in turns)
    sustain = sum(t.talk is Talk.SUSTAIN for t in turns)
    share = (
        f"{number(100 * change / (change + sustain), digits=0)} %" if change + sustain else "n/a"
    )
    return {
        "turns": len(turns),
        "change": change,
        "sustain": sustain,
        "change_share": share,
        "reflections": sum(t.reflection for t in turns),
        "questions": sum(t.question for t in turns),
        "risk": sum(t.risk for t in turns),
    }


def _ruler(value: object) -> str:
    return "not asked" if value is None else f"{value}/10"


def _case_view(case: Case) -> dict[str, Any]:
    from mikit import find_discrepancies, respond_to

    goals = [
        {
            "id": goal.id,
            "statement": goal.statement,
            "plan": _goal_plan(goal),
            "importance": _ruler(goal.importance),
            "confidence": _ruler(goal.confidence),
            "source": "not said" if goal.source is None else str(goal.source),
            "serves": ", ".join(str(v) for v in goal.values) or "none named",
            "actions": len(case.actions_for(goal.id)),
        }
        for goal in case.goals
    ]
    discrepancies = []
    for i, found in enumerate(find_discrepancies(case)):
        response = respond_to(found, seed=i)
        severity = min(max(found.severity, 0.0), 1.0)
        discrepancies.append(
            {
                "kind": _label(found.kind),
                "goal": found.goal.statement,
                "severity": number(severity, digits=2),
                "severity_percent": number(100 * severity, digits=0),
                "summary": found.summary,
                "strategy": _label(found.strategy),
                "evidence": [_evidence_text(e) for e in found.evidence],
                "response": list(response.lines),
            }
        )
    return {"goals": goals, "discrepancies": discrepancies}


def _goal_plan(goal: Goal) -> str:
    if goal.direction is None or goal.target is None:
        return ""
    unit = f" {goal.unit}" if goal.unit else ""
    per = f" a {goal.per}" if goal.per else ""
    start = "" if goal.baseline is None else f"from {number(goal.baseline, digits=2)} "
    return f"{goal.direction} {start}to {number(goal.target, digits=2)}{unit}{per}"


def _evidence_text(item: Action | Utterance) -> str:
    if isinstance(item, Utterance):
        who = "Client" if item.is_client else "Counsellor"
        return f"{who} said: \u201c{item.text}\u201d"
    extra = [item.when.isoformat()] if item.when is not None else []
    if item.amount is not None:
        extra.append(f"amount {number(item.amount, digits=2)}")
    if item.effect is not None:
        extra.append(str(item.effect))
    return f"{item.description} ({', '.join(extra)})" if extra else item.description


def render_report(
    source: Transcript | Case | CodedTranscript,
    *,
    title: str | None = None,
    client_coder: ClientCoder | None = None,
    counselor_coder: CounselorCoder | None = None,
) -> str:
    """Render a transcript or a case as one self-contained HTML page.

    The page shows the conversation with each turn's code (change and sustain
    talk coloured, reflections and questions tagged, risk language flagged), a
    chart of cumulative change talk against sustain talk, and the MITI summary
    scores against their fair and good thresholds. For a case it also shows the
    goals, the discrepancies most severe first with their evidence, and a
    suggested response to each.

    Args:
        source: A transcript; a case (its transcript is coded, with its goal as the
            target when it has exactly one); or a transcript you coded already.
        title: The page title; by default the client's name or the transcript id.
        client_coder: Codes client turns instead of :func:`mikit.code_client`.
        counselor_coder: Codes counsellor turns instead of :func:`mikit.code_counselor`.

    Returns:
        The HTML page as text: no scripts, no external resources.

    Raises:
        ValidationError: If *source* is not a Transcript, a Case or a
            CodedTranscript, or a coder returns something other than a code.

    >>> from mikit import Transcript, Utterance
    >>> page = render_report(Transcript([Utterance("client", "<b>I want to quit.</b>")]))
    >>> "&lt;b&gt;I want to quit.&lt;/b&gt;" in page and "<script" not in page
    True
    """
    from mikit.coding.miti import miti_scores
    from mikit.coding.transcript import code_transcript
    from mikit.models.counselor_codes import CodedTranscript

    if not isinstance(cast("object", source), (Case, Transcript, CodedTranscript)):
        msg = f"must be a Transcript, a Case or a CodedTranscript, got {type(source).__name__}"
        raise ValidationError("source", msg)
    coders: dict[str, Any] = {"client_coder": client_coder, "counselor_coder": counselor_coder}
    if isinstance(source, Case):
        target = source.goals[0] if len(source.goals) == 1 else None
        coded = code_transcript(source.transcript, target=target, **coders)
        case_view = _case_view(source)
        subtitle = f"Case report for {source.client}" if source.client else "Case report"
        default_title = f"{source.client}: MI report" if source.client else "MI case report"
    else:
        coded = source if isinstance(source, CodedTranscript) else code_transcript(source, **coders)
        case_view = None
        subtitle = "Transcript report"
        default_title = f"Transcript {source.id}" if source.id else "MI transcript report"
    turns = _turns(coded)
    scores = miti_scores(coded)
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            title=title if title is not None else default_title,
            subtitle=subtitle,
            version=_version("mikit"),
            counts=_counts(turns),
            turns=turns,
            case=case_view,
            talk_svg=talk_chart(t.talk for t in turns if t.talk is not None),
            score_svg=score_chart(miti_bars(scores)),
            extra_scores=_extra_scores(scores),
        )
    )


def write_report(
    source: Transcript | Case | CodedTranscript,
    path: str | os.PathLike[str],
    *,
    title: str | None = None,
    client_coder: ClientCoder | None = None,
    counselor_coder: CounselorCoder | None = None,
) -> Path:
    """Render *source* with :func:`render_report` and write it to *path* as UTF-8.

    Args:
        source: A transcript, a case, or a coded transcript.
        path: Where to write the HTML file.
        title: The page title, as for :func:`render_report`.
        client_coder: Codes client turns instead of :func:`mikit.code_client`.
        counselor_coder: Codes counsellor turns instead of :func:`mikit.code_counselor`.

    Returns:
        The path written.

    Raises:
        ValidationError: As for :func:`render_report`.
        FileReadError: If the file cannot be written.
    """
    page = render_report(
        source, title=title, client_coder=client_coder, counselor_coder=counselor_coder
    )
    out = Path(path)
    try:
        out.write_text(page, encoding="utf-8")
    except OSError as err:
        msg = f"{out}: cannot be written ({err.strerror or err})"
        raise FileReadError(msg) from None
    return out
