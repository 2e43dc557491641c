"""Every example runs from the repository root and prints real output; the docs cover the API."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import mikit
import mikit.errors

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def run(*args: str, stdin: str = "", timeout: float = 300) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONDONTWRITEBYTECODE": "1"}
    # The outer run's options (coverage floors, say) are not the example's.
    env.pop("PYTEST_ADDOPTS", None)
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        env=env,
        check=False,
    )


def test_every_example_is_tested() -> None:
    """Each example script has a test here, so none can rot unnoticed."""
    tested = {
        "quickstart.py",
        "analyze_case.py",
        "code_transcript.py",
        "mi_chat.py",
        "llm_guardrail.py",
        "property_tests.py",
    }
    assert {p.name for p in EXAMPLES.glob("*.py")} == tested


def test_quickstart_tours_the_library() -> None:
    """The tour codes, reflects, asks, scores, ranks discrepancies and writes a report."""
    result = run("examples/quickstart.py")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for heading in ("Coding one client sentence", "Reflections", "MITI", "Discrepancies", "Report"):
        assert heading in out
    assert "talk=change" in out or "talk=sustain" in out
    assert "double_sided: " in out
    assert ".html" in out


def test_analyze_case_shows_gaps_responses_and_a_plan() -> None:
    """The case analysis prints ambivalence, ranked discrepancies with responses, and a plan."""
    result = run("examples/analyze_case.py")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Ambivalence" in out
    assert "estimated stage:" in out
    assert "severity" in out
    assert "suggested response" in out
    assert "Change plan for" in out


def test_analyze_case_reports_a_bad_file_in_one_line(tmp_path: Path) -> None:
    """A broken case file is one line on stderr and exit status 2."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"goals": [{"id": "x", "statement": "walk", "importance": 11}]}', "utf-8")
    result = run("examples/analyze_case.py", str(bad))
    assert result.returncode == 2
    assert "importance" in result.stderr
    assert result.stderr.count("\n") == 1


def test_code_transcript_prints_codes_and_miti_scores() -> None:
    """Each utterance gets a code line and the MITI table follows."""
    result = run("examples/code_transcript.py")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert sum(1 for line in lines if line[:3].strip().isdigit()) == 14
    assert "MITI 4.2.1 summary scores" in result.stdout
    assert "R:Q" in result.stdout
    assert "session index" in result.stdout


def test_code_transcript_reads_text_files_and_explains() -> None:
    """A plain-text transcript works too, and --explain shows the rules."""
    result = run("examples/code_transcript.py", "examples/data/session.txt", "--explain")
    assert result.returncode == 0, result.stderr
    assert "change" in result.stdout
    assert "." in result.stdout.split("MITI")[0]


def test_mi_chat_answers_each_line_and_summarises() -> None:
    """The practice partner answers every client line and ends with a summary on "quit"."""
    script = (
        "I want to quit for my kids.\n"
        "I really enjoy smoking though, it is how I relax.\n"
        "I don't know.\n"
        "Maybe a 7.\n"
        "I could try not smoking in the car.\n"
        "quit\n"
        "this line comes after quit and is never read\n"
    )
    result = run("examples/mi_chat.py", "--goal", "quit smoking", stdin=script)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.count("Client: ") == 5
    assert "never read" not in out
    assert "[reflect change talk]" in out
    assert "double-sided reflection]" in out or "[roll with sustain talk]" in out
    assert "ruler" in out
    assert "[collecting summary]" in out
    # Every line the partner says is MI-consistent.
    partner = [line for line in out.splitlines() if line.startswith("Partner [")]
    for line in partner:
        lower = line.lower()
        assert "you should" not in lower
        assert "why don't you" not in lower


def test_mi_chat_stops_on_risk_language() -> None:
    """A risk line stops the practice with a pointer to real help, and nothing after it is read."""
    script = "I want to cut down.\nSometimes I think about killing myself.\nI could walk more.\n"
    result = run("examples/mi_chat.py", stdin=script)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "emergency" in out
    assert "crisis line" in out
    assert "I could walk more" not in out
    assert "[collecting summary]" not in out
    # No invented phone numbers: real help is local.
    assert not any(ch.isdigit() for ch in out.split("sounds really serious")[1])


def test_mi_chat_ends_cleanly_at_end_of_input() -> None:
    """Without "quit", the end of input ends the session without a traceback."""
    result = run("examples/mi_chat.py", stdin="I really want to stop drinking.")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "Partner [" in result.stdout


def test_llm_guardrail_blocks_inconsistent_replies() -> None:
    """MI-inconsistent model replies are blocked and replaced; consistent ones pass."""
    result = run("examples/llm_guardrail.py")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.count("Check:   blocked") == 2
    assert out.count("Check:   passed") == 2
    assert out.count("Sent:    ") == 2
    assert "2 replies sent as drafted, 2 replaced by templated replies." in out


def test_property_tests_pass_as_a_downstream_suite() -> None:
    """The downstream property suite passes under pytest."""
    result = run(
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "-o",
        "addopts=",
        "examples/property_tests.py",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "passed" in result.stdout


def test_api_reference_documents_every_public_name() -> None:
    """docs/api.md has an autodoc entry for every name in mikit.__all__."""
    page = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"\.\. auto(?:class|function|exception|data):: (\w+)", page))
    if ".. automodule:: mikit.errors" in page:
        documented |= set(mikit.errors.__all__)
    # Submodules exported by name (mikit.fidelity) are documented whole.
    documented |= set(re.findall(r"\.\. automodule:: mikit\.(\w+)\n", page))
    missing = sorted(set(mikit.__all__) - documented - {"__version__"})
    assert missing == []


def _console_blocks(page: str) -> list[tuple[str, str]]:
    blocks = re.findall(r"```console\n\$ (.*?)\n(.*?)```", page, flags=re.DOTALL)
    return [(command, output.rstrip("\n")) for command, output in blocks]


def _run_mikit(command: str, cwd: Path) -> str:
    import shlex

    args = shlex.split(command)
    assert args[0] == "mikit"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "80"}
    result = subprocess.run(
        [sys.executable, "-m", "mikit", *args[1:]],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )
    printed = (result.stdout + result.stderr).rstrip("\n").splitlines()
    return "\n".join(line.rstrip() for line in printed)


def test_cli_docs_show_real_output(tmp_path: Path) -> None:
    """Each `$ mikit ...` block in docs/cli.md prints exactly the output shown there.

    After a deliberate change of output, refresh the page with
    ``MIKIT_UPDATE_CLI_DOCS=1 python -m pytest tests/test_examples.py -k cli_docs``.
    """
    import shutil

    shutil.copytree(EXAMPLES / "data", tmp_path / "examples" / "data")
    path = ROOT / "docs" / "cli.md"
    page = path.read_text(encoding="utf-8")
    blocks = _console_blocks(page)
    assert len(blocks) >= 8
    update = os.environ.get("MIKIT_UPDATE_CLI_DOCS") == "1"
    for command, shown in blocks:
        printed = _run_mikit(command, tmp_path)
        assert "Traceback" not in printed, printed
        if update:
            page = page.replace(f"$ {command}\n{shown}\n```", f"$ {command}\n{printed}\n```", 1)
            continue
        assert printed == shown, f"{command!r} prints something else; see this test's docstring"
    if update:
        path.write_text(page, encoding="utf-8")
