# ruff: noqa: RUF001  (curly apostrophes and quotes are the subject here)
"""Tests for mikit.second_person, the perspective shift inside reflections."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import mikit
from mikit.language import second_person
from mikit.language.tokens import is_word, split_words, words

CASES: list[tuple[str, str]] = [
    # pronouns, one by one
    ("I want to quit.", "You want to quit."),
    ("It helps me relax.", "It helps you relax."),
    ("My dad smokes.", "Your dad smokes."),
    ("The choice is mine.", "The choice is yours."),
    ("I did it myself.", "You did it yourself."),
    ("We argue a lot.", "You argue a lot."),
    ("She told us to stop.", "She told you to stop."),
    ("Our kids notice.", "Your kids notice."),
    ("The decision is ours.", "The decision is yours."),
    ("We did it ourselves.", "You did it yourselves."),
    ("Give me a break", "Give you a break"),
    ("me and my wife", "you and your wife"),
    ("Me too.", "You too."),
    # verb agreement
    ("I am tired.", "You are tired."),
    ("I was tired.", "You were tired."),
    ("I wasn't ready.", "You weren't ready."),
    ("I wasn’t ready.", "You weren’t ready."),
    ("I was not ready.", "You were not ready."),
    ("I am not sure.", "You are not sure."),
    ("I really am trying.", "You really are trying."),
    ("I just was not ready.", "You just were not ready."),
    ("I have tried.", "You have tried."),
    ("I do want it.", "You do want it."),
    ("I can quit.", "You can quit."),
    # inverted
    ("Am I wrong?", "Are you wrong?"),
    ("am I wrong", "are you wrong"),
    ("Was I wrong?", "Were you wrong?"),
    ("Wasn't I clear?", "Weren't you clear?"),
    ("What am I doing?", "What are you doing?"),
    ("Why was I so angry?", "Why were you so angry?"),
    ("He was tired and so was I.", "He was tired and so were you."),
    ("Neither am I.", "Neither are you."),
    ("The problem was I couldn't sleep.", "The problem was you couldn't sleep."),
    ("Who am I kidding?", "Who are you kidding?"),
    # contractions, both apostrophes, kept as typed
    ("I'm tired.", "You're tired."),
    ("I’m tired.", "You’re tired."),
    ("I've tried.", "You've tried."),
    ("I’ve tried.", "You’ve tried."),
    ("I'd like to.", "You'd like to."),
    ("I’d like to.", "You’d like to."),
    ("I'll try.", "You'll try."),
    ("I’ll try.", "You’ll try."),
    ("We're stuck.", "You're stuck."),
    ("We’ve tried.", "You’ve tried."),
    ("we'll see", "you'll see"),
    ("we’d rather not", "you’d rather not"),
    # capitals
    ("Honestly I don't know.", "Honestly you don't know."),
    ("It's hard. I try.", "It's hard. You try."),
    ("Is it hard? I think so!", "Is it hard? You think so!"),
    ("Wow! I did it.", "Wow! You did it."),
    ('"He left." I stayed.', '"He left." You stayed.'),
    ("first line\nI stayed", "first line\nYou stayed"),
    ("i.e. I think so", "i.e. you think so"),
    ("I tried... I failed.", "You tried... you failed."),
    ("Not me. My wife.", "Not you. Your wife."),
    ("I AM DONE", "YOU ARE DONE"),
    ("I'M DONE WITH MY JOB", "YOU'RE DONE WITH YOUR JOB"),
    ("ME? NEVER", "YOU? NEVER"),
    # lower-case chat text
    ("i want to quit", "you want to quit"),
    ("i'm tired of it", "you're tired of it"),
    ("i’m tired of it", "you’re tired of it"),
    ("idk, i was busy", "idk, you were busy"),
    ("my kids r worried", "your kids r worried"),
    ("lol i am so done", "lol you are so done"),
    # "you" already in the text stays
    ("You don't get it.", "You don't get it."),
    ("I told you my plan.", "You told you your plan."),
    ("Your rules, not mine.", "Your rules, not yours."),
    ("you and I both know", "you and you both know"),
    # quoted speech of others
    ('My dad said "I never quit"', 'Your dad said "I never quit"'),
    ("My dad said “I never quit”", "Your dad said “I never quit”"),
    ("She said ‘I give up’ and I laughed", "She said ‘I give up’ and you laughed"),
    ("He says «I am fine» but I know", "He says «I am fine» but you know"),
    ('"I quit," I said.', '"I quit," you said.'),
    ("the ‘90s were my best years", "the ‘90s were your best years"),
    # homographs
    ("I work in a coal mine.", "You work in a coal mine."),
    ("The mine shaft flooded.", "The mine shaft flooded."),
    ("the mine was closed", "the mine was closed"),
    ("My iPhone is broken.", "Your iPhone is broken."),
    ("I had an I.V. drip.", "You had an I.V. drip."),
    ("I read Part I.", "You read Part I."),
    ("My grandpa fought in World War I.", "Your grandpa fought in World War I."),
    ("I have Type I diabetes.", "You have Type I diabetes."),
    ("We moved to the US last year.", "You moved to the US last year."),
    ("Take I-95 north.", "Take I-95 north."),
    ("Step (i) is hard for me.", "Step (i) is hard for you."),
    ("Mine is better.", "Yours is better."),
    ("a friend of mine, Sam", "a friend of yours, Sam"),
    ("That one is mine too.", "That one is yours too."),
    ("Is this mine?", "Is this yours?"),
    ("the mine-shaft", "the mine-shaft"),
    ("We mine bitcoin.", "You mine bitcoin."),
    # every other character unchanged
    ("  I   am\there  ", "  You   are\there  "),
    ("I 💪 my 🚭 life!!", "You 💪 your 🚭 life!!"),
    ("I love 東京 and my café", "You love 東京 and your café"),
    ("(I think) my plan works", "(You think) your plan works"),
    ("Well, (I think) my plan works", "Well, (you think) your plan works"),
    ("", ""),
    ("...", "..."),
    ("nothing to change here", "nothing to change here"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_second_person_table(text: str, expected: str) -> None:
    """Each hand-written case shifts exactly as written."""
    assert second_person(text) == expected


def test_table_has_at_least_eighty_cases() -> None:
    """The table covers the contract with at least eighty cases."""
    assert len(CASES) >= 80


def test_reexported_from_package() -> None:
    """mikit.second_person is the same function as mikit.language.second_person."""
    assert mikit.second_person is second_person


def test_unclosed_quote_leaves_rest_unchanged() -> None:
    """After an unclosed quotation mark the text is left as typed."""
    assert second_person('My mum said "I will and I am') == 'Your mum said "I will and I am'


def test_straight_single_quotes_are_apostrophes() -> None:
    """Straight single quotes are not quotation marks, so the words inside shift."""
    assert second_person("I said 'I am fine'") == "You said 'you are fine'"


_NO_FIRST_PERSON = st.text(
    alphabet=st.characters(blacklist_characters="iImMwWuUoO"),
)


@given(st.text())
def test_any_text_returns_str(text: str) -> None:
    """Any string gives back a string."""
    assert isinstance(second_person(text), str)


@given(_NO_FIRST_PERSON)
def test_text_without_first_person_unchanged(text: str) -> None:
    """Text that cannot hold a first-person word comes back identical."""
    assert second_person(text) == text


@given(st.text())
def test_idempotent(text: str) -> None:
    """Shifting twice gives the same as shifting once."""
    once = second_person(text)
    assert second_person(once) == once


_LETTERS = re.compile(r"[^\W\d_]+")


@given(st.text())
def test_characters_outside_words_preserved(text: str) -> None:
    """Removing letters from input and output leaves the same string."""
    assert _LETTERS.sub("", second_person(text)) == _LETTERS.sub("", text)


@given(
    st.lists(
        st.sampled_from(["I", "me", "my", "mine", "we", "the", "am", "was", " ", ".", '"', "’"])
    )
)
def test_word_count_preserved(pieces: list[str]) -> None:
    """The shift replaces words one for one; it never adds or drops a word."""
    text = "".join(pieces)
    assert len(words(second_person(text))) == len(words(text))


@given(st.text())
def test_split_words_round_trips(text: str) -> None:
    """Joining the pieces of split_words gives the text back."""
    parts = split_words(text)
    assert "".join(parts) == text
    assert all(is_word(w) for w in parts[1::2])


def test_long_input_is_handled() -> None:
    """A long text (hundreds of thousands of words) is shifted without blow-up."""
    text = 'I am sure my "I was" mine. ' * 20_000
    out = second_person(text)
    assert out.count('ou are sure your "I was" yours.') == 20_000
