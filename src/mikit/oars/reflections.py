"""Reflections: the client's words given back as statements, in five kinds.

Every reflection is a statement: it starts with a capital letter, ends with ".",
and holds no "?" (question marks in the client's words are dropped). The client's
words are turned to the second person (:func:`mikit.second_person`) and passed to
the templates as data, so ``{{ 7*7 }}`` in them comes back literally.

Each kind is a folder of template variants under ``en/reflect/`` (some kinds choose
a sub-folder from what the text holds); ``seed`` picks a variant through
``random.Random(seed)``, and no seed gives the first variant.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mikit.coding import code_client
from mikit.errors import RiskStatementError, ValidationError
from mikit.models import ClientCode, Goal, Talk
from mikit.models.enums import _StrEnum
from mikit.oars._clauses import (
    clause,
    contrast_split,
    focus_sentence,
    lexicon,
    require_content,
    sentences,
    words_lower,
)
from mikit.oars._goals import goal_phrase
from mikit.templating import default_engine

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["ReflectionKind", "reflect", "reflections"]

_MIN_SIDE_WORDS = 3


class ReflectionKind(_StrEnum):
    """The kinds of reflection mikit generates."""

    SIMPLE = "simple"
    """Repeats or rephrases what the client said: "So you want to quit."."""
    COMPLEX = "complex"
    """Adds meaning or feeling: "It sounds like you feel stuck between ..."."""
    DOUBLE_SIDED = "double_sided"
    """Both sides of ambivalence: sustain side first, change side last, joined with "and"."""
    AMPLIFIED = "amplified"
    """Overstates sustain talk, without sarcasm, so the client may push back toward change."""
    REFRAME = "reframe"
    """Offers a new meaning: a failed attempt as persistence, nagging as care."""


_KINDS = {k.value: k for k in ReflectionKind}


def _kind(kind: ReflectionKind | str) -> ReflectionKind:
    try:
        return _KINDS[kind]
    except (KeyError, TypeError):
        choices = ", ".join(k.value for k in ReflectionKind)
        msg = f"must be one of {choices}, got {kind!r}"
        raise ValidationError("kind", msg) from None


def _feeling(text: str) -> str | None:
    """The feeling named last in *text*, unless a negation comes just before it."""
    feelings: dict[str, str] = lexicon()["feelings"]
    negations = frozenset(lexicon()["negations"])
    found = None
    previous: Sequence[str] = ("", "")
    for word in words_lower(text):
        if word in feelings and not (previous[0] in negations or previous[1] in negations):
            found = feelings[word]
        previous = (previous[1], word)
    return found


def _talk(text: str, target: Goal | str | None) -> ClientCode:
    return code_client(text, target=target)


def _sides(text: str) -> tuple[str, str] | None:
    """The clauses either side of the first contrast, nearest sentences only."""
    split = contrast_split(text)
    if split is None:
        return None
    before, after = split
    first, second = (sentences(before) or [before])[-1], (sentences(after) or [after])[0]
    # A bare reply ("It does") is no side of its own; the other side stands alone.
    if len(first.split()) < _MIN_SIDE_WORDS or len(second.split()) < _MIN_SIDE_WORDS:
        return None
    return first, second


def _amplify(said: str) -> str | None:
    """*said* overstated: "smoking helps you relax" -> "smoking is the only thing ..."."""
    from mikit.language.tokens import split_words

    data = lexicon()
    verbs: dict[str, str] = data["amplify_verbs"]
    after_is: dict[str, str] = data["amplify_after_is"]
    intensifiers: dict[str, str] = data["intensifiers"]
    parts = split_words(said)
    changed = False
    overstated = False
    for i in range(1, len(parts), 2):
        word = parts[i].lower()
        if not overstated and i > 1 and word in verbs:
            parts[i] = verbs[word]
            overstated = changed = True
        elif not overstated and i > 1 and word in after_is and parts[i - 2].lower() == "is":
            parts[i] = after_is[word]
            overstated = changed = True
        elif word in intensifiers and intensifiers[word] != word:
            parts[i] = intensifiers[word]
            changed = True
    return "".join(parts) if changed else None


def _plan(  # noqa: C901 - one branch per kind reads best
    text: str, kind: ReflectionKind | str, target: Goal | str | None
) -> tuple[str, dict[str, Any]]:
    """The template folder and variables for a reflection of *text*."""
    require_content(text, "reflect")
    which = _kind(kind)
    if which is ReflectionKind.SIMPLE:
        return "en/reflect/simple", {"said": clause(focus_sentence(text))}
    if which is ReflectionKind.COMPLEX:
        sides = _sides(text)
        if sides is not None:
            first, second = clause(sides[0]), clause(sides[1])
            return "en/reflect/complex/stuck", {"first": first, "second": second}
        feeling = _feeling(text)
        if feeling is not None:
            return "en/reflect/complex/feeling", {"feeling": feeling}
        return "en/reflect/complex/meaning", {"said": clause(focus_sentence(text))}
    if which is ReflectionKind.DOUBLE_SIDED:
        return _double_sided(text, target)
    if which is ReflectionKind.AMPLIFIED:
        if _talk(text, target).risk:
            msg = "no amplified reflection of a risk statement; follow your safety protocol"
            raise RiskStatementError(msg)
        sides = _sides(text)
        said = focus_sentence(text)
        if sides is not None:
            said = sides[0] if _talk(sides[1], target).talk is Talk.CHANGE else sides[1]
        said = clause(said)
        amplified = _amplify(said)
        if amplified is not None:
            return "en/reflect/amplified/overstated", {"amplified": amplified}
        return "en/reflect/amplified/absolute", {"said": said}
    words = set(words_lower(text))
    if words & set(lexicon()["persistence"]):
        return "en/reflect/reframe/persistence", {}
    if words & set(lexicon()["care"]):
        return "en/reflect/reframe/care", {}
    return "en/reflect/reframe/general", {"said": clause(focus_sentence(text))}


def _double_sided(text: str, target: Goal | str | None) -> tuple[str, dict[str, Any]]:
    sides = _sides(text)
    if sides is None:
        split = contrast_split(text)
        said = focus_sentence(text if split is None else max(split, key=len))
        talk = _talk(said, target).talk
        # Set against something ("It does. But ..."), a side that is not change talk
        # is read as the sustain side.
        if talk is Talk.SUSTAIN or (split is not None and talk is not Talk.CHANGE):
            return "en/reflect/double_sided/sustain_only", {
                "sustain": clause(said),
                "goal": goal_phrase(target),
            }
        if talk is Talk.CHANGE:
            return "en/reflect/double_sided/change_only", {
                "change": clause(said),
                "goal": goal_phrase(target),
            }
        return _plan(text, ReflectionKind.COMPLEX, target)
    first, second = sides
    first_talk = _talk(first, target).talk
    second_talk = _talk(second, target).talk
    # Sustain side first, change side last; with no clear sign, keep the client's order.
    change_first = first_talk is Talk.CHANGE and second_talk is not Talk.CHANGE
    sustain_last = second_talk is Talk.SUSTAIN and first_talk is not Talk.SUSTAIN
    if change_first or sustain_last:
        first, second = second, first
    return "en/reflect/double_sided/both", {"sustain": clause(first), "change": clause(second)}


def reflect(
    text: str,
    *,
    kind: ReflectionKind | str = ReflectionKind.SIMPLE,
    target: Goal | str | None = None,
    seed: int | None = None,
) -> str:
    """A reflection of what the client said.

    Kinds:

    - ``simple``: repeats the client's main sentence in the second person.
    - ``complex``: adds meaning or feeling; ambivalent text ("X but Y") becomes
      "It sounds like you feel stuck between two things: ...".
    - ``double_sided``: splits the text at its first contrast ("but", "though",
      "although", "yet", "however", "on the other hand") and codes each side with
      :func:`mikit.coding.code_client`; the sustain side comes first and the change
      side last, joined with "and", never "but". With no contrast, the one side
      there is paired with the goal (*target*, or "making a change"); a side set
      against a bare reply ("It does. But ...") that is not change talk counts as
      sustain talk; otherwise, if that side is neither change nor sustain talk, the
      reflection is a complex one.
    - ``amplified``: overstates the sustain talk ("So smoking is the only thing that
      helps you relax."), without sarcasm. Never made of a risk statement.
    - ``reframe``: a new meaning for the same facts (failed attempts as persistence).

    Args:
        text: What the client said; any string.
        kind: The kind of reflection.
        target: The goal the talk is about, passed to the coder of client talk.
        seed: Chooses among the variants; None gives the first variant.

    Returns:
        One statement: a capital first letter, a final ".", and no "?".

    Raises:
        EmptyTextError: If *text* has no letter or digit.
        ValidationError: If *kind* is not a reflection kind.
        RiskStatementError: If *kind* is ``amplified`` and *text* states a risk
            (self-harm, suicide, harming others).

    >>> reflect("I want to quit for my kids.")
    'So you want to quit for your kids.'
    """
    move, context = _plan(text, kind, target)
    return default_engine().render_move(move, seed=seed, **context)


def reflections(
    text: str,
    *,
    kind: ReflectionKind | str = ReflectionKind.SIMPLE,
    target: Goal | str | None = None,
) -> list[str]:
    """Every variant of the reflection :func:`reflect` would make, in variant order.

    Args:
        text: What the client said.
        kind: The kind of reflection.
        target: The goal the talk is about.

    Returns:
        The reflections, one per template variant; ``reflect(seed=...)`` returns one
        of them.

    Raises:
        EmptyTextError: If *text* has no letter or digit.
        ValidationError: If *kind* is not a reflection kind.
        RiskStatementError: If *kind* is ``amplified`` and *text* states a risk.
    """
    move, context = _plan(text, kind, target)
    return default_engine().render_all(move, **context)
