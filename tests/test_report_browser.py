"""The HTML report opened in headless Chromium: its parts show, no script runs, nothing loads.

Needs Playwright (``pip install playwright``) and a Chromium binary (Debian's
``chromium`` package; ``.ci/install-browser.sh`` installs it). Skipped without them.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from mikit import Action, Case, Goal, Transcript, Utterance
from mikit.report import write_report

if TYPE_CHECKING:
    from collections.abc import Iterator

CHROMIUM = os.environ.get("MIKIT_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAYLOAD = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2;alert(1)">'

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - depends on the environment
    sync_playwright = None  # type: ignore[assignment]

pytestmark = [
    pytest.mark.skipif(sync_playwright is None, reason="playwright is not installed"),
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM}"),
]

TRANSCRIPT = Transcript(
    [
        Utterance("counselor", "Thanks for coming in. What would you like to talk about?"),
        Utterance("client", "My smoking. I want to quit for my kids."),
        Utterance("counselor", "Being there for your kids matters a lot to you."),
        Utterance("client", "It does. But smoking is how I relax, and I enjoy it."),
        Utterance("counselor", "Smoking helps you unwind, and you also want to quit for them."),
        Utterance("client", f"Honestly I don't know. {PAYLOAD}"),
        Utterance("counselor", "Have you tried to quit before?"),
        Utterance("client", "Yes, and I was able to stop for a month last year."),
        Utterance("counselor", "You managed a whole month. What helped?"),
        Utterance("client", "Walking after dinner. I'm going to start that again this week."),
    ]
)

CASE = Case(
    client="Sam",
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
        Goal(id="walking", statement="walk three times a week", importance=3, source="should"),
    ],
    actions=[
        Action(goal="smoking", description="smoked at a party", amount=25, effect="away"),
        Action(goal="smoking", description="smoked after an argument", amount=18, effect="away"),
        Action(goal="smoking", description="went for a run instead", amount=9, effect="toward"),
    ],
    transcript=TRANSCRIPT,
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    assert sync_playwright is not None
    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def _open(browser: Any, path: Path) -> tuple[Any, dict[str, list[str]]]:
    seen: dict[str, list[str]] = {"requests": [], "dialogs": [], "errors": [], "console": []}
    page = browser.new_page(viewport={"width": 1100, "height": 900})

    def on_dialog(dialog: Any) -> None:
        seen["dialogs"].append(dialog.message)
        dialog.dismiss()

    page.on("request", lambda request: seen["requests"].append(request.url))
    page.on("dialog", on_dialog)
    page.on("pageerror", lambda error: seen["errors"].append(str(error)))
    page.on("console", lambda message: seen["console"].append(message.text))
    page.goto(path.as_uri(), wait_until="load")
    return page, seen


def _keep_screenshot(page: Any, tmp_path: Path, name: str) -> Path:
    shot = tmp_path / name
    page.screenshot(path=str(shot), full_page=True)
    keep = os.environ.get("MIKIT_SCREENSHOT_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(keep) / name)
    return shot


def test_case_report_in_the_browser(browser: Any, tmp_path: Path) -> None:
    """The case report shows every part, runs no script and requests nothing but itself."""
    path = write_report(CASE, tmp_path / "case-report.html")
    page, seen = _open(browser, path)
    try:
        assert page.locator("#conversation li.turn").count() == len(TRANSCRIPT)
        assert page.locator("#talk svg.talk-chart polyline").count() == 2
        assert page.locator("#miti svg.score-chart line.threshold").count() == 6
        assert page.locator("#goals tbody tr").count() == 2
        assert page.locator("#discrepancies li.discrepancy").count() >= 1
        assert page.locator("#discrepancies .response").count() >= 1
        for selector in ("svg.talk-chart", "svg.score-chart", "#conversation"):
            box = page.locator(selector).bounding_box()
            assert box is not None
            assert box["width"] > 200
            assert box["height"] > 50
        # The payload is visible as text, and it did not run.
        assert "<script>window.__pwned=1</script>" in page.locator("#conversation").inner_text()
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.locator("#conversation script, #conversation img").count() == 0
        assert seen["dialogs"] == []
        assert seen["errors"] == []
        assert seen["requests"] == [path.as_uri()]
        shot = _keep_screenshot(page, tmp_path, "mikit-case-report.png")
        assert shot.stat().st_size > 10_000
    finally:
        page.close()


def test_transcript_report_in_the_browser(browser: Any, tmp_path: Path) -> None:
    """A transcript report has the conversation and both charts but no case sections."""
    path = write_report(TRANSCRIPT, tmp_path / "transcript-report.html")
    page, seen = _open(browser, path)
    try:
        assert page.locator("#conversation li.turn.client").count() == 5
        assert page.locator("#conversation .tag.talk-change").count() >= 1
        assert page.locator("#conversation .tag.reflection").count() >= 1
        assert page.locator("svg").count() == 2
        assert page.locator("#discrepancies").count() == 0
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert seen["dialogs"] == []
        assert seen["requests"] == [path.as_uri()]
        # A blocked load would show as a CSP message in the console.
        assert not [m for m in seen["console"] if "Content Security Policy" in m]
        _keep_screenshot(page, tmp_path, "mikit-transcript-report.png")
    finally:
        page.close()


def test_risk_turn_is_visible_in_the_browser(browser: Any, tmp_path: Path) -> None:
    """A client turn with risk language is flagged where a reader will see it."""
    risky = Transcript(
        [
            Utterance("counselor", "How have you been since we last met?"),
            Utterance("client", "Honestly, some nights I want to kill myself."),
        ]
    )
    path = write_report(risky, tmp_path / "risk-report.html")
    page, _ = _open(browser, path)
    try:
        assert page.locator("#risk-note").is_visible()
        assert page.locator("#conversation li.turn.risk .tag.risk").is_visible()
    finally:
        page.close()
