"""Documents -> one ``networkx.MultiDiGraph``, merged over any number of documents.

Nodes: entities (``kind="entity"``, id ``ent:<slug>``, merged across documents by id) and
events (``kind="event"``, id ``<doc_id>:<event id>``). Edges: ``participates_in`` (entity ->
event), typed relations (entity -> entity, ``kind="relation"``) and event links (event ->
event, ``kind="event_link"``). Every node and edge keeps where it came from: document ids
and character spans, so it can be traced to its sentence.

>>> from timeline.pipeline import parse
>>> g = build_graph([parse("In 1962 the Soviet Union placed missiles in Cuba.", published="2022-03-05")])
>>> sorted(n for n, k in g.nodes(data="kind") if k == "entity")
['ent:cuba', 'ent:soviet-union']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from timeline.model import Document

__all__ = ["build_graph", "graph_summary"]


def _sentence_text(doc: Document, start: int, end: int) -> str:
    return doc.text[start:end]


def build_graph(documents: Iterable[Document]) -> nx.MultiDiGraph:
    """Merge ``documents`` into one graph (see the module docstring for its shape)."""
    g = nx.MultiDiGraph()
    g.graph["documents"] = {}
    for doc in documents:
        g.graph["documents"][doc.id] = {
            "title": doc.source.title,
            "url": doc.source.url,
            "path": doc.source.path,
            "published": doc.source.published,
        }
        for e in doc.entities:
            if e.id not in g:
                g.add_node(
                    e.id,
                    kind="entity",
                    label=e.name,
                    type=e.type,
                    aliases=[],
                    documents=[],
                    mentions=0,
                )
            node = g.nodes[e.id]
            node["aliases"] = sorted(set(node["aliases"]) | set(e.aliases))
            if doc.id not in node["documents"]:
                node["documents"].append(doc.id)
            node["mentions"] += len(e.mentions)
        for ev in doc.events:
            nid = f"{doc.id}:{ev.id}"
            g.add_node(
                nid,
                kind="event",
                label=ev.title,
                doc_id=doc.id,
                event_id=ev.id,
                trigger=ev.trigger.text,
                trigger_start=ev.trigger.start,
                trigger_end=ev.trigger.end,
                sentence_start=ev.sentence.start,
                sentence_end=ev.sentence.end,
                sentence=_sentence_text(doc, ev.sentence.start, ev.sentence.end),
                value=ev.time.value,
                date_start=ev.time.start,
                date_end=ev.time.end,
                granularity=ev.time.granularity,
                basis=ev.time.basis,
                note=ev.time.note,
                entity=ev.entity,
            )
            for p in ev.participants:
                g.add_edge(
                    p.entity,
                    nid,
                    key=f"{nid}:{p.entity}",
                    kind="participates_in",
                    type="participates_in",
                    role=p.role,
                    doc_id=doc.id,
                )
            if ev.entity:
                g.add_edge(
                    ev.entity,
                    nid,
                    key=f"{nid}:named",
                    kind="participates_in",
                    type="is_event",
                    role="self",
                    doc_id=doc.id,
                )
        for r in doc.relations:
            g.add_edge(
                r.source,
                r.target,
                key=f"{doc.id}:{r.id}",
                kind="relation",
                type=r.type,
                polarity=r.polarity,
                doc_id=doc.id,
                event=f"{doc.id}:{r.event}" if r.event else None,
                evidence=r.evidence.text,
                evidence_start=r.evidence.start,
                evidence_end=r.evidence.end,
            )
        for link in doc.event_links:
            g.add_edge(
                f"{doc.id}:{link.source}",
                f"{doc.id}:{link.target}",
                key=f"{doc.id}:{link.id}",
                kind="event_link",
                type=link.type,
                doc_id=doc.id,
                evidence=link.evidence.text if link.evidence else None,
                evidence_start=link.evidence.start if link.evidence else None,
                evidence_end=link.evidence.end if link.evidence else None,
            )
    return g


def graph_summary(g: nx.MultiDiGraph) -> dict[str, Any]:
    """Counts of nodes and edges by kind, for manifests and the CLI."""
    kinds: dict[str, int] = {}
    for _, k in g.nodes(data="kind"):
        kinds[k] = kinds.get(k, 0) + 1
    edges: dict[str, int] = {}
    for _, _, k in g.edges(data="kind"):
        edges[k] = edges.get(k, 0) + 1
    return {"documents": len(g.graph.get("documents", {})), "nodes": kinds, "edges": edges}
