"""Tests for mikit.fidelity: every rule fires on an example and stays silent on a near miss."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import mikit.fidelity
from mikit.errors import ValidationError
from mikit.fidelity import Finding, Move, Rule, Severity, check, is_mi_consistent

# (rule, text, move): the rule must fire.
POSITIVE: list[tuple[Rule, str, str | None]] = [
    (Rule.DIRECTIVE, "You should quit smoking.", None),
    (Rule.DIRECTIVE, "You must stop drinking.", None),
    (Rule.DIRECTIVE, "You need to cut down.", None),
    (Rule.DIRECTIVE, "You have to try harder.", None),
    (Rule.DIRECTIVE, "You ought to see a doctor.", None),
    (Rule.DIRECTIVE, "You had better stop.", None),
    (Rule.DIRECTIVE, "You’d better stop.", None),  # noqa: RUF001
    (Rule.DIRECTIVE, "Honestly, you should quit.", None),
    (Rule.DIRECTIVE, "If you want to quit, you need to stop buying them.", None),
    (Rule.DIRECTIVE, "I feel you need to quit.", None),
    (Rule.DIRECTIVE, "Maybe you should walk more.", None),
    (Rule.ADVICE, "I think you should quit.", None),
    (Rule.ADVICE, "If I were you, I would stop.", None),
    (Rule.ADVICE, "My advice is to walk every day.", None),
    (Rule.WHY_QUESTION, "Why don't you just quit?", None),
    (Rule.WHY_QUESTION, "Why didn't you call me?", None),
    (Rule.WHY_QUESTION, "Why can't you stop?", None),
    (Rule.WARNING, "Stop now or else.", None),
    (Rule.WARNING, "You will end up in hospital.", None),
    (Rule.WARNING, "You're going to die if this goes on.", None),
    (Rule.WARNING, "If you don't stop, you will lose your job.", None),
    (Rule.WARNING, "If you keep drinking you're going to regret it.", None),
    (Rule.WARNING, "Stop before it's too late.", None),
    (Rule.LABEL, "You are an addict.", None),
    (Rule.LABEL, "Alcoholics like you rarely change.", None),
    (Rule.LABEL, "You sound like an alcoholic.", None),
    (Rule.LABEL, "He is a junkie.", None),
    (Rule.LABEL, "You are in denial.", None),
    (Rule.LABEL, "The client is non-compliant.", None),
    (Rule.LABEL, "The client is noncompliant.", None),
    (Rule.LABEL, "You seem resistant to change.", None),
    (Rule.LABEL, "You seem unmotivated.", None),
    (Rule.LABEL, "You're a drunk.", None),
    (Rule.LABEL, "You are a smoker.", None),
    (Rule.LABEL, "As a smoker, you know the risks.", None),
    (Rule.PRAISE, "I'm proud of you.", None),
    (Rule.PRAISE, "I am so proud of what you did.", None),
    (Rule.PRAISE, "Good job.", None),
    (Rule.PRAISE, "Well done, that was hard.", None),
    (Rule.CONFRONT, "You're wrong about that.", None),
    (Rule.CONFRONT, "That's not true.", None),
    (Rule.CONFRONT, "You have to admit it is a problem.", None),
    (Rule.CONFRONT, "Come on, be honest with yourself.", None),
    (Rule.TEMPLATE_RESIDUE, "You want to {{ goal }}.", None),
    (Rule.TEMPLATE_RESIDUE, "You want to quit }}.", None),
    (Rule.TEMPLATE_RESIDUE, "You want {% if x %}to quit.", None),
    (Rule.TEMPLATE_RESIDUE, "You want %} to quit.", None),
    (Rule.TEMPLATE_RESIDUE, "You want {# note #} to quit.", None),
    (Rule.TEMPLATE_RESIDUE, "You want to None.", None),
    (Rule.TEMPLATE_RESIDUE, "You want to Undefined.", None),
    (Rule.EMPTY_SLOT, "You want to quit , and walk.", None),
    (Rule.EMPTY_SLOT, "You want to quit, , and walk.", None),
    (Rule.EMPTY_SLOT, "You want to quit () today.", None),
    (Rule.DOUBLED_SPACE, "You want to  quit.", None),
    (Rule.SPACE_BEFORE_PUNCTUATION, "You want to quit .", None),
    (Rule.SPACE_BEFORE_PUNCTUATION, "What do you want ?", None),
    (Rule.EDGE_WHITESPACE, " You want to quit.", None),
    (Rule.EDGE_WHITESPACE, "You want to quit. ", None),
    (Rule.EMPTY, "", None),
    (Rule.EMPTY, "   ", None),
    (Rule.ARTICLE, "That took a hour.", None),
    (Rule.ARTICLE, "You went to an university.", None),
    (Rule.ARTICLE, "You had a MRI.", None),
    (Rule.ARTICLE, "You scored a 8.", None),
    (Rule.ARTICLE, "A apple a day helps.", None),
    (Rule.CAPITAL, "you want to quit.", None),
    (Rule.CAPITAL, "You want to quit. you also worry.", None),
    (Rule.FINAL_MARK, "You want to quit", "reflection"),
    (Rule.FINAL_MARK, "You want to quit!", "summary"),
    (Rule.FINAL_MARK, "You worked hard...", "affirmation"),
    (Rule.FINAL_MARK, "What would help", "question"),
    (Rule.FINAL_MARK, "What would help??", "question"),
    (Rule.QUESTION_IN_STATEMENT, "You want to quit?", "reflection"),
    (Rule.QUESTION_IN_STATEMENT, "Is it hard? You want to quit.", "summary"),
    (Rule.CLOSED_QUESTION, "Do you want to quit?", "question"),
    (Rule.CLOSED_QUESTION, "Is it important to you?", "question"),
    (Rule.CLOSED_QUESTION, "Would you like to try?", "question"),
    (Rule.CLOSED_QUESTION, "Have you tried patches?", "question"),
    (Rule.NO_OPEN_STEM, "You want to quit?", "question"),
    (Rule.FIRST_PERSON_AFFIRMATION, "I think you worked hard.", "affirmation"),
    (Rule.FIRST_PERSON_AFFIRMATION, "I'm glad you came.", "affirmation"),
]

# (rule, text, move): the near miss that the rule must not fire on.
NEAR_MISS: list[tuple[Rule, str, str | None]] = [
    (Rule.DIRECTIVE, "You feel you need to quit.", "reflection"),
    (Rule.DIRECTIVE, "You said you need to quit.", "reflection"),
    (Rule.DIRECTIVE, "Part of you needs to quit.", "reflection"),
    (Rule.DIRECTIVE, "You know you have to stop for your kids.", "reflection"),
    (Rule.DIRECTIVE, "It sounds like you need a break.", "reflection"),
    (Rule.DIRECTIVE, "You think you should quit, and you are not sure how.", "reflection"),
    (Rule.DIRECTIVE, "What do you need to get started?", "question"),
    (Rule.DIRECTIVE, "What would you need to do first?", "question"),
    (Rule.ADVICE, "If you were to quit, what would change?", "question"),
    (Rule.WHY_QUESTION, "Why is quitting important to you?", "question"),
    (Rule.WHY_QUESTION, "Why a 6 and not a 3?", "question"),
    (Rule.WARNING, "You worry you will end up like your dad.", "reflection"),
    (Rule.WARNING, "You are afraid you're going to die young.", "reflection"),
    (Rule.WARNING, "You wonder what will happen if you don't stop.", "reflection"),
    (Rule.WARNING, "You want tea or coffee.", "reflection"),
    (Rule.LABEL, "Alcoholic drinks cost you a lot.", "reflection"),
    (Rule.LABEL, "You had a drunk driver hit your car.", "reflection"),
    (Rule.LABEL, "Your doctor said you are insulin resistant.", "reflection"),
    (Rule.LABEL, "The bacteria were drug-resistant.", "reflection"),
    (Rule.LABEL, "You used to smoke.", "reflection"),
    (Rule.LABEL, "You stopped smoking last year.", "reflection"),
    (Rule.PRAISE, "You are proud of what you did.", "affirmation"),
    (Rule.PRAISE, "You did a good job of staying calm.", "affirmation"),
    (Rule.PRAISE, "You found a new job.", "affirmation"),
    (Rule.CONFRONT, "You wonder if you are wrong about it.", "reflection"),
    (Rule.CONFRONT, "You feel that's not true for you.", "reflection"),
    (Rule.CONFRONT, "The cravings come on at night.", "reflection"),
    (Rule.CONFRONT, "You want to see your kids grow up.", "reflection"),
    (Rule.TEMPLATE_RESIDUE, "None of this is easy.", "reflection"),
    (Rule.TEMPLATE_RESIDUE, "You want { to quit }.", "reflection"),
    (Rule.EMPTY_SLOT, "You want to quit, and walk (daily).", "reflection"),
    (Rule.DOUBLED_SPACE, "You want to quit. You also worry.", "reflection"),
    (Rule.SPACE_BEFORE_PUNCTUATION, "You are not sure ...", None),
    (Rule.EDGE_WHITESPACE, "You want to quit.", "reflection"),
    (Rule.EMPTY, ".", None),
    (Rule.ARTICLE, "That took an hour.", "reflection"),
    (Rule.ARTICLE, "You went to a university.", "reflection"),
    (Rule.ARTICLE, "You had an MRI and a one-off scan.", "reflection"),
    (Rule.ARTICLE, "You scored an 8 out of 10.", "reflection"),
    (Rule.ARTICLE, "You got vitamin A and iron.", "reflection"),
    (Rule.ARTICLE, "You are a European runner.", "reflection"),
    (Rule.CAPITAL, "iPhone alarms help you.", "reflection"),
    (Rule.CAPITAL, "You want to quit, e.g. smoking.", "reflection"),
    (Rule.CAPITAL, "You hesitate... then you try.", None),
    (Rule.CAPITAL, '"You want to quit," you said.', "reflection"),
    (Rule.FINAL_MARK, 'You said "no."', "reflection"),
    (Rule.FINAL_MARK, "What would help?", "question"),
    (Rule.QUESTION_IN_STATEMENT, "You want to quit.", "reflection"),
    (Rule.CLOSED_QUESTION, "Could you tell me more about that?", "question"),
    (Rule.CLOSED_QUESTION, "What do you want to do?", "question"),
    (Rule.NO_OPEN_STEM, "Looking back, what helped you most?", "question"),
    (Rule.NO_OPEN_STEM, "On a scale from 0 to 10, how important is it?", "question"),
    (Rule.NO_OPEN_STEM, "Tell me more about that?", "question"),
    (Rule.FIRST_PERSON_AFFIRMATION, "You worked hard this week.", "affirmation"),
    (Rule.FIRST_PERSON_AFFIRMATION, "It took courage to come today.", "affirmation"),
]


def _rules(text: str, move: str | None) -> set[Rule]:
    return {f.rule for f in check(text, move=move)}


@pytest.mark.parametrize(("rule", "text", "move"), POSITIVE)
def test_rule_fires(rule: Rule, text: str, move: str | None) -> None:
    """The rule finds the problem in its example."""
    assert rule in _rules(text, move)


@pytest.mark.parametrize(("rule", "text", "move"), NEAR_MISS)
def test_rule_silent_on_near_miss(rule: Rule, text: str, move: str | None) -> None:
    """The rule stays silent on a text that only looks like its example."""
    assert rule not in _rules(text, move)


def test_every_rule_has_an_example_and_a_near_miss() -> None:
    """Each rule is covered both ways by the tables."""
    assert {r for r, _, _ in POSITIVE} == set(Rule)
    assert {r for r, _, _ in NEAR_MISS} == set(Rule)


@pytest.mark.parametrize(
    ("text", "move"),
    [
        ("You want to quit smoking, and you worry about the cravings.", "reflection"),
        (
            "You went for a run instead of having a cigarette; that took determination.",
            "affirmation",
        ),
        ("So far you have said that your kids matter most, and you have cut down.", "summary"),
        ("What makes it a 6 and not a 3?", "question"),
        ("How would quitting smoking fit with what matters to you?", "question"),
        ("What would it take to move from 0 to 1?", "question"),
        ("In what ways has drinking less helped?", "question"),
        ("Tell me about a time you succeeded.", "question"),
        ("It sounds like you feel stuck between two things.", "reflection"),
    ],
)
def test_mi_consistent_lines_pass(text: str, move: str) -> None:
    """Well-formed MI-consistent lines produce no finding (bar the question mark test)."""
    findings = check(text, move=move)
    if text.startswith("Tell me"):
        assert {f.rule for f in findings} == {Rule.FINAL_MARK}
    else:
        assert findings == []


def test_span_points_at_the_phrase() -> None:
    """A finding's span covers the offending words."""
    text = "Well, you should quit."
    (finding,) = check(text)
    assert text[finding.start : finding.end] == "you should"
    assert finding.span == (finding.start, finding.end)
    assert finding.severity is Severity.ERROR


