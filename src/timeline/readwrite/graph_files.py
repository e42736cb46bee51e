"""Graph files: node-link JSON and GraphML (GraphML/GEXF need scalar attributes).

>>> import networkx as nx
>>> g = nx.MultiDiGraph(); g.add_node("a", aliases=["x", "y"], mentions=2)
>>> generate_node_link(g)["nodes"][0]["aliases"]
['x', 'y']
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import networkx as nx

from timeline.readwrite.atomic import write_atomic
from timeline.readwrite.xmlsafe import xml_safe

__all__ = [
    "generate_node_link",
    "write_node_link",
    "write_graphml",
    "read_node_link",
    "scalar_graph",
]


def generate_node_link(g: nx.MultiDiGraph) -> dict[str, Any]:
    """Node-link data; the edge list is under ``"edges"``, the key networkx 3.4+ reads by
    default (``nx.node_link_graph(data)``; d3 calls it ``links``)."""
    data: dict[str, Any] = nx.node_link_data(g, edges="edges")
    return data


def write_node_link(g: nx.MultiDiGraph, path: str | Path) -> Path:
    return write_atomic(
        path, json.dumps(generate_node_link(g), ensure_ascii=False, indent=1) + "\n"
    )


def read_node_link(path: str | Path) -> nx.MultiDiGraph:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    key = "links" if "links" in data and "edges" not in data else "edges"  # (older files)
    g: nx.MultiDiGraph = nx.node_link_graph(data, directed=True, multigraph=True, edges=key)
    return g


def _scalar(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, (list, tuple, dict)):
        v = json.dumps(v, ensure_ascii=False)
    return xml_safe(v) if isinstance(v, str) else v


def scalar_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are all str/int/float/bool (lists become JSON strings)."""
    h = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        h.add_node(
            xml_safe(n) if isinstance(n, str) else n, **{k: _scalar(v) for k, v in d.items()}
        )
    for u, v, k, d in g.edges(keys=True, data=True):
        h.add_edge(_scalar(u), _scalar(v), key=_scalar(k), **{a: _scalar(b) for a, b in d.items()})
    return h


def write_graphml(g: nx.MultiDiGraph, path: str | Path) -> Path:
    buf = io.BytesIO()
    nx.write_graphml(scalar_graph(g), buf, encoding="utf-8")
    return write_atomic(path, buf.getvalue())
