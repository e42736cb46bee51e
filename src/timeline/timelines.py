"""Entity timelines in the SemEval-2015 Task 4 (TimeLine) format, and a scorer for them.

A timeline file starts with the target entity's name; then one line per date, in date order,
``ORDINAL<TAB>DATE<TAB>DOCID-SENTENCE-WORD`` (more events of the same date follow on the
same line, tab-separated). DATE is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; an event with no
date is written ``XXXX-XX-XX`` at the top with ordinal 0. Files are named after the entity,
lower-cased with spaces as underscores (``steve_jobs.txt``).

>>> format_date("2010-06-07"), format_date("2010-06"), format_date("2010-W23"), format_date(None)
('2010-06-07', '2010-06', '2010-06', 'XXXX-XX-XX')
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from timeline.model import Document, Entity
from timeline.readwrite.atomic import write_atomic
from timeline.stages.values import granularity_of, value_range

__all__ = [
    "TimelineEvent",
    "build_timelines",
    "write_timelines",
    "read_timeline",
    "score_timelines",
    "format_date",
    "timeline_file_name",
]

UNDATED = "XXXX-XX-XX"


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    event_id: str  # DOCID-SENTENCE-WORD
    date: str  # YYYY-MM-DD, YYYY-MM, YYYY or XXXX-XX-XX
    # where the event's own time starts (a week written as its month still starts on its
    # Monday): the timeline's order
    order: str = ""


def format_date(value: str | None) -> str:
    """A TIMEX3 value as a TimeLine date at its own granularity."""
    if not value or value.endswith("_REF") or value.startswith("P"):
        return UNDATED
    value = value.split("T")[0]
    g = granularity_of(value)
    if g == "day":
        return value
    if g in ("month", "year"):
        return value
    rng = value_range(value)
    if rng is None:
        return UNDATED
    start, end = rng
    return start[:7] if start[:7] == end[:7] else start[:4]


def timeline_file_name(entity: str) -> str:
    return re.sub(r"\s+", "_", entity.strip().lower()) + ".txt"


@dataclass(frozen=True, slots=True)
class Tokens:
    """Token offsets of one CAT/MEANTIME document: start offsets, (sentence, word) per token."""

    doc_id: str
    starts: list[int]
    ids: list[tuple[int, str]]

    def at(self, offset: int) -> tuple[int, str] | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.ids[i] if i >= 0 else None


def _matches(entity: Entity, target: str) -> bool:
    want = target.strip().lower()
    names = {entity.name.lower(), *(a.lower() for a in entity.aliases)}
    return want in names


def _mentions_target(doc: Document, target: str) -> list[tuple[int, int]]:
    """Spans that mention the target: its entity's mentions, else the literal name."""
    spans = [(m.start, m.end) for e in doc.entities if _matches(e, target) for m in e.mentions]
    if not spans:
        spans = [
            (m.start(), m.end()) for m in re.finditer(re.escape(target.strip()), doc.text, re.I)
        ]
    return spans


def _body_start(doc: Document) -> int:
    """Where the story begins: after the headline and the dateline, when the publication
    date was read from a dateline near the top (the headline restates the story's event)."""
    if doc.source.published_from != "inferred":
        return 0
    for t in doc.timexes:
        if t.value == doc.source.published:
            sent = next((s for s in doc.sentences if s.start <= t.start < s.end), None)
            return sent.end if sent else 0
    return 0


