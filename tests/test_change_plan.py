"""change_plan: a worksheet filled from the case, with marked prompts where it holds nothing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mikit import Action, Case, ChangePlan, Goal, GoalNotFoundError, Utterance, ValidationError
from mikit import strategies as mst
from mikit.cli.demo import load_sample_case
from mikit.oars.plan import change_plan

SECTIONS = ["changes", "reasons", "steps", "support", "signs", "obstacles", "fallback"]


def bare_case() -> Case:
    return Case(goals=[Goal(id="sleep", statement="go to bed before midnight")])


def test_sections_come_in_worksheet_order() -> None:
    """The worksheet has the seven sections of an MI change plan, in order."""
    plan = change_plan(bare_case(), "sleep")
    assert [s.key for s in plan.sections] == SECTIONS


def test_unknown_goal_raises_goal_not_found() -> None:
    """An unknown goal id raises GoalNotFoundError with a hint."""
    with pytest.raises(GoalNotFoundError, match="did you mean 'sleep'"):
        change_plan(bare_case(), "slep")


def test_empty_sections_keep_prompts_marked_in_text() -> None:
    """A section the case holds nothing for shows its prompt, marked to fill in."""
    plan = change_plan(bare_case(), "sleep")
    support = plan.section("support")
    assert not support.filled
    assert "(to fill in) Who could help you with this, and how?" in plan.to_text()
    assert "- [ ] *To fill in:* Who could help you with this, and how?" in plan.to_markdown()


def test_changes_hold_the_goal_with_its_amounts() -> None:
    """The changes section names the goal and, when measured, from where to where."""
    plan = change_plan(load_sample_case(), "smoking")
    assert plan.section("changes").items == ("quit smoking: from 20 to 0 cigarettes a day",)


def test_reasons_come_from_values_rulers_and_words() -> None:
    """Reasons list the values served, the client's reasons talk and the importance score."""
    case = Case(
        values=["my kids"],
        goals=[
            Goal(
                id="s",
                statement="quit smoking",
                behavior="smoking",
                importance=8,
                values=["my kids"],
            )
        ],
        transcript=[Utterance("client", "I want to quit smoking for my kids.")],
    )
    items = change_plan(case, "s").section("reasons").items
    assert items[0] == "It serves what I care about: my kids"
    assert items[-1] == "It matters to me: 8 out of 10"


def test_first_step_is_small_and_concrete() -> None:
    """The first step of 20 -> 0 a day is 15 a day, with a confidence ruler question."""
    plan = change_plan(load_sample_case(), "smoking")
    first = plan.steps[0]
    assert first.text == "cut down to 15 cigarettes a day"
    assert "confident" in first.confidence_question
    assert "cut down to 15 cigarettes a day" in first.confidence_question


def test_every_step_has_a_confidence_ruler() -> None:
    """Each step carries a confidence question on a 0 to 10 scale."""
    plan = change_plan(load_sample_case(), "smoking")
    assert len(plan.steps) >= 2
    for step in plan.steps:
        assert "0 to 10" in step.confidence_question
        assert step.confidence_question.endswith("?")


def test_obstacles_and_fallback_come_from_actions() -> None:
    """Steps away become things that could get in the way; a step toward, what to go back to."""
    case = Case(
        goals=[Goal(id="gym", statement="go to the gym")],
        actions=[
            Action(goal="gym", description="skipped the gym after work", effect="away"),
            Action(goal="gym", description="went with a friend", effect="toward"),
        ],
    )
    plan = change_plan(case, "gym")
    assert plan.section("obstacles").items == ("times like this: skipped the gym after work",)
    assert plan.section("fallback").items == ("go back to what helped before: went with a friend",)
    assert plan.steps[0].text == "do again what helped: went with a friend"


def test_markdown_escapes_client_text() -> None:
    """Markdown and HTML in the client's words show as written."""
    case = Case(
        goals=[Goal(id="g", statement="drink *less* <b>beer</b>")],
        actions=[Action(goal="g", description="had [a] few_drinks", effect="away")],
    )
    markdown = change_plan(case, "g").to_markdown()
    assert "drink \\*less\\* &lt;b&gt;beer&lt;/b&gt;" in markdown
    assert "had \\[a\\] few\\_drinks" in markdown


def test_template_syntax_in_client_text_is_data() -> None:
    """Jinja syntax in a goal comes back literally."""
    case = Case(goals=[Goal(id="g", statement="{{ 7*7 }} less")])
    assert "{{ 7*7 }} less" in change_plan(case, "g").to_text()


def test_plan_to_dict_is_json_ready() -> None:
    """to_dict gives plain data with every section and step."""
    data = change_plan(load_sample_case(), "walking").to_dict()
    assert data["goal"] == "walking"
    assert [s["key"] for s in data["sections"]] == SECTIONS
    assert data["steps"][0]["text"] == "get to 1 walk a week"


@given(mst.cases(max_goals=3, max_actions=8))
def test_any_case_renders_for_every_goal(case: Case) -> None:
    """Every goal of any valid case gets a plan that renders as text and Markdown."""
    for goal in case.goals:
        plan = change_plan(case, goal.id)
        assert isinstance(plan, ChangePlan)
        assert plan.to_text().startswith("Change plan: ")
        assert plan.to_markdown().startswith("# Change plan: ")
        for section in plan.sections:
            assert section.filled or section.prompt


def test_bad_arguments_are_refused() -> None:
    """A non-Case or a non-string goal id raises ValidationError."""
    with pytest.raises(ValidationError, match="case: must be a Case"):
        change_plan({}, "g")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="goal_id: must be a string, got int"):
        change_plan(bare_case(), 3)  # type: ignore[arg-type]


@given(st.text())
def test_any_goal_id_string_is_found_or_not_found(goal_id: str) -> None:
    """Any string as a goal id gives a plan or GoalNotFoundError."""
    try:
        plan = change_plan(bare_case(), goal_id)
    except GoalNotFoundError:
        assert goal_id != "sleep"
    else:
        assert plan.goal.id == goal_id
