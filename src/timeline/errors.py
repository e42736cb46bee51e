"""Exceptions raised by timeline.

The tree::

    TimelineError                 root: catch this to catch everything we raise
    ├── InputError                unreadable, empty, binary or not UTF-8 input (path, byte offset)
    ├── SchemaError               a document that breaks schemas/document.schema.json (every problem)
    ├── OffsetError               a span whose text does not match the document text
    ├── StageError                any failure inside a pipeline stage, with the stage and doc id
    └── OutputError               an output cannot be written: not ours to replace, a folder
                                  where a file goes, read-only, disk full, taken by another build

Every message says what happened, where, and what to do about it; the CLI prints it on
one line prefixed with the file name and exits 1.
"""

from __future__ import annotations

import errno
import os


class TimelineError(Exception):
    """Root of every error timeline raises on purpose."""


class InputError(TimelineError):
    """The input cannot be read as an article (missing, empty, binary, badly encoded, too big).

    ``path`` is the input it is about, when known (the message starts with it)."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path


class SchemaError(TimelineError):
    """A document does not match the schema; ``problems`` lists ``(json_path, message)`` pairs."""

    def __init__(self, problems: list[tuple[str, str]], where: str = "document") -> None:
        self.problems = problems
        first = "; ".join(f"{path}: {msg}" for path, msg in problems[:3])
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        super().__init__(f"{where} does not match the schema: {first}{more}")


class OffsetError(TimelineError):
    """A span's recorded text differs from the document text at its offsets."""


class StageError(TimelineError):
    """A pipeline stage failed (a bug in timeline); the message names the document (its file
    when known), the stage and the cause, and asks for a report."""

    def __init__(self, stage: str, doc_id: str, cause: BaseException) -> None:
        self.stage = stage
        self.doc_id = doc_id
        self.cause = cause
        super().__init__(
            f"{doc_id}: the {stage} stage failed ({type(cause).__name__}: {cause}); this is a "
            "bug in timeline: please report it with the input"
        )


class OutputError(TimelineError):
    """An output file or folder cannot be written; the message names it and what to do."""

    _ADVICE = {
        errno.ENOSPC: "free some space and run again",
        errno.EDQUOT: "free some space and run again",
        errno.EACCES: "choose a folder you can write to",
        errno.EPERM: "choose a folder you can write to",
        errno.EROFS: "choose a folder you can write to",
        errno.ENAMETOOLONG: "use a shorter name",
        errno.EISDIR: "it is a folder; move it or choose another name",
        errno.ENOTDIR: "a part of the path is a file, not a folder; choose another path",
    }

    @classmethod
    def from_os(cls, path: str | os.PathLike[str], e: OSError) -> OutputError:
        """``PATH: cannot write: <reason>; <what to do>`` for an OSError raised writing PATH.

        >>> print(OutputError.from_os("out/a.json", OSError(errno.ENOSPC, "No space left on device")))
        out/a.json: cannot write: No space left on device; free some space and run again
        """
        reason = e.strerror or str(e)
        advice = cls._ADVICE.get(e.errno or 0, "check the path and run again")
        return cls(f"{os.fspath(path)}: cannot write: {reason}; {advice}")
