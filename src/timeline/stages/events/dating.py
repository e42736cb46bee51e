"""Dating events: the time expression of the clause, of the sentence head, of the narrative
so far, of the previous sentence, or the publication date, each with its basis."""

from __future__ import annotations

import bisect
import dataclasses
import re

from timeline.model import Document, Event, EventTime, Span, Timex
from timeline.spans import SpanIndex
from timeline.stages.events.drafts import _clause_of, _datable, _Draft, _time_of, _value_time
from timeline.stages.events.lexicon import _CLAUSE_BREAK, _FUTURE, clauses


def _date(doc: Document, drafts: list[_Draft], timexes: list[Timex]) -> None:
    text = doc.text
    datable = SpanIndex((t.start, t.end, t) for t in timexes if _datable(t))
    prev_sentence_time: dict[int, EventTime] = {}
    sentence_no = {s: i for i, s in enumerate(doc.sentences)}
    first_clause: dict[Span, Span] = {}
    by_id = {t.id: t for t in timexes}
    for d in drafts:
        if d.time is not None or d.kind == "named":
            continue
        # (index queries that build no list: a run-on sentence may hold thousands of times)
        near = datable.nearest_starting_in(d.clause.start, d.clause.end, d.trigger.start)
        # the clause around the trigger (bounded: run-on clauses can be very long)
        clause_text = text[
            max(d.clause.start, d.trigger.start - 200) : min(d.clause.end, d.trigger.end + 200)
        ]
        first = first_clause.get(d.sentence)
        if first is None:
            first = first_clause[d.sentence] = _first_clause_of(text, d.sentence)
        found = datable.first_starting_in(first.start, min(first.end, d.clause.start))
        head = found[2] if found else None
        if (
            re.match(r"(?i)\s*after\b", text[d.clause.start : d.clause.start + 12])
            and head is not None
            and head.basis == "anaphoric"
        ):
            anchor = by_id.get(head.anchor or "")
            if anchor is not None:
                d.time = _time_of(anchor, "derived", f"before {head.text.lower()} ({head.value})")
                continue
        if near is not None:
            d.time = _time_of(near[2])
        elif head is not None:
            d.time = _time_of(head)
        elif earlier := datable.last_starting_in(d.sentence.start, d.trigger.start):
            # narrative continuation: the nearest time earlier in the sentence
            d.time = _time_of(earlier[2])
        else:
            idx = sentence_no.get(d.sentence, -1)
            inherited = prev_sentence_time.get(idx - 1)
            future = bool(_FUTURE.search(clause_text))
            if inherited and d.past and not future:
                d.time = dataclasses.replace(
                    inherited, basis="inherited", note="from the previous sentence"
                )
            elif doc.source.published and not future:
                d.time = _value_time(
                    doc.source.published[:10],
                    "publication",
                    "no time in the sentence: the publication date",
                )
            else:
                d.time = EventTime()
        if d.time.basis in ("explicit", "deictic", "anaphoric") and d.sentence in sentence_no:
            prev_sentence_time[sentence_no[d.sentence]] = d.time


def _first_clause_of(text: str, sent: Span) -> Span:
    for m in _CLAUSE_BREAK.finditer(text, sent.start, sent.end):  # the first break will do
        if m.start() > sent.start:
            return Span(start=sent.start, end=m.start())
    return clauses(text, sent)[0] if sent.end > sent.start else sent


def _date_named_from_participation(doc: Document, events: list[Event]) -> list[Event]:
    """An undated named event takes the derived date of an event whose clause mentions it
    (the first such event in document order). Clauses are looked up by position: linear
    however many named events and events a document holds."""
    if not any(ev.entity and ev.time.basis == "none" for ev in events):
        return events  # no undated named event: nothing to look up
    text = doc.text
    first_in: dict[tuple[int, int], tuple[int, Span]] = {}  # clause -> first dated event in it
    for k, other in enumerate(events):
        if other.time.basis in ("explicit", "derived", "anaphoric"):
            clause = _clause_of(text, other.sentence, other.trigger.start)
            first_in.setdefault((clause.start, clause.end), (k, clause))
    if not first_in:
        return events
    entities = {e.id: e for e in doc.entities}
    starts = [s.start for s in doc.sentences]
    out = []
    for ev in events:
        ent = entities.get(ev.entity) if ev.entity and ev.time.basis == "none" else None
        best: tuple[int, Span] | None = None
        for m in ent.mentions[1:] if ent else ():
            i = bisect.bisect_right(starts, m.start) - 1
            if i < 0 or not doc.sentences[i].start <= m.start < doc.sentences[i].end:
                continue
            sent = doc.sentences[i]
            clause = _clause_of(text, sent, m.start)
            for span in {(clause.start, clause.end), (sent.start, sent.end)}:
                found = first_in.get(span)
                if found is not None and (best is None or found[0] < best[0]):
                    best = found
        if best is not None:
            k, clause = best
            ev = dataclasses.replace(
                ev,
                time=dataclasses.replace(
                    events[k].time,
                    basis="derived",
                    note=f"from {text[clause.start : clause.end].strip()!r}",
                ),
            )
        out.append(ev)
    return out
