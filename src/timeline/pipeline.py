"""The pipeline: named stages run in order, each a plain ``(Document, Settings) -> Document``.

>>> doc = parse("In 1962, the Soviet Union placed missiles in Cuba.", published="2022-03-05")
>>> [(t.text, t.value) for t in doc.timexes]
[('1962', '1962')]
>>> [e.name for e in doc.entities]
['Soviet Union', 'Cuba']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from timeline.dateline import published_in_dateline
from timeline.errors import InputError, StageError, TimelineError
from timeline.ingest import doc_id_for, parse_date_string
from timeline.model import Document, Problem, Source
from timeline.settings import DEFAULT, Settings
from timeline.stages.entities import entities_stage
from timeline.stages.events import events_stage
from timeline.stages.relations import relations_stage
from timeline.stages.sentences import sentences_stage
from timeline.stages.times import times_stage

__all__ = [
    "STAGES",
    "parse",
    "run_stages",
    "infer_published_date",
    "lacks_publication_date",
    "NO_PUBLICATION_DATE",
]


def infer_published_date(text: str) -> str | None:
    """The publication date a news text states in a dateline or byline at its top (see
    ``timeline.dateline``); None when it states none.

    >>> infer_published_date("Apple unveils iPhone 4\\nJune 8, 2010\\nYesterday, Apple ...")
    '2010-06-08'
    """
    return published_in_dateline(text)


NO_PUBLICATION_DATE = (
    "no publication date (none given, and no dateline, byline or metadata date at the top); "
    "relative dates such as 'yesterday' are left unresolved: give --published YYYY-MM-DD "
    "or a `published:` front matter line"
)

NOT_GIVEN = (
    "no publication date (none given, and infer_published=False); relative dates such as "
    "'yesterday' are left unresolved: pass published='YYYY-MM-DD'"
)


def lacks_publication_date(doc: Document) -> bool:
    """Whether ``doc`` has relative dates left unresolved for want of a publication date
    (what ``timeline parse`` and ``build`` warn about)."""
    return doc.source.published is None and any(
        p.code == "no-publication-date" and p.start is not None for p in doc.problems
    )


Stage = Callable[[Document, Settings], Document]

STAGES: tuple[tuple[str, Stage], ...] = (
    ("sentences", sentences_stage),
    ("times", times_stage),
    ("entities", entities_stage),
    ("events", events_stage),
    ("relations", relations_stage),
)


def run_stages(doc: Document, settings: Settings = DEFAULT) -> Document:
    """Run every stage on ``doc``; any failure becomes a StageError naming the stage."""
    for name, stage in STAGES:
        try:
            doc = stage(doc, settings)
        except TimelineError:
            raise
        except Exception as e:  # noqa: BLE001 - wrapped with the stage and document named
            raise StageError(name, doc.id, e) from e
        if not isinstance(doc, Document):
            raise StageError(name, "?", TypeError(f"stage returned {type(doc).__name__}"))
    return doc


def parse(
    text: str,
    *,
    published: str | dt.date | None = None,
    title: str | None = None,
    url: str | None = None,
    path: str | None = None,
    doc_id: str | None = None,
    published_from: str | None = None,
    infer_published: bool = True,
    settings: Settings = DEFAULT,
) -> Document:
    """Parse one article's text into a Document.

    Parameters
    ----------
    text : the article text; offsets in the result index into it.
    published : publication date (``YYYY-MM-DD``, a ``datetime.date`` or ``datetime``), the
        anchor of "last Tuesday"; without it
        relative expressions stay unresolved and are listed in ``doc.problems``.
    infer_published : when no date is given, take it from the text's dateline, byline or
        metadata line at the top (see ``infer_published_date``) and record
        ``published_from="inferred"``, as ``timeline parse`` does; ``False`` leaves it unknown.
    """
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}")
    if not text.strip():
        raise InputError(f"{path or 'text'}: is empty (nothing but white space); give the text")
    limit = settings.char_limit()
    if len(text) > limit:
        raise InputError(f"{path or 'text'}: {len(text):,} characters, over the limit of {limit:,}")
    dct = None
    if isinstance(published, dt.date):  # a date or a datetime: its day
        published = published.isoformat()[:10]
    if published is not None:
        dct = parse_date_string(published) if isinstance(published, str) else None
        if dct is None:
            raise InputError(
                f"published date {published!r} is not a date (use a real day, YYYY-MM-DD)"
            )
    elif infer_published:
        dct = infer_published_date(text)
        if dct is not None:
            published_from = "inferred"
    source = Source(
        id=doc_id or doc_id_for(path or "text", text, path, title, url, dct),
        title=title,
        url=url,
        path=path,
        published=dct,
        published_from=(published_from or ("argument" if dct else "unknown")),  # type: ignore[arg-type]
    )
    missing = NO_PUBLICATION_DATE if infer_published else NOT_GIVEN
    problems = () if dct else (Problem(code="no-publication-date", message=missing),)
    return run_stages(Document(source=source, text=text, problems=problems), settings)
