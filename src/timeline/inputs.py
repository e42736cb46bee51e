"""What counts as an input and how each becomes a document: files, folders (searched
recursively), globs, each line of a JSON Lines corpus, stdin; articles (text, Markdown with
front matter, HTML), document JSON, TimeML and MEANTIME XML. Every problem is an
``InputError`` naming the input."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from timeline.errors import InputError, StageError
from timeline.input_files import Unit, expand_inputs, read_stdin, undecodable, unit_bytes

__all__ = [
    "Unit",
    "expand_inputs",
    "unit_bytes",
    "read_stdin",
    "load_unit",
    "parse_file",
    "parse_article",
]


def parse_file(path: str | Path, published: str | None = None):  # type: ignore[no-untyped-def]
    """One Document from an article file or ``-`` (stdin), parsed, or from a document JSON
    file, read and validated: what ``timeline parse`` takes. ``published`` (YYYY-MM-DD)
    overrides the article's own date.

    Raises InputError naming the file when it cannot be read (a folder, a JSON Lines corpus,
    missing, empty, binary, ...).
    """
    name = str(path)
    if name == "-":
        return load_unit(Unit(key="-", path="-", data=read_stdin()), published)
    if bad := undecodable(name):
        raise bad
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{name}: is a directory (give the files, or use `timeline build`)")
    if p.suffix.lower() in (".jsonl", ".ndjson"):
        raise InputError(f"{name}: a JSON Lines corpus holds many articles; use `timeline build`")
    if not p.exists():
        raise InputError(f"{name}: no such file")
    return load_unit(Unit(key=name, path=name), published)


def load_unit(unit: Unit, published: str | None, data: bytes | None = None):  # type: ignore[no-untyped-def]
    """Parse one unit into a Document (raises TimelineError subclasses with the input named)."""
    from timeline.ingest import article_from_json, decode_article, decode_text, doc_id_for
    from timeline.readwrite.document import parse_document

    raw = data if data is not None else unit_bytes(unit)
    where = unit.key if unit.line is None else f"{unit.path}:{unit.line}"
    suffix = Path(unit.path).suffix.lower()
    if unit.line is not None:  # a JSON Lines record
        try:
            obj = json.loads(raw.decode("utf-8").rstrip("\r\n"))
        except UnicodeDecodeError as e:
            raise InputError(f"{where}: not valid UTF-8 (byte offset {e.start})") from None
        except json.JSONDecodeError as e:  # the line is in ``where``; the column is the record's
            raise InputError(f"{where}: invalid JSON at column {e.pos + 1}: {e.msg}") from None
        except RecursionError:
            raise InputError(f"{where}: JSON nested too deeply to read") from None
        if not isinstance(obj, dict):
            raise InputError(f'{where}: a JSON object with a "text" field is expected')
        art = article_from_json(obj, where)
        name = str(obj.get("id") or f"{Path(unit.path).stem}-{unit.line}")
        meta = (unit.path, art.title, art.url, published or art.published)
        doc_id = doc_id_for(name, art.text, *meta)
    elif suffix == ".json":
        return parse_document(decode_text(raw, where), where)
    elif suffix in (".tml", ".xml"):
        art, doc_id, note = _corpus_article(raw, where, published)
        doc = parse_article(art, published, where=where, doc_id=doc_id)
        if note and not published:
            from timeline.model import Problem

            problem = Problem(code="creation-time-unusable", message=note)
            doc = dataclasses.replace(doc, problems=(problem, *doc.problems))
        return doc
    else:
        art = decode_article(raw, where)
        doc_id = None
    return parse_article(art, published, where=where, doc_id=doc_id)


def parse_article(art, published: str | None, *, where: str, doc_id: str | None = None):  # type: ignore[no-untyped-def]
    """Parse an ingested article. The date comes from ``published`` (the caller's override),
    else the article's metadata, else its dateline (recorded as ``inferred``)."""
    from timeline.pipeline import parse

    pub, source = (
        (published, "argument")
        if published
        else ((art.published, "metadata") if art.published else (None, "unknown"))
    )
    try:
        return parse(
            art.text,
            published=pub,
            title=art.title,
            url=art.url,
            path=art.path or where,
            published_from=source,
            infer_published=pub is None,
            doc_id=doc_id,
        )
    except InputError as e:
        raise InputError(f"{where}: {e}") from None
    except StageError as e:  # name the file, not the id made from it
        raise StageError(e.stage, where, e.cause) from e.cause


def _corpus_article(raw: bytes, where: str, published: str | None):  # type: ignore[no-untyped-def]
    """TimeML (.tml) or MEANTIME/CAT (.xml), told apart by the root element: the text (and
    its creation time) as an article, its id, and a note when the creation time names no
    day (``PRESENT_REF``): the document is then parsed without it."""
    from timeline.ingest import Article, decode_text, doc_id_for
    from timeline.readwrite.xmlsafe import root_tag

    data = decode_text(raw, where)
    if root_tag(data) == "TimeML":
        from timeline.readwrite.timeml import parse_timeml

        tml = parse_timeml(data, where)
        art = Article(text=tml.text.strip() + "\n", published=tml.dct, path=where)
        dct_value = tml.dct_value
    else:
        from timeline.readwrite.meantime import parse_meantime

        mt = parse_meantime(data, where, gold=False)
        art = Article(
            text=mt.text, published=mt.dct, path=where, title=mt.text.split("\n", 1)[0][:200]
        )
        dct_value = mt.dct_value
    if not art.text.strip():
        raise InputError(f"{where}: no text")
    note = None
    if dct_value and art.published is None:
        note = f"the creation time {dct_value!r} names no day; parsed without a publication date"
    return art, doc_id_for(where, art.text, where, published or art.published), note
