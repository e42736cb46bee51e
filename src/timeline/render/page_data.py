"""What a page shows, as data: the events, entities and relations of the documents
(``collect``) and the graph drawn from them (``graph_data``), with the colours of entity
types and relation polarities. ``render.html`` turns it into the page."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any

from timeline.model import Document
from timeline.render.labels import date_label, provenance
from timeline.stages.day_numbers import chronological_key, day_span

__all__ = ["PALETTE", "GRAPH_LIMIT", "PHYSICS_LIMIT", "collect", "graph_data", "pieces"]

# Okabe-Ito: distinguishable with the common forms of colour blindness
PALETTE = {
    "PERSON": "#E69F00",
    "ORGANIZATION": "#56B4E9",
    "LOCATION": "#009E73",
    "EVENT": "#CC79A7",
    "PRODUCT": "#F0E442",
    "FINANCIAL": "#0072B2",
    "NORP": "#D55E00",
    "OTHER": "#999999",
}
_EDGE_COLOURS = {"cooperation": "#0072B2", "conflict": "#D55E00", "neutral": "#888888"}


def pieces(text: str, start: int, end: int, marks: Sequence[tuple[int, int]]) -> list[list[Any]]:
    """``text[start:end]`` cut into ``[piece, marked]`` pairs around the marked spans."""
    out: list[list[Any]] = []
    pos = start
    for a, b in sorted(marks):
        a, b = max(a, start), min(b, end)
        if a >= b or a < pos:
            continue
        if a > pos:
            out.append([text[pos:a], False])
        out.append([text[a:b], True])
        pos = b
    if pos < end:
        out.append([text[pos:end], False])
    return out


def collect(documents: Sequence[Document]) -> dict[str, Any]:
    events: list[dict[str, Any]] = []
    entities: dict[str, dict[str, Any]] = {}
    relations: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    docs = {}
    for doc in documents:
        docs[doc.id] = {
            "title": doc.source.title or doc.source.path or doc.id,
            "url": doc.source.url,
            "published": doc.source.published,
        }
        for e in doc.entities:
            ent = entities.setdefault(
                e.id, {"id": e.id, "label": e.name, "type": e.type, "aliases": [], "events": []}
            )
            ent["aliases"] = sorted(set(ent["aliases"]) | set(e.aliases))
        timexes = {t.id: t for t in doc.timexes}
        for ev in doc.events:
            eid = f"{doc.id}:{ev.id}"
            events.append(
                {
                    "id": eid,
                    "label": ev.title,
                    "doc": doc.id,
                    "pos": ev.trigger.start,
                    "value": ev.time.value,
                    "start": ev.time.start,
                    "end": ev.time.end,
                    # its days on the time axis (years before Christ too), or None
                    "span": day_span(ev.time.value, ev.time.start, ev.time.end),
                    "granularity": ev.time.granularity,
                    "basis": ev.time.basis,
                    "note": provenance(ev.time, timexes, doc.source.published),
                    "when": date_label(
                        {
                            "value": ev.time.value,
                            "start": ev.time.start,
                            "granularity": ev.time.granularity,
                        }
                    ),
                    "sentence": pieces(
                        doc.text,
                        ev.sentence.start,
                        ev.sentence.end,
                        [(ev.trigger.start, ev.trigger.end)],
                    ),
                    "entities": [p.entity for p in ev.participants]
                    + ([ev.entity] if ev.entity else []),
                }
            )
            for p in ev.participants:
                if p.entity in entities:
                    entities[p.entity]["events"].append(eid)
            if ev.entity and ev.entity in entities:
                entities[ev.entity]["events"].append(eid)
        starts = [s.start for s in doc.sentences]  # in order, not overlapping
        for r in doc.relations:
            k = bisect.bisect_right(starts, r.evidence.start) - 1
            sent = doc.sentences[k] if k >= 0 else None
            if sent is None or not sent.start <= r.evidence.start < sent.end:
                sent = None
            a, b = (sent.start, sent.end) if sent else (r.evidence.start, r.evidence.end)
            relations.append(
                {
                    "id": f"{doc.id}:{r.id}",
                    "source": r.source,
                    "target": r.target,
                    "type": r.type,
                    "polarity": r.polarity,
                    "doc": doc.id,
                    "sentence": pieces(doc.text, a, b, [(r.evidence.start, r.evidence.end)]),
                }
            )
        for link in doc.event_links:
            links.append(
                {
                    "source": f"{doc.id}:{link.source}",
                    "target": f"{doc.id}:{link.target}",
                    "type": link.type,
                }
            )
    events.sort(key=lambda e: (*chronological_key(e["value"], e["start"]), e["doc"], e["pos"]))
    return {
        "events": events,
        "entities": list(entities.values()),
        "relations": relations,
        "links": links,
        "documents": docs,
    }


_NODE_DEFAULTS = {"shape": "dot", "font": None}
_EDGE_DEFAULTS = {"color": "#cccccc", "arrows": "to", "width": 1}
GRAPH_LIMIT = 1000  # nodes drawn; search and the lists reach the rest
PHYSICS_LIMIT = 200  # above this many nodes, positions come from Python


def graph_data(data: dict[str, Any], limit: int = GRAPH_LIMIT) -> dict[str, Any]:
    """Nodes and edges for vis-network, assembled with pyvis's Network.

    Only the ``limit`` most connected nodes are drawn; above ``PHYSICS_LIMIT`` nodes they
    get fixed positions from :func:`timeline.render.layout.force_layout`.
    """
    from pyvis.network import Network

    net = Network(directed=True)
    degree: dict[str, int] = {}
    for r in data["relations"]:
        degree[r["source"]] = degree.get(r["source"], 0) + 1
        degree[r["target"]] = degree.get(r["target"], 0) + 1
    for e in data["entities"]:
        degree[e["id"]] = degree.get(e["id"], 0) + len(e["events"])
    for ev in data["events"]:
        degree[ev["id"]] = degree.get(ev["id"], 0) + len(ev["entities"])
    total = len(data["entities"]) + len(data["events"])
    keep: set[str] | None = None
    if total > limit:
        # a corpus: the graph is of entities (the timeline holds the events), the most
        # connected first
        from timeline.render.layout import top_nodes

        keep = top_nodes({e["id"]: degree.get(e["id"], 0) for e in data["entities"]}, limit)
    # the most connected entities get the largest labels, readable when the whole graph is
    # in view; the rest show theirs as one zooms in (vis-network's drawThreshold, app.js)
    ranked = sorted(data["entities"], key=lambda e: -degree.get(e["id"], 0))
    label_size = {e["id"]: 30 if i < 10 else 20 if i < 30 else 14 for i, e in enumerate(ranked)}
    for e in data["entities"]:
        if keep is not None and e["id"] not in keep:
            continue
        net.add_node(
            e["id"],
            label=e["label"],
            shape="dot",
            color=PALETTE.get(e["type"], PALETTE["OTHER"]),
            size=10 + 3 * min(degree.get(e["id"], 0), 10),
            font={"size": label_size[e["id"]]},
        )
    for ev in data["events"]:
        if keep is not None and ev["id"] not in keep:
            continue
        # events are small dated diamonds: their titles live in the timeline beside the graph
        net.add_node(
            ev["id"],
            label=date_label(ev) if ev["value"] else " ",
            shape="diamond",
            size=6,
            color="#CC79A7",
            font={"size": 9, "color": "#777777"},
        )
    present = set(net.get_nodes())
    for ev in data["events"]:
        if ev["id"] not in present:
            continue
        for ent in ev["entities"]:
            if ent in present:
                net.add_edge(ent, ev["id"], color="#cccccc", arrows="to", width=1)
    for r in data["relations"]:
        if r["source"] in present and r["target"] in present:
            net.add_edge(
                r["source"],
                r["target"],
                label=r["type"],
                relation=r["id"],
                width=2,
                color=_EDGE_COLOURS[r["polarity"]],
                dashes=r["polarity"] == "conflict",
            )
    for link in data["links"]:
        if link["source"] in present and link["target"] in present:
            net.add_edge(
                link["source"],
                link["target"],
                label=link["type"],
                color="#CC79A7",
                width=2,
                arrows="to",
            )
    # keys equal to the page's vis-network defaults (see app.js) are left out: a corpus
    # graph has thousands of entity-event edges
    nodes = [
        {k: v for k, v in n.items() if k != "title" and _NODE_DEFAULTS.get(k) != v}
        for n in net.nodes
    ]
    edges = [
        {k: v for k, v in e.items() if k != "title" and _EDGE_DEFAULTS.get(k) != v}
        for e in net.edges
    ]
    physics = len(nodes) <= PHYSICS_LIMIT
    if not physics:
        from timeline.render.layout import force_layout

        pos = force_layout([n["id"] for n in nodes], [(e["from"], e["to"]) for e in edges])
        for n in nodes:
            n["x"], n["y"] = pos[n["id"]]
    return {"nodes": nodes, "edges": edges, "physics": physics, "total": total}
