"""Transcript coding: every turn coded in order, with context, by pluggable coders."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mikit import (
    ClientCode,
    ClientCoder,
    CodedTranscript,
    CounselorCode,
    CounselorCoder,
    MainBehavior,
    Talk,
    Transcript,
    Utterance,
    ValidationError,
    code_client,
    code_counselor,
    code_transcript,
    miti_scores,
)

SESSION = Transcript(
    [
        Utterance("counselor", "What brings you in today?"),
        Utterance("client", "I drink three beers every night."),
        Utterance("counselor", "You drink three beers every night."),
        Utterance("client", "I want to cut down."),
    ],
    id="s1",
)


def test_every_utterance_is_coded_in_order() -> None:
    """The coded transcript has one code per utterance, of the speaker's kind, in order."""
    coded = code_transcript(SESSION)
    assert isinstance(coded, CodedTranscript)
    assert len(coded) == len(SESSION)
    assert coded.id == "s1"
    assert [c.utterance for c in coded] == list(SESSION)
    assert isinstance(coded[0].code, CounselorCode)
    assert isinstance(coded[1].code, ClientCode)
    assert coded.transcript == SESSION


def test_counselor_turns_see_the_client_turn_before() -> None:
    """A counsellor turn is coded with the client's last turn as `previous`."""
    coded = code_transcript(SESSION)
    expected = code_counselor(SESSION[2].text, previous=SESSION[1].text, following=SESSION[3].text)
    assert coded[2].code == expected


def test_client_turns_see_the_counselor_turn_before() -> None:
    """A client turn is coded with the counsellor's last turn as `previous`."""
    coded = code_transcript(SESSION)
    assert coded[3].code == code_client(SESSION[3].text, previous=SESSION[2].text)


def test_default_coders_follow_the_protocols() -> None:
    """mikit's own coders satisfy the coder Protocols."""
    assert isinstance(code_client, ClientCoder)
    assert isinstance(code_counselor, CounselorCoder)


def test_custom_coders_plug_in() -> None:
    """A user's own coders are used for every turn, and MITI scores still work."""
    seen: list[tuple[str, str | None]] = []

    def my_counselor(text: str, *, previous: str | None = None) -> CounselorCode:
        seen.append((text, previous))
        return CounselorCode(main="reflection", reflection="complex")

    def my_client(text, *, target=None, previous=None) -> ClientCode:
        return ClientCode(talk="change", kind="desire")

    coded = code_transcript(SESSION, client_coder=my_client, counselor_coder=my_counselor)
    assert all(c.code.main is MainBehavior.REFLECTION for c in coded if c.counselor_code)
    assert all(c.code.talk is Talk.CHANGE for c in coded if c.client_code)
    assert seen[1] == (SESSION[2].text, SESSION[1].text)
    scores = miti_scores(coded)
    assert scores.reflections == 2
    assert scores.change_talk_share == 1.0


def test_a_coder_returning_the_wrong_type_is_refused() -> None:
    """A coder that returns something else raises ValidationError naming the utterance."""

    def broken(text: str, *, previous: str | None = None) -> CounselorCode:
        return "question"  # type: ignore[return-value]

    with pytest.raises(ValidationError, match=r"utterances\[0\]"):
        code_transcript(SESSION, counselor_coder=broken)


def test_not_a_transcript_is_refused() -> None:
    """Passing something other than a Transcript raises ValidationError."""
    with pytest.raises(ValidationError, match="Transcript"):
        code_transcript(["What brings you in?"])  # type: ignore[arg-type]


def test_empty_transcript() -> None:
    """An empty transcript codes to an empty coded transcript."""
    assert len(code_transcript(Transcript())) == 0


@given(st.lists(st.tuples(st.sampled_from(["client", "counselor"]), st.text()), max_size=8))
def test_any_transcript_is_coded(turns: list[tuple[str, str]]) -> None:
    """Any transcript of any texts is coded turn by turn."""
    transcript = Transcript([Utterance(s, t) for s, t in turns])
    coded = code_transcript(transcript)
    assert [c.utterance for c in coded] == list(transcript)


def test_a_coder_without_following_still_plugs_in() -> None:
    """A counsellor coder that takes only `previous` is called without `following`."""
    seen: list[str | None] = []

    def mine(text: str, *, previous: str | None = None) -> CounselorCode:
        seen.append(previous)
        return CounselorCode(main="question", question="open")

    coded = code_transcript(SESSION, counselor_coder=mine)
    assert len(seen) == sum(1 for c in coded if c.counselor_code)


def test_a_coder_with_following_gets_the_next_client_turn() -> None:
    """A counsellor coder accepting `following` gets the client's next turn, or None."""
    seen: list[str | None] = []

    def mine(text: str, *, previous: str | None = None, **extra: str | None) -> CounselorCode:
        seen.append(extra.get("following"))
        return CounselorCode(main="other")

    code_transcript(SESSION, counselor_coder=mine)
    expected = [
        SESSION[i + 1].text if i + 1 < len(SESSION) and SESSION[i + 1].is_client else None
        for i, u in enumerate(SESSION)
        if not u.is_client
    ]
    assert seen == expected
