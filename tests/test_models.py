"""The models reject invalid states with errors that name the field."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import mikit
from mikit import (
    Action,
    Case,
    Direction,
    Effect,
    Goal,
    GoalNotFoundError,
    Period,
    Ruler,
    Source,
    Speaker,
    Transcript,
    Utterance,
    ValidationError,
    Value,
)


def test_ruler_is_an_int_from_0_to_10() -> None:
    """A Ruler is an int and accepts the ends of the scale."""
    assert Ruler(0) == 0
    assert Ruler(10) == 10
    assert isinstance(Ruler(7), int)
    assert str(Ruler(7)) == "7"
    assert repr(Ruler(7)) == "Ruler(7)"


@pytest.mark.parametrize("score", [-1, 11, 7.0, True, "7", None])
def test_ruler_rejects_anything_else(score: object) -> None:
    """A Ruler refuses values off the scale, floats, bools and strings."""
    with pytest.raises(ValidationError, match=r"must be an integer 0\.\.10"):
        Ruler(score)  # type: ignore[arg-type]


def test_goal_importance_11_names_the_field() -> None:
    """An importance of 11 raises an error naming importance."""
    with pytest.raises(ValidationError) as info:
        Goal(id="g", statement="quit smoking", importance=11)
    assert str(info.value) == "importance: must be an integer 0..10, got 11"
    assert info.value.path == "importance"


def test_goal_confidence_off_scale_names_the_field() -> None:
    """A confidence of -1 raises an error naming confidence."""
    with pytest.raises(ValidationError, match=r"^confidence: "):
        Goal(id="g", statement="quit smoking", confidence=-1)


def test_goal_rulers_become_rulers() -> None:
    """Plain ints given for rulers are stored as Ruler."""
    goal = Goal(id="g", statement="quit smoking", importance=8, confidence=3, readiness=5)
    assert isinstance(goal.importance, Ruler)
    assert (goal.importance, goal.confidence, goal.readiness) == (8, 3, 5)


def test_target_without_direction_is_refused() -> None:
    """A target needs a direction."""
    with pytest.raises(ValidationError, match=r"^target: a target needs a direction"):
        Goal(id="g", statement="quit smoking", target=0)


def test_decrease_target_above_baseline_is_refused() -> None:
    """A decrease whose target lies above the baseline is a contradiction."""
    with pytest.raises(ValidationError, match="above the baseline"):
        Goal(id="g", statement="drink less", direction="decrease", baseline=2, target=5)


def test_increase_target_below_baseline_is_refused() -> None:
    """An increase whose target lies below the baseline is a contradiction."""
    with pytest.raises(ValidationError, match="below the baseline"):
        Goal(id="g", statement="walk more", direction="increase", baseline=5, target=2)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("id", "", "id: must not be empty"),
        ("id", "   ", "id: must not be empty"),
        ("statement", 5, "statement: must be a string, got int"),
        ("per", "fortnight", "per: must be one of day, week, month, got 'fortnight'"),
        ("direction", "up", "direction: must be one of increase, decrease, maintain"),
        ("source", "mum", "source: must be one of self, other, should"),
        ("baseline", -1, "baseline: must not be negative"),
        ("baseline", float("nan"), "baseline: must be a number"),
        ("baseline", True, "baseline: must be a number"),
        ("values", "health", "values: must be a list of values"),
    ],
)
def test_goal_field_errors(field: str, value: object, message: str) -> None:
    """Each invalid goal field raises an error that starts with its name."""
    kwargs: dict[str, object] = {"id": "g", "statement": "quit smoking", field: value}
    with pytest.raises(ValidationError) as info:
        Goal(**kwargs)  # type: ignore[arg-type]
    assert str(info.value).startswith(message)


def test_goal_values_repeat_is_refused() -> None:
    """A goal cannot serve the same value twice."""
    with pytest.raises(ValidationError, match=r"^values\[1\]: 'health' is listed twice"):
        Goal(id="g", statement="quit smoking", values=["health", "health"])


def test_goal_accepts_strings_for_enums_and_values() -> None:
    """Strings are read as the matching enum members and values."""
    goal = Goal(
        id="g",
        statement="quit smoking",
        per="day",
        direction="decrease",
        source="should",
        values=["health"],
    )
    assert goal.per is Period.DAY
    assert goal.direction is Direction.DECREASE
    assert goal.source is Source.SHOULD
    assert goal.values == (Value("health"),)


def test_goal_measured() -> None:
    """A goal is measured when it has a direction and a target."""
    assert Goal(id="g", statement="x", direction="decrease", target=0).measured
    assert not Goal(id="g", statement="x", direction="decrease").measured


def test_action_fields() -> None:
    """An action needs a goal and a description; the rest is optional."""
    action = Action(goal="smoking", description="smoked at a party")
    assert action.when is None
    assert action.amount is None
    assert action.effect is None
    assert Action(goal="g", description="ran", effect="toward").effect is Effect.TOWARD


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"goal": "", "description": "x"}, "goal: must not be empty"),
        ({"goal": "g", "description": ""}, "description: must not be empty"),
        ({"goal": "g", "description": "x", "amount": -3}, "amount: must not be negative"),
        ({"goal": "g", "description": "x", "when": "2026-01-01"}, "when: must be a date"),
        ({"goal": "g", "description": "x", "effect": "sideways"}, "effect: must be one of"),
    ],
)
def test_action_field_errors(kwargs: dict[str, object], message: str) -> None:
    """Each invalid action field raises an error that starts with its name."""
    with pytest.raises(ValidationError) as info:
        Action(**kwargs)  # type: ignore[arg-type]
    assert str(info.value).startswith(message)


def test_utterance_speaker_aliases() -> None:
    """'therapist' and 'counsellor' are read as the counselor."""
    assert Utterance("therapist", "Hello").speaker is Speaker.COUNSELOR
    assert Utterance("counsellor", "Hello").speaker is Speaker.COUNSELOR
    assert Utterance("client", "Hi").is_client


def test_utterance_unknown_speaker() -> None:
    """An unknown speaker is named in the error."""
    with pytest.raises(ValidationError, match=r"^speaker: must be one of client, counselor"):
        Utterance("dog", "woof")


def test_utterance_annotations_are_read_only() -> None:
    """Annotations are copied and cannot be changed through the utterance."""
    labels = {"talk": "change"}
    utterance = Utterance("client", "I want to quit.", annotations=labels)
    labels["talk"] = "sustain"
    assert utterance.annotations["talk"] == "change"
    with pytest.raises(TypeError):
        utterance.annotations["talk"] = "x"  # type: ignore[index]
    assert hash(utterance) == hash(Utterance("client", "I want to quit."))


def test_utterance_annotations_must_be_strings() -> None:
    """Annotation values must be strings."""
    with pytest.raises(ValidationError, match=r"^annotations: "):
        Utterance("client", "x", annotations={"n": 1})  # type: ignore[dict-item]


def test_transcript_is_a_sequence() -> None:
    """A transcript supports len, iteration and indexing."""
    transcript = Transcript(
        (Utterance("counselor", "What brings you here?"), Utterance("client", "My drinking."))
    )
    assert len(transcript) == 2
    assert [u.speaker for u in transcript] == [Speaker.COUNSELOR, Speaker.CLIENT]
    assert transcript[1].text == "My drinking."
    assert transcript[:1] == (transcript[0],)
    assert transcript.client_utterances == (transcript[1],)


def test_transcript_rejects_non_utterances() -> None:
    """A transcript holds only utterances."""
    with pytest.raises(ValidationError, match=r"^utterances\[0\]: must be an Utterance"):
        Transcript(("hello",))  # type: ignore[arg-type]


def _goal(goal_id: str, **kwargs: object) -> Goal:
    return Goal(id=goal_id, statement="quit smoking", **kwargs)  # type: ignore[arg-type]


def test_case_duplicate_goal_ids() -> None:
    """Two goals with one id are refused, naming the second."""
    with pytest.raises(ValidationError) as info:
        Case(goals=[_goal("smoking"), _goal("walking"), _goal("smoking")])
    assert str(info.value) == "goals[2].id: duplicate goal id 'smoking' (also goals[0])"


def test_case_action_for_unknown_goal() -> None:
    """An action naming a goal the case does not have is refused, with a hint."""
    with pytest.raises(ValidationError) as info:
        Case(goals=[_goal("smoking")], actions=[Action(goal="smokin", description="x")])
    assert str(info.value) == (
        "actions[0].goal: no goal has the id 'smokin' (did you mean 'smoking'?)"
    )


def test_case_goal_value_must_be_listed() -> None:
    """A goal may only serve values the case lists."""
    with pytest.raises(ValidationError, match=r"^goals\[0\]\.values\[0\]: 'kids' is not one"):
        Case(values=["health"], goals=[_goal("smoking", values=["kids"])])


def test_case_values_repeat() -> None:
    """A case lists each value once."""
    with pytest.raises(ValidationError, match=r"^values\[1\]: 'health' is listed twice"):
        Case(values=["health", "health"])


def test_case_items_must_be_models() -> None:
    """Goals and actions must be model instances."""
    with pytest.raises(ValidationError, match=r"^goals\[0\]: must be a Goal"):
        Case(goals=[{"id": "g"}])  # type: ignore[list-item]


def test_case_transcript_from_utterances() -> None:
    """A case accepts a plain list of utterances as its transcript."""
    case = Case(transcript=[Utterance("client", "Hi")])
    assert isinstance(case.transcript, Transcript)


def test_case_goal_lookup() -> None:
    """Case.goal finds a goal by id and raises GoalNotFoundError otherwise."""
    case = Case(goals=[_goal("smoking")], actions=[Action(goal="smoking", description="x")])
    assert case.goal("smoking").id == "smoking"
    assert case.actions_for("smoking") == case.actions
    with pytest.raises(GoalNotFoundError, match="did you mean 'smoking'"):
        case.goal("smokng")
    with pytest.raises(LookupError):
        case.goal("nothing-like-it")


def test_models_are_frozen() -> None:
    """Models cannot be changed after they are built."""
    goal = _goal("smoking")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        goal.id = "other"  # type: ignore[misc]


def test_errors_inherit_builtins() -> None:
    """Every mikit error is a MikitError and the matching builtin."""
    assert issubclass(mikit.ValidationError, ValueError)
    assert issubclass(mikit.ValidationError, mikit.MikitError)
    assert issubclass(mikit.GoalNotFoundError, LookupError)
    assert issubclass(mikit.FileReadError, OSError)
    assert issubclass(mikit.JSONSyntaxError, ValueError)
    assert issubclass(mikit.TemplateNotFoundError, LookupError)


def test_when_accepts_dates_and_datetimes() -> None:
    """An action's when is a date or a datetime."""
    day = dt.date(2026, 11, 20)
    moment = dt.datetime(2026, 11, 20, 21, 30, tzinfo=dt.timezone.utc)
    assert Action(goal="g", description="x", when=day).when == day
    assert Action(goal="g", description="x", when=moment).when == moment
