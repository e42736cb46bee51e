"""Ingest: bytes from a file or stdin -> article text plus metadata (title, url, published).

Formats: plain text; Markdown or text with a ``---`` front matter of ``key: value`` lines
(``title``, ``published``/``date``, ``url``); HTML, where the main text comes from
``<article>`` (else ``<main>``, else ``<body>``) without scripts, navigation or footers, and
the metadata from ``<title>``, ``og:``/``article:`` meta tags, ``<time datetime>`` or JSON-LD.

Every problem is an :class:`~timeline.errors.InputError` whose message names the file.
"""

from __future__ import annotations

import codecs
import hashlib
import html
import re
from dataclasses import dataclass
from pathlib import Path

from timeline.dateline import headline
from timeline.errors import InputError
from timeline.readwrite.html_page import PageExtractor, clean_text, defuse_unclosed_markup
from timeline.settings import max_chars_limit

__all__ = [
    "Article",
    "read_article",
    "decode_article",
    "decode_text",
    "doc_id_for",
    "parse_date_string",
]

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ".html", ".htm"}


@dataclass(frozen=True, slots=True)
class Article:
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    path: str | None = None


def doc_id_for(name: str, text: str, *context: str | None) -> str:
    """Slug of the source name plus the first 8 hex digits of a sha256 over the text and
    ``context``: whatever else makes the document (its path, title, URL, publication date),
    so that one text published twice is two documents.

    >>> doc_id_for("examples/US Mission.md", "abc")
    'us-mission-ba7816bf'
    >>> doc_id_for("ap/story.md", "abc", "ap/story.md", "2022-03-05")
    'story-e5d58765'
    """
    stem = Path(name).stem if name not in ("-", "") else "stdin"
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")[:60] or "doc"
    h = hashlib.sha256(text.encode("utf-8", "surrogatepass"))
    for part in context:
        h.update(b"\x00" + (part or "").encode("utf-8", "surrogatepass"))
    return f"{slug}-{h.hexdigest()[:8]}"


def read_article(path: str | Path, max_chars: int | None = None) -> Article:
    """Read and decode one input file (``-`` is stdin), up to the size limit; ``max_chars``
    defaults to :func:`timeline.settings.max_chars_limit`."""
    from timeline.inputs import Unit, read_stdin, unit_bytes

    name = str(path)
    if name == "-":
        return decode_article(read_stdin(), name, max_chars=max_chars)
    p = Path(path)
    if not p.exists():
        raise InputError(f"{name}: no such file")
    if p.is_dir():
        raise InputError(f"{name}: is a directory (give the files, or use `timeline build`)")
    return decode_article(unit_bytes(Unit(key=name, path=name)), name, max_chars=max_chars)


def decode_article(data: bytes, name: str = "-", max_chars: int | None = None) -> Article:
    """Decode bytes as an article; the format is chosen from the name's suffix and the content."""
    max_chars = max_chars or max_chars_limit()
    for magic, kind, how in _DOCUMENTS:
        if data.startswith(magic):
            raise InputError(
                f"{name}: {kind} file, which timeline does not read; convert it to text "
                f"first (e.g. `{how} {name}`)"
            )
    raw = decode_text(data, name)
    if not raw.strip():
        raise InputError(
            f"{name}: file is empty (nothing but white space); give a file that holds the text"
        )
    if len(raw) > max_chars:
        raise InputError(f"{name}: {len(raw):,} characters, over the limit of {max_chars:,}")
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    suffix = Path(name).suffix.lower()
    if suffix in (".html", ".htm") or (suffix not in (".md", ".txt") and _looks_html(raw)):
        article = _from_html(raw, name)
    else:
        article = _from_text(raw, name)
    if not article.text.strip():
        raise InputError(f"{name}: no article text found")
    return article


# document formats people point the tool at: told apart by their first bytes
_DOCUMENTS = (
    (b"%PDF-", "a PDF", "pdftotext"),
    (b"{\\rtf", "an RTF", "pandoc -t plain"),
    (b"PK\x03\x04", "a zipped (Word, OpenDocument or other Office)", "pandoc -t plain"),
    (b"\xd0\xcf\x11\xe0", "a Microsoft Office (old format)", "antiword"),
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes, name: str = "-") -> str:
    """Text from bytes: UTF-8, or UTF-16/UTF-32 when a byte order mark says so (what
    Windows tools often write). InputError naming ``name`` for binary or other encodings.

    >>> decode_text("Tōkyō".encode("utf-16")), decode_text(b"\\xef\\xbb\\xbfabc")
    ('Tōkyō', 'abc')
    """
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if encoding is not None:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as e:
            raise InputError(
                f"{name}: not valid {encoding.upper().removesuffix('-SIG')} (offset {e.start}) "
                "although its byte order mark says so; convert it to UTF-8"
            ) from None
    if b"\x00" in data[:8192]:
        nul = data.index(b"\x00")
        raise InputError(f"{name}: looks binary (NUL byte at offset {nul}), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); "
            "convert it, e.g. `iconv -f latin1 -t utf-8`"
        ) from None


