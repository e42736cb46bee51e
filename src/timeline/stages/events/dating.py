"""Dating events: the time expression of the clause, of the sentence head, of the narrative
so far, of the previous sentence, or the publication date, each with its basis."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re

from timeline.model import Document, Event, EventTime, Span, Timex
from timeline.spans import SpanIndex
from timeline.stages.clause_cues import in_apposition, in_quotation, modifies_noun
from timeline.stages.events.drafts import Draft, clause_of, is_datable, time_of, value_time
from timeline.stages.events.lexicon import (
    CLAUSE_BREAK,
    FUTURE,
    clauses,
    is_reporting,
    load_lexicon,
    reporting_lemma,
)
from timeline.stages.events.story import (
    StoryClock,
    counted_back,
    is_news_day,
    looked_back,
    told_aside,
    years_since_all,
)
from timeline.stages.tense import is_past_form
from timeline.stages.values import granularity_rank, value_range


def date_drafts(doc: Document, drafts: list[Draft], timexes: list[Timex]) -> None:
    text = doc.text
    dated = [t for t in timexes if is_datable(t)]
    datable = SpanIndex((t.start, t.end, t) for t in dated)
    # "25 years since the flood": the flood's date, for the story clock and the events told
    since = years_since_all(text, timexes, doc.source.published)
    # (a date in an apposition, "Ellison, who retired in 2009, called it ...", is no
    # story time for the clauses after it)
    told_dates = [t for t in dated if not in_apposition(text, t) and not told_aside(text, t)]
    story = StoryClock(
        text, told_dates + [back for _, back in since], doc.source.published, doc.sentences
    )
    first_clause: dict[Span, Span] = {}
    published = doc.source.published
    by_id = {t.id: t for t in timexes}
    any_timex = SpanIndex((t.start, t.end, t) for t in timexes)
    counted = counted_back(text, since, doc.source.published, doc.sentences, datable)
    for d in drafts:
        if d.time is not None or d.kind == "named":
            continue
        if d.same_time_as is not None and d.same_time_as.time is not None:
            own = datable.first_starting_in(d.trigger.end, d.sentence.end)
            if own is None or _RELATIVE_BEFORE.search(text, d.trigger.end, own[0]):
                # "ended the case on Tuesday, ruling that ...", "deepening a standoff that
                # has lasted since 2022": the time of the verb it adds to (but "retiring
                # when the yard closed in 1984": its own)
                d.time = d.same_time_as.time
                continue
        back = counted.covering(d.trigger.start)
        if back is not None:  # "thirty years since the Wall fell": 30 years before today
            d.time = back
            continue
        # (index queries that build no list: a run-on sentence may hold thousands of times)
        near = datable.nearest_starting_in(d.clause.start, d.clause.end, d.trigger.start)
        if near is not None and near[0] > d.trigger.start and modifies_noun(text, near[2]):
            # "Last year, a researcher came across Varnholt's 1987 paper": not 1987 (but
            # "after the 1991 floods washed away its supports": the floods' year)
            other = datable.first_starting_in(d.sentence.start, d.sentence.end)
            if other is not None and other[2] is not near[2]:
                near = None
        said_ahead = False  # a saying whose time after it is what was said
        if (
            near is not None
            and near[0] > d.trigger.start
            and (says := reporting_lemma(d.trigger.text)) in _SAYING
            and not d.trigger.text.endswith("ing")
            and near[0] - d.trigger.end <= SAID_REACH
            and not (says == "tell" and _LISTENER.match(text, d.trigger.end, near[0]))
            and not _SAID_WHEN.match(text, d.trigger.end, near[0])
        ):
            # "said the reunion on Friday would raise money": the time is what was said,
            # and the saying is the news day's
            near = datable.last_starting_in(d.clause.start, d.trigger.start)
            said_ahead = True
        # the clause around the trigger (bounded: run-on clauses can be very long)
        clause_text = text[
            max(d.clause.start, d.trigger.start - 200) : min(d.clause.end, d.trigger.end + 200)
        ]
        first = first_clause.get(d.sentence)
        if first is None:
            first = first_clause[d.sentence] = _first_clause_of(text, d.sentence)
        found = datable.first_starting_in(first.start, min(first.end, d.clause.start))
        head = found[2] if found and not looked_back(text, found[2]) else None
        if (
            re.match(r"(?i)\s*after\b", text[d.clause.start : d.clause.start + 12])
            and head is not None
            and head.basis == "anaphoric"
        ):
            anchor = by_id.get(head.anchor or "")
            if anchor is not None:
                d.time = time_of(anchor, "derived", f"before {head.text.lower()} ({head.value})")
                continue
        if near is None and _WHEN_NEXT.match(text, d.clause.end):
            # "retiring when the pit closed in 1986": the time of the "when" clause
            cut = clauses(text, d.sentence)
            k = bisect.bisect_left(cut, d.clause.end, key=lambda c: c.start)
            nxt = cut[k] if k < len(cut) else None
            if nxt is not None:
                near = datable.first_starting_in(nxt.start, nxt.end)
        told = near[2] if near is not None else _restated(text, head, datable) if head else None
        if near is None and (until := _NOT_UNTIL.match(text, d.clause.end)):
            # "was not finished until 1799": it was finished in 1799
            after = datable.first_starting_in(until.end(), until.end() + 1)
            if after is not None and _NEGATED.search(
                text, max(0, d.trigger.start - 16), d.trigger.start
            ):
                told = after[2]
        if told is None:  # narrative continuation: the nearest time earlier in the sentence
            earlier = datable.last_starting_in(d.sentence.start, d.trigger.start)
            told = earlier[2] if earlier is not None and not looked_back(text, earlier[2]) else None
            if told is not None and told.end < d.clause.start and in_apposition(text, told):
                told = None  # "Ellison, who retired in 2009, called the decision ..."

        if (
            told is not None
            and told.start < d.trigger.start
            and in_quotation(text, told.start)
            and not in_quotation(text, d.trigger.start)
        ):
            told = None  # '"I was married in 1956," she said': the saying is not in 1956
        if told is not None:
            before = text[max(d.clause.start, d.trigger.start - 40) : d.trigger.start]
            if (
                told.start < d.trigger.start
                and _PAST_PERFECT.search(before)
                and (
                    _OTHER_CLAUSE.search(
                        text, max(told.end, d.trigger.start - 300), d.trigger.start
                    )
                    or _BY.search(text, max(0, told.start - 16), told.start)
                    or _in_clause_before(text, d, told)
                )
            ):
                # "In 1964 she found that a compound broke down dyes that had resisted every
                # treatment", "By 1975 the chain had begun to lose ground": before the date
                # (but "In January the Kremlin had suggested sending troops": in January)
                d.time = _time_before(told, time_of(told).basis)
            else:
                d.time = time_of(told)
        else:
            if is_reporting(d.trigger.text):  # "said the plant would close": said, past
                clause_text = text[max(d.clause.start, d.trigger.start - 200) : d.trigger.end]
            future = bool(FUTURE.search(clause_text))
            ref = story.at(d.trigger.start) if d.past and not future and not said_ahead else None
            if ref is not None and is_reporting(d.trigger.text):
                # "said" is the news day's, not a historic story's: told from today
                ref = ref if is_news_day(ref) else None
            if ref is not None and _PRESENT_PERFECT.search(
                text, max(d.clause.start, d.trigger.start - 40), d.trigger.start
            ):
                ref = None  # "has made four acquisitions": told from today, not the story's
            if ref is not None:
                before = text[max(d.clause.start, d.trigger.start - 40) : d.trigger.start]
                # "Within a week they had taken the town": an amount of time in the clause
                # counts forward; the past perfect then marks completion, not a time before
                perfect = bool(_PAST_PERFECT.search(before)) and not any_timex.first_starting_in(
                    d.clause.start, d.clause.end
                )
                d.time = _narrative_time(ref, perfect=perfect)
            elif doc.source.published and not future:
                d.time = value_time(
                    doc.source.published[:10],
                    "publication",
                    "no time in the sentence: the publication date",
                )
            else:
                d.time = EventTime()
        if (
            published
            and d.past
            and d.kind == "verb"
            and is_reporting(d.trigger.text)
            and (d.time.start or "") > published[:10]
            and not in_quotation(text, d.trigger.start)
        ):
            # "Tenders will open on Monday, the ministry said": a saying told in the past
            # is not after the publication date (the time was what was said)
            d.time = value_time(
                published[:10], "publication", "said in the past: not after the publication date"
            )


# verbs of saying whose object is what was said ("said the plant would close"); "tell"
# first names a listener ("told this newspaper in 2012")
_SAYING = ("say", "tell", "add", "note", "explain")
# what may stand between a reporting verb and the time of the saying: "said on Friday",
# "said in an interview last week", "told reporters at a news conference on Tuesday" (each
# phrase is matched atomically: "in a b in a b ..." read two ways per phrase took
# exponential time)
_SAID_WHEN = re.compile(
    r"(?>\s+(?:(?:to|in|at|during|after|before|from|outside|on|with)\s+(?:the\s+|an?\s+)?"
    r"[\w'’-]+(?:\s+(?!that\b)[a-z'’-]+){0,3}|reporters|supporters|journalists|him|her|them|us)"
    r")*(?:\s+(?:on|in|at|during|early|late|later|earlier))?\s*,?\s*$"
)
_LISTENER = re.compile(
    r"\s+(?:this|the|his|her|its|their|an?)\s+(?:[A-Z][\w'’-]*\s+)*[\w'’-]+" + _SAID_WHEN.pattern
)
SAID_REACH = 120  # no "said in an interview ... on Friday" is longer


_RELATIVE_BEFORE = re.compile(r"\b(?:that|which|who|whose|where)\b")


def _restated(text: str, head: Timex, datable: SpanIndex[Timex]) -> Timex:
    """A relative time restated at once by an explicit or a finer one ("The following
    spring, in April 1945, ...", "Two days later, on 2 May, ..."): the one that says more."""
    after = datable.first_starting_in(head.end, head.end + 12)
    if after is None or head.basis == "explicit":
        return head
    t = after[2]
    finer = granularity_rank(t.granularity) > granularity_rank(head.granularity)
    if (t.basis == "explicit" or finer) and _APPOSED.fullmatch(text[head.end : after[0]]):
        return t
    return head


_APPOSED = re.compile(r"\s*[,(–—-]\s*(?:in|on|at|during)?\s*")


# "was not finished until 1799": the event happens at the date after "until"
_NOT_UNTIL = re.compile(r"\s*until\s+")
_WHEN_NEXT = re.compile(r"[\s,]*(?:when|while)\s")
_NEGATED = re.compile(r"(?i)\b(?:not|never|n't)\s+(?:\w+\s+)?$")


# a clause of its own between a date and a verb: the date is the other clause's
_OTHER_CLAUSE = re.compile(r"(?i)\b(?:that|which|who|whom|but|when|where)\b")
_BY = re.compile(r"(?i)\bby\s+(?:the\s+(?:end|middle|start|beginning)\s+of\s+)?$")


def _in_clause_before(text: str, d: Draft, told: Timex) -> bool:
    """Whether ``told`` stands in an earlier clause of the sentence with a verb of its own
    ("By the time it filed on 22 January 2016, it had already closed ...", "Three years
    later she was selected, though officials had rejected her"), not an opening adverbial
    ("In January, the Kremlin had suggested ...")."""
    if told.start >= d.clause.start or told.start < d.sentence.start:
        return False
    cut = clauses(text, d.sentence)
    k = bisect.bisect_right(cut, told.start, key=lambda c: c.start) - 1
    if k < 0 or told.start >= cut[k].end or cut[k].end > d.clause.start:
        return False
    c = cut[k]
    # (the words of the clause near the date: a clause of thousands of words is read once
    # per date, not per verb)
    rest = (
        text[max(c.start, told.start - 200) : told.start]
        + text[told.end : min(c.end, told.end + 200)]
    )
    verbs = load_lexicon().verbs
    return any(is_past_form(w) or verbs.get(w.lower(), ("", False))[1] for w in rest.split())


_PRESENT_PERFECT = re.compile(r"(?i)\b(?:has|have)\s+(?:(?:not|never|already|just|\w+ly)\s+)?$")
_PAST_PERFECT = re.compile(
    r"(?i)\bhad\s+(?:(?:not|never|already|just|long|\w+ly)\s+)?(?:been\s+)?$"
)


def _narrative_time(ref: Timex, perfect: bool) -> EventTime:
    """A clause with no time of its own, told in the past: the time of the story it is in,
    or, in the past perfect ("had warned"), a time before it."""
    if not perfect:
        return time_of(ref, "narrative", f"from {ref.text!r}, the time the story is in")
    return _time_before(ref, "narrative")


def _time_before(ref: Timex, basis: str) -> EventTime:
    """A time ending before ``ref`` begins: what the past perfect tells ("had warned")."""
    rng = value_range(ref.value) if ref.value else None
    end = None
    if rng is not None and rng[0] > "0001-01-01":
        end = (dt.date.fromisoformat(rng[0]) - dt.timedelta(days=1)).isoformat()
    return EventTime(
        timex=ref.id,
        end=end,
        granularity=ref.granularity,
        basis=basis,  # type: ignore[arg-type]
        note=f"before {ref.text!r} ({ref.value}): told in the past perfect",
    )


def _first_clause_of(text: str, sent: Span) -> Span:
    for m in CLAUSE_BREAK.finditer(text, sent.start, sent.end):  # the first break will do
        if m.start() > sent.start:
            return Span(start=sent.start, end=m.start())
    return clauses(text, sent)[0] if sent.end > sent.start else sent


def date_named_from_participation(doc: Document, events: list[Event]) -> list[Event]:
    """An undated named event takes the derived date of an event whose clause mentions it
    (the first such event in document order). Clauses are looked up by position: linear
    however many named events and events a document holds."""
    if not any(ev.entity and ev.time.basis == "none" for ev in events):
        return events  # no undated named event: nothing to look up
    text = doc.text
    first_in: dict[tuple[int, int], tuple[int, Span]] = {}  # clause -> first dated event in it
    for k, other in enumerate(events):
        if other.time.basis in ("explicit", "derived", "anaphoric"):
            clause = clause_of(text, other.sentence, other.trigger.start)
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
            clause = clause_of(text, sent, m.start)
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
