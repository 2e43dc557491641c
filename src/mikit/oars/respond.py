"""Responses to discrepancies: the MI move that suits each kind, in OARS language.

Each kind of :class:`~mikit.Discrepancy` gets a move built from the OARS
generators and the ``en/respond`` templates:

- ``behavior_gap``: a reflection that sets the client's own words about the goal
  beside what they did, then an open question ("How does that fit with wanting to
  be there for your kids?");
- ``value_conflict``: a reflection of the values beside what they did, then a
  question exploring values;
- ``confidence_gap``: an affirmation of a past success, then a confidence ruler;
- ``external_goal``: a reflection of whose goal it seems to be, then a question
  exploring whose goal it is and why;
- ``big_leap``: a reflection of the size of the change, then a question about a
  first small step;
- ``ambivalence``: a double-sided reflection (sustain side first, change side
  last, joined with "and"), then an open question.

No move advises, warns, confronts or labels; every line passes
:func:`mikit.fidelity.check`.
"""

from __future__ import annotations

from typing import Any

from mikit.errors import ValidationError
from mikit.language.inflection import gerund
from mikit.models import Action, Effect, Goal, Source, Utterance
from mikit.models.analysis import Discrepancy, DiscrepancyKind, Response
from mikit.oars._clauses import clause, has_content, lower_first, sentences, shifted
from mikit.oars._goals import goal_context
from mikit.oars.affirmations import _is_past, affirm
from mikit.oars.questions import evocative_questions, ruler_question
from mikit.templating import choose, default_engine

__all__ = ["respond_to"]

REFLECTION = "reflection"
QUESTION = "question"
AFFIRMATION = "affirmation"

_PAST_OPENERS_TO_KEEP = frozenset({"you", "you've", "you\u2019ve"})


def _render(move: str, seed: int | None, **context: Any) -> str:
    return default_engine().render_move(f"en/respond/{move}", seed=seed, **context)


_NOTHING_TO_SAY = "things haven't gone the way you hoped"
# A reflection is a statement: question marks in the client's records are dropped.
_NO_QUESTION = str.maketrans("", "", "?\uff1f\u00bf")


def _plain(text: str) -> str:
    return " ".join(text.translate(_NO_QUESTION).split()).strip(" ,.;:!")


def _deed(action: Action) -> str:
    """What the client did, as a clause about them ("you smoked at a party")."""
    text = _plain(action.description)
    if not has_content(text):
        return _NOTHING_TO_SAY
    phrase = lower_first(shifted(text))
    first = phrase.split(" ", 1)[0].lower() if phrase else ""
    if first in _PAST_OPENERS_TO_KEEP:
        return phrase
    if _is_past(first):
        return f"you {phrase}"
    return f"there was this: {phrase}"


def _own_words(utterances: tuple[Utterance, ...]) -> tuple[str, str | None] | None:
    """The client's words as a clause, and as a gerund phrase when one reads well.

    Prefers the first sentence that reads "you <verb> ..." after the perspective
    shift ("I want to quit for my kids" -> "wanting to quit for your kids").
    """
    fallback: str | None = None
    for utterance in utterances:
        for sent in sentences(utterance.text):
            words = clause(sent)
            if not has_content(words) or len(words.split()) < 3:
                continue
            fallback = fallback or words
            head, _, rest = words.partition(" ")
            verb = rest.split(" ", 1)[0]
            if head == "you" and verb.isalpha() and not verb.endswith("ly"):
                return words, gerund(rest)
    return None if fallback is None else (fallback, None)


def _behavior_gap(d: Discrepancy, seed: int | None) -> Response:
    context = goal_context(d.goal)
    deed = _what_happened(d)
    words = _own_words(d.utterances)
    if words is not None:
        reflection = _render("behavior_gap/reflect", seed, words=words[0], deed=deed)
    else:
        reflection = _render("behavior_gap/reflect_goal", seed, deed=deed, **context)
    if words is not None and words[1]:
        question = _render("behavior_gap/ask", seed, wanting=words[1])
    elif context["values"]:
        question = _pick(evocative_questions(d.goal, kind="exploring_values"), seed)
    else:
        question = _render("behavior_gap/ask_plain", seed)
    return _response(d, "reflect_and_ask", (reflection, REFLECTION), (question, QUESTION))


def _focus_action(d: Discrepancy) -> Action | None:
    """The most recent step away behind the discrepancy, else its most recent action."""
    for action in d.actions:
        if action.effect is Effect.AWAY:
            return action
    return d.actions[0] if d.actions else None


def _what_happened(d: Discrepancy) -> str:
    """What the actions show, as a clause: a step away, the recent level, or an action."""
    action = _focus_action(d)
    if action is not None and action.effect is Effect.AWAY:
        return _deed(action)
    mean = d.progress.mean
    if mean is not None and d.goal.measured:
        unit = _unit_phrase(d.goal, mean)
        return f"lately it has been about {_number(mean)}{unit}"
    if action is not None:
        return _deed(action)
    return _NOTHING_TO_SAY


def _unit_phrase(goal: Goal, amount: float) -> str:
    unit = f" {_plain(shifted(goal.unit))}" if goal.unit and _plain(goal.unit) else ""
    if amount == 1 and unit.endswith("s") and not unit.endswith("ss"):
        unit = unit[:-1]
    return unit + (f" a {goal.per}" if goal.per else "")


