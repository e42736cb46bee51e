"""Folding documents, one at a time, into the records of one corpus graph.

This is the merge logic behind both :func:`timeline.graph.build.build_graph` (records into a
networkx graph in memory) and ``timeline build`` (records streamed to disk, so memory does
not grow with the corpus: :mod:`timeline.graph.stream`).

- **Entities** merge by id (the normalised name; aliases were resolved per document), with
  the documents and aliases of every mention kept. They are few, so they stay in memory.
- **Events** stay per document unless clearly the same: same trigger lemma, same
  participants (at least one) and the same date value. A repeat adds its document to the
  first report's ``documents`` instead of adding a node; its edges point at the first
  report. The same trigger and participants with *different* dates are kept apart and both
  flagged (``date_conflict``, ``conflicting_dates``): one of the reports has the date wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from timeline.model import Document

__all__ = ["GraphMerger", "Record"]

Record = dict[str, Any]
_MAX_REPORTS = 64  # dated reports compared per (lemma, participants): bounds the work


def _lemma(trigger: str) -> str:
    from timeline.stages.events import trigger_lemma

    return trigger_lemma(trigger)


class GraphMerger:
    """Turns documents into node and edge records, handed to ``add_node``/``add_edge``.

    Event nodes are emitted once, when first seen; what later documents add to them
    (more reports, date conflicts) is collected in :meth:`event_updates` for the end.
    """

    def __init__(
        self, add_node: Callable[[str, Record], None], add_edge: Callable[[Record], None]
    ) -> None:
        self._add_node = add_node
        self._add_edge = add_edge
        self.entities: dict[str, Record] = {}
        self.documents: dict[str, Record] = {}
        self._same: dict[tuple[str, frozenset[str], str], tuple[str, str]] = {}  # -> node, doc
        # (lemma, participants) -> reports: (document, node, value, (first day, last day))
        self._dated: dict[
            tuple[str, frozenset[str]], list[tuple[str, str, str, tuple[str, str]]]
        ] = {}
        self._reports: dict[str, list[str]] = {}  # event node -> its documents, when > 1
        self._conflicts: dict[str, set[str]] = {}  # event node -> other dates reported

    def add(self, doc: Document) -> None:
        self.documents[doc.id] = {
            "title": doc.source.title,
            "url": doc.source.url,
            "path": doc.source.path,
            "published": doc.source.published,
        }
        for e in doc.entities:
            node = self.entities.get(e.id)
            if node is None:
                node = self.entities[e.id] = {
                    "kind": "entity",
                    "label": e.name,
                    "type": e.type,
                    "aliases": [],
                    "documents": [],
                    "mentions": 0,
                }
            node["aliases"] = sorted(set(node["aliases"]) | set(e.aliases))
            if doc.id not in node["documents"]:
                node["documents"].append(doc.id)
            node["mentions"] += len(e.mentions)
        where: dict[str, str] = {}  # this document's event id -> graph node id
        for ev in doc.events:
            nid = f"{doc.id}:{ev.id}"
            who = frozenset(p.entity for p in ev.participants)
            key = (_lemma(ev.trigger.text), who)
            value = ev.time.value
            if who and value:
                seen = self._same.get((*key, value))
                if seen is not None and seen[1] != doc.id:
                    # the same event, reported again by another document
                    first = seen[0]
                    where[ev.id] = first
                    self._reports.setdefault(first, [seen[1]]).append(doc.id)
                    continue
                self._same[(*key, value)] = (nid, doc.id)
                span = (ev.time.start or "", ev.time.end or ev.time.start or "")
                reports = self._dated.setdefault(key, [])
                for other_doc, other, other_value, (a, b) in reports:
                    # another document, and dates that cannot both be right (no overlap)
                    if other_doc != doc.id and a and span[0] and (b < span[0] or span[1] < a):
                        self._conflicts.setdefault(other, set()).add(value)
                        self._conflicts.setdefault(nid, set()).add(other_value)
                if len(reports) < _MAX_REPORTS:
                    reports.append((doc.id, nid, value, span))
            where[ev.id] = nid
            self._add_node(
                nid,
                {
                    "kind": "event",
                    "label": ev.title,
                    "doc_id": doc.id,
                    "event_id": ev.id,
                    "trigger": ev.trigger.text,
                    "trigger_start": ev.trigger.start,
                    "trigger_end": ev.trigger.end,
                    "sentence_start": ev.sentence.start,
                    "sentence_end": ev.sentence.end,
                    "sentence": doc.text[ev.sentence.start : ev.sentence.end],
                    "value": value,
                    "date_start": ev.time.start,
                    "date_end": ev.time.end,
                    "granularity": ev.time.granularity,
                    "basis": ev.time.basis,
                    "note": ev.time.note,
                    "entity": ev.entity,
                },
            )
            for p in ev.participants:
                self._add_edge(
                    {
                        "source": p.entity,
                        "target": nid,
                        "key": f"{nid}:{p.entity}",
                        "kind": "participates_in",
                        "type": "participates_in",
                        "role": p.role,
                        "doc_id": doc.id,
                    }
                )
            if ev.entity:
                self._add_edge(
                    {
                        "source": ev.entity,
                        "target": nid,
                        "key": f"{nid}:named",
                        "kind": "participates_in",
                        "type": "is_event",
                        "role": "self",
                        "doc_id": doc.id,
                    }
                )
        for r in doc.relations:
            self._add_edge(
                {
                    "source": r.source,
                    "target": r.target,
                    "key": f"{doc.id}:{r.id}",
                    "kind": "relation",
                    "type": r.type,
                    "polarity": r.polarity,
                    "doc_id": doc.id,
                    "event": where.get(r.event, f"{doc.id}:{r.event}") if r.event else None,
                    "evidence": r.evidence.text,
                    "evidence_start": r.evidence.start,
                    "evidence_end": r.evidence.end,
                }
            )
        for link in doc.event_links:
            a = where.get(link.source, f"{doc.id}:{link.source}")
            b = where.get(link.target, f"{doc.id}:{link.target}")
            if a == b:
                continue
            self._add_edge(
                {
                    "source": a,
                    "target": b,
                    "key": f"{doc.id}:{link.id}",
                    "kind": "event_link",
                    "type": link.type,
                    "doc_id": doc.id,
                    "evidence": link.evidence.text if link.evidence else None,
                    "evidence_start": link.evidence.start if link.evidence else None,
                    "evidence_end": link.evidence.end if link.evidence else None,
                }
            )

    def event_updates(self) -> dict[str, Record]:
        """Attributes to add to event nodes once every document is in."""
        out: dict[str, Record] = {}
        for nid, docs in self._reports.items():
            out.setdefault(nid, {})["documents"] = sorted(set(docs))
        for nid, values in self._conflicts.items():
            out.setdefault(nid, {}).update(date_conflict=True, conflicting_dates=sorted(values))
        return out