def test_findings_are_frozen() -> None:
    """Finding is immutable."""
    finding = check("Good job.")[0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        finding.message = "x"  # type: ignore[misc]


def test_finding_rejects_bad_span() -> None:
    """A Finding cannot be built with an end before its start."""
    with pytest.raises(ValidationError):
        Finding(Rule.LABEL, "x", (3, 1))


def test_unknown_move_raises() -> None:
    """An unknown move is a ValidationError naming the field."""
    with pytest.raises(ValidationError, match="move"):
        check("You want to quit.", move="lecture")


def test_move_accepts_enum() -> None:
    """The Move enum works as the move argument."""
    assert check("You want to quit.", move=Move.REFLECTION) == []


def test_is_mi_consistent() -> None:
    """is_mi_consistent is False on errors and True on warnings only."""
    assert is_mi_consistent("You want to quit.", move="reflection")
    assert not is_mi_consistent("You should quit.", move="reflection")
    assert is_mi_consistent("You want to quit. then you hesitate.")


def test_module_is_public() -> None:
    """mikit.fidelity is reachable as a submodule of mikit."""
    assert mikit.fidelity.check is check


def test_capital_later_sentence_is_warning() -> None:
    """A lower-case letter opening a later sentence is a warning, not an error."""
    (finding,) = check("You want to quit. then you hesitate.")
    assert finding.rule is Rule.CAPITAL
    assert finding.severity is Severity.WARNING


_MOVES = st.sampled_from([None, *[m.value for m in Move]])


@given(st.text(), _MOVES)
def test_any_text_never_crashes(text: str, move: str | None) -> None:
    """check returns findings with spans inside the text for any string and move."""
    findings = check(text, move=move)
    assert all(0 <= f.start <= f.end <= len(text) for f in findings)
    assert findings == sorted(findings, key=lambda f: f.span)


@given(
    st.lists(
        st.sampled_from(
            [
                "you",
                "should",
                "need",
                "to",
                "if",
                "don't",
                "will",
                "a",
                "an",
                "hour",
                "I",
                "think",
                "{{",
                "None",
                ",",
                ".",
                "?",
                " ",
                "  ",
                "addict",
                "why",
                "what",
            ]
        ),
        max_size=40,
    ),
    _MOVES,
)
def test_phrase_soup_never_crashes(pieces: list[str], move: str | None) -> None:
    """Texts built from rule words never crash and give valid spans."""
    text = " ".join(pieces)
    for finding in check(text, move=move):
        assert 0 <= finding.start <= finding.end <= len(text)


def test_long_text_is_handled() -> None:
    """A long text (a hundred thousand words) is checked without blow-up."""
    text = "You feel you need to quit , and {{ x }}  maybe a hour. " * 10_000
    findings = check(text, move="reflection")
    assert len(findings) > 40_000
