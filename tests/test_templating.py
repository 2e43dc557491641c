"""The template engine: packaged templates, variants, user directories and the sandbox."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import mikit
from mikit import templating
from mikit.errors import OutputTooLargeError, TemplateError, TemplateNotFoundError
from mikit.templating import Engine, choose, render_user_template

PACKAGE_TEMPLATES = Path(templating.__file__).parent / "templates"


def test_render_packaged_template() -> None:
    """A packaged template renders by its path."""
    out = mikit.render("en/ask/key_question/1.j2", goal="quitting smoking")
    assert out == "What do you think you'll do?"


def test_unknown_template_raises_not_found() -> None:
    """An unknown template name raises TemplateNotFoundError naming it."""
    with pytest.raises(TemplateNotFoundError, match="nope"):
        mikit.render("en/nope.j2")


def test_missing_variable_raises_template_error_with_name() -> None:
    """StrictUndefined: a missing variable raises TemplateError naming the template."""
    with pytest.raises(TemplateError, match=r"en/reflect/simple/1\.j2"):
        mikit.render("en/reflect/simple/1.j2")


def test_variants_lists_every_file_of_a_move() -> None:
    """template_variants lists each file in a move's folder, in numeric order."""
    names = mikit.template_variants("en/reflect/simple")
    files = sorted((PACKAGE_TEMPLATES / "en/reflect/simple").glob("*.j2"))
    assert len(names) == len(files) >= 2
    assert names[0].endswith("/1.j2")


def test_variants_of_root_lists_every_packaged_template() -> None:
    """template_variants("en") lists every .j2 file shipped in the package."""
    on_disk = {
        p.relative_to(PACKAGE_TEMPLATES).as_posix()
        for p in (PACKAGE_TEMPLATES / "en").rglob("*.j2")
    }
    assert set(mikit.template_variants("en")) == on_disk


def test_variants_of_unknown_move_raises() -> None:
    """An unknown move raises TemplateNotFoundError."""
    with pytest.raises(TemplateNotFoundError):
        mikit.template_variants("en/no/such/move")


def test_variant_of_a_single_template_is_itself() -> None:
    """A template path lists itself as its only variant."""
    assert mikit.template_variants("en/ask/key_question/1.j2") == ["en/ask/key_question/1.j2"]


def test_user_dir_overrides_and_adds_variants(tmp_path: Path) -> None:
    """A user directory overrides a packaged variant and adds new ones."""
    move = tmp_path / "en" / "ask" / "key_question"
    move.mkdir(parents=True)
    (move / "1.j2").write_text("What will you do next, {{ goal }}-wise?\n", encoding="utf-8")
    (move / "9.j2").write_text("How will you start?\n", encoding="utf-8")
    engine = Engine(user_dir=tmp_path)
    assert engine.render("en/ask/key_question/1.j2", goal="x") == "What will you do next, x-wise?"
    assert engine.variants("en/ask/key_question")[-1] == "en/ask/key_question/9.j2"
    assert "en/ask/key_question/9.j2" not in mikit.template_variants("en/ask/key_question")


def test_configure_replaces_the_default_engine(tmp_path: Path) -> None:
    """configure(user_dir=...) swaps the default engine; configure() restores it."""
    move = tmp_path / "en" / "ask" / "key_question"
    move.mkdir(parents=True)
    (move / "1.j2").write_text("What now?", encoding="utf-8")
    try:
        templating.configure(user_dir=tmp_path)
        assert mikit.render("en/ask/key_question/1.j2") == "What now?"
    finally:
        templating.configure()
    assert mikit.render("en/ask/key_question/1.j2") == "What do you think you'll do?"


def test_compiled_template_is_cached() -> None:
    """The engine compiles a template once and reuses it."""
    engine = Engine()
    assert engine.template("en/reflect/simple/1.j2") is engine.template("en/reflect/simple/1.j2")


@given(st.text())
def test_client_text_is_data_never_source(text: str) -> None:
    """Any client text passed as a variable comes back unchanged, never compiled."""
    assert render_user_template("{{ said }}", said=text) == text


def test_template_syntax_in_client_text_comes_back_literally() -> None:
    """Client text holding Jinja syntax is returned literally by a reflection."""
    out = mikit.reflect("{{ 7*7 }} and {% for x in y %}")
    assert "{{ 7*7 }}" in out
    assert "{% for x in y %}" in out
    assert "49" not in out


def test_filters_are_registered() -> None:
    """The MI filters work inside templates."""
    src = "{{ 'so I quit' | second_person }}|{{ 'exercise more' | gerund }}|{{ 8 | a_an }}|"
    out = render_user_template(src + "{{ xs | join_list }}", xs=["a", "b", "c"])
    assert out == "so you quit|exercising more|an 8|a, b, and c"


def test_sentence_and_question_filters() -> None:
    """sentence ends a statement with '.', question ends with '?'."""
    assert render_user_template("{{ 'you want to quit' | sentence }}").endswith(".")
    assert render_user_template("{{ 'what now' | question }}").endswith("?")


def test_user_template_output_is_capped() -> None:
    """Output past max_output characters raises OutputTooLargeError."""
    with pytest.raises(OutputTooLargeError):
        render_user_template("{% for i in range(5000) %}xxxxxxxxxx{% endfor %}", max_output=1000)


def test_user_template_range_is_capped() -> None:
    """range() longer than the cap raises OutputTooLargeError before looping."""
    with pytest.raises(OutputTooLargeError):
        render_user_template("{% for i in range(10**8) %}{% endfor %}")


def test_user_template_repetition_is_capped() -> None:
    """String repetition past the cap raises before allocating."""
    with pytest.raises(OutputTooLargeError):
        render_user_template("{{ 'x' * 1000000000 }}")


def test_user_template_cannot_reach_python_internals() -> None:
    """The sandbox forbids attribute access to internals."""
    with pytest.raises(TemplateError):
        render_user_template("{{ ''.__class__.__mro__ }}")


def test_user_template_cannot_mutate_data() -> None:
    """The immutable sandbox forbids changing the data it is given."""
    items = [1]
    with pytest.raises(TemplateError):
        render_user_template("{{ items.append(2) }}", items=items)
    assert items == [1]


def test_user_template_syntax_error_is_template_error() -> None:
    """A syntax error in user source raises TemplateError with the line."""
    with pytest.raises(TemplateError, match=":1:"):
        render_user_template("{% for %}")


@given(st.text(max_size=200))
def test_any_user_source_renders_or_raises_template_error(source: str) -> None:
    """Any source string renders to a str or raises a TemplateError."""
    try:
        out = render_user_template(source, max_output=10_000)
    except TemplateError:
        return
    assert isinstance(out, str)


@given(st.integers(min_value=1, max_value=20), st.integers())
def test_choose_is_deterministic_and_in_range(count: int, seed: int) -> None:
    """choose gives the same index for the same seed, within range."""
    assert choose(count, seed) == choose(count, seed)
    assert 0 <= choose(count, seed) < count


def test_second_person_filter_lowercases_a_shifted_opening_pronoun() -> None:
    """Inside a template, the client's opening "I"/"My" becomes "you"/"your"."""
    from mikit.templating import render_user_template

    out = render_user_template("So {{ said | second_person }}.", said="I miss her")
    assert out == "So you miss her."
    out = render_user_template("So {{ said | second_person }}.", said="My kids matter")
    assert out == "So your kids matter."
    out = render_user_template("So {{ said | second_person }}.", said="Mike said I can")
    assert out == "So Mike said you can."
