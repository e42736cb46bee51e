"""Exports to the tools researchers and newsrooms already use.

- GraphML (yEd, Cytoscape) and GEXF (Gephi; event nodes carry spells, so Gephi's timeline
  slider works), both with scalar attributes;
- node-link JSON (networkx, d3), edges under ``"edges"`` (networkx's default key; d3 says
  ``links``);
- CSV: ``events.csv``, ``entities.csv``, ``relations.csv`` (pandas, spreadsheets);
- TimelineJS3 JSON (the newsroom timeline tool), with every text HTML-escaped because
  TimelineJS renders its text fields as HTML;
- SVG: the static timeline strip of the HTML page.

>>> from timeline.pipeline import parse
>>> doc = parse("In 1962, the Soviet Union placed missiles in Cuba.", published="2022-03-05")
>>> [e["start_date"] for e in generate_timelinejs([doc])["events"]]
[{'year': '1962'}]
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from timeline.model import Document
from timeline.readwrite.atomic import check_target, write_atomic
from timeline.readwrite.xmlsafe import xml_safe
from timeline.render.labels import date_label

__all__ = [
    "FORMATS",
    "CSV_FILES",
    "export",
    "targets",
    "generate_timelinejs",
    "write_csv",
    "csv_cell",
]

FORMATS = ("graphml", "gexf", "json", "csv", "timelinejs", "svg")
CSV_FILES = ("events.csv", "entities.csv", "relations.csv")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_cell(value: Any) -> Any:
    """A CSV cell that no spreadsheet runs as a formula: text starting with ``=``, ``+``,
    ``-``, ``@``, a tab or a line break (or their full-width forms) gets a leading ``'``,
    as OWASP advises for CSV injection. Numbers stay numbers; lists join with ``; ``.

    >>> csv_cell("=1+1"), csv_cell("-5 degrees"), csv_cell(-5), csv_cell(["a", "b"])
    ("'=1+1", "'-5 degrees", -5, 'a; b')
    """
    if isinstance(value, list):
        value = "; ".join(map(str, value))
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv(rows: list[dict[str, Any]], fields: list[str]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: csv_cell(v) for k, v in r.items()})
    return buf.getvalue()


def write_csv(documents: Sequence[Document], folder: str | Path) -> list[Path]:
    """``events.csv``, ``entities.csv`` and ``relations.csv`` in ``folder``; ``start``/``end``
    are offsets into the document's ``text`` (not the source file), ``doc_id`` names it."""
    folder = Path(folder)
    events, entities, relations = [], [], []
    for doc in documents:
        names = {e.id: e.name for e in doc.entities}
        for ev in doc.events:
            events.append(
                {
                    "doc_id": doc.id,
                    "event_id": ev.id,
                    "title": ev.title,
                    "trigger": ev.trigger.text,
                    "value": ev.time.value,
                    "date_start": ev.time.start,
                    "date_end": ev.time.end,
                    "granularity": ev.time.granularity,
                    "basis": ev.time.basis,
                    "note": ev.time.note,
                    "participants": [names.get(p.entity, p.entity) for p in ev.participants],
                    "sentence": doc.text[ev.sentence.start : ev.sentence.end],
                    "start": ev.trigger.start,
                    "end": ev.trigger.end,
                }
            )
        for e in doc.entities:
            entities.append(
                {
                    "doc_id": doc.id,
                    "entity_id": e.id,
                    "name": e.name,
                    "type": e.type,
                    "aliases": list(e.aliases),
                    "mentions": len(e.mentions),
                }
            )
        for r in doc.relations:
            relations.append(
                {
                    "doc_id": doc.id,
                    "source": names.get(r.source, r.source),
                    "target": names.get(r.target, r.target),
                    "type": r.type,
                    "polarity": r.polarity,
                    "evidence": r.evidence.text,
                    "start": r.evidence.start,
                    "end": r.evidence.end,
                    "event_id": r.event,
                }
            )
    return [
        write_atomic(
            folder / "events.csv", _csv(events, list(events[0]) if events else ["doc_id"])
        ),
        write_atomic(
            folder / "entities.csv", _csv(entities, list(entities[0]) if entities else ["doc_id"])
        ),
        write_atomic(
            folder / "relations.csv",
            _csv(relations, list(relations[0]) if relations else ["doc_id"]),
        ),
    ]


