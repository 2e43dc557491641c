"""English mechanics for MI text: words, the perspective shift, inflection."""

from mikit.language.inflection import (
    ensure_question,
    gerund,
    indefinite_article,
    join_list,
    sentence,
    with_article,
)
from mikit.language.perspective import second_person

__all__ = [
    "ensure_question",
    "gerund",
    "indefinite_article",
    "join_list",
    "second_person",
    "sentence",
    "with_article",
]
