"""Events: triggers anchored in sentences, dated, with participants; and the links between them.

* Verb events: the first lexicon verb of each clause, plus verbs coordinated with it by
  "and" ("cut ties ... and closed its embassy").
* Noun events: an event noun dated through a time expression ("in 2019, the year after
  Maduro's contested re-election", "in January, roughly a month before the Russian invasion
  of Ukraine"): the noun phrase gets the date moved by the stated amount (basis ``derived``).
* Named events: every EVENT entity ("the Missile Crisis") is an event too.

Time, in order of preference: a time expression in the clause; one heading the sentence; one
elsewhere in the sentence; for a subordinate "after ..." clause under an anaphoric time ("The
following year, after the crisis cooled"), that time's anchor (``derived``); the previous
sentence's time for a past-tense sentence (``inherited``); else the publication date
(``publication``); else none. Links come from "after"/"before" clauses, derivations and
causal cues ("led to", "in response to", "as a result").
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any, cast

from timeline.model import (
    Document,
    Entity,
    Event,
    EventLink,
    EventTime,
    Mention,
    Participant,
    Problem,
    Span,
    Timex,
)
from timeline.settings import Settings
from timeline.spans import SpanIndex
from timeline.stages.normalize import shift, value_range

__all__ = ["events_stage", "verb_forms", "clauses"]

_CLAUSE_BREAK = re.compile(
    r",\s+|;\s+|:\s+|\s+[–—-]\s+|\s*\(|\)\s*"
    r"|\s+(?=(?:when|while|because|although|whereas|which|who|until)\s)"
)
_DETERMINER_BEFORE = re.compile(
    r"(?i)\b(?:the|a|an|these|those|this|that|its|his|her|their|our|my|your|such|of|on|by|for|"
    r"with|from|in|into|about|new|further|more|even|any|no|some|many|few|several|and|or|"
    r"[a-z]+(?:'s|’s))\s+$"
)
_PREDICATE_BEFORE = re.compile(
    r"(?i)\b(?:is|are|am|be|been|being|himself|herself|itself|themselves|get|gets|seems|seem|"
    r"remain|remains|become|becomes)\s+(?:\w+ly\s+)?$"
)
_SUBJECT_BEFORE = re.compile(r"(?:\b(?i:he|she|it|they|we|i|who|which|that)|\w+ly|[A-Z]\w*)\s+$")
_LEADING = re.compile(
    r"^(?:(?:and|but|or|so|which|who|that|when|while|as|after|before|because|although|"
    r"furthermore|however|moreover|meanwhile|then|in the end|according to)\b[\s,]*)+",
    re.I,
)
_APPOSITION_GAP = re.compile(
    r"(?i),\s*(?:(?:roughly|about|around|approximately|almost|nearly|some|just|only)\s+)?"
)
_FUTURE = re.compile(r"(?i)\b(?:will|won't|shall|'ll|going to|plans? to|expected to|would)\b")
_CAUSAL = re.compile(
    r"(?i)\b(?:led to|leads to|lead to|contributed to|contributes to|resulted in|results in|"
    r"caused|causes|triggered|triggers|prompted|prompts|sparked|sparks|brought about)\b"
)
_RESPONSE = re.compile(r"(?i)\b(?:in response to|as a result of|because of|due to|following)\b")
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


@dataclass(frozen=True, slots=True)
class _Lexicon:
    verbs: dict[str, tuple[str, bool]]  # form -> (lemma, is_past)
    nouns: frozenset[str]


def verb_forms(lemma: str, irregular: list[str] | None = None) -> dict[str, bool]:
    """Inflected forms of a regular verb, each flagged as past tense or not.

    >>> sorted(verb_forms("place").items())
    [('place', False), ('placed', True), ('places', False), ('placing', False)]
    >>> verb_forms("stop")["stopped"], verb_forms("apply")["applied"]
    (True, True)
    """
    forms: dict[str, bool] = {lemma: False}
    if lemma.endswith("e"):
        forms[lemma + "d"] = True
        forms[lemma[:-1] + "ing"] = False
        forms[lemma + "s"] = False
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms[lemma[:-1] + "ied"] = True
        forms[lemma[:-1] + "ies"] = False
        forms[lemma + "ing"] = False
    else:
        stem = lemma
        if re.fullmatch(r"[^aeiou]*[aeiou][bdgklmnprt]", lemma):
            stem = lemma + lemma[-1]
        forms[stem + "ed"] = True
        forms[stem + "ing"] = False
        forms[lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z", "o")) else "s")] = False
    for f in irregular or []:
        forms[f] = True
    return forms


@cache
def _lexicon() -> _Lexicon:
    data = json.loads((resources.files("timeline") / "data" / "lexicon.json").read_text("utf-8"))
    verbs: dict[str, tuple[str, bool]] = {}
    for lemma in data["event_verbs"]:
        for form, past in verb_forms(lemma, data["irregular"].get(lemma)).items():
            verbs.setdefault(form, (lemma, past))
    for lemma, forms in data["irregular"].items():  # irregular pasts override regular guesses
        for f in forms:
            verbs[f] = (lemma, True)
        verbs.pop(lemma + "ed", None) if lemma in ("cut", "put") else None
    return _Lexicon(verbs=verbs, nouns=frozenset(data["event_nouns"]))


def trigger_lemma(trigger: str) -> str:
    """The lemma of an event trigger: verbs from the lexicon, other words lower-cased.

    >>> trigger_lemma("Closed"), trigger_lemma("cut"), trigger_lemma("invasion")
    ('close', 'cut', 'invasion')
    """
    word = trigger.lower()
    return _lexicon().verbs.get(word, (word, False))[0]


@lru_cache(maxsize=8)
def clauses(text: str, sentence: Span) -> tuple[Span, ...]:
    """Comma/semicolon/dash-delimited clauses of a sentence (a rough but useful cut). The
    last few are cached: three steps ask for the clauses of an endless sentence."""
    out: list[Span] = []
    start = sentence.start
    for m in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end):
        if m.start() > start:
            out.append(Span(start=start, end=m.start()))
        start = m.end()
    if sentence.end > start:
        out.append(Span(start=start, end=sentence.end))
    return tuple(out)


@dataclass(slots=True)
class _Draft:
    trigger: Mention
    sentence: Span
    clause: Span
    title: str
    past: bool
    time: EventTime | None = None
    entity: str | None = None
    kind: str = "verb"


def _title(text: str, a: int, b: int, timexes: list[Timex], limit: int = 16) -> str:
    """A readable phrase from ``text[a:b]``: leading times, connectives and quotes removed."""
    b = min(b, a + 400)  # a title is a few words: never scan a whole (possibly huge) clause
    for _, _, t in _timex_index(timexes).starting_in(a, a + 5):
        if t.end <= b:
            a = t.end
    s = text[a:b].strip(" ,.;:“”\"'’‘")
    s = re.sub(r"^(?:in|on|at|by|since|during)\s+(?=[,]|$)", "", s, flags=re.I)
    s = _LEADING.sub("", s).strip(" ,")
    words = s.split()
    if len(words) > limit:
        s = " ".join(words[:limit]) + "…"
    return s[:1].upper() + s[1:] if s else text[a:b].strip() or "event"


def _find_verbs(text: str, doc: Document, timexes: list[Timex], limit: int = 10**9) -> list[_Draft]:
    lex = _lexicon()
    out: list[_Draft] = []
    for sent in doc.sentences:
        if len(out) >= limit:
            break
        for clause in clauses(text, sent):
            if len(out) >= limit:
                break
            hits = [
                (m, *lex.verbs[m.group().lower()])
                for m in _WORD.finditer(text, clause.start, clause.end)
                if m.group().lower() in lex.verbs
                and not m.group()[:1].isupper()
                or (
                    m.group().lower() in lex.verbs
                    and m.start() == clause.start
                    and not _is_name(doc, m.start())
                )
            ]
            hits = [
                h
                for h in hits
                if not _inside_entity(doc, h[0].start()) and _verb_use(text, h[0], lex)
            ]
            hits = [
                (
                    m,
                    lemma,
                    past and not _PREDICATE_BEFORE.search(text[max(0, m.start() - 40) : m.start()]),
                )
                for m, lemma, past in hits
            ]
            kept: list[tuple[re.Match[str], str, bool]] = []
            for h in hits:
                if not kept:
                    kept.append(h)
                    continue
                between = text[kept[-1][0].end() : h[0].start()]
                if re.search(r"\band\b", between) and not re.search(
                    r"\b(?:to|of|for|the)\s*$", between
                ):
                    kept.append(h)
            if not kept:
                continue
            subject_end = kept[0][0].start()
            for idx, (m, _lemma, past) in enumerate(kept):
                if idx == 0:
                    title = _title(text, clause.start, clause.end, timexes)
                else:
                    nxt = kept[idx + 1][0].start() if idx + 1 < len(kept) else clause.end
                    end = nxt
                    if idx + 1 < len(kept):
                        cut = _last_and(text, m.start(), nxt)
                        end = cut if cut is not None else nxt
                    # "... and Putin naturally seeks": a new subject after "and"
                    prev_and = _last_and(text, kept[idx - 1][0].end(), m.start())
                    own = text[prev_and + 5 : m.start()].strip() if prev_and is not None else ""
                    subj = own or _title(text, clause.start, subject_end, timexes)
                    title = _title(text, m.start(), end, timexes)
                    if subj and not subj.lower().startswith(m.group().lower()):
                        title = f"{subj[:1].upper()}{subj[1:]} {title[:1].lower()}{title[1:]}"
                if idx == 0 and len(kept) > 1:
                    cut = _last_and(text, m.start(), kept[1][0].start())
                    if cut is not None:
                        title = _title(text, clause.start, cut, timexes)
                out.append(
                    _Draft(
                        trigger=Mention.of(text, m.start(), m.end()),
                        sentence=sent,
                        clause=clause,
                        title=title,
                        past=past,
                    )
                )
    return out


def _last_and(text: str, a: int, b: int) -> int | None:
    """Offset of the last " and " in ``text[a:b]``, or None."""
    i = text.rfind(" and ", a, b)
    return i if i >= 0 else None


def _verb_use(text: str, m: re.Match[str], lex: _Lexicon) -> bool:
    """False when a verb form is used as a noun: "the sanctions", "in the end", "even signs"."""
    before = text[max(0, m.start() - 40) : m.start()]
    word = m.group().lower()
    if _DETERMINER_BEFORE.search(before) and not word.endswith(("ed", "ing")):
        return False
    plural_like = word.endswith("s") and not word.endswith("ss")
    return not (plural_like and not _SUBJECT_BEFORE.search(before))


def _is_name(doc: Document, pos: int) -> bool:
    return _inside_entity(doc, pos)


_INDEX_CACHE: dict[int, tuple[Document, SpanIndex[str], SpanIndex[Span]]] = {}
_TIMEX_CACHE: dict[int, tuple[list[Timex], SpanIndex[Timex]]] = {}


def _timex_index(timexes: list[Timex]) -> SpanIndex[Timex]:
    hit = _TIMEX_CACHE.get(id(timexes))
    if hit is None or hit[0] is not timexes:
        _TIMEX_CACHE.clear()
        hit = _TIMEX_CACHE[id(timexes)] = (timexes, SpanIndex((t.start, t.end, t) for t in timexes))
    return hit[1]


def _indexes(doc: Document) -> tuple[SpanIndex[str], SpanIndex[Span]]:
    """Mention and sentence indexes of ``doc`` (built once per document and stage run)."""
    hit = _INDEX_CACHE.get(id(doc))
    if hit is None or hit[0] is not doc:
        mentions = SpanIndex((m.start, m.end, e.id) for e in doc.entities for m in e.mentions)
        sentences = SpanIndex((s.start, s.end, s) for s in doc.sentences)
        _INDEX_CACHE.clear()
        _INDEX_CACHE[id(doc)] = hit = (doc, mentions, sentences)
    return hit[1], hit[2]


def _inside_entity(doc: Document, pos: int) -> bool:
    return _indexes(doc)[0].covering(pos) is not None


def _sentence_of(doc: Document, pos: int) -> Span:
    return _indexes(doc)[1].covering(pos) or Span(start=pos, end=pos + 1)


def _clause_of(text: str, sent: Span, pos: int) -> Span:
    for c in clauses(text, sent):
        if c.start <= pos < c.end:
            return c
    return sent


def _time_of(t: Timex, basis: str | None = None, note: str | None = None) -> EventTime:
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


def _value_time(
    value: str | None, basis: str, note: str | None, timex: str | None = None
) -> EventTime:
    from timeline.stages.normalize import granularity_of

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


def _datable(t: Timex) -> bool:
    return t.type in ("DATE", "TIME") and bool(t.value) and value_range(t.value) is not None


def _derivations(
    text: str, doc: Document, timexes: list[Timex]
) -> tuple[list[_Draft], list[tuple[_Draft, Timex, str]]]:
    """Noun events dated through "T, the year after <NP>" or "T, a month before <NP>"."""
    lex = _lexicon()
    by_id = {t.id: t for t in timexes}
    datable_index = SpanIndex((x.start, x.end, x) for x in timexes if _datable(x))
    drafts: list[_Draft] = []
    links: list[tuple[_Draft, Timex, str]] = []
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
            prev = [x for x in prev if re.fullmatch(_APPOSITION_GAP, text[x.end : t.start])]
            base = prev[-1] if prev else None
            anchor_value = base.value if base else None
        else:
            continue
        np_end_m = re.search(r"[,.;:!?]|\s[–—]\s|$", text[np_start : np_start + 160])
        np_end = np_start + (np_end_m.start() if np_end_m else 0)
        np = text[np_start:np_end]
        head = next((w for w in _WORD.finditer(np) if w.group().lower() in lex.nouns), None)
        if head is None or anchor_value is None or base is None:
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
        sent = _sentence_of(doc, trig.start)
        d = _Draft(
            trigger=trig,
            sentence=sent,
            clause=Span(start=np_start, end=np_end),
            title=_title(text, np_start, np_end, timexes),
            past=True,
            kind="noun",
            time=_value_time(value, "derived", note),
        )
        drafts.append(d)
        links.append((d, base, "before" if direction == "after" else "after"))
    return drafts, links


def events_stage(doc: Document, settings: Settings) -> Document:
    """Pipeline stage: fill ``doc.events`` and ``doc.event_links``."""
    text = doc.text
    timexes = list(doc.timexes)
    cap = settings.cap(len(text), settings.max_events_per_1000)
    drafts = _find_verbs(text, doc, timexes, cap)
    problems = doc.problems
    if len(drafts) >= cap:
        cut = drafts[-1].trigger.end
        problems += (
            Problem(
                code="too-dense",
                message=f"over {cap:,} events for a text this long; the text from offset "
                f"{cut:,} on is not searched for events",
                start=cut,
                end=len(text),
            ),
        )
    derived, derivation_links = _derivations(text, doc, timexes)
    drafts.extend(derived)
    drafts.extend(_named_events(doc, timexes))
    drafts = _dedupe(drafts)
    _date(doc, drafts, timexes)
    events, id_of = _finish(doc, drafts)
    links = _link(doc, drafts, id_of, timexes, derivation_links)
    events = _date_named_from_participation(doc, events)
    links = links + _time_order_links(events, {(lk.source, lk.target) for lk in links})
    return dataclasses.replace(
        doc,
        events=tuple(sorted(events, key=lambda e: e.trigger.start)),
        event_links=tuple(links),
        problems=problems,
    )


_ORDERED_BASES = {"explicit", "deictic", "anaphoric", "derived"}


def _time_order_links(events: list[Event], existing: set[tuple[str, str]]) -> list[EventLink]:
    """A chain of "before" links through the distinct dates of the document.

    Only events dated from the text (not inherited or publication dates) take part, and
    only when one date range ends before the next begins, so the chain is a DAG by
    construction: each date group is linked to the next one by its first event.
    """
    dated = sorted(
        (e for e in events if e.time.basis in _ORDERED_BASES and e.time.start and e.time.end),
        key=lambda e: (e.time.start or "", e.time.end or "", e.trigger.start),
    )
    groups: list[list[Event]] = []
    for e in dated:
        if groups and (groups[-1][0].time.start, groups[-1][0].time.end) == (
            e.time.start,
            e.time.end,
        ):
            groups[-1].append(e)
        else:
            groups.append([e])
    out = []
    for a, b in zip(groups, groups[1:], strict=False):
        first, second = a[0], b[0]
        if (first.time.end or "") < (second.time.start or "") and (
            first.id,
            second.id,
        ) not in existing:
            out.append(
                EventLink(
                    id=f"{first.id}>before>{second.id}",
                    source=first.id,
                    target=second.id,
                    type="before",
                    evidence=None,
                )
            )
    return out


def _named_events(doc: Document, timexes: list[Timex]) -> list[_Draft]:
    out = []
    for e in doc.entities:
        if e.type != "EVENT":
            continue
        m = e.mentions[0]
        sent = _sentence_of(doc, m.start)
        clause = _clause_of(doc.text, sent, m.start)
        out.append(
            _Draft(
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


def _dedupe(drafts: list[_Draft]) -> list[_Draft]:
    seen: dict[tuple[int, int], _Draft] = {}
    for d in drafts:
        key = (d.trigger.start, d.trigger.end)
        if key not in seen or d.kind == "named" or (d.time and not seen[key].time):
            if key in seen and seen[key].time and d.time is None:
                d.time = seen[key].time
            seen[key] = d
    return sorted(seen.values(), key=lambda d: d.trigger.start)


def _date(doc: Document, drafts: list[_Draft], timexes: list[Timex]) -> None:
    text = doc.text
    datable = SpanIndex((t.start, t.end, t) for t in timexes if _datable(t))
    prev_sentence_time: dict[int, EventTime] = {}
    sentence_no = {s: i for i, s in enumerate(doc.sentences)}
    first_clause: dict[Span, Span] = {}
    for d in drafts:
        if d.time is not None or d.kind == "named":
            continue
        # (index queries, not scans of the sentence: a run-on sentence may hold thousands)
        in_clause = [t for _, _, t in datable.starting_in(d.clause.start, d.clause.end)]
        # the clause around the trigger (bounded: run-on clauses can be very long)
        clause_text = text[
            max(d.clause.start, d.trigger.start - 200) : min(d.clause.end, d.trigger.end + 200)
        ]
        first = first_clause.get(d.sentence)
        if first is None:
            first = first_clause[d.sentence] = _first_clause_of(text, d.sentence)
        head = [t for _, _, t in datable.starting_in(first.start, min(first.end, d.clause.start))]
        if (
            re.match(r"(?i)\s*after\b", text[d.clause.start : d.clause.start + 12])
            and head
            and head[0].basis == "anaphoric"
        ):
            anchor = next((t for t in timexes if t.id == head[0].anchor), None)
            if anchor is not None:
                d.time = _time_of(
                    anchor, "derived", f"before {head[0].text.lower()} ({head[0].value})"
                )
                continue
        if in_clause:
            d.time = _time_of(min(in_clause, key=lambda t: abs(t.start - d.trigger.start)))
        elif head:
            d.time = _time_of(head[0])
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


def _finish(doc: Document, drafts: list[_Draft]) -> tuple[list[Event], dict[int, str]]:
    events = []
    id_of: dict[int, str] = {}
    for d in drafts:
        eid = f"e{d.trigger.start}-{d.trigger.end}"
        id_of[id(d)] = eid
        events.append(
            Event(
                id=eid,
                title=d.title,
                trigger=d.trigger,
                sentence=d.sentence,
                time=d.time or EventTime(),
                participants=_participants(doc, d),
                entity=d.entity,
            )
        )
    return events, id_of


def _participants(doc: Document, d: _Draft) -> tuple[Participant, ...]:
    span = d.clause if d.kind != "named" else Span(start=d.trigger.start, end=d.trigger.end)
    # participants are near their trigger: bound the search in run-on clauses
    span = Span(
        start=max(span.start, d.trigger.start - 300), end=min(span.end, d.trigger.end + 300)
    )
    types = _entity_types(doc)
    out: dict[str, Participant] = {}
    hits = sorted(_indexes(doc)[0].starting_in(span.start, span.end), key=lambda x: x[2])
    for m_start, _m_end, eid in hits:
        if eid == d.entity:
            continue
        before = doc.text[max(0, m_start - 4) : m_start].lower()
        if types[eid] == "LOCATION" and before.endswith(("in ", "at ")):
            role = "location"
        elif m_start < d.trigger.start:
            role = "agent"
        elif m_start > d.trigger.start:
            role = "patient"
        else:
            role = "participant"
        out.setdefault(eid, Participant(entity=eid, role=role))
    ordered = sorted(
        out.values(),
        key=lambda p: (["agent", "patient", "location", "participant"].index(p.role), p.entity),
    )
    return tuple(ordered)


_TYPES_CACHE: dict[int, tuple[Document, dict[str, str]]] = {}


def _entity_types(doc: Document) -> dict[str, str]:
    hit = _TYPES_CACHE.get(id(doc))
    if hit is None or hit[0] is not doc:
        _TYPES_CACHE.clear()
        hit = _TYPES_CACHE[id(doc)] = (doc, {e.id: e.type for e in doc.entities})
    return hit[1]


def _link(
    doc: Document,
    drafts: list[_Draft],
    id_of: dict[int, str],
    timexes: list[Timex],
    derivation_links: list[tuple[_Draft, Timex, str]],
) -> list[EventLink]:
    text = doc.text
    links: dict[tuple[str, str, str], EventLink] = {}

    def add(src: str, dst: str, typ: Any, a: int | None = None, b: int | None = None) -> None:
        if src == dst:
            return
        ev = Mention.of(text, a, b) if a is not None and b is not None and b > a else None
        links.setdefault(
            (src, dst, typ),
            EventLink(id=f"{src}>{typ}>{dst}", source=src, target=dst, type=typ, evidence=ev),
        )

    by_sentence: dict[Span, list[_Draft]] = {}
    for d in drafts:
        by_sentence.setdefault(d.sentence, []).append(d)
    named_by_entity = {d.entity: d for d in drafts if d.entity}
    for sent, ds in by_sentence.items():
        for c in clauses(text, sent):
            ctext = text[c.start : c.end]
            sub = re.match(r"(?i)\s*(after|before)\b", ctext)
            if not sub:
                continue
            inner = [d for d in ds if c.start <= d.trigger.start < c.end]
            outer = [d for d in ds if not (c.start <= d.trigger.start < c.end) and d.kind == "verb"]
            # named events mentioned inside the clause ("after the crisis cooled")
            for e in doc.entities:
                if e.id in named_by_entity and any(c.start <= m.start < c.end for m in e.mentions):
                    inner.append(named_by_entity[e.id])
            typ = "before" if sub.group(1).lower() == "after" else "after"
            for i in inner:
                for o in outer:
                    add(id_of[id(i)], id_of[id(o)], typ, c.start, c.end)
        # causal cues between two events of one sentence
        for m in _CAUSAL.finditer(text, sent.start, sent.end):
            left = [d for d in ds if d.trigger.end <= m.start()]
            right = [d for d in ds if d.trigger.start >= m.end()]
            if left and right:
                add(id_of[id(left[-1])], id_of[id(right[0])], "causes", m.start(), m.end())
        for m in _RESPONSE.finditer(text, sent.start, sent.end):
            right = [d for d in ds if d.trigger.start >= m.end()]
            left = [d for d in ds if d.trigger.end <= m.start()]
            if left and right and m.group().lower() != "following":
                add(id_of[id(right[0])], id_of[id(left[-1])], "causes", m.start(), m.end())
    # "2019, the year after X": X is before the events dated by 2019 in that sentence
    for d, base, typ in derivation_links:
        for o in by_sentence.get(d.sentence, []):
            if o is d or o.time is None or o.time.timex != base.id:
                continue
            if typ == "before":
                add(id_of[id(d)], id_of[id(o)], "before", d.clause.start, d.clause.end)
            else:
                add(id_of[id(o)], id_of[id(d)], "before", d.clause.start, d.clause.end)
    # "As a result, ..." at a sentence start: the previous sentence's event causes this one
    sents = list(doc.sentences)
    for k, sent in enumerate(sents[1:], start=1):
        cue = re.match(
            r"(?i)(as a result|consequently|in response|as a consequence)\b",
            text[sent.start : sent.end],
        )
        if cue and by_sentence.get(sent) and by_sentence.get(sents[k - 1]):
            add(
                id_of[id(by_sentence[sents[k - 1]][-1])],
                id_of[id(by_sentence[sent][0])],
                "causes",
                sent.start,
                sent.start + cue.end(),
            )
    return sorted(links.values(), key=lambda link: link.id)


def _date_named_from_participation(doc: Document, events: list[Event]) -> list[Event]:
    """An undated named event takes the derived date of an event whose clause mentions it."""
    out = []
    for ev in events:
        if ev.entity and ev.time.basis == "none":
            ent: Entity | None = doc.entity(ev.entity)
            mentions = ent.mentions[1:] if ent else ()
            for other in events:
                if other is ev or other.time.basis not in ("explicit", "derived", "anaphoric"):
                    continue
                clause = _clause_of(doc.text, other.sentence, other.trigger.start)
                if any(clause.start <= m.start < clause.end for m in mentions):
                    ev = dataclasses.replace(
                        ev,
                        time=dataclasses.replace(
                            other.time,
                            basis="derived",
                            note=f"from {doc.text[clause.start : clause.end].strip()!r}",
                        ),
                    )
                    break
        out.append(ev)
    return out
