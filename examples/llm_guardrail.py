"""Screening a language model's counsellor reply before a client sees it.

An MI chatbot may draft its replies with a large language model. Models are
fluent, and they also advise without permission, warn, label and say "you
should". This example puts two mikit checks between the model and the client:

1. ``mikit.code_counselor`` codes the reply in MITI terms; any MI-non-adherent
   behaviour (advise without permission, confront, persuade) fails it;
2. ``mikit.fidelity.check`` looks for MI-inconsistent phrasing ("you should",
   "why don't you", labels such as "alcoholic", warnings).

A reply that fails is replaced by a templated one built from the client's own
words, a reflection and an open question, which is screened in turn; if it
fails too, an open question alone is sent. The "model" here is a stub with
canned answers, so the example runs offline and prints the same every time.

Run from the repository root:  python examples/llm_guardrail.py
"""

from __future__ import annotations

import attrs

import mikit
from mikit import fidelity

GOAL = mikit.Goal(id="drinking", statement="cut down on drinking")

# What the stubbed model answers to each client message.
CANNED_REPLIES = {
    "I had six beers on Saturday again.": (
        "You should really stop drinking so much. Why don't you just pour it away?"
    ),
    "My wife says I'm an alcoholic, but I can stop whenever I want.": (
        "Honestly, if you keep this up you will lose your family. You need to admit you "
        "are an alcoholic."
    ),
    "I want to cut down, but weekends are hard.": (
        "Weekends are hard, and you want to cut down. What might help on a Saturday?"
    ),
    "I managed two dry days this week.": (
        "You managed two dry days this week; that took real effort. How did you do it?"
    ),
}


def stub_llm(client_text: str) -> str:
    """An offline stand-in for a language model: a canned reply per message."""
    return CANNED_REPLIES.get(client_text, "Tell me more about that.")


@attrs.frozen
class Verdict:
    """Whether a drafted reply may be sent, and why not."""

    reply: str
    problems: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return not self.problems


def screen(reply: str, client_text: str) -> Verdict:
    """Check a drafted reply with the MITI coder and the fidelity checker."""
    code = mikit.code_counselor(reply, previous=client_text)
    problems = [f"MITI: {b.value.replace('_', ' ')}" for b in code.behaviors if b.mi_non_adherent]
    problems += [
        f"fidelity: {finding.message}"
        for finding in fidelity.check(reply)
        if finding.severity == "error"
    ]
    return Verdict(reply, tuple(dict.fromkeys(problems)))


def templated_replies(client_text: str, seed: int) -> list[str]:
    """MI-consistent replies from templates, best first: reflect and ask, or just ask."""
    code = mikit.code_client(client_text, target=GOAL)
    kind = {"change": "complex", "sustain": "double_sided"}.get(code.talk.value, "simple")
    reflection = mikit.reflect(client_text, kind=kind, target=GOAL, seed=seed)
    question = mikit.evocative_questions(GOAL, kind="looking_forward")[0]
    return [f"{reflection} {question}", question]


def safe_reply(client_text: str, seed: int) -> str | None:
    """The first templated reply that passes the same screen; None hands over to a human."""
    for reply in templated_replies(client_text, seed):
        # A reflection can echo a label the client quoted ("my wife says I'm an
        # alcoholic"); the screen catches that too, and the next candidate is tried.
        if screen(reply, client_text).passed:
            return reply
    return None


def main() -> None:
    sent_as_drafted = replaced = 0
    for seed, client_text in enumerate(CANNED_REPLIES):
        draft = stub_llm(client_text)
        verdict = screen(draft, client_text)
        print(f"Client:  {client_text}")
        print(f"Model:   {draft}")
        if verdict.passed:
            sent_as_drafted += 1
            print("Check:   passed - sent as drafted")
        else:
            replaced += 1
            print("Check:   blocked -", "; ".join(verdict.problems))
            reply = safe_reply(client_text, seed)
            print(f"Sent:    {reply or '(no safe reply: passed to a human counsellor)'}")
        print()
    print(f"{sent_as_drafted} replies sent as drafted, {replaced} replaced by templated replies.")


if __name__ == "__main__":
    main()
