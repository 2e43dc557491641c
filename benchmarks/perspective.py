# ruff: noqa: RUF001  (curly apostrophes and quotes are part of the cases)
"""The perspective shift: ``mikit.second_person`` against NLTK's ELIZA reflections.

Run with ``python benchmarks/perspective.py`` (needs ``pip install mikit[bench]``).

NLTK's ELIZA turns the client's words around with ``Chat._substitute``: one regular
expression over the lower-cased text, with the ``reflections`` table of
``nltk.chat.eliza``. Both run on the same hand-written cases, each with the output a
reflection needs. A case counts as right when the output equals the expected text
exactly; the "lenient" column forgives NLTK its lower-casing and its expanded
contractions ("you are" for "you're"), so that only the words are compared.

Speed is the best of ``--repeat`` interleaved runs over all cases, as operations per
second and microseconds per operation; "everyday" is microseconds per operation on a
dozen everyday client sentences without the hard cases. The numbers are
measurements, not tests.
"""

from __future__ import annotations

import argparse
import platform
import re
import sys
import time
from collections.abc import Callable
from importlib.metadata import version

from mikit import second_person

# (client text, the text a reflection needs)
CASES: list[tuple[str, str]] = [
    ("I want to quit.", "You want to quit."),
    ("I am worried about my drinking.", "You are worried about your drinking."),
    ("I was tired all week.", "You were tired all week."),
    ("I'm tired of feeling this way.", "You're tired of feeling this way."),
    ("I’m tired of feeling this way.", "You’re tired of feeling this way."),
    ("I've tried patches before.", "You've tried patches before."),
    ("I'll try to walk more.", "You'll try to walk more."),
    ("I'd like to be healthier.", "You'd like to be healthier."),
    ("It helps me relax.", "It helps you relax."),
    ("My kids worry about me.", "Your kids worry about you."),
    ("The choice is mine.", "The choice is yours."),
    ("I did it myself.", "You did it yourself."),
    ("We argue about it a lot.", "You argue about it a lot."),
    ("Our doctor told us to stop.", "Your doctor told you to stop."),
    ("We did it ourselves.", "You did it yourselves."),
    ("I wasn't ready.", "You weren't ready."),
    ("Am I wrong to want this?", "Are you wrong to want this?"),
    ("Was I too hard on myself?", "Were you too hard on yourself?"),
    ("What am I doing with my life?", "What are you doing with your life?"),
    ("I really am trying.", "You really are trying."),
    ("i want to quit", "you want to quit"),
    ("i'm so tired", "you're so tired"),
    ("idk, i was busy", "idk, you were busy"),
    ("You don't get it.", "You don't get it."),
    ("My wife says you are right.", "Your wife says you are right."),
    ("Your advice didn't help me.", "Your advice didn't help you."),
    ('My dad said "I never quit".', 'Your dad said "I never quit".'),
    ("My dad said “I never quit”.", "Your dad said “I never quit”."),
    ("I work in a coal mine.", "You work in a coal mine."),
    ("The mine shaft scares me.", "The mine shaft scares you."),
    ("My iPhone keeps me up at night.", "Your iPhone keeps you up at night."),
    ("I had an I.V. drip.", "You had an I.V. drip."),
    ("I read Part I of the book.", "You read Part I of the book."),
    ("My grandpa fought in World War I.", "Your grandpa fought in World War I."),
    ("We moved to the US.", "You moved to the US."),
    ("Honestly I don't know.", "Honestly you don't know."),
    ("It's hard. I try every day.", "It's hard. You try every day."),
    ("I love 東京 and my café 😊", "You love 東京 and your café 😊"),
    ("Nothing changes, nothing ever does.", "Nothing changes, nothing ever does."),
    ("The problem was I couldn't sleep.", "The problem was you couldn't sleep."),
    ("I want to quit but smoking helps me relax.", "You want to quit but smoking helps you relax."),
    ("Me and my wife want a change.", "You and your wife want a change."),
    ("That one is mine too.", "That one is yours too."),
    ("I think I need to cut down on drinking.", "You think you need to cut down on drinking."),
]

# Everyday client sentences, for a second speed figure without the hard cases above.
EVERYDAY: list[str] = [
    "I want to quit but smoking helps me relax.",
    "My kids worry about me.",
    "I am worried about my drinking.",
    "i want to quit",
    "We argue about it a lot.",
    "I've tried patches before and I was sick.",
    "It helps me relax after work.",
    "I think I need to cut down on drinking.",
    "Nothing changes, nothing ever does.",
    "My wife says I drink too much.",
    "I don't know if I can do it.",
    "I was tired all week, so I skipped the gym.",
]

