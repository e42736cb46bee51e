"""The pipeline: named stages run in order, each a plain ``(Document, Settings) -> Document``.

>>> doc = parse("In 1962, the Soviet Union placed missiles in Cuba.", published="2022-03-05")
>>> [(t.text, t.value) for t in doc.timexes]
[('1962', '1962')]
>>> [e.name for e in doc.entities]
['Soviet Union', 'Cuba']
"""

from __future__ import annotations

from collections.abc import Callable

from timeline.errors import InputError, StageError, TimelineError
from timeline.ingest import doc_id_for, parse_date_string
from timeline.model import Document, Source
from timeline.settings import DEFAULT, Settings
from timeline.stages.entities import entities_stage
from timeline.stages.events import events_stage
from timeline.stages.relations import relations_stage
from timeline.stages.sentences import sentences_stage
from timeline.stages.times import times_stage

__all__ = ["STAGES", "parse", "run_stages"]

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
    published: str | None = None,
    title: str | None = None,
    url: str | None = None,
    path: str | None = None,
    doc_id: str | None = None,
    published_from: str | None = None,
    settings: Settings = DEFAULT,
) -> Document:
    """Parse one article's text into a Document.

    Parameters
    ----------
    text : the article text; offsets in the result index into it.
    published : publication date (``YYYY-MM-DD``), the anchor of "last Tuesday"; without it
        relative expressions stay unresolved and are listed in ``doc.problems``.
    """
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}")
    if not text.strip():
        raise InputError(f"{path or 'text'}: is empty")
    if len(text) > settings.max_chars:
        raise InputError(
            f"{path or 'text'}: {len(text):,} characters, over the limit of {settings.max_chars:,}"
        )
    dct = None
    if published is not None:
        dct = parse_date_string(published)
        if dct is None:
            raise InputError(f"published date {published!r} is not a date (use YYYY-MM-DD)")
    source = Source(
        id=doc_id or doc_id_for(path or "text", text),
        title=title,
        url=url,
        path=path,
        published=dct,
        published_from=(published_from or ("argument" if dct else "unknown")),  # type: ignore[arg-type]
    )
    return run_stages(Document(source=source, text=text), settings)
