"""Questions a researcher asks of the graph: an entity's events in date order, what happened
between two dates, how two actors are connected.

>>> from timeline.pipeline import parse
>>> from timeline.graph.build import build_graph
>>> doc = parse("In 1962 the Soviet Union placed missiles in Cuba. In 1963 Cuba signed a treaty.",
...             published="2022-03-05")
>>> [e["date_start"][:4] for e in entity_events(build_graph([doc]), "ent:cuba")]
['1962', '1963']
"""

from __future__ import annotations

from typing import Any

import networkx as nx

__all__ = ["entity_events", "events_between", "connection", "find_entity"]


def _date_key(node: dict[str, Any]) -> tuple[int, str, str]:
    start = node.get("date_start")
    return (0 if start else 1, start or "", node.get("label", ""))


def entity_events(g: nx.MultiDiGraph, entity: str) -> list[dict[str, Any]]:
    """The events ``entity`` takes part in, dated ones first in date order."""
    if entity not in g:
        raise KeyError(entity)
    events = {v for _, v, k in g.out_edges(entity, data="kind") if k == "participates_in"}
    return sorted(({"id": n, **g.nodes[n]} for n in events), key=_date_key)


def events_between(g: nx.MultiDiGraph, start: str, end: str) -> list[dict[str, Any]]:
    """Events whose date range overlaps ``[start, end]`` (ISO dates), in date order."""
    out = []
    for n, d in g.nodes(data=True):
        if (
            d.get("kind") == "event"
            and d.get("date_start")
            and d["date_start"] <= end
            and (d.get("date_end") or d["date_start"]) >= start
        ):
            out.append({"id": n, **d})
    return sorted(out, key=_date_key)


def connection(g: nx.MultiDiGraph, a: str, b: str) -> list[str]:
    """A shortest chain of nodes linking ``a`` and ``b`` (ignoring edge direction), or []."""
    try:
        return list(nx.shortest_path(g.to_undirected(as_view=True), a, b))
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        return []


def find_entity(g: nx.MultiDiGraph, name: str) -> str | None:
    """The id of the entity named or aliased ``name`` (case-insensitive), or None."""
    want = name.strip().lower()
    for n, d in g.nodes(data=True):
        if d.get("kind") != "entity":
            continue
        if (
            n == name
            or d.get("label", "").lower() == want
            or want in (a.lower() for a in d.get("aliases", []))
        ):
            return str(n)
    return None
