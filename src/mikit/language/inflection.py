"""Inflection for MI text: gerunds, a/an, lists, sentence case and final punctuation.

These functions are also the template filters of the same names. Each takes any
string and returns a string, in time linear in the input. Their lexicons live in
``mikit/data/language/inflection.json``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from mikit.language.tokens import load_language_data, split_words

__all__ = [
    "ensure_question",
    "gerund",
    "indefinite_article",
    "join_list",
    "sentence",
    "with_article",
]

_DATA: Final = load_language_data("inflection.json")
_IRREGULAR: Final[dict[str, str]] = dict(_DATA["gerund_irregular"])
_DOUBLING: Final = frozenset(_DATA["gerund_doubling"])
_NO_DOUBLING: Final = frozenset(_DATA["gerund_no_doubling"])
_BASE_ING: Final = frozenset(_DATA["base_forms_ending_ing"])
_AN_WORDS: Final = frozenset(_DATA["article_an_words"])
_A_WORDS: Final = frozenset(_DATA["article_a_words"])
_A_PREFIXES: Final = tuple(_DATA["article_a_prefixes"])
_AN_PREFIXES: Final = tuple(_DATA["article_an_prefixes"])
_AN_LETTERS: Final = frozenset(_DATA["article_an_letters"])
_SAID_AS_WORDS: Final = frozenset(_DATA["acronyms_said_as_words"])

_VOWELS: Final = frozenset("aeiou")
# Negations that a gerund phrase keeps in front of its verb ("not drinking").
_NEGATIONS: Final = frozenset({"not", "never"})
_FINAL_PUNCTUATION: Final = ".!?\u2026;:, \t\r\n\f\v"


def gerund(phrase: str) -> str:
    """Turn a verb phrase into its -ing form: "quit smoking" -> "quitting smoking".

    Only the first word (after a leading "not" or "never") is the verb; the rest
    of the phrase is kept as typed, and so is the case pattern of the verb.
    A phrase whose verb already ends in -ing is returned unchanged, and so is a
    phrase that does not start with a word.

    Args:
        phrase: A verb phrase in the base form, any string.

    Returns:
        The phrase with its verb in the -ing form.

    >>> gerund("quit smoking"), gerund("exercise more"), gerund("lie down")
    ('quitting smoking', 'exercising more', 'lying down')
    >>> gerund("Cut down on drinking"), gerund("not drink"), gerund("walking daily")
    ('Cutting down on drinking', 'not drinking', 'walking daily')
    """
    parts = split_words(phrase)
    if len(parts) < 3 or (parts[0] and not parts[0].isspace()):
        return phrase
    i = 1
    if parts[1].lower() in _NEGATIONS and len(parts) > 3 and parts[2].isspace():
        i = 3
    if not parts[i].isalpha():
        return phrase  # "10k steps": no verb to inflect
    parts[i] = _gerund_word(parts[i])
    return "".join(parts)


def _gerund_word(word: str) -> str:
    low = word.lower()
    if low.endswith("ing") and low not in _BASE_ING and len(low) > 4:
        return word
    ing = _IRREGULAR.get(low) or _regular_gerund(low)
    if word.islower():
        return ing
    if len(word) > 1 and word.isupper():
        return ing.upper()
    return ing[0].upper() + ing[1:] if word[0].isupper() else ing


def _regular_gerund(low: str) -> str:
    if low.endswith("ie"):
        return low[:-2] + "ying"
    if low.endswith(("ee", "ye", "oe")):
        return low + "ing"
    if low.endswith("e") and len(low) > 2:
        return low[:-1] + "ing"
    if low in _DOUBLING or (low not in _NO_DOUBLING and _one_syllable_cvc(low)):
        return low + low[-1] + "ing"
    return low + "ing"


def _one_syllable_cvc(low: str) -> bool:
    """Whether a one-syllable word ends consonant-vowel-consonant (stop, quit, get)."""
    # "qu" is one consonant sound, so "quit" and "squat" have one vowel each.
    body = low.replace("qu", "q")
    if len(body) < 2 or not body.isalpha() or body[-1] in _VOWELS or body[-1] in "wxy":
        return False
    if body[-2] not in _VOWELS or (len(body) > 2 and body[-3] in _VOWELS):
        return False
    groups = 0
    previous_vowel = False
    for ch in body:
        vowel = ch in _VOWELS
        groups += vowel and not previous_vowel
        previous_vowel = vowel
    return groups == 1


def indefinite_article(word: str) -> str:
    """The indefinite article, "a" or "an", that goes before *word* (by sound).

    Letters and acronyms said letter by letter go by the letter's name ("an MRI",
    "an X-ray", "a UFO"); numbers by how they are said ("an 8", "an 11", "a 1");
    silent-h words take "an" ("an hour"); words said with a "you" or "w" sound
    take "a" ("a university", "a European", "a one-off").

    Args:
        word: A word or noun phrase; only its first word counts. Any string.

    Returns:
        ``"a"`` or ``"an"``; ``"a"`` when *word* has no letter or digit to go by.

    >>> [indefinite_article(w) for w in ["hour", "university", "8", "one-off", "MRI", "European"]]
    ['an', 'a', 'an', 'a', 'an', 'a']
    """
    head = _head(word)
    if not head:
        return "a"
    if head[0].isdigit():
        return _number_article(head)
    low = head.lower()
    if len(head) == 1:
        return "an" if low in _AN_LETTERS else "a"
    if head.isupper() and low not in _SAID_AS_WORDS and head.isalpha():
        return "an" if low[0] in _AN_LETTERS else "a"
    if low in _AN_WORDS or low.startswith(_AN_PREFIXES):
        return "an"
    if low in _A_WORDS or low.startswith(_A_PREFIXES):
        return "a"
    return "an" if low[0] in _VOWELS else "a"


def _head(text: str) -> str:
    """The first run of letters or digits in *text*, up to a hyphen or other mark."""
    start = 0
    n = len(text)
    while start < n and not text[start].isalnum():
        start += 1
    end = start
    while end < n and (text[end].isalnum() or (text[end] in ",." and text[start].isdigit())):
        end += 1
    return text[start:end].rstrip(",.")


def _number_article(head: str) -> str:
    digits = head.replace(",", "").split(".", 1)[0]
    if not digits.isdigit():
        # "8k", "1st": the leading digits decide.
        end = 0
        while end < len(digits) and digits[end].isdigit():
            end += 1
        digits = digits[:end]
    if digits.startswith("8"):
        return "an"
    # 11 and 18 are said "eleven", "eighteen"; so are 11,000 and 18,000,000.
    if digits[:2] in ("11", "18") and len(digits) % 3 == 2:
        return "an"
    return "a"


def with_article(noun_phrase: str) -> str:
    """Put "a" or "an" in front of *noun_phrase*: "hour" -> "an hour".

    A phrase that already starts with "a", "an" or "the" is returned unchanged,
    and so is a blank one. Surrounding whitespace is removed.

    Args:
        noun_phrase: A noun phrase, any string.

    Returns:
        The phrase with its indefinite article.

    >>> with_article("hour"), with_article("university"), with_article("an apple")
    ('an hour', 'a university', 'an apple')
    """
    phrase = noun_phrase.strip()
    if not phrase:
        return phrase
    first = phrase.split(None, 1)
    if len(first) > 1 and first[0].lower() in ("a", "an", "the"):
        return phrase
    return f"{indefinite_article(phrase)} {phrase}"


def join_list(items: Iterable[str], conjunction: str = "and") -> str:
    """Join items into an English list with an Oxford comma.

    Args:
        items: The items, in order; any strings.
        conjunction: The word before the last item, such as ``"and"`` or ``"or"``.

    Returns:
        ``""`` for no items, the item for one, ``"a and b"`` for two, and
        ``"a, b, and c"`` for three or more.

    >>> join_list(["walking"]), join_list(["a", "b"]), join_list(["a", "b", "c"], "or")
    ('walking', 'a and b', 'a, b, or c')
    """
    listed = list(items)
    if len(listed) <= 1:
        return "".join(listed)
    if len(listed) == 2:
        return f"{listed[0]} {conjunction} {listed[1]}"
    return f"{', '.join(listed[:-1])}, {conjunction} {listed[-1]}"


def sentence(text: str, end: str = ".") -> str:
    """Make *text* one sentence: a capital first letter and exactly one final mark.

    The first letter (not the first character, so leading quotes and spaces stay)
    is upper-cased unless its word is mixed case such as "iPhone"; the rest is not
    lower-cased. Trailing whitespace and final marks (``. ! ? … ; : ,``) are
    replaced by *end*. Text without a letter or digit comes back stripped of
    those marks, without *end*.

    Args:
        text: Any string.
        end: The final mark, such as ``"."`` or ``"?"``.

    Returns:
        The sentence.

    >>> sentence("you want to quit..."), sentence('"maybe" is fine', end="!")
    ('You want to quit.', '"Maybe" is fine!')
    """
    body = text.rstrip(_FINAL_PUNCTUATION)
    if not any(ch.isalnum() for ch in body):
        return body
    return _capitalise_first_letter(body) + end


def ensure_question(text: str) -> str:
    """Make *text* a question: a capital first letter and exactly one final "?".

    Args:
        text: Any string.

    Returns:
        ``sentence(text, end="?")``.

    >>> ensure_question("what matters most to you.")
    'What matters most to you?'
    """
    return sentence(text, end="?")


def _capitalise_first_letter(text: str) -> str:
    for index, ch in enumerate(text):
        if ch.isalpha():
            if ch.isupper():
                return text
            # A mixed-case word such as "iPhone" or "eBay" keeps its case.
            rest = text[index + 1 : index + 40]
            for follower in rest:
                if not follower.isalpha():
                    break
                if follower.isupper():
                    return text
            return text[:index] + ch.upper() + text[index + 1 :]
        if ch.isdigit():
            return text
    return text
