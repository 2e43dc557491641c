"""Which client utterances are about which goal.

A conversation moves from topic to topic. An utterance that names a goal's
behaviour or unit ("smoke", "cigarettes") makes that goal the topic, and the topic
carries forward until another goal is named, so "Maybe a 3." after a question
about smoking counts as talk about smoking. With a single goal, everything the
client says is about it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from mikit.language.tokens import words
from mikit.models import Goal, Utterance

__all__ = ["STEM", "goal_stems", "talk_about"]

STEM = 4
"""How many leading letters two words share to count as the same word ("smok")."""


def goal_stems(goal: Goal) -> frozenset[str]:
    """The word stems that name *goal*: from its behaviour and unit, else its statement.

    >>> sorted(goal_stems(Goal(id="s", statement="quit smoking", unit="cigarettes")))
    ['ciga', 'quit', 'smok']
    """
    sources = [s for s in (goal.behavior, goal.unit) if s]
    if not goal.behavior:
        sources.append(goal.statement)
    return frozenset(_stems(" ".join(sources)))


def _stems(text: str) -> Iterator[str]:
    for word in words(text):
        if len(word) >= STEM:
            yield word[:STEM].casefold()


def talk_about(
    utterances: Iterable[Utterance], goals: Sequence[Goal]
) -> Iterator[tuple[Utterance, str | None, frozenset[str]]]:
    """Each utterance with the counsellor turn before it and the goal ids it is about.

    Args:
        utterances: The conversation, in order (both speakers).
        goals: The goals that may be talked about.

    Yields:
        ``(utterance, previous, goal_ids)`` for every client utterance, where
        *previous* is the text of the counsellor turn just before (None if there is
        none) and *goal_ids* the goals the utterance is about (empty when no goal
        has been named yet and there are several).
    """
    stems = {goal.id: goal_stems(goal) for goal in goals}
    topic: frozenset[str] = frozenset(stems) if len(goals) == 1 else frozenset()
    previous: str | None = None
    for utterance in utterances:
        said = set(_stems(utterance.text))
        named = frozenset(gid for gid, goal_stem in stems.items() if said & goal_stem)
        if named:
            topic = named
        if utterance.is_client:
            yield utterance, previous, topic
            previous = None
        else:
            previous = utterance.text