def _looks_html(raw: str) -> bool:
    head = raw.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


_FRONT = re.compile(r"\A---[ \t]*\n(?P<meta>.*?)\n(?:---|\.\.\.)[ \t]*\n", re.S)


def _from_text(raw: str, name: str) -> Article:
    meta: dict[str, str] = {}
    m = _FRONT.match(raw)
    if m:
        for line in m["meta"].splitlines():
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            key, sep, value = line.partition(":")
            if not sep:
                raise InputError(f"{name}: front matter line {line!r} is not `key: value`")
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            meta[key.strip().lower()] = value
        raw = raw[m.end() :]
    published = meta.get("published") or meta.get("date")
    if published is not None:
        parsed = parse_date_string(published)
        if parsed is None:
            raise InputError(
                f"{name}: front matter date {published!r} is not a date (use YYYY-MM-DD)"
            )
        published = parsed
    return Article(
        text=raw,
        title=meta.get("title") or headline(raw),
        url=meta.get("url") or None,
        published=published,
        path=None if name == "-" else name,
    )


def parse_date_string(value: str) -> str | None:
    """An ISO date (``YYYY-MM-DD``) from a metadata date string, or None.

    >>> parse_date_string("2022-03-05T10:00:00Z"), parse_date_string("March 5, 2022")
    ('2022-03-05', '2022-03-05')
    >>> parse_date_string("2022-02-30"), parse_date_string("2022-13-01"), parse_date_string("٢٠٢٢-٠١-٠١")
    (None, None, None)
    """
    from timeline.schema import is_date

    value = value.strip()
    if re.match(r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9])", value):  # ISO: it must be a real day
        return value[:10] if is_date(value[:10]) else None
    if not value.isascii() or len(value) > 100:
        return None  # other digits, long prose: not a date we read
    from timeline.stages.normalize import parse_absolute

    parsed = parse_absolute(value)
    if parsed and parsed[1] == "day" and is_date(parsed[0]):
        return parsed[0]
    return None


# --------------------------------------------------------------------------- HTML
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "sailthru.date",
    "parsely-pub-date",
)


def _from_html(raw: str, name: str) -> Article:
    ex = PageExtractor()
    try:
        ex.feed(defuse_unclosed_markup(raw))
        ex.close()
    except Exception as e:  # html.parser is lenient; this is a last resort
        raise InputError(f"{name}: cannot parse HTML: {e}") from None
    for key in ("article", "main", "body", "all"):
        text = clean_text(ex.parts[key])
        if len(text.strip()) > 40 or key == "all":
            break
    published = None
    for key in (*_DATE_META, "time"):
        if ex.meta.get(key):
            published = parse_date_string(ex.meta[key])
            if published:
                break
    if published is None and ex.ld:
        m = re.search(r'"datePublished"\s*:\s*"([^"]+)"', "".join(ex.ld))
        if m:
            published = parse_date_string(m.group(1))
    title = ex.meta.get("og:title") or html.unescape("".join(ex.title)).strip() or None
    url = ex.meta.get("og:url") or ex.meta.get("canonical") or None
    return Article(
        text=text, title=title, url=url, published=published, path=None if name == "-" else name
    )


_SURROGATE = re.compile("[\ud800-\udfff]")


def article_from_json(obj: dict[str, object], name: str) -> Article:
    """An article from a JSON object with ``text`` and optional ``title``, ``url``, ``published``."""
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f'{name}: JSON object has no non-empty "text" string')
    published = obj.get("published")
    if published is not None and (
        not isinstance(published, str) or not parse_date_string(published)
    ):
        raise InputError(f'{name}: "published" {published!r} is not a date')
    for key in ("text", "title", "url"):
        value = obj.get(key)
        if isinstance(value, str) and (bad := _SURROGATE.search(value)):
            raise InputError(
                f'{name}: "{key}" holds an unpaired surrogate (\\u{ord(bad.group()):04x} at '
                f"character {bad.start()}), which no UTF-8 file can store; fix the JSON escape"
            )
    return Article(
        text=text,
        title=obj.get("title") if isinstance(obj.get("title"), str) else None,  # type: ignore[arg-type]
        url=obj.get("url") if isinstance(obj.get("url"), str) else None,  # type: ignore[arg-type]
        published=parse_date_string(published) if isinstance(published, str) else None,
        path=name,
    )
