"""Links between events: before/after from the text ("the following year", "led to") and
from the order of their dates."""

from __future__ import annotations

import bisect
import itertools
import re
from typing import Any

from timeline.model import Document, Event, EventLink, Mention, Span, Timex
from timeline.spans import SpanIndex
from timeline.stages.events.drafts import Draft
from timeline.stages.events.lexicon import CAUSAL, RESPONSE, clauses

_ORDERED_BASES = {"explicit", "deictic", "anaphoric", "derived"}


def time_order_links(events: list[Event], existing: set[tuple[str, str]]) -> list[EventLink]:
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


_SUBORDINATE = re.compile(r"(?i)\s*(after|before)\b")
_RESULT_OPENER = re.compile(r"(?i)(as a result|consequently|in response|as a consequence)\b")
_EVIDENCE = 300  # characters of a clause kept as a link's evidence
_LINKS_PER_EVENT = 4  # "after X, Y": X is linked to the nearest few events outside its clause


class _InText:
    """The events of one sentence, for lookups by position that keep the old answers
    ("the last in draft order among those before", ...) without scanning the sentence:
    linear however many events a run-on sentence holds."""

    def __init__(self, ds: list[Draft]) -> None:
        self.ds = ds
        self._ready = False

    def _index(self) -> None:
        """Built on the first question: most sentences have no cue to ask about."""
        if self._ready:
            return
        self._ready = True
        ds = self.ds
        by_start = sorted(range(len(ds)), key=lambda k: ds[k].trigger.start)
        self.starts = [ds[k].trigger.start for k in by_start]
        self.by_start = by_start
        by_end = sorted(range(len(ds)), key=lambda k: ds[k].trigger.end)
        self.ends = [ds[k].trigger.end for k in by_end]
        # the highest draft index among the first i by end; the lowest among the last by start
        self.max_upto = list(itertools.accumulate(by_end, max))
        self.min_from = list(itertools.accumulate(reversed(by_start), min))[::-1]

    def starting_in(self, a: int, b: int) -> list[Draft]:
        """Drafts whose trigger starts in ``[a, b)``, in draft order."""
        self._index()
        lo, hi = bisect.bisect_left(self.starts, a), bisect.bisect_left(self.starts, b)
        return [self.ds[k] for k in sorted(self.by_start[lo:hi])]

    def last_before(self, pos: int) -> Draft | None:
        """Of the drafts whose trigger ends by ``pos``, the last in draft order."""
        self._index()
        i = bisect.bisect_right(self.ends, pos)
        return self.ds[self.max_upto[i - 1]] if i else None

    def first_after(self, pos: int) -> Draft | None:
        """Of the drafts whose trigger starts at or after ``pos``, the first in draft order."""
        self._index()
        i = bisect.bisect_left(self.starts, pos)
        return self.ds[self.min_from[i]] if i < len(self.starts) else None

    def nearest_verbs_outside(self, clause: Span, pos: int, n: int) -> list[Draft]:
        """Up to ``n`` verb events outside ``clause``, nearest to ``pos`` first."""
        self._index()
        lo, hi = (
            bisect.bisect_left(self.starts, clause.start),
            bisect.bisect_left(self.starts, clause.end),
        )
        found: list[Draft] = []
        left, right = lo - 1, hi
        budget = 8 * n  # events looked at: named and derived ones are passed over
        while len(found) < n and budget and (left >= 0 or right < len(self.starts)):
            budget -= 1
            take_left = right >= len(self.starts) or (
                left >= 0 and pos - self.starts[left] <= self.starts[right] - pos
            )
            k = self.by_start[left] if take_left else self.by_start[right]
            if take_left:
                left -= 1
            else:
                right += 1
            if self.ds[k].kind == "verb":
                found.append(self.ds[k])
        return found


def link_events(
    doc: Document,
    drafts: list[Draft],
    id_of: dict[int, str],
    timexes: list[Timex],
    derivation_links: list[tuple[Draft, Timex, str]],
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

    by_sentence: dict[Span, list[Draft]] = {}
    for d in drafts:
        by_sentence.setdefault(d.sentence, []).append(d)
    named_by_entity = {d.entity: d for d in drafts if d.entity}
    named_mentions = SpanIndex(
        (m.start, m.end, named_by_entity[e.id])
        for e in doc.entities
        if e.id in named_by_entity
        for m in e.mentions
    )
    for sent, ds in by_sentence.items():
        order = _InText(ds)
        for c in clauses(text, sent):
            sub = _SUBORDINATE.match(text, c.start, c.end)
            if not sub:
                continue
            inner = order.starting_in(c.start, c.end)
            # named events mentioned inside the clause ("after the crisis cooled")
            inner += [d for _, _, d in named_mentions.starting_in(c.start, c.end)]
            typ = "before" if sub.group(1).lower() == "after" else "after"
            # the evidence is the clause, cut short in a run-on one (every link holds it)
            a, b = c.start, min(c.end, c.start + _EVIDENCE)
            for i in inner:
                for o in order.nearest_verbs_outside(c, i.trigger.start, _LINKS_PER_EVENT):
                    add(id_of[id(i)], id_of[id(o)], typ, a, b)
        # causal cues between two events of one sentence
        for m in CAUSAL.finditer(text, sent.start, sent.end):
            left, right = order.last_before(m.start()), order.first_after(m.end())
            if left and right:
                add(id_of[id(left)], id_of[id(right)], "causes", m.start(), m.end())
        for m in RESPONSE.finditer(text, sent.start, sent.end):
            left, right = order.last_before(m.start()), order.first_after(m.end())
            if left and right and m.group().lower() != "following":
                add(id_of[id(right)], id_of[id(left)], "causes", m.start(), m.end())
    # "2019, the year after X": X is before the events dated by 2019 in that sentence
    dated_by: dict[tuple[Span, str], list[Draft]] = {}
    for d in drafts:
        if d.time is not None and d.time.timex:
            dated_by.setdefault((d.sentence, d.time.timex), []).append(d)
    for d, base, typ in derivation_links:
        for o in dated_by.get((d.sentence, base.id), []):
            if o is d:
                continue
            if typ == "before":
                add(id_of[id(d)], id_of[id(o)], "before", d.clause.start, d.clause.end)
            else:
                add(id_of[id(o)], id_of[id(d)], "before", d.clause.start, d.clause.end)
    # "As a result, ..." at a sentence start: the previous sentence's event causes this one
    sents = list(doc.sentences)
    for k, sent in enumerate(sents[1:], start=1):
        cue = _RESULT_OPENER.match(text, sent.start, sent.end)
        if cue and by_sentence.get(sent) and by_sentence.get(sents[k - 1]):
            add(
                id_of[id(by_sentence[sents[k - 1]][-1])],
                id_of[id(by_sentence[sent][0])],
                "causes",
                sent.start,
                cue.end(),
            )
    return sorted(links.values(), key=lambda link: link.id)
