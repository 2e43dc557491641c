"""The exceptions mikit raises.

Every error derives from :class:`MikitError`; each subclass also inherits the
builtin that matches it, so ``except ValueError`` keeps working for callers who
do not know mikit.
"""

from __future__ import annotations

__all__ = [
    "CaseFileError",
    "EmptyTextError",
    "FileReadError",
    "GoalNotFoundError",
    "JSONSyntaxError",
    "MikitError",
    "OutputTooLargeError",
    "RiskStatementError",
    "TemplateError",
    "TemplateNotFoundError",
    "UnknownKeyError",
    "ValidationError",
]


class MikitError(Exception):
    """The root of every error mikit raises."""


class ValidationError(MikitError, ValueError):
    """A value that mikit cannot accept.

    Subclasses keep the ``(path, reason)`` signature, so :meth:`at` can rebuild them.

    Attributes:
        path: Where the value sits, such as ``"goals[0].importance"``; empty when
            the value is the whole input.
        reason: What is wrong with it, such as ``"must be an integer 0..10, got 12"``.
        source: The file it came from, if any.
    """

    def __init__(self, path: str, reason: str, *, source: str | None = None) -> None:
        self.path = path
        self.reason = reason
        self.source = source
        msg = f"{path}: {reason}" if path else reason
        if source:
            msg = f"{source}: {msg}"
        super().__init__(msg)

    def at(self, prefix: str) -> ValidationError:
        """Return the same error placed under *prefix* (``"goals[0]"``)."""
        return type(self)(_join_path(prefix, self.path), self.reason, source=self.source)

    def at_source(self, source: str) -> ValidationError:
        """Return the same error naming the file (or other source) it came from."""
        return type(self)(self.path, self.reason, source=source)


class UnknownKeyError(ValidationError):
    """A key that the format does not know, named with the closest known key."""


class GoalNotFoundError(MikitError, LookupError):
    """A goal id that the case does not have."""


class CaseFileError(MikitError):
    """A case or transcript file that cannot be read as one."""


class FileReadError(CaseFileError, OSError):
    """A file that is missing, is a directory, or cannot be read or decoded."""

    @classmethod
    def reading(cls, path: object, err: OSError | UnicodeDecodeError) -> FileReadError:
        """The one-line error for *err*, raised while reading *path*."""
        if isinstance(err, UnicodeDecodeError):
            reason = f"not UTF-8 text (byte {err.start})"
        elif isinstance(err, FileNotFoundError):
            reason = "no such file"
        elif isinstance(err, IsADirectoryError):
            reason = "is a directory, not a file"
        else:
            reason = f"cannot be read ({err.strerror or err})"
        return cls(f"{path}: {reason}")


class JSONSyntaxError(CaseFileError, ValueError):
    """A file that is not well-formed JSON.

    Attributes:
        line: The 1-based line of the first error.
        column: The 1-based column of the first error.
    """

    def __init__(self, msg: str, *, line: int, column: int) -> None:
        self.line = line
        self.column = column
        super().__init__(msg)


class TemplateError(MikitError, ValueError):
    """A template that cannot be compiled or rendered."""


class TemplateNotFoundError(MikitError, LookupError):
    """A template name that no loader knows."""


class OutputTooLargeError(TemplateError):
    """A rendering that went past the output cap of the sandbox."""


class EmptyTextError(MikitError, ValueError):
    """Text with nothing to work on: empty, blank, or without a letter or digit."""


class RiskStatementError(MikitError, ValueError):
    """A statement of risk (self-harm, suicide, harming others) a move must not touch.

    An amplified reflection overstates what the client said; it is never made of a
    risk statement. Respond to risk with your safety protocol instead.
    """


def _join_path(prefix: str, path: str) -> str:
    if not path:
        return prefix
    if not prefix:
        return path
    if path.startswith("["):
        return prefix + path
    return f"{prefix}.{path}"