_EXPANSIONS = {
    "you're": "you are",
    "you've": "you have",
    "you'll": "you will",
    "you'd": "you would",
    "you weren't": "you were not",
}


def _lenient(text: str) -> str:
    out = text.lower().replace("\u2019", "'")
    for short, long in _EXPANSIONS.items():
        out = out.replace(short, long)
    return out


def _nltk_substitutes() -> tuple[Callable[[str], str], Callable[[str], str]]:
    """NLTK's ``Chat._substitute`` as shipped, and the same logic on a plain ``re`` pattern.

    Recent NLTK wraps its patterns in a timing guard; the plain re-creation shows the
    speed of the bare substitution (one regular expression, one dictionary look-up
    per match), which is the harder target.
    """
    try:
        from nltk.chat.eliza import reflections
        from nltk.chat.util import Chat
    except ImportError:  # pragma: no cover - a benchmark-only dependency
        sys.exit("this benchmark needs NLTK: pip install 'mikit[bench]'")
    chat = Chat([], reflections)
    keys = sorted(reflections, key=len, reverse=True)
    pattern = re.compile(r"\b({})\b".format("|".join(map(re.escape, keys))), re.IGNORECASE)

    def plain(text: str) -> str:
        return pattern.sub(lambda mo: reflections[mo.group()], text.lower())

    return chat._substitute, plain  # noqa: SLF001 - the reflection step ELIZA itself uses


def _throughput(
    contenders: list[tuple[str, Callable[[str], str]]], texts: list[str], repeat: int, rounds: int
) -> dict[str, float]:
    """Best seconds per call for each contender; runs are interleaved so load hits all alike."""
    best = dict.fromkeys((name for name, _ in contenders), float("inf"))
    for _ in range(repeat):
        for name, fn in contenders:
            start = time.perf_counter()
            for _ in range(rounds):
                for text in texts:
                    fn(text)
            best[name] = min(best[name], time.perf_counter() - start)
    return {name: seconds / (rounds * len(texts)) for name, seconds in best.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20, help="timed runs (the best counts)")
    parser.add_argument("--rounds", type=int, default=100, help="passes over the cases per run")
    parser.add_argument("--show", action="store_true", help="print every case NLTK gets wrong")
    args = parser.parse_args()

    nltk_substitute, nltk_plain = _nltk_substitutes()
    texts = [text for text, _ in CASES]
    contenders: list[tuple[str, Callable[[str], str]]] = [
        ("mikit.second_person", second_person),
        ("nltk Chat._substitute (eliza)", nltk_substitute),
        ("same, on a plain re pattern", nltk_plain),
    ]
    print(f"Python {platform.python_version()} on {platform.machine()}, ", end="")
    print(f"mikit {version('mikit')}, nltk {version('nltk')}; {len(CASES)} cases")
    print()
    header = (
        f"{'implementation':<32} {'right':>7} {'lenient':>8} {'ops/s':>11} {'us/op':>7}"
        f" {'everyday':>9}"
    )
    print(header)
    print("-" * len(header))
    timings = _throughput(contenders, texts, args.repeat, args.rounds)
    everyday = _throughput(contenders, EVERYDAY, args.repeat, args.rounds)
    for name, fn in contenders:
        right = sum(fn(text) == expected for text, expected in CASES)
        lenient = sum(_lenient(fn(text)) == _lenient(expected) for text, expected in CASES)
        seconds = timings[name]
        print(
            f"{name:<32} {right:>3}/{len(CASES):<3} {lenient:>4}/{len(CASES):<3}"
            f" {1 / seconds:>11,.0f} {seconds * 1e6:>7.2f} {everyday[name] * 1e6:>9.2f}"
        )
    wrong = [(t, e, second_person(t)) for t, e in CASES if second_person(t) != e]
    for text, expected, got in wrong:
        print(f"mikit wrong: {text!r} -> {got!r} (expected {expected!r})")
    if args.show:
        print()
        for text, expected in CASES:
            got = nltk_substitute(text)
            if _lenient(got) != _lenient(expected):
                print(f"nltk: {text!r} -> {got!r}")


if __name__ == "__main__":
    main()
