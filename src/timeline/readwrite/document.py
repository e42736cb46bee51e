"""Document JSON: ``read_document`` (path), ``parse_document`` (string),
``generate_document`` (string) and ``write_document`` (path, atomic). Every read and
write is validated against ``schemas/document.schema.json`` and the span texts are checked.

>>> from timeline.pipeline import parse
>>> doc = parse("Talks began on 3 May 2021.", published="2021-05-04")
>>> parse_document(generate_document(doc)) == doc
True
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from timeline.errors import InputError
from timeline.model import Document
from timeline.readwrite.atomic import write_atomic
from timeline.schema import validate

__all__ = ["read_document", "parse_document", "generate_document", "write_document", "load_json"]


def parse_document(data: str, where: str = "document", *, trusted: bool = False) -> Document:
    """A validated Document from its JSON text. ``trusted=True`` skips the validation, for
    a file this very run wrote (and validated while writing)."""
    obj = load_json(data, where)
    if not trusted:
        validate(obj, where)
    return Document.from_dict(obj)


def load_json(data: str, where: str) -> Any:
    """``json.loads`` whose failures are one-line InputErrors naming ``where``."""
    try:
        return json.loads(data)
    except json.JSONDecodeError as e:
        raise InputError(
            f"{where}: invalid JSON at line {e.lineno} column {e.colno}: {e.msg}"
        ) from None
    except RecursionError:
        raise InputError(
            f"{where}: JSON nested too deeply to read (a document is a few levels deep)"
        ) from None


def read_document(path: str | Path, *, trusted: bool = False) -> Document:
    """Read and validate a document JSON file (see ``parse_document`` for ``trusted``)."""
    p = Path(path)
    try:
        data = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except UnicodeDecodeError as e:
        raise InputError(f"{p}: not valid UTF-8 (byte offset {e.start})") from None
    except OSError as e:
        raise InputError(f"{p}: cannot read: {e.strerror or e}") from None
    return parse_document(data, str(p), trusted=trusted)


def generate_document(doc: Document, *, pretty: bool = True) -> str:
    """The document as JSON text (validated first; UTF-8 kept as is). ``pretty`` indents by
    two spaces; compact output is several times faster to write (C encoder)."""
    obj = doc.to_dict()
    validate(obj, doc.id)
    if pretty:
        return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"


def write_document(
    doc: Document, path: str | Path, *, force: bool = True, pretty: bool = True
) -> Path:
    """Validate and write ``doc`` atomically to ``path``."""
    return write_atomic(path, generate_document(doc, pretty=pretty), force=force)
