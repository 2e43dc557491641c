"""English mechanics for MI text: words, the perspective shift, inflection."""

from mikit.language.perspective import second_person

__all__ = ["second_person"]
