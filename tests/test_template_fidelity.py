"""MI fidelity over everything the generators can produce.

Every template variant is rendered (directly, and through the generators with
Hypothesis-drawn goals, cases and client texts) and read by :func:`mikit.fidelity.check`.
Client words in sane English must give output with no finding of severity error.
Arbitrary Unicode client words come back as data, so only the rules the templates
themselves guarantee are checked for them: the form of the move (capital first
letter, final mark, no "?" in a statement, an open stem for a question), no
doubled spaces and no surrounding whitespace.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mikit
from mikit import (
    Action,
    Case,
    Goal,
    QuestionKind,
    ReflectionKind,
    RulerKind,
    SummaryKind,
    Transcript,
    Utterance,
    fidelity,
    strategies,
)
from mikit.errors import RiskStatementError
from mikit.fidelity import Rule, Severity
from mikit.oars import (
    affirmations,
    evocative_questions,
    reflections,
    ruler_followup,
    ruler_question,
    summaries,
)
from mikit.oars._goals import goal_context
from mikit.templating import Engine, default_engine

MOVES = {"reflect": "reflection", "ask": "question", "ruler": "question"}
MOVES |= {"affirm": "affirmation", "summarize": "summary"}

# The rules every output keeps whatever the client typed.
FORM_RULES = frozenset(
    {
        Rule.CAPITAL,
        Rule.FINAL_MARK,
        Rule.QUESTION_IN_STATEMENT,
        Rule.NO_OPEN_STEM,
        Rule.CLOSED_QUESTION,
        Rule.EDGE_WHITESPACE,
        Rule.EMPTY,
        Rule.DOUBLED_SPACE,
    }
)

STATEMENTS = [
    "quit smoking",
    "cut down on drinking",
    "exercise more",
    "get up earlier",
    "take my medication every day",
    "spend less time on my phone",
    "eat more vegetables",
    "walk three times a week",
]
VALUES = ["health", "my kids", "being a good example", "my job", "family", "freedom"]
SUBJECTS = ["I", "My partner", "Smoking", "Work", "My doctor", "Drinking", "It"]
PREDICATES = [
    "want to quit",
    "helps me relax",
    "feel stressed about it",
    "have tried before and I always start again",
    "is how I unwind after work",
    "could try not smoking in the car",
    "keeps nagging me about it",
    "am not ready to change",
    "went for a run instead of having a cigarette",
    "really like my evenings with a drink",
    "worry about my health",
    "sometimes think about stopping",
]
MARKERS = ["but", "though", "yet", "and", "however", "on the other hand"]
FILLERS = ["", "Yeah, ", "Well, ", "Honestly, ", "Um, "]


@st.composite
def client_sentences(draw: st.DrawFn) -> str:
    """A sane client sentence built from everyday parts."""
    first = f"{draw(st.sampled_from(SUBJECTS))} {draw(st.sampled_from(PREDICATES))}"
    text = draw(st.sampled_from(FILLERS)) + first
    if draw(st.booleans()):
        second = f"{draw(st.sampled_from(SUBJECTS)).lower()} {draw(st.sampled_from(PREDICATES))}"
        text += f", {draw(st.sampled_from(MARKERS))} {second.replace('i ', 'I ', 1)}"
    return text + draw(st.sampled_from([".", "!", "?", "", "..."]))


def client_texts() -> st.SearchStrategy[str]:
    """One to three sane client sentences."""
    return st.lists(client_sentences(), min_size=1, max_size=3).map(" ".join)


def sane_goals() -> st.SearchStrategy[Goal]:
    """Goals with everyday statements and values."""
    return st.builds(
        Goal,
        id=st.just("goal"),
        statement=st.sampled_from(STATEMENTS),
        values=st.lists(st.sampled_from(VALUES), unique=True, max_size=3),
    )


def _has_content(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _errors(text: str, move: str, rules: frozenset[Rule] | None = None) -> list[str]:
    return [
        f"{f.rule.value}: {f.message}"
        for f in fidelity.check(text, move=move)
        if f.severity is Severity.ERROR and (rules is None or f.rule in rules)
    ]


def _assert_clean(texts: list[str], move: str, rules: frozenset[Rule] | None = None) -> None:
    for text in texts:
        assert not _errors(text, move, rules), (text, _errors(text, move, rules))


def _question_variants(goal: Goal) -> list[str]:
    """Every ask and ruler variant for *goal*, every score form included."""
    engine = default_engine()
    out = evocative_questions(goal)
    context = goal_context(goal)
    moves = {name.rpartition("/")[0] for name in engine.variants("en/ruler")}
    for score in (0, 1, 6, 8, 10):
        scored = {**context, "score": score, "lower": max(0, score - 3), "higher": score + 1}
        out += [engine.render(name, **scored) for name in engine.variants("en/ruler")]
    assert {f"en/ruler/{ruler}/question" for ruler in RulerKind} <= moves
    return out


SAMPLE_CONTEXT: dict[str, Any] = {
    "said": "you want to quit for your kids",
    "first": "you want to quit",
    "second": "smoking helps you relax",
    "feeling": "under a lot of pressure",
    "sustain": "smoking helps you relax",
    "change": "you want to quit",
    "goal": "quitting smoking",
    "statement": "quit smoking",
    "values": ["health", "your kids"],
    "amplified": "smoking is the only thing that helps you relax",
    "score": 8,
    "lower": 5,
    "higher": 9,
    "deed": "You went for a run instead of a cigarette",
    "amounts": "from 20 to 8 cigarettes a day",
    "items": ["you want to quit for your kids", "you could try not smoking in the car"],
    "earlier": "you want to quit for your kids",
    "latest": "you could try not smoking in the car",
}


def _generator_templates() -> list[str]:
    """The packaged templates of the OARS generators (other folders belong to others)."""
    return [name for name in mikit.template_variants("en") if name.split("/")[1] in MOVES]


@pytest.mark.parametrize("name", _generator_templates())
def test_every_template_variant_is_mi_consistent(name: str) -> None:
    """Each packaged variant, rendered with sample values, has no fidelity error."""
    out = mikit.render(name, **SAMPLE_CONTEXT)
    move = MOVES[name.split("/")[1]]
    assert not _errors(out, move), (out, _errors(out, move))


@settings(max_examples=40)
@given(client_texts(), st.sampled_from(list(ReflectionKind)), st.none() | sane_goals())
def test_reflections_of_sane_text_are_mi_consistent(
    text: str, kind: ReflectionKind, target: Goal | None
) -> None:
    """Every reflection variant of everyday client text has no fidelity error."""
    _assert_clean(reflections(text, kind=kind, target=target), "reflection")


@settings(max_examples=60)
@given(
    st.text(min_size=1).filter(lambda t: any(c.isalnum() for c in t)),
    st.sampled_from(list(ReflectionKind)),
)
def test_reflections_of_any_text_keep_their_form(text: str, kind: ReflectionKind) -> None:
    """For any client text, every reflection keeps the form of a reflection."""
    try:
        outs = reflections(text, kind=kind)
    except RiskStatementError:
        return
    _assert_clean(outs, "reflection", FORM_RULES)


@settings(max_examples=30)
@given(sane_goals())
def test_questions_for_sane_goals_are_mi_consistent(goal: Goal) -> None:
    """Every question variant for an everyday goal has no fidelity error."""
    _assert_clean(_question_variants(goal), "question")


@settings(max_examples=30)
@given(strategies.goals())
def test_questions_for_any_goal_keep_their_form(goal: Goal) -> None:
    """For any valid goal, every question is an open question ending with '?'."""
    _assert_clean(_question_variants(goal), "question", FORM_RULES)


@settings(max_examples=30)
@given(strategies.cases())
def test_affirmations_for_any_case_keep_their_form(case: Case) -> None:
    """For any valid case, every affirmation is a statement about the client."""
    _assert_clean(affirmations(case), "affirmation", FORM_RULES | {Rule.PRAISE})


@settings(max_examples=30)
@given(
    st.lists(client_sentences(), min_size=1, max_size=5),
    st.sampled_from(list(SummaryKind)),
    sane_goals(),
)
def test_summaries_of_sane_talk_are_mi_consistent(
    said: list[str], kind: SummaryKind, goal: Goal
) -> None:
    """Every summary variant of everyday client talk has no fidelity error."""
    transcript = Transcript([Utterance("client", s) for s in said])
    _assert_clean(summaries(transcript, kind=kind, target=goal), "summary")


def test_affirmations_of_the_sample_case_are_mi_consistent() -> None:
    """The sample case's affirmations have no fidelity error."""
    from mikit.cli.demo import load_sample_case

    _assert_clean(affirmations(load_sample_case()), "affirmation")


