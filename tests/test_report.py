"""Tests for the HTML report and its inline SVG charts."""

from __future__ import annotations

import html
import json
import math
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import escape

from mikit import Action, Case, Goal, Talk, Transcript, Utterance, ValidationError
from mikit.cli.main import main
from mikit.report import ScoreBar, render_report, score_chart, talk_chart, write_report
from mikit.report.svg import number

if TYPE_CHECKING:
    from pathlib import Path

SVG_NS = "{http://www.w3.org/2000/svg}"
PAYLOAD = "<script>window.__pwned=1</script><img src=x onerror=alert(1)>"

TRANSCRIPT = Transcript(
    [
        Utterance("counselor", "What brings you here today?"),
        Utterance("client", "I want to quit smoking for my kids."),
        Utterance("counselor", "Your kids matter a lot to you."),
        Utterance("client", "But smoking is how I relax and I don't want to give that up."),
        Utterance("counselor", "Do you smoke every day?"),
        Utterance("client", f"Yes. {PAYLOAD}"),
        Utterance("counselor", "Smoking helps you unwind, and you also want to be there for them."),
        Utterance("client", "I'm going to try not smoking in the car this week."),
    ],
    id="t-1",
)

CASE = Case(
    client="Sam <b>",
    values=["health", "my kids"],
    goals=[
        Goal(
            id="smoking",
            statement="quit smoking",
            behavior="smoking",
            unit="cigarettes",
            per="day",
            direction="decrease",
            baseline=20,
            target=0,
            importance=8,
            confidence=3,
            source="self",
            values=["health", "my kids"],
        ),
        Goal(id="walk", statement="walk more", importance=2, source="should"),
    ],
    actions=[Action(goal="smoking", description="smoked at a party", amount=25, effect="away")],
    transcript=TRANSCRIPT,
)


def _svgs(page: str) -> list[ET.Element]:
    blocks = re.findall(r"<svg\b.*?</svg>", page, flags=re.DOTALL)
    return [ET.fromstring(block) for block in blocks]


def _one_svg(markup: str) -> ET.Element:
    return ET.fromstring(str(markup))


# --- svg.number -----------------------------------------------------------------


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_number_is_always_plain_decimal(value: float) -> None:
    """number() never writes nan, inf or an exponent, whatever float it gets."""
    text = number(value)
    assert re.fullmatch(r"-?\d+(\.\d+)?", text), text


@given(st.floats(min_value=-1e6, max_value=1e6))
def test_number_stays_close_to_the_value(value: float) -> None:
    """number() rounds finite values to one decimal place."""
    assert abs(float(number(value)) - value) <= 0.05 + 1e-9


# --- talk chart ------------------------------------------------------------------


@given(st.lists(st.sampled_from(["change", "sustain", "neutral", Talk.CHANGE, "other"])))
def test_talk_chart_is_well_formed_and_counts_right(talk: list[str]) -> None:
    """The talk chart parses as XML and its legend gives the right totals."""
    svg = talk_chart(talk)
    root = _one_svg(svg)
    assert root.tag == f"{SVG_NS}svg"
    change = sum(str(t) == "change" for t in talk)
    sustain = sum(str(t) == "sustain" for t in talk)
    texts = [t.text for t in root.iter(f"{SVG_NS}text")]
    assert f"Change talk: {change}" in texts
    assert f"Sustain talk: {sustain}" in texts


def test_talk_chart_draws_one_point_per_turn() -> None:
    """Each line of the talk chart has a point for the start and each client turn."""
    root = _one_svg(talk_chart(["change", "neutral", "sustain", "change"]))
    lines = list(root.iter(f"{SVG_NS}polyline"))
    assert len(lines) == 2
    assert all(len(line.get("points", "").split()) == 5 for line in lines)


def test_talk_chart_without_turns_says_so() -> None:
    """An empty conversation gives a chart that says there are no client turns."""
    root = _one_svg(talk_chart([]))
    assert not list(root.iter(f"{SVG_NS}polyline"))
    assert "No client turns yet" in [t.text for t in root.iter(f"{SVG_NS}text")]


@given(st.text())
def test_talk_chart_escapes_its_title(title: str) -> None:
    """Any title is escaped: the chart still parses and the title reads back as given."""
    root = _one_svg(talk_chart(["change"], title=title))
    element = root.find(f"{SVG_NS}title")
    assert element is not None
    if all(ch.isprintable() and not 0xD800 <= ord(ch) <= 0xDFFF for ch in title):
        assert (element.text or "") == title.replace("\ufffe", "").replace("\uffff", "")


# --- score chart -----------------------------------------------------------------

finite_or_not = st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True))


