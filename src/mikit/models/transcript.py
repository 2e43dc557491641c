"""Utterances and transcripts: what was said in a session."""

from __future__ import annotations

import types
from collections.abc import Iterable, Iterator, Mapping
from typing import overload

import attrs

from mikit.errors import ValidationError
from mikit.models import _validate as v
from mikit.models.enums import Speaker

__all__ = ["Transcript", "Utterance"]

_SPEAKER_ALIASES = {"therapist": Speaker.COUNSELOR, "counsellor": Speaker.COUNSELOR}


def _speaker(value: Speaker | str) -> Speaker:
    if value in _SPEAKER_ALIASES:
        return _SPEAKER_ALIASES[value]
    return v.to_enum(Speaker, "speaker", value)


def _annotations(value: Mapping[str, str] | None) -> Mapping[str, str]:
    raw: object = value  # checked at run time too: callers need not be typed
    if raw is None:
        return types.MappingProxyType({})
    if not isinstance(raw, Mapping):
        msg = f"must be a mapping of strings to strings, got {type(raw).__name__}"
        raise ValidationError("annotations", msg)
    for key, item in raw.items():
        if not isinstance(key, str) or not isinstance(item, str):
            msg = f"must map strings to strings, got {key!r}: {item!r}"
            raise ValidationError("annotations", msg)
    return types.MappingProxyType(dict(raw))


@attrs.frozen
class Utterance:
    """One turn of talk.

    Args:
        speaker: Who speaks: ``"client"`` or ``"counselor"`` (``"therapist"`` and
            ``"counsellor"`` are read as ``"counselor"``).
        text: What they said, as said.
        annotations: Labels attached to the turn, such as gold codes from a corpus.

    Raises:
        ValidationError: If the speaker is unknown or a field has the wrong type.
    """

    speaker: Speaker = attrs.field(converter=_speaker)
    text: str = attrs.field(validator=v.text)
    annotations: Mapping[str, str] = attrs.field(
        factory=dict, converter=_annotations, kw_only=True, hash=False
    )

    @property
    def is_client(self) -> bool:
        """Whether the client says it."""
        return self.speaker is Speaker.CLIENT


def _utterances(items: Iterable[Utterance] | None) -> tuple[Utterance, ...]:
    out = v.tuple_of(items)
    for i, item in enumerate(out):
        raw: object = item  # checked at run time too: callers need not be typed
        if not isinstance(raw, Utterance):
            msg = f"must be an Utterance, got {type(item).__name__}"
            raise ValidationError(f"utterances[{i}]", msg)
    return out


@attrs.frozen
class Transcript:
    """A session: utterances in the order they were said.

    A transcript is a sequence: ``len()``, iteration and indexing work on its
    utterances.

    Args:
        utterances: The turns, in order.
        id: An identifier for the session, if it has one.
        annotations: Labels attached to the whole session (``{"mi_quality": "high"}``).
    """

    utterances: tuple[Utterance, ...] = attrs.field(default=(), converter=_utterances)
    id: str | None = attrs.field(default=None, kw_only=True, validator=v.optional_text)
    annotations: Mapping[str, str] = attrs.field(
        factory=dict, converter=_annotations, kw_only=True, hash=False
    )

    def __len__(self) -> int:
        return len(self.utterances)

    def __iter__(self) -> Iterator[Utterance]:
        return iter(self.utterances)

    @overload
    def __getitem__(self, index: int) -> Utterance: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Utterance, ...]: ...
    def __getitem__(self, index: int | slice) -> Utterance | tuple[Utterance, ...]:
        return self.utterances[index]

    @property
    def client_utterances(self) -> tuple[Utterance, ...]:
        """The client's turns, in order."""
        return tuple(u for u in self.utterances if u.speaker is Speaker.CLIENT)