@contextmanager
def _recording() -> Iterator[set[str]]:
    seen: set[str] = set()
    original = Engine.render

    def render(self: Engine, name: str, /, **context: Any) -> str:
        seen.add(name)
        return original(self, name, **context)

    Engine.render = render  # type: ignore[method-assign]
    try:
        yield seen
    finally:
        Engine.render = original  # type: ignore[method-assign]


def test_generators_reach_every_template() -> None:
    """Every packaged template is reachable through a public generator."""
    from mikit.cli.demo import load_sample_case

    case = load_sample_case()
    goal = case.goals[0]
    texts = [
        "I want to quit but smoking helps me relax.",
        "I feel so stressed lately.",
        "Smoking is how I relax after work.",
        "It's fine, I like it.",
        "Smoking helps me relax.",
        "I've tried before and I always start again.",
        "My wife keeps nagging me about it.",
        "I'm not ready to quit.",
        "I want to quit.",
        "I like the taste.",
    ]
    with _recording() as seen:
        for text in texts:
            for kind in ReflectionKind:
                reflections(text, kind=kind, target=goal)
        evocative_questions(goal)
        for ruler in RulerKind:
            ruler_question(goal, ruler)
            for score in range(11):
                for seed in range(8):
                    ruler_followup(goal, ruler, score, seed=seed)
        affirmations(case)
        affirmations(case.actions[:3])
        affirmations([])
        for summary_kind in SummaryKind:
            summaries(case, kind=summary_kind)
        for ruler in RulerKind:
            for seed in range(8):
                ruler_question(goal, ruler, seed=seed)
        progress = [Action(goal="smoking", description="cut down at work", amount=12)]
        affirmations(Case(values=case.values, goals=[goal], actions=progress))
    missing = set(_generator_templates()) - seen
    assert not missing, sorted(missing)


def test_question_kinds_have_template_folders() -> None:
    """Each QuestionKind has a folder of variants."""
    for kind in QuestionKind:
        assert mikit.template_variants(f"en/ask/{kind}")