@given(
    st.lists(
        st.builds(
            ScoreBar,
            label=st.text(alphabet=st.characters(categories=["L", "P", "S", "N"])),
            value=finite_or_not,
            fair=st.floats(allow_nan=True, allow_infinity=True),
            good=st.floats(allow_nan=True, allow_infinity=True),
            maximum=st.floats(allow_nan=True, allow_infinity=True),
            shown=st.text(alphabet=st.characters(categories=["L", "P", "S", "N"])),
        ),
        max_size=5,
    )
)
def test_score_chart_is_well_formed_for_any_numbers(bars: list[ScoreBar]) -> None:
    """Any values, NaN and infinities included, give well-formed SVG with finite geometry."""
    root = _one_svg(score_chart(bars))
    for element in root.iter():
        for name in ("x", "y", "x1", "x2", "y1", "y2", "width", "height"):
            value = element.get(name)
            if value is not None and value != "100%":
                assert math.isfinite(float(value))


def test_score_chart_draws_fair_and_good_lines() -> None:
    """Each bar gets a threshold line for fair and one for good, at the right places."""
    bar = ScoreBar(label="R:Q", value=1.5, fair=1, good=2, maximum=4, shown="1.5:1")
    root = _one_svg(score_chart([bar]))
    lines = [el for el in root.iter(f"{SVG_NS}line") if el.get("class") == "threshold"]
    xs = sorted(float(el.get("x1", "nan")) for el in lines)
    assert len(xs) == 2
    rects = [el for el in root.iter(f"{SVG_NS}rect") if el.get("class") == "score-bar"]
    start = float(rects[0].get("x", "nan"))
    width = float(rects[0].get("width", "nan"))
    # The bar ends halfway between the fair (1) and good (2) lines on a 0..4 scale.
    assert xs[0] < start + width < xs[1]
    assert "fair" in [t.text for t in root.iter(f"{SVG_NS}text")]


@pytest.mark.parametrize(
    ("value", "level"),
    [
        (None, "not scored"),
        (float("nan"), "not scored"),
        (0.5, "below fair"),
        (1.0, "fair"),
        (2.0, "good"),
    ],
)
def test_score_bar_level_follows_the_thresholds(value: float | None, level: str) -> None:
    """A bar's level is good at or above good, fair at or above fair, else below fair."""
    assert ScoreBar(label="R:Q", value=value, fair=1, good=2, maximum=3, shown="").level == level


def test_score_chart_escapes_labels() -> None:
    """A label holding markup is shown as text, not parsed as elements."""
    bar = ScoreBar(label="<a href='x'>", value=1, fair=1, good=2, maximum=3, shown="&")
    root = _one_svg(score_chart([bar]))
    assert not list(root.iter(f"{SVG_NS}a"))
    assert "<a href='x'>" in [t.text for t in root.iter(f"{SVG_NS}text")]


# --- the page ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def transcript_page() -> str:
    return render_report(TRANSCRIPT)


@pytest.fixture(scope="module")
def case_page() -> str:
    return render_report(CASE)


def test_page_shows_script_in_transcript_as_text(transcript_page: str) -> None:
    """Markup in what was said is escaped: shown on the page, never live."""
    assert "<script" not in transcript_page.lower()
    assert "<img" not in transcript_page.lower()
    assert str(escape(PAYLOAD)) in transcript_page


def test_page_has_every_part(transcript_page: str) -> None:
    """A transcript report has the conversation, the talk chart and the MITI chart."""
    for part in ('id="conversation"', 'id="talk"', 'id="miti"', "talk-chart", "score-chart"):
        assert part in transcript_page
    assert 'id="discrepancies"' not in transcript_page


def test_page_marks_each_turn(transcript_page: str) -> None:
    """Every utterance appears once, with a talk tag on client turns."""
    assert transcript_page.count('<li class="turn') == len(TRANSCRIPT)
    assert "talk-change" in transcript_page
    assert "reflection</span>" in transcript_page
    assert "question</span>" in transcript_page


def test_page_charts_are_well_formed_svg(case_page: str) -> None:
    """Every inline SVG on the page parses as XML."""
    svgs = _svgs(case_page)
    assert len(svgs) == 2
    assert all(svg.tag == f"{SVG_NS}svg" for svg in svgs)


