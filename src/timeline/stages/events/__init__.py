"""Events: triggers anchored in sentences, dated, with participants; and the links between them.

* Verb events: the first lexicon verb of each clause, plus verbs coordinated with it by
  "and" ("cut ties ... and closed its embassy").
* Noun events: an event noun dated through a time expression ("in 2019, the year after
  Maduro's contested re-election", "in January, roughly a month before the Russian invasion
  of Ukraine"): the noun phrase gets the date moved by the stated amount (basis ``derived``).
* Named events: every EVENT entity ("the Missile Crisis") is an event too.

Time, in order of preference: a time expression in the clause; one heading the sentence; one
elsewhere in the sentence; for a subordinate "after ..." clause under an anaphoric time ("The
following year, after the crisis cooled"), that time's anchor (``derived``); "N years since
X" counted back from the publication year (``derived``); the time the story is in for a
past-tense clause (``narrative``, ``story.StoryClock``); else the publication date
(``publication``); else none. Links come from "after"/"before" clauses, derivations and
causal cues ("led to", "in response to", "as a result").
"""

from __future__ import annotations

import dataclasses

from timeline.model import Document, Event, EventTime, Participant, Problem, Span
from timeline.settings import Settings
from timeline.stages.events.anchored import date_from_anchor_events
from timeline.stages.events.dating import date_drafts, date_named_from_participation
from timeline.stages.events.drafts import (
    DocIndex,
    Draft,
    dedupe,
    derived_drafts,
    named_events,
)
from timeline.stages.events.lexicon import clauses, trigger_lemma, verb_forms
from timeline.stages.events.links import link_events, time_order_links
from timeline.stages.events.nouns import (
    anniversary_nouns,
    clause_nouns,
    dated_nouns,
    subject_nouns,
)
from timeline.stages.events.verb_drafts import find_verbs

__all__ = ["events_stage", "verb_forms", "trigger_lemma", "clauses"]


def events_stage(doc: Document, settings: Settings) -> Document:
    """Pipeline stage: fill ``doc.events`` and ``doc.event_links``."""
    text = doc.text
    timexes = list(doc.timexes)
    cap = settings.cap(len(text), settings.max_events_per_1000)
    ix = DocIndex.build(doc, timexes)
    drafts = find_verbs(ix, cap)
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
    derived, derivation_links = derived_drafts(ix)
    drafts.extend(derived)
    drafts.extend(named_events(ix))
    drafts.extend(subject_nouns(ix, drafts))
    drafts.extend(dated_nouns(ix))
    drafts.extend(anniversary_nouns(ix))
    drafts.extend(clause_nouns(ix, drafts, max(0, cap - len(drafts))))
    drafts = dedupe(drafts)
    date_drafts(doc, drafts, timexes)
    date_from_anchor_events(doc, drafts, timexes)
    events, id_of = _finish(ix, drafts)
    links = link_events(doc, drafts, id_of, timexes, derivation_links)
    events = date_named_from_participation(doc, events)
    links = links + time_order_links(events, {(lk.source, lk.target) for lk in links})
    return dataclasses.replace(
        doc,
        events=tuple(sorted(events, key=lambda e: e.trigger.start)),
        event_links=tuple(links),
        problems=problems,
    )


def _finish(ix: DocIndex, drafts: list[Draft]) -> tuple[list[Event], dict[int, str]]:
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
                participants=_participants(ix, d),
                entity=d.entity,
            )
        )
    return events, id_of


def _participants(ix: DocIndex, d: Draft) -> tuple[Participant, ...]:
    doc = ix.doc
    span = d.clause if d.kind != "named" else Span(start=d.trigger.start, end=d.trigger.end)
    # participants are near their trigger: bound the search in run-on clauses
    span = Span(
        start=max(span.start, d.trigger.start - 300), end=min(span.end, d.trigger.end + 300)
    )
    types = ix.types
    out: dict[str, Participant] = {}
    mentions = list(ix.mentions.starting_in(span.start, span.end))
    if d.subject is not None:  # "Varga received the prize and retired": Varga retired
        mentions[:0] = ix.mentions.starting_in(d.subject.start, d.subject.end)
    text = doc.text
    # a passive with its agent: "founded in 1987 by Ellison" (the subject is the patient)
    passive = any(
        a > d.trigger.start and text[max(0, a - 3) : a] == "by " for a, _b, _e in mentions
    )
    # in text order, an entity's first mention gives its role
    for m_start, _m_end, eid in mentions:
        if eid == d.entity or eid in out:
            continue
        before = text[max(0, m_start - 5) : m_start].lower()
        if types[eid] == "LOCATION" and before.endswith(("in ", "at ")):
            role = "location"
        elif m_start < d.trigger.start:
            role = "patient" if passive else "agent"
        elif passive and before.endswith("by "):
            role = "agent"
        elif before.endswith(" to ") and m_start > d.trigger.start:
            role = "participant"  # "sold the firm to Delvane": the recipient, not what is sold
        elif m_start > d.trigger.start:
            role = "patient"
        else:
            role = "participant"
        out[eid] = Participant(entity=eid, role=role)
    ordered = sorted(
        out.values(),
        key=lambda p: (["agent", "patient", "location", "participant"].index(p.role), p.entity),
    )
    return tuple(ordered)