def _value_conflict(d: Discrepancy, seed: int | None) -> Response:
    context = goal_context(d.goal)
    deed = _what_happened(d)
    if context["values"]:
        reflection = _render("value_conflict/reflect", seed, values=context["values"], deed=deed)
    else:
        reflection = _render("behavior_gap/reflect_goal", seed, deed=deed, **context)
    question = _pick(evocative_questions(d.goal, kind="exploring_values"), seed)
    return _response(d, "reflect_values_and_ask", (reflection, REFLECTION), (question, QUESTION))


def _confidence_gap(d: Discrepancy, seed: int | None) -> Response:
    affirmation = affirm(d.actions, seed=seed)
    question = ruler_question(d.goal, "confidence", seed=seed)
    return _response(d, "affirm_and_ruler", (affirmation, AFFIRMATION), (question, QUESTION))


def _external_goal(d: Discrepancy, seed: int | None) -> Response:
    context = goal_context(d.goal)
    if d.goal.source is Source.OTHER:
        move = "external_goal/reflect_other"
    elif d.goal.source is Source.SHOULD:
        move = "external_goal/reflect_should"
    else:
        move = "external_goal/reflect_low"
    reflection = _render(move, seed, **context)
    question = _render("external_goal/ask", seed, **context)
    return _response(d, "explore_ownership", (reflection, REFLECTION), (question, QUESTION))


def _number(x: float) -> str:
    return f"{x:.3g}" if abs(x) < 1000 else f"{x:,.0f}"


def _big_leap(d: Discrepancy, seed: int | None) -> Response:
    context = goal_context(d.goal)
    goal = d.goal
    if goal.baseline is not None and goal.target is not None and goal.unit:
        unit = _unit_phrase(goal, goal.target)
        reflection = _render(
            "big_leap/reflect_amounts",
            seed,
            baseline=_number(goal.baseline),
            target=_number(goal.target),
            unit=unit,
        )
    else:
        reflection = _render("big_leap/reflect", seed, **context)
    question = _render("big_leap/ask", seed, **context)
    return _response(d, "small_steps", (reflection, REFLECTION), (question, QUESTION))


def _ambivalence(d: Discrepancy, seed: int | None) -> Response:
    from mikit.coding import code_client
    from mikit.models import Talk

    context = goal_context(d.goal)
    sustain = change = None
    for utterance in d.utterances:
        talk = code_client(utterance.text, target=d.goal).talk
        if talk is Talk.SUSTAIN and sustain is None:
            sustain = _side(utterance.text)
        elif talk is Talk.CHANGE and change is None:
            change = _side(utterance.text)
    engine = default_engine()
    if sustain and change:
        reflection = engine.render_move(
            "en/reflect/double_sided/both", seed=seed, sustain=sustain, change=change
        )
    else:
        side = sustain or change or "part of you is thinking about it"
        which = "sustain_only" if sustain else "change_only"
        reflection = engine.render_move(
            f"en/reflect/double_sided/{which}", seed=seed, sustain=side, change=side, **context
        )
    question = _render("ambivalence/ask", seed)
    return _response(d, "double_sided_reflection", (reflection, REFLECTION), (question, QUESTION))


def _side(text: str) -> str | None:
    """One side of the ambivalence: the client's fullest sentence, as a clause."""
    best = None
    for sent in sentences(text):
        words = clause(sent)
        if has_content(words) and (best is None or len(words) > len(best)):
            best = words
    return best


def _pick(options: list[str], seed: int | None) -> str:
    return options[choose(len(options), seed)]


def _response(d: Discrepancy, move: str, *lines: tuple[str, str]) -> Response:
    return Response(
        move=move,
        lines=tuple(text for text, _ in lines),
        skills=tuple(skill for _, skill in lines),
        strategy=d.strategy,
        kind=d.kind,
    )


_MOVES = {
    DiscrepancyKind.BEHAVIOR_GAP: _behavior_gap,
    DiscrepancyKind.VALUE_CONFLICT: _value_conflict,
    DiscrepancyKind.CONFIDENCE_GAP: _confidence_gap,
    DiscrepancyKind.EXTERNAL_GOAL: _external_goal,
    DiscrepancyKind.BIG_LEAP: _big_leap,
    DiscrepancyKind.AMBIVALENCE: _ambivalence,
}


def respond_to(discrepancy: Discrepancy, *, seed: int | None = None) -> Response:
    """The MI move that suits *discrepancy*: a reflection or affirmation, then a question.

    Args:
        discrepancy: A discrepancy from :func:`mikit.find_discrepancies`.
        seed: Chooses among the template variants; None gives the first.

    Returns:
        The response: its move, its lines in order with the OARS skill of each, and
        the strategy it serves.

    Raises:
        ValidationError: If *discrepancy* is not a Discrepancy.

    >>> from mikit import Case, Goal, find_discrepancies
    >>> goal = Goal(id="walk", statement="walk more", source="should")
    >>> respond_to(find_discrepancies(Case(goals=[goal]))[0]).lines
    ("It sounds like walking more feels like something you're supposed to do.", \
'Whose idea was walking more at first?')
    """
    given: object = discrepancy  # callers without a type checker may pass anything
    if not isinstance(given, Discrepancy):
        msg = f"must be a Discrepancy, got {type(given).__name__}"
        raise ValidationError("discrepancy", msg)
    return _MOVES[discrepancy.kind](discrepancy, seed)
