"""Event drafts and what every finder shares: the draft, its title, the span lookups of a
document (``DocIndex``), dates from time expressions; the finders of derived and named
events (verbs: ``verb_drafts``; nouns: ``nouns``)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any, cast

from timeline.model import Document, EventTime, Mention, Span, Timex
from timeline.spans import SpanIndex
from timeline.stages.events.lexicon import (
    APPOSITION_GAP,
    LEADING,
    WORD,
    clauses,
    load_lexicon,
)
from timeline.stages.values import shift, value_range


@dataclass(slots=True)
class Draft:
    trigger: Mention
    sentence: Span
    clause: Span
    title: str
    past: bool
    time: EventTime | None = None
    entity: str | None = None
    kind: str = "verb"
    subject: Span | None = None  # a subject shared with an earlier verb: "Varga received
    # the prize and retired" (the clause, for a verb after "and", starts at the "and")
    same_time_as: Draft | None = None  # the verb a participle adds to: "ended the case,
    # ruling that ..." (the ruling is dated as the ending is)


_BARE_PREPOSITION = re.compile(r"(?i)^(?:in|on|at|by|since|during)\s+(?=[,]|$)")


def title_of(text: str, a: int, b: int, timexes: SpanIndex[Timex], limit: int = 16) -> str:
    """A readable phrase from ``text[a:b]``: leading times, connectives and quotes removed."""
    b = min(b, a + 400)  # a title is a few words: never scan a whole (possibly huge) clause
    for _, _, t in timexes.starting_in(a, a + 5):
        if t.end <= b:
            a = t.end
    s = text[a:b].strip(" ,.;:“”\"'’‘`")
    s = _BARE_PREPOSITION.sub("", s)
    s = LEADING.sub("", s).strip(" ,")
    words = s.split()
    if len(words) > limit:
        s = " ".join(words[:limit]) + "…"
    return s[:1].upper() + s[1:] if s else text[a:b].strip() or "event"


@dataclass(frozen=True, slots=True)
class DocIndex:
    """Span lookups over one document, built once per run of the events stage and handed to
    the steps that need them."""

    doc: Document
    timexes: list[Timex]
    mentions: SpanIndex[str]  # entity mentions -> entity id
    sentences: SpanIndex[Span]
    timex_spans: SpanIndex[Timex]
    types: dict[str, str]  # entity id -> type

    @classmethod
    def build(cls, doc: Document, timexes: list[Timex]) -> DocIndex:
        return cls(
            doc=doc,
            timexes=timexes,
            mentions=SpanIndex((m.start, m.end, e.id) for e in doc.entities for m in e.mentions),
            sentences=SpanIndex((s.start, s.end, s) for s in doc.sentences),
            timex_spans=SpanIndex((t.start, t.end, t) for t in timexes),
            types={e.id: e.type for e in doc.entities},
        )

    def inside_entity(self, pos: int) -> bool:
        return self.mentions.covering(pos) is not None

    def sentence_of(self, pos: int) -> Span:
        return self.sentences.covering(pos) or Span(start=pos, end=pos + 1)


def clause_of(text: str, sent: Span, pos: int) -> Span:
    """The clause of ``sent`` holding ``pos`` (found by bisection), else the sentence."""
    cs = clauses(text, sent)
    i = bisect.bisect_right(cs, pos, key=lambda c: c.start) - 1
    if i >= 0 and cs[i].start <= pos < cs[i].end:
        return cs[i]
    return sent


def time_of(t: Timex, basis: str | None = None, note: str | None = None) -> EventTime:
    rng = value_range(t.value) if t.value else None
    return EventTime(
        timex=t.id,
        value=t.value,
        start=rng[0] if rng else None,
        end=rng[1] if rng else None,
        granularity=t.granularity,
        basis=basis or ("explicit" if t.basis == "explicit" else t.basis),  # type: ignore[arg-type]
        note=note,
    )


def value_time(
    value: str | None, basis: str, note: str | None, timex: str | None = None
) -> EventTime:
    from timeline.stages.values import granularity_of

    rng = value_range(value) if value else None
    return EventTime(
        timex=timex,
        value=value,
        start=rng[0] if rng else None,
        end=rng[1] if rng else None,
        granularity=granularity_of(value),
        basis=cast(Any, basis),
        note=note,
    )


def is_datable(t: Timex) -> bool:
    """A date an event can be placed at: one with days, or a year before Christ (which has a
    value and a granularity but no days of our calendar)."""
    if t.type not in ("DATE", "TIME") or not t.value:
        return False
    return value_range(t.value) is not None or t.value.startswith("BC")


def derived_drafts(ix: DocIndex) -> tuple[list[Draft], list[tuple[Draft, Timex, str]]]:
    """Noun events dated through "T, the year after <NP>" or "T, a month before <NP>"."""
    text, timexes = ix.doc.text, ix.timexes
    lex = load_lexicon()
    by_id = {t.id: t for t in timexes}
    datable_index = SpanIndex((x.start, x.end, x) for x in timexes if is_datable(x))
    drafts: list[Draft] = []
    links: list[tuple[Draft, Timex, str]] = []
    for t in timexes:
        m = (
            re.match(r"\s*(after|before)\s+", text[t.end : t.end + 12])
            if t.type == "DURATION"
            else None
        )
        unit_m = re.fullmatch(r"(?i)the\s+(year|month|week|day)\s+(after|before)", t.text)
        if unit_m:
            n, unit, direction = 1, unit_m.group(1).lower(), unit_m.group(2).lower()
            np_start = t.end
            base = by_id.get(t.anchor or "")
            anchor_value = t.value if base is not None else None
        elif m and t.value and re.fullmatch(r"P(\d+)([YMWD])", t.value):
            vm = re.fullmatch(r"P(\d+)([YMWD])", t.value)
            assert vm is not None
            n, unit = (
                int(vm.group(1)),
                {"Y": "year", "M": "month", "W": "week", "D": "day"}[vm.group(2)],
            )
            direction = m.group(1)
            np_start = t.end + m.end()
            before = datable_index.last_ending_by(t.start)
            prev = [before[2]] if before else []
            prev = [x for x in prev if re.fullmatch(APPOSITION_GAP, text[x.end : t.start])]
            base = prev[-1] if prev else None
            anchor_value = base.value if base else None
        else:
            continue
        if anchor_value is None or base is None:
            continue  # (asked first: the noun phrase costs a search)
        np_end_m = re.search(r"[,.;:!?]|\s[–—]\s|$", text[np_start : np_start + 160])
        np_end = np_start + (np_end_m.start() if np_end_m else 0)
        np = text[np_start:np_end]
        head = next((w for w in WORD.finditer(np) if w.group().lower() in lex.nouns), None)
        if head is None:
            continue
        step = -n if direction == "after" else n
        unit_g = unit if unit != "day" else "day"
        value = shift(anchor_value, step, unit_g)
        if value is None:
            continue
        approx = " (approximately)" if t.mod == "APPROX" else ""
        note = (
            f"{n} {unit}{'s' if n > 1 else ''} {'before' if direction == 'after' else 'after'} "
            f"{anchor_value}{approx}, from {text[t.start : np_start].strip()!r}"
        )
        trig = Mention.of(text, np_start + head.start(), np_start + head.end())
        sent = ix.sentence_of(trig.start)
        d = Draft(
            trigger=trig,
            sentence=sent,
            clause=Span(start=np_start, end=np_end),
            title=title_of(text, np_start, np_end, ix.timex_spans),
            past=True,
            kind="noun",
            time=value_time(value, "derived", note),
        )
        drafts.append(d)
        links.append((d, base, "before" if direction == "after" else "after"))
    return drafts, links


def named_events(ix: DocIndex) -> list[Draft]:
    doc = ix.doc
    out = []
    for e in doc.entities:
        if e.type != "EVENT":
            continue
        m = e.mentions[0]
        sent = ix.sentence_of(m.start)
        clause = clause_of(doc.text, sent, m.start)
        out.append(
            Draft(
                trigger=m,
                sentence=sent,
                clause=clause,
                title=e.name,
                past=True,
                entity=e.id,
                kind="named",
            )
        )
    return out


def dedupe(drafts: list[Draft]) -> list[Draft]:
    seen: dict[tuple[int, int], Draft] = {}
    for d in drafts:
        key = (d.trigger.start, d.trigger.end)
        if key not in seen or d.kind == "named" or (d.time and not seen[key].time):
            if key in seen and seen[key].time and d.time is None:
                d.time = seen[key].time
            seen[key] = d
    return sorted(seen.values(), key=lambda d: d.trigger.start)