def _tl_date(iso: str | None, granularity: str | None) -> dict[str, str] | None:
    if not iso:
        return None
    y, m, d = iso.split("-")
    if granularity in ("year", "decade", "century"):
        return {"year": str(int(y))}
    if granularity in ("month", "quarter", "season"):
        return {"year": str(int(y)), "month": str(int(m))}
    return {"year": str(int(y)), "month": str(int(m)), "day": str(int(d))}


def _tl_span(time: Any) -> tuple[dict[str, str] | None, dict[str, str] | None]:
    """TimelineJS start and end dates of a time: a span (week, weekend, quarter, season,
    decade, ...) gets both ends at the precision that shows it ("2023-SP": March to May),
    a day, a month or a year one date."""
    start = _tl_date(time.start, time.granularity)
    if start is None or not time.end or time.end == time.start:
        return start, None
    end = _tl_date(time.end, time.granularity)
    return start, (end if end != start else None)


def _tl_bc(value: str | None) -> dict[str, str] | None:
    """A year before Christ as TimelineJS writes it: a negative year, shown "480 BCE"."""
    m = re.fullmatch(r"BC(\d{4})(?:-(\d\d))?", value or "")
    if m is None or int(m[1]) == 0:
        return None
    date = {"year": str(-int(m[1]))}
    if m[2] and 1 <= int(m[2]) <= 12:
        date["month"] = str(int(m[2]))
    return date


def generate_timelinejs(documents: Sequence[Document], title: str | None = None) -> dict[str, Any]:
    """TimelineJS3 JSON: one slide per dated event; texts are escaped HTML."""
    events = []
    for doc in documents:
        for ev in doc.events:
            start, end = _tl_span(ev.time)
            start = start or _tl_bc(ev.time.value)
            if start is None:
                continue
            slide: dict[str, Any] = {
                "start_date": start,
                # the date as a reader says it ("spring 2023", "week of 3 Jun 2024")
                "display_date": html.escape(date_label(ev.time.to_dict())),
                "text": {
                    "headline": html.escape(ev.title),
                    "text": html.escape(doc.text[ev.sentence.start : ev.sentence.end])
                    + (f"<br><small>{html.escape(doc.source.title or doc.id)}</small>"),
                },
                # TimelineJS takes a group's text content (one decoding), then sets it as HTML
                "group": html.escape(html.escape(doc.source.title or doc.id)),
                "unique_id": f"{doc.id}-{ev.id}",
            }
            if end is not None:
                slide["end_date"] = end
            events.append(slide)
    head = title or (documents[0].source.title if len(documents) == 1 else None) or "timeline"
    return {"title": {"text": {"headline": html.escape(head), "text": ""}}, "events": events}


def targets(fmt: str, out: str | Path, *, force: bool = False) -> list[Path]:
    """The files ``export`` writes for ``fmt`` at ``out`` (a folder of three for ``csv``).

    Raises FileExistsError when one exists and ``force`` is false, OutputError when one is
    a folder: call it before parsing, to refuse early.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    out = Path(out)
    paths = [out / n for n in CSV_FILES] if fmt == "csv" else [out]
    for p in paths:
        check_target(p, force=force)
    return paths


def export(
    documents: Sequence[Document],
    fmt: str,
    out: str | Path,
    *,
    force: bool = False,
    title: str | None = None,
) -> list[Path]:
    """Write ``documents`` in format ``fmt`` to ``out`` (a folder for ``csv``); ``title``
    heads a TimelineJS export (default: the one document's title, else "timeline").

    Raises FileExistsError, before writing anything, when a file it would write exists and
    ``force`` is false.
    """
    targets(fmt, out, force=force)
    if fmt == "csv":
        return write_csv(documents, out)
    if fmt == "timelinejs":
        return [
            write_atomic(
                out,
                json.dumps(generate_timelinejs(documents, title), ensure_ascii=False, indent=1),
            )
        ]
    if fmt == "svg":
        from timeline.render.page_data import collect
        from timeline.render.timeline_svg import timeline_svg

        data = collect(documents)
        names = {e["id"]: e["label"] for e in data["entities"]}
        svg = timeline_svg(data["events"], data["links"], names, standalone=True)
        xml = '<?xml version="1.0" encoding="utf-8"?>\n' + xml_safe(svg) + "\n"
        return [write_atomic(out, xml)]
    from timeline.graph.stream import write_corpus_graph

    out = Path(out)
    write_corpus_graph(out.parent, documents, names={fmt: out.name})
    return [out]
