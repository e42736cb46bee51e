"""Exceptions raised by timeline.

The tree::

    TimelineError                 root: catch this to catch everything we raise
    ├── InputError                unreadable, empty, binary or not UTF-8 input (path, byte offset)
    ├── SchemaError               a document that breaks schemas/document.schema.json (every problem)
    ├── OffsetError               a span whose text does not match the document text
    └── StageError                any failure inside a pipeline stage, with the stage and doc id

Every message says what happened, where, and what to do about it; the CLI prints it on
one line prefixed with the file name and exits 1.
"""

from __future__ import annotations


class TimelineError(Exception):
    """Root of every error timeline raises on purpose."""


class InputError(TimelineError):
    """The input cannot be read as an article (missing, empty, binary, badly encoded, too big)."""


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
    """A pipeline stage failed; the message names the stage and the document."""

    def __init__(self, stage: str, doc_id: str, cause: BaseException) -> None:
        self.stage = stage
        self.doc_id = doc_id
        self.cause = cause
        super().__init__(f"stage {stage!r} failed on {doc_id}: {type(cause).__name__}: {cause}")
