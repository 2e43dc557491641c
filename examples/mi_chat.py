"""A terminal MI practice partner, composed from mikit's building blocks.

Type what a client might say; the partner answers the way an MI counsellor
would. Each client line is coded (change talk, sustain talk, risk), a move is
chosen, and the move is rendered through mikit's templates:

- change talk            -> a complex reflection of it, and now and then an
                            evocative question to draw out more;
- ambivalence            -> a double-sided reflection (sustain side first,
                            change side last, joined with "and");
- sustain talk           -> roll with it: a simple reflection, no argument;
- neutral talk           -> an evocative question;
- after a few turns      -> an importance or confidence ruler, and a
                            "why not lower?" follow-up to the score.

Risk language (self-harm, suicide, harming others) stops the practice at once
with a message pointing to real help. The session ends on "quit" or at the end
of input, with a summary of the change talk heard.

Run:   python examples/mi_chat.py --goal "cut down on drinking"
Or:    printf 'I want to quit but it helps me relax\\nquit\\n' | python examples/mi_chat.py
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

import mikit

SAFETY_MESSAGE = """\
Partner: What you just wrote sounds really serious, and it matters more than this
practice. This tool cannot help with it, so I am stopping here.
If you or someone else is in danger right now, call your local emergency number.
You can also reach a local crisis line or helpline, or talk to a doctor or
someone you trust today. You do not have to go through this alone."""

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip


def ruler_score(line: str) -> int | None:
    """The first whole number 0..10 in an answer to a ruler ("An 8, I guess" -> 8)."""
    for raw in line.replace(",", " ").replace(".", " ").split():
        word = raw.strip("!?()\"'").lower()
        if word.isdigit() and int(word) <= 10:
            return int(word)
        if word in NUMBER_WORDS:
            return NUMBER_WORDS[word]
    return None


class PracticePartner:
    """Chooses and renders one MI move per client line, and remembers the session."""

    def __init__(self, goal: mikit.Goal, out: TextIO) -> None:
        self.goal = goal
        self.out = out
        self.utterances: list[mikit.Utterance] = []
        self.change_heard: list[str] = []
        self.sustain_heard: list[str] = []
        self.questions = iter(mikit.evocative_questions(goal))
        self.rulers_left = ["importance", "confidence"]
        self.asked_ruler: str | None = None
        self.turn = 0

    def say(self, text: str, move: str) -> None:
        print(f"Partner [{move}]: {text}", file=self.out)
        self.utterances.append(mikit.Utterance("counselor", text))

    def double_sided(self, *, change: str, sustain: str) -> str:
        """Both sides of what the client said; mikit puts the sustain side first."""
        both = f"{change.rstrip('.!')} but {sustain}"
        return mikit.reflect(both, kind="double_sided", target=self.goal, seed=self.turn)

    def next_question(self) -> str:
        question = next(self.questions, None)
        if question is None:
            return mikit.evocative_questions(self.goal, kind="key_question")[0]
        return question

    def respond(self, line: str) -> bool:
        """Answer one client line; return False when the practice must stop."""
        self.turn += 1
        # `previous` lets the coder read a bare answer ("Yeah.", "A 7.") in the light of
        # the question it answers; after a statement the line stands on its own.
        last = self.utterances[-1].text if self.utterances else ""
        previous = last if last.endswith("?") else None
        code = mikit.code_client(line, target=self.goal, previous=previous)
        self.utterances.append(mikit.Utterance("client", line))
        print(f"  (coded: {code.talk}{f', {code.kind}' if code.kind else ''})", file=self.out)
        if code.risk:
            print(SAFETY_MESSAGE, file=self.out)
            return False
        score = ruler_score(line) if self.asked_ruler else None
        if self.asked_ruler and score is not None:
            for question in mikit.ruler_followup(self.goal, self.asked_ruler, score)[:1]:
                self.say(question, f"{self.asked_ruler} ruler follow-up")
            self.asked_ruler = None
            return True
        self.asked_ruler = None
        seed = self.turn
        if code.talk is mikit.Talk.CHANGE:
            self.change_heard.append(line)
            reflection = mikit.reflect(line, kind="complex", target=self.goal, seed=seed)
            if self.sustain_heard and self.turn % 2 == 0:
                reflection = self.double_sided(change=line, sustain=self.sustain_heard[-1])
                self.say(reflection, "double-sided reflection")
            else:
                self.say(reflection, "reflect change talk")
            if self.turn % 3 == 0:
                self.say(self.next_question(), "evocative question")
        elif code.talk is mikit.Talk.SUSTAIN:
            self.sustain_heard.append(line)
            if self.change_heard:
                reflection = self.double_sided(change=self.change_heard[-1], sustain=line)
                self.say(reflection, "double-sided reflection")
            else:
                reflection = mikit.reflect(line, kind="simple", target=self.goal, seed=seed)
                self.say(reflection, "roll with sustain talk")
        elif self.turn >= 3 and self.rulers_left:
            self.asked_ruler = self.rulers_left.pop(0)
            self.say(mikit.ruler_question(self.goal, self.asked_ruler, seed=seed), "ruler")
        else:
            self.say(self.next_question(), "evocative question")
        return True

    def close(self) -> None:
        """End with a collecting summary of the change talk heard."""
        if not self.change_heard:
            print("Partner: Thank you for talking this through with me.", file=self.out)
            return
        summary = mikit.summarize(mikit.Transcript(self.utterances), kind="collecting")
        print(f"Partner [collecting summary]: {summary}", file=self.out)


def main(argv: list[str] | None = None, stdin: TextIO = sys.stdin) -> int:
    parser = argparse.ArgumentParser(description="Practise MI with a partner built on mikit.")
    parser.add_argument("--goal", default="quit smoking", help="the change being discussed")
    args = parser.parse_args(argv)
    goal = mikit.Goal(id="goal", statement=args.goal)
    partner = PracticePartner(goal, sys.stdout)
    print(f"MI practice partner. The goal: {goal.statement}.", file=sys.stdout)
    print('Type what a client might say; "quit" ends the session.\n', file=sys.stdout)
    partner.say(partner.next_question(), "open question")
    try:
        for raw in stdin:
            line = raw.strip()
            if not line:
                continue
            if line.lower() in {"quit", "exit", "bye"}:
                break
            print(f"Client: {line}")
            if not partner.respond(line):
                return 0
    except KeyboardInterrupt:
        print()
    partner.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
