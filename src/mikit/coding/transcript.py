"""Coding a whole transcript, turn by turn, with pluggable coders.

Each client turn is coded with :func:`mikit.code_client` and each counsellor turn
with :func:`mikit.code_counselor`, both with the other speaker's last turn as
context. Either coder can be swapped for any callable that follows
:class:`ClientCoder` or :class:`CounselorCoder` (a fine-tuned classifier, say), and
the coded transcript still feeds :func:`mikit.miti_scores` and everything built on it.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from mikit.coding.client import code_client
from mikit.coding.counselor import code_counselor
from mikit.errors import ValidationError
from mikit.models.codes import ClientCode
from mikit.models.counselor_codes import CodedTranscript, CodedUtterance, CounselorCode
from mikit.models.enums import Speaker
from mikit.models.goals import Goal
from mikit.models.transcript import Transcript

__all__ = ["ClientCoder", "CounselorCoder", "code_transcript"]


@runtime_checkable
class ClientCoder(Protocol):
    """Codes a client turn: any callable with the signature of :func:`mikit.code_client`.

    Examples:
        >>> from mikit import ClientCode
        >>> def always_neutral(text, *, target=None, previous=None):
        ...     return ClientCode(talk="neutral")
        >>> isinstance(always_neutral, ClientCoder)
        True
    """

    def __call__(
        self, text: str, *, target: Goal | str | None = None, previous: str | None = None
    ) -> ClientCode:
        """Code *text*, the client's turn, given the counsellor's turn before it."""
        ...


@runtime_checkable
class CounselorCoder(Protocol):
    """Codes a counsellor turn: any callable with the signature of :func:`mikit.code_counselor`."""

    def __call__(self, text: str, *, previous: str | None = None) -> CounselorCode:
        """Code *text*, the counsellor's turn, given the client's turn before it."""
        ...


def code_transcript(
    transcript: Transcript,
    *,
    client_coder: ClientCoder | None = None,
    counselor_coder: CounselorCoder | None = None,
    target: Goal | str | None = None,
) -> CodedTranscript:
    """Code every turn of *transcript* in order, each with its context.

    Args:
        transcript: The session.
        client_coder: Codes client turns; :func:`mikit.code_client` by default.
        counselor_coder: Codes counsellor turns; :func:`mikit.code_counselor` by default.
        target: The change that counts as change talk (a goal or a verb phrase),
            passed to the client coder.

    Returns:
        The coded transcript, one coded utterance per utterance, in order.

    Raises:
        ValidationError: If *transcript* is not a Transcript, or a coder returns
            something other than a ClientCode / CounselorCode.

    Examples:
        >>> from mikit import Transcript, Utterance
        >>> coded = code_transcript(Transcript([
        ...     Utterance("counselor", "What brings you in?"),
        ...     Utterance("client", "I want to cut down on drinking."),
        ... ]))
        >>> [str(c.code.main if c.counselor_code else c.code.talk) for c in coded]
        ['question', 'change']
    """
    if not isinstance(transcript, Transcript):
        msg = f"must be a Transcript, got {type(transcript).__name__}"  # type: ignore[unreachable]
        raise ValidationError("transcript", msg)
    client = code_client if client_coder is None else client_coder
    counselor = code_counselor if counselor_coder is None else counselor_coder
    last: dict[Speaker, str] = {}
    coded: list[CodedUtterance] = []
    for i, utterance in enumerate(transcript):
        if utterance.speaker is Speaker.CLIENT:
            code: ClientCode | CounselorCode = client(
                utterance.text, target=target, previous=last.get(Speaker.COUNSELOR)
            )
            expected: type = ClientCode
        else:
            code = counselor(utterance.text, previous=last.get(Speaker.CLIENT))
            expected = CounselorCode
        if not isinstance(code, expected):
            msg = f"the coder returned {type(code).__name__}, not a {expected.__name__}"
            raise ValidationError(f"utterances[{i}]", msg)
        last[utterance.speaker] = utterance.text
        coded.append(CodedUtterance(utterance, code))
    return CodedTranscript(coded, id=transcript.id)
