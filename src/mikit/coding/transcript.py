"""Coding a whole transcript, turn by turn, with pluggable coders.

Each client turn is coded with :func:`mikit.code_client` and each counsellor turn
with :func:`mikit.code_counselor`, both with the other speaker's last turn as
context; a counsellor turn also sees the client turn right after it, when its coder
accepts a ``following`` keyword. Either coder can be swapped for any callable that follows
:class:`ClientCoder` or :class:`CounselorCoder` (a fine-tuned classifier, say), and
the coded transcript still feeds :func:`mikit.miti_scores` and everything built on it.
"""

from __future__ import annotations

import inspect
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
    """Codes a counsellor turn: any callable with the signature of :func:`mikit.code_counselor`.

    The ``previous`` keyword is required. A coder that also accepts a ``following``
    keyword (or ``**kwargs``) is given the client's next turn as well, as
    :func:`mikit.code_counselor` is; one that does not is called without it.

    Examples:
        >>> from mikit import CounselorCode
        >>> def always_other(text, *, previous=None):
        ...     return CounselorCode(main="other")
        >>> isinstance(always_other, CounselorCoder)
        True
    """

    def __call__(self, text: str, *, previous: str | None = None) -> CounselorCode:
        """Code *text*, the counsellor's turn, given the client's turn before it."""
        ...


def _takes_following(coder: object) -> bool:
    """Whether *coder* accepts a ``following`` keyword (the client's next turn)."""
    try:
        parameters = inspect.signature(coder).parameters.values()  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return any(
        p.kind is inspect.Parameter.VAR_KEYWORD
        or (p.name == "following" and p.kind is not inspect.Parameter.POSITIONAL_ONLY)
        for p in parameters
    )


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
            It gets the client turn before as ``previous`` and, if it accepts a
            ``following`` keyword, the client turn right after (None when the next
            turn is not the client's).
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
    ahead = _takes_following(counselor)
    utterances = list(transcript)
    last: dict[Speaker, str] = {}
    coded: list[CodedUtterance] = []
    for i, utterance in enumerate(utterances):
        if utterance.speaker is Speaker.CLIENT:
            code: ClientCode | CounselorCode = client(
                utterance.text, target=target, previous=last.get(Speaker.COUNSELOR)
            )
            expected: type = ClientCode
        elif ahead:
            nxt = utterances[i + 1] if i + 1 < len(utterances) else None
            following = nxt.text if nxt is not None and nxt.speaker is Speaker.CLIENT else None
            code = counselor(
                utterance.text,
                previous=last.get(Speaker.CLIENT),
                following=following,  # type: ignore[call-arg]
            )
            expected = CounselorCode
        else:
            code = counselor(utterance.text, previous=last.get(Speaker.CLIENT))
            expected = CounselorCode
        if not isinstance(code, expected):
            msg = f"the coder returned {type(code).__name__}, not a {expected.__name__}"
            raise ValidationError(f"utterances[{i}]", msg)
        last[utterance.speaker] = utterance.text
        coded.append(CodedUtterance(utterance, code))
    return CodedTranscript(coded, id=transcript.id)