def build_timelines(
    documents: Iterable[tuple[Document, Tokens]], targets: list[str]
) -> dict[str, list[TimelineEvent]]:
    """For each target entity, the events it takes part in, across all documents.

    An event belongs to a target when the target is one of its participants or is mentioned
    in the event's clause (its sentence, for named events)."""
    from timeline.stages.events import clauses

    out: dict[str, list[TimelineEvent]] = {t: [] for t in targets}
    for doc, toks in documents:
        body_start = _body_start(doc)
        for target in targets:
            spans = _mentions_target(doc, target)
            if not spans:
                continue
            ids = {e.id for e in doc.entities if _matches(e, target)}
            for ev in doc.events:
                clause = next(
                    (
                        c
                        for c in clauses(doc.text, ev.sentence)
                        if c.start <= ev.trigger.start < c.end
                    ),
                    ev.sentence,
                )
                involved = any(p.entity in ids for p in ev.participants) or any(
                    clause.start <= a < clause.end for a, _ in spans
                )
                if not involved or ev.entity in ids or ev.trigger.start < body_start:
                    continue
                tok = toks.at(ev.trigger.start)
                if tok is None:
                    continue
                sentence, word = tok
                value = ev.time.value
                rng = value_range(value) if value else None
                out[target].append(
                    TimelineEvent(
                        f"{toks.doc_id}-{sentence}-{word}",
                        format_date(value),
                        rng[0] if rng is not None else "",
                    )
                )
    return out


def _lines(name: str, events: list[TimelineEvent]) -> str:
    seen: dict[str, TimelineEvent] = {}
    for e in events:
        seen.setdefault(e.event_id, e)
    undated = [e for e in seen.values() if e.date == UNDATED]
    dated = sorted(
        (e for e in seen.values() if e.date != UNDATED), key=lambda e: (e.order or e.date, e.date)
    )
    lines = [name]
    lines += [f"0\t{UNDATED}\t{e.event_id}" for e in undated]
    for ordinal, (date, group) in enumerate(
        itertools.groupby(dated, key=lambda e: e.date), start=1 if undated else 0
    ):
        for e in group:
            lines.append(f"{ordinal}\t{date}\t{e.event_id}")
    return "\n".join(lines) + "\n"


def write_timelines(timelines: dict[str, list[TimelineEvent]], out: Path) -> list[Path]:
    return [
        write_atomic(out / timeline_file_name(name), _lines(name, events))
        for name, events in timelines.items()
    ]


def read_timeline(path: Path) -> tuple[str, list[tuple[int, str, str]]]:
    """(entity, [(ordinal, date, event id)]) from a TimeLine file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = []
    for line in lines[1:]:
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 3:
            continue
        for ev in parts[2:]:
            rows.append((int(parts[0]), parts[1], ev))
    return (lines[0].strip() if lines else ""), rows


def score_timelines(system_dir: Path, gold_dir: Path) -> dict[str, Any]:
    """Event P/R/F1 (by event id), date accuracy and pairwise order accuracy on shared events."""
    tp = n_sys = n_gold = same_date = 0
    pairs = pairs_ok = 0
    per_target = {}
    for gold_file in sorted(gold_dir.glob("*.txt")):
        _, gold_rows = read_timeline(gold_file)
        sys_file = system_dir / gold_file.name
        sys_rows = read_timeline(sys_file)[1] if sys_file.exists() else []
        gold = {ev: (o, d) for o, d, ev in gold_rows}
        system = {ev: (o, d) for o, d, ev in sys_rows}
        shared = sorted(set(gold) & set(system))
        tp += len(shared)
        n_sys += len(system)
        n_gold += len(gold)
        same_date += sum(1 for ev in shared if gold[ev][1] == system[ev][1])
        for a, b in itertools.combinations(shared, 2):
            pairs += 1
            rel_g = (gold[a][0] > gold[b][0]) - (gold[a][0] < gold[b][0])
            rel_s = (system[a][0] > system[b][0]) - (system[a][0] < system[b][0])
            pairs_ok += rel_g == rel_s
        per_target[gold_file.stem] = {
            "gold": len(gold),
            "system": len(system),
            "shared": len(shared),
        }
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {
        "events": {
            "p": round(100 * p, 2),
            "r": round(100 * r, 2),
            "f1": round(200 * p * r / (p + r), 2) if p + r else 0.0,
        },
        "date_accuracy": round(100 * same_date / tp, 2) if tp else 0.0,
        "order_accuracy": round(100 * pairs_ok / pairs, 2) if pairs else 0.0,
        "targets": per_target,
    }
