"""Documents -> one ``networkx.MultiDiGraph``, merged over any number of documents.

Nodes: entities (``kind="entity"``, id ``ent:<slug>``, merged across documents by id) and
events (``kind="event"``, id ``<doc_id>:<event id>``). Edges: ``participates_in`` (entity ->
event), typed relations (entity -> entity, ``kind="relation"``) and event links (event ->
event, ``kind="event_link"``). Every node and edge keeps where it came from: document ids
and character spans, so it can be traced to its sentence. The same event reported by several
documents is one node (``documents`` lists them); conflicting dates are flagged.

>>> from timeline.pipeline import parse
>>> g = build_graph([parse("In 1962 the Soviet Union placed missiles in Cuba.", published="2022-03-05")])
>>> sorted(n for n, k in g.nodes(data="kind") if k == "entity")
['ent:cuba', 'ent:soviet-union']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from timeline.graph.merge import GraphMerger
from timeline.model import Document

__all__ = ["build_graph"]


def build_graph(documents: Iterable[Document]) -> nx.MultiDiGraph:
    """Merge ``documents`` into one graph (see the module docstring for its shape, and
    :mod:`timeline.graph.merge` for what is merged)."""
    g = nx.MultiDiGraph()

    def add_edge(rec: dict[str, Any]) -> None:
        attrs = {k: v for k, v in rec.items() if k not in ("source", "target", "key")}
        g.add_edge(rec["source"], rec["target"], key=rec["key"], **attrs)

    merger = GraphMerger(lambda nid, rec: g.add_node(nid, **rec), add_edge)
    for doc in documents:
        merger.add(doc)
    for eid, rec in merger.entities.items():
        g.add_node(eid, **rec)
    for nid, extra in merger.event_updates().items():
        g.nodes[nid].update(extra)
    g.graph["documents"] = merger.documents
    return g
