"""Summaries: the client's own words gathered, linked, or turned toward planning.

A summary is a statement: it ends with ".". The items are the client's sentences,
turned to the second person; change talk is found with
:func:`mikit.coding.code_client`. A transitional summary closes a topic and points
toward planning; to ask the next question, follow it with
``evocative_questions(goal, kind="key_question")``.
"""

from __future__ import annotations

from typing import Any

from mikit.coding import code_client
from mikit.errors import EmptyTextError, ValidationError
from mikit.models import Case, Goal, Talk, Transcript
from mikit.models.enums import _StrEnum
from mikit.oars._clauses import clause, sentences
from mikit.oars._goals import goal_phrase
from mikit.templating import default_engine

__all__ = ["MAX_ITEMS", "SummaryKind", "summaries", "summarize"]

MAX_ITEMS = 4
"""The most client statements a summary gathers (the most recent ones)."""

_MIN_WORDS = 3


class SummaryKind(_StrEnum):
    """The kinds of summary."""

    COLLECTING = "collecting"
    """Gathers the client's change talk."""
    LINKING = "linking"
    """Connects what the client says now to something said earlier."""
    TRANSITIONAL = "transitional"
    """Closes a topic and moves toward planning."""


def _kind(kind: SummaryKind | str) -> SummaryKind:
    try:
        return SummaryKind(kind)
    except ValueError:
        choices = ", ".join(k.value for k in SummaryKind)
        msg = f"must be one of {choices}, got {kind!r}"
        raise ValidationError("kind", msg) from None


def _source(source: object, target: Goal | str | None) -> tuple[Transcript, Goal | str | None]:
    if isinstance(source, Case):
        if target is None and source.goals:
            target = source.goals[0]
        return source.transcript, target
    if isinstance(source, Transcript):
        return source, target
    msg = f"must be a Transcript or a Case, got {type(source).__name__}"
    raise ValidationError("source", msg)


def _unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item.lower() not in seen:
            seen.add(item.lower())
            out.append(item)
    return out


def _plan(
    source: Transcript | Case, kind: SummaryKind | str, target: Goal | str | None
) -> tuple[str, dict[str, Any]]:
    which = _kind(kind)
    transcript, target = _source(source, target)
    said = [s for u in transcript.client_utterances for s in sentences(u.text)]
    if not said:
        msg = "nothing to summarize: the client has said nothing with letters or digits"
        raise EmptyTextError(msg)
    substantial = [s for s in said if len(s.split()) >= _MIN_WORDS] or said
    change = []
    for sentence in substantial:
        code = code_client(sentence, target=target)
        # Quote as change talk only what the coder found words for.
        if code.talk is Talk.CHANGE and code.evidence:
            change.append(sentence)
    gathered = change or substantial
    items = _unique([clause(s) for s in gathered])[-MAX_ITEMS:]
    goal = goal_phrase(target)
    if which is SummaryKind.LINKING:
        earlier, latest = clause(gathered[0]), clause(substantial[-1])
        if earlier.lower() != latest.lower():
            return "en/summarize/linking", {"earlier": earlier, "latest": latest}
        which = SummaryKind.COLLECTING
    return f"en/summarize/{which}", {"items": items, "goal": goal}


def summarize(
    source: Transcript | Case,
    *,
    kind: SummaryKind | str = SummaryKind.COLLECTING,
    target: Goal | str | None = None,
    seed: int | None = None,
) -> str:
    """A summary of what the client said.

    - ``collecting`` gathers the client's change talk (up to :data:`MAX_ITEMS` of
      the most recent statements); with no change talk, their latest statements.
    - ``linking`` connects the first change talk (or first statement) to the latest
      statement; when there is only one statement it collects instead.
    - ``transitional`` gathers as ``collecting`` does, then points toward planning.

    Args:
        source: A Transcript, or a Case (its transcript; its first goal is the target
            unless *target* is given).
        kind: The kind of summary.
        target: The goal the change talk is about.
        seed: Chooses among the variants; None gives the first.

    Returns:
        One or two statements, ending with ".".

    Raises:
        EmptyTextError: If the client has said nothing with a letter or digit.
        ValidationError: If *kind* is unknown or *source* is neither a Transcript nor
            a Case.
    """
    move, context = _plan(source, kind, target)
    return default_engine().render_move(move, seed=seed, **context)


def summaries(
    source: Transcript | Case,
    *,
    kind: SummaryKind | str = SummaryKind.COLLECTING,
    target: Goal | str | None = None,
) -> list[str]:
    """Every variant of the summary :func:`summarize` would make.

    Raises:
        EmptyTextError: If the client has said nothing with a letter or digit.
        ValidationError: If *kind* or *source* is invalid.
    """
    move, context = _plan(source, kind, target)
    return default_engine().render_all(move, **context)
