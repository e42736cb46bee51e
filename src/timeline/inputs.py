"""What counts as an input and how each becomes a document: files, folders (searched
recursively), globs, each line of a JSON Lines corpus, stdin; articles (text, Markdown with
front matter, HTML), document JSON, TimeML and MEANTIME XML. Every problem is an
``InputError`` naming the input."""

from __future__ import annotations

import glob
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from timeline.errors import InputError

__all__ = ["Unit", "expand_inputs", "load_unit", "parse_article"]

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
DOC_SUFFIXES = {".json"}
CORPUS_SUFFIXES = {".jsonl", ".ndjson", ".tml", ".xml"}
_SKIP_NAMES = ("readme", "license", "changelog", "contributing")


@dataclass(frozen=True, slots=True)
class Unit:
    """One article to parse: a file, a line of a JSON Lines corpus, or stdin."""

    key: str  # stable identity: "path" or "path#line"
    path: str
    line: int | None = None
    data: bytes | None = None  # the line's bytes for JSON Lines, stdin's bytes


def _suffix_ok(p: Path) -> bool:
    suf = p.suffix.lower()
    return (
        suf in ARTICLE_SUFFIXES | DOC_SUFFIXES | CORPUS_SUFFIXES
        and not p.name.lower().startswith(_SKIP_NAMES)
        and not p.name.startswith(".")
    )


def _files(item: str) -> list[Path]:
    p = Path(item)
    if p.is_file():
        return [p]
    if p.is_dir():
        found = sorted(f for f in p.rglob("*") if f.is_file() and _suffix_ok(f))
        if not found:
            raise InputError(
                f"{item}: no inputs found (looked for "
                f"{', '.join(sorted(ARTICLE_SUFFIXES | DOC_SUFFIXES | CORPUS_SUFFIXES))})"
            )
        return found
    if any(ch in item for ch in "*?["):
        found = sorted(Path(f) for f in glob.glob(item, recursive=True) if Path(f).is_file())
        if not found:
            raise InputError(f"{item}: the pattern matches no files")
        return found
    raise InputError(f"{item}: no such file or directory")


def expand_inputs(inputs: tuple[str, ...] | list[str]) -> Iterator[Unit | InputError]:
    """Every unit of work in ``inputs``; a bad input yields an InputError instead (not raised)."""
    for item in inputs:
        if item == "-":
            yield Unit(key="-", path="-", data=sys.stdin.buffer.read())
            continue
        try:
            files = _files(item)
        except InputError as e:
            yield e
            continue
        for f in files:
            if f.suffix.lower() in (".jsonl", ".ndjson"):
                yield from _jsonl_units(f)
            else:
                yield Unit(key=str(f), path=str(f))


def _jsonl_units(path: Path) -> Iterator[Unit | InputError]:
    try:
        with path.open("rb") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    yield Unit(key=f"{path}#{n}", path=str(path), line=n, data=line)
    except OSError as e:
        yield InputError(f"{path}: cannot read: {e.strerror or e}")


def _unit_bytes(unit: Unit) -> bytes:
    if unit.data is not None:
        return unit.data
    try:
        return Path(unit.path).read_bytes()
    except OSError as e:
        raise InputError(f"{unit.path}: cannot read: {e.strerror or e}") from None


def load_unit(unit: Unit, published: str | None, data: bytes | None = None):  # type: ignore[no-untyped-def]
    """Parse one unit into a Document (raises TimelineError subclasses with the input named)."""
    from timeline.ingest import article_from_json, decode_article, doc_id_for
    from timeline.readwrite.document import parse_document

    raw = data if data is not None else _unit_bytes(unit)
    where = unit.key if unit.line is None else f"{unit.path}:{unit.line}"
    suffix = Path(unit.path).suffix.lower()
    if unit.line is not None:  # a JSON Lines record
        try:
            obj = json.loads(raw.decode("utf-8").rstrip("\r\n"))
        except UnicodeDecodeError as e:
            raise InputError(f"{where}: not valid UTF-8 (byte offset {e.start})") from None
        except json.JSONDecodeError as e:  # the line is in ``where``; the column is the record's
            raise InputError(f"{where}: invalid JSON at column {e.pos + 1}: {e.msg}") from None
        if not isinstance(obj, dict):
            raise InputError(f'{where}: a JSON object with a "text" field is expected')
        art = article_from_json(obj, where)
        doc_id = doc_id_for(str(obj.get("id") or f"{Path(unit.path).stem}-{unit.line}"), art.text)
    elif suffix == ".json":
        try:
            return parse_document(raw.decode("utf-8"), where)
        except UnicodeDecodeError as e:
            raise InputError(f"{where}: not valid UTF-8 (byte offset {e.start})") from None
    elif suffix in (".tml", ".xml"):
        art, doc_id = _corpus_article(raw, where)
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


def _corpus_article(raw: bytes, where: str):  # type: ignore[no-untyped-def]
    """TimeML (.tml) or MEANTIME/CAT (.xml): the text (and its creation time) as an article."""
    from timeline.ingest import Article, doc_id_for

    try:
        data = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(f"{where}: not valid UTF-8 (byte offset {e.start})") from None
    if "<TimeML" in data[:2000]:
        from timeline.readwrite.timeml import parse_timeml

        tml = parse_timeml(data, where)
        art = Article(text=tml.text.strip() + "\n", published=tml.dct, path=where)
    else:
        from timeline.readwrite.meantime import parse_meantime

        mt = parse_meantime(data, where)
        art = Article(
            text=mt.text, published=mt.dct, path=where, title=mt.text.split("\n", 1)[0][:200]
        )
    if not art.text.strip():
        raise InputError(f"{where}: no text")
    return art, doc_id_for(where, art.text)