class _Markup(HTMLParser):
    """Collects the tags, the attributes and the style text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str]] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes.extend((name, value or "") for name, value in attrs)
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


def test_page_loads_nothing_from_outside(case_page: str) -> None:
    """No script, frame, link, image or other loader; no URL in any attribute or style."""
    markup = _Markup()
    markup.feed(case_page)
    assert markup.tags.isdisjoint({"script", "link", "iframe", "img", "object", "embed", "base"})
    names = {name for name, _ in markup.attributes}
    assert names.isdisjoint({"src", "href", "srcset", "action", "background"})
    assert not [name for name in names if name.startswith("on")]
    for name, value in markup.attributes:
        if name != "xmlns":
            assert "//" not in value, (name, value)
    css = "".join(markup.styles)
    assert "url(" not in css
    assert "@import" not in css


def test_page_sets_a_strict_content_security_policy(case_page: str) -> None:
    """The page forbids scripts and remote loads through its CSP meta tag."""
    assert "Content-Security-Policy" in case_page
    assert "default-src 'none'" in case_page


def test_case_page_shows_goals_and_discrepancies(case_page: str) -> None:
    """A case report lists the goals and the ranked discrepancies with responses."""
    assert 'id="goals"' in case_page
    assert 'id="discrepancies"' in case_page
    assert "quit smoking" in case_page
    assert 'class="discrepancy"' in case_page
    assert "Suggested response" in case_page
    assert "Sam &lt;b&gt;" in case_page


def test_risk_language_is_flagged() -> None:
    """A client turn with risk language is tagged and announced at the top."""
    page = render_report(
        Transcript(
            [
                Utterance("counselor", "How have things been?"),
                Utterance("client", "Sometimes I think about killing myself."),
            ]
        )
    )
    assert "risk language" in page
    assert 'role="alert"' in page


def test_template_syntax_in_text_comes_back_literally() -> None:
    """Client text with template syntax is data: it is shown as typed."""
    page = render_report(Transcript([Utterance("client", "{{ 7*7 }} {% for x in y %}")]))
    assert "{{ 7*7 }} {% for x in y %}" in page
    assert ">49<" not in page


def test_empty_transcript_renders() -> None:
    """An empty transcript still gives a full page that says it is empty."""
    page = render_report(Transcript())
    assert "The transcript is empty." in page
    assert len(_svgs(page)) == 2


def test_title_is_escaped() -> None:
    """A title with markup is escaped in <title> and <h1>."""
    page = render_report(Transcript(), title="</title><script>x</script>")
    assert "<script>" not in page
    assert page.count("&lt;/title&gt;&lt;script&gt;") == 2


@given(st.text(max_size=200))
def test_any_text_is_escaped(text: str) -> None:
    """Whatever the client says appears escaped and opens no tag."""
    page = render_report(Transcript([Utterance("client", text)]))
    assert str(escape(text)) in page
    assert "<script" not in page


def test_render_report_refuses_other_types() -> None:
    """Only a Transcript, a Case or a CodedTranscript can be reported."""
    with pytest.raises(ValidationError, match="Transcript, a Case or a CodedTranscript"):
        render_report("hello")  # type: ignore[arg-type]


def test_coded_transcript_renders_like_the_transcript() -> None:
    """A transcript coded beforehand gives the same page as coding it in the report."""
    from mikit import code_transcript

    assert render_report(code_transcript(TRANSCRIPT)) == render_report(TRANSCRIPT)


def test_custom_client_coder_drives_the_page() -> None:
    """A client coder passed in decides the client codes shown on the page."""
    from mikit import ClientCode

    def all_sustain(text: str, *, target: object = None, previous: object = None) -> ClientCode:
        return ClientCode(talk="sustain", kind="reasons")

    page = render_report(TRANSCRIPT, client_coder=all_sustain)
    assert "talk-change" not in page.split('id="conversation"')[1].split("</p>", 1)[1]
    assert page.count('<li class="turn client talk-sustain') == 4


def test_write_report_writes_utf8(tmp_path: Path) -> None:
    """write_report writes the same page render_report returns, as UTF-8."""
    out = write_report(Transcript([Utterance("client", "Ça va — 🙂")]), tmp_path / "r.html")
    text = out.read_text(encoding="utf-8")
    assert "Ça va — 🙂" in text
    assert html.unescape(text).count("Ça va") == 1


# --- the command -------------------------------------------------------------------


def _transcript_file(tmp_path: Path) -> Path:
    path = tmp_path / "session.json"
    data = [{"speaker": str(u.speaker), "text": u.text} for u in TRANSCRIPT]
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_cli_reports_a_transcript_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`mikit report` writes a transcript report and says where."""
    out = tmp_path / "out.html"
    assert main(["report", str(_transcript_file(tmp_path)), "-o", str(out)]) == 0
    assert "transcript report" in capsys.readouterr().out
    assert 'id="conversation"' in out.read_text(encoding="utf-8")


def test_cli_detects_a_case_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A JSON object with goals is read as a case, and --json summarises the report."""
    from mikit import dump_case

    case_file = tmp_path / "case.json"
    dump_case(CASE, case_file)
    out = tmp_path / "case.html"
    assert main(["report", str(case_file), "-o", str(out), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["kind"] == "case"
    assert summary["utterances"] == len(TRANSCRIPT)
    assert 'id="discrepancies"' in out.read_text(encoding="utf-8")


def test_cli_writes_to_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`-o -` writes the page to standard output."""
    assert main(["report", str(_transcript_file(tmp_path)), "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")


def test_cli_reports_a_missing_file_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing input is one line on stderr and exit status 2."""
    assert main(["report", str(tmp_path / "nope.json"), "-o", str(tmp_path / "x.html")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("mikit report: error:")
    assert err.count("\n") == 1
