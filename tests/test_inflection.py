"""Tests for mikit.language.inflection: gerunds, a/an, lists, sentences, questions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mikit.language.inflection import (
    ensure_question,
    gerund,
    indefinite_article,
    join_list,
    sentence,
    with_article,
)
from mikit.language.tokens import load_language_data

_BASE_ING = frozenset(load_language_data("inflection.json")["base_forms_ending_ing"])

GERUNDS: list[tuple[str, str]] = [
    ("quit smoking", "quitting smoking"),
    ("exercise more", "exercising more"),
    ("cut down on drinking", "cutting down on drinking"),
    ("get up earlier", "getting up earlier"),
    ("drink less", "drinking less"),
    ("stop", "stopping"),
    ("be more active", "being more active"),
    ("lie down", "lying down"),
    ("see friends", "seeing friends"),
    ("go to bed earlier", "going to bed earlier"),
    ("eat better", "eating better"),
    ("swim twice a week", "swimming twice a week"),
    ("run", "running"),
    ("jog", "jogging"),
    ("plan meals", "planning meals"),
    ("visit my mum", "visiting my mum"),
    ("open up", "opening up"),
    ("listen more", "listening more"),
    ("admit it", "admitting it"),
    ("begin again", "beginning again"),
    ("forget about it", "forgetting about it"),
    ("fix meals", "fixing meals"),
    ("play football", "playing football"),
    ("relax", "relaxing"),
    ("panic", "panicking"),
    ("agree on a plan", "agreeing on a plan"),
    ("die", "dying"),
    ("take a walk", "taking a walk"),
    ("sleep more", "sleeping more"),
    ("cook at home", "cooking at home"),
    ("squat", "squatting"),
    ("suit up", "suiting up"),
    ("bring lunch", "bringing lunch"),
    ("sing", "singing"),
    ("not drink", "not drinking"),
    ("never smoke indoors", "never smoking indoors"),
    ("Quit smoking", "Quitting smoking"),
    ("QUIT", "QUITTING"),
    ("  walk more", "  walking more"),
    # already gerunds and non-phrases stay
    ("quitting smoking", "quitting smoking"),
    ("walking daily", "walking daily"),
    ("", ""),
    ("!!", "!!"),
    ("10k steps", "10k steps"),
]


@pytest.mark.parametrize(("phrase", "expected"), GERUNDS)
def test_gerund_table(phrase: str, expected: str) -> None:
    """Each verb phrase takes the -ing form as written."""
    assert gerund(phrase) == expected


ARTICLES: list[tuple[str, str]] = [
    ("hour", "an"),
    ("honest mistake", "an"),
    ("heir", "an"),
    ("university", "a"),
    ("unicorn", "a"),
    ("usual day", "a"),
    ("European", "a"),
    ("one-off", "a"),
    ("once-in-a-lifetime chance", "a"),
    ("apple", "an"),
    ("idea", "an"),
    ("uninformed choice", "an"),
    ("unusual week", "an"),
    ("urge", "an"),
    ("horse", "a"),
    ("8", "an"),
    ("8-hour shift", "an"),
    ("11", "an"),
    ("18", "an"),
    ("11,000", "an"),
    ("80", "an"),
    ("110", "a"),
    ("1", "a"),
    ("5", "a"),
    ("MRI", "an"),
    ("FBI agent", "an"),
    ("NHS nurse", "an"),
    ("X-ray", "an"),
    ("x-ray", "an"),
    ("U-turn", "a"),
    ("UFO", "a"),
    ("NASA project", "a"),
    ("F", "an"),
    ("B", "a"),
    ("iPhone", "an"),
    ("", "a"),
    ("  ...  ", "a"),
]


@pytest.mark.parametrize(("word", "expected"), ARTICLES)
def test_indefinite_article_table(word: str, expected: str) -> None:
    """Each word takes the article its sound asks for."""
    assert indefinite_article(word) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("hour", "an hour"),
        ("university", "a university"),
        ("8", "an 8"),
        ("one-off", "a one-off"),
        ("MRI", "an MRI"),
        ("European", "a European"),
        ("  small step  ", "a small step"),
        ("an apple", "an apple"),
        ("the plan", "the plan"),
        ("A-list friend", "an A-list friend"),
        ("", ""),
    ],
)
def test_with_article(phrase: str, expected: str) -> None:
    """with_article puts the right article in front, once."""
    assert with_article(phrase) == expected


@pytest.mark.parametrize(
    ("items", "conjunction", "expected"),
    [
        ([], "and", ""),
        (["a"], "and", "a"),
        (["a", "b"], "and", "a and b"),
        (["a", "b", "c"], "and", "a, b, and c"),
        (["a", "b", "c", "d"], "or", "a, b, c, or d"),
    ],
)
def test_join_list(items: list[str], conjunction: str, expected: str) -> None:
    """Lists join with an Oxford comma."""
    assert join_list(items, conjunction) == expected


def test_join_list_takes_any_iterable() -> None:
    """join_list accepts a generator, not only a list."""
    assert join_list(x for x in ("walking", "swimming")) == "walking and swimming"


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("you want to quit", ".", "You want to quit."),
        ("you want to quit...", ".", "You want to quit."),
        ("you want to quit?!", ".", "You want to quit."),
        ("you want to quit.  ", ".", "You want to quit."),
        ('"maybe" is fine', ".", '"Maybe" is fine.'),
        ("  leading space", ".", "  Leading space."),
        ("iPhone time", ".", "iPhone time."),
        ("keep NHS and MRI", ".", "Keep NHS and MRI."),
        ("what matters", "?", "What matters?"),
        ("", ".", ""),
        ("...", ".", ""),
    ],
)
def test_sentence(text: str, end: str, expected: str) -> None:
    """sentence capitalises the first letter and ends with exactly one mark."""
    assert sentence(text, end) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("what matters most to you", "What matters most to you?"),
        ("what matters most to you.", "What matters most to you?"),
        ("what matters most to you??", "What matters most to you?"),
        ("How would that help?", "How would that help?"),
    ],
)
def test_ensure_question(text: str, expected: str) -> None:
    """ensure_question ends with exactly one question mark."""
    assert ensure_question(text) == expected


@given(st.text())
def test_gerund_any_text(text: str) -> None:
    """gerund accepts any string and keeps everything after the verb."""
    out = gerund(text)
    assert isinstance(out, str)
    assert len(out) >= len(text)


@given(
    st.from_regex(r"[a-z]{2,8}ing", fullmatch=True).filter(lambda v: v not in _BASE_ING),
    st.text(alphabet=" abcxyz.,", max_size=20),
)
def test_gerund_keeps_gerunds(verb: str, tail: str) -> None:
    """A phrase that already starts with an -ing word is unchanged (bar base forms)."""
    phrase = f"{verb} {tail}"
    assert gerund(phrase) == phrase


@given(
    st.sampled_from(["quit", "exercise", "lie", "see", "stop", "visit"]),
    st.text(max_size=30),
)
def test_gerund_keeps_the_rest(verb: str, tail: str) -> None:
    """Only the verb changes: the text after it is kept as typed."""
    assert gerund(f"{verb} {tail}").endswith(f" {tail}")


@given(st.text())
def test_indefinite_article_is_a_or_an(text: str) -> None:
    """indefinite_article returns "a" or "an" for any string."""
    assert indefinite_article(text) in {"a", "an"}


@given(st.text())
def test_with_article_ends_with_phrase(text: str) -> None:
    """with_article keeps the phrase, stripped, at the end."""
    assert with_article(text).endswith(text.strip())


@given(st.lists(st.text(alphabet="abc xyz", min_size=1), min_size=3))
def test_join_list_oxford_comma(items: list[str]) -> None:
    """Three or more items always have ", and " before the last."""
    assert join_list(items).endswith(f", and {items[-1]}")


@given(st.text())
def test_sentence_ends_once(text: str) -> None:
    """sentence ends with exactly one "." whenever the text has a letter or digit."""
    out = sentence(text)
    if any(ch.isalnum() for ch in text):
        assert out.endswith(".")
        assert not out[:-1].endswith((".", "!", "?", " "))
    else:
        assert not out.endswith(".")


@given(st.text())
def test_sentence_idempotent(text: str) -> None:
    """Making a sentence of a sentence changes nothing."""
    once = sentence(text)
    assert sentence(once) == once


@given(st.text())
def test_ensure_question_single_mark(text: str) -> None:
    """ensure_question never leaves two question marks at the end."""
    out = ensure_question(text)
    assert not out.endswith("??")
