"""Links between events: before/after from the text ("the following year", "led to") and
from the order of their dates."""

from __future__ import annotations

import re
from typing import Any

from timeline.model import Document, Event, EventLink, Mention, Span, Timex
from timeline.stages.events.drafts import _Draft
from timeline.stages.events.lexicon import _CAUSAL, _RESPONSE, clauses

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
