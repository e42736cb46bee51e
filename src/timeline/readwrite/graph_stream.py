"""Graph files written as a stream: node-link JSON, GraphML and GEXF in one pass.

``timeline build`` over a large corpus cannot hold the merged graph, let alone the element
trees networkx's XML writers build. Here nodes and then edges arrive one at a time and go
straight to three temporary files, renamed into place at the end (atomic, like every
output). The attributes are our own fixed set, declared up front, so no pass is needed to
discover them. networkx's readers read all three back (``nx.node_link_graph`` with its
default ``edges="edges"``, ``nx.read_graphml``, ``nx.read_gexf``).

>>> import io, networkx as nx
>>> files = {f: io.StringIO() for f in ("json", "graphml", "gexf")}
>>> w = GraphStreamWriter(files, {"d": {"title": "T"}})
>>> w.node("a", {"kind": "entity", "label": "A & B", "aliases": ["x"], "mentions": 2})
>>> w.node("e", {"kind": "event", "label": "E", "date_start": "1962-01-01", "date_end": "1962-12-31"})
>>> w.edge({"source": "a", "target": "e", "key": "k", "kind": "participates_in", "type": "p"})
>>> w.close()
>>> g = nx.read_gexf(io.StringIO(files["gexf"].getvalue()))
>>> sorted(g.nodes), g.nodes["e"]["start"]
(['a', 'e'], '1962-01-01')
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import IO, Any

from timeline.readwrite.atomic import atomic_text
from timeline.readwrite.xmlsafe import xml_safe

__all__ = ["GraphStreamWriter", "write_graph_files", "GRAPH_FILES", "NODE_ATTRS", "EDGE_ATTRS"]

# attribute -> type (GraphML names; "json" is a JSON string holding a list)
NODE_ATTRS: dict[str, str] = {
    "kind": "string",
    "label": "string",
    "type": "string",
    "aliases": "json",
    "documents": "json",
    "mentions": "int",
    "doc_id": "string",
    "event_id": "string",
    "trigger": "string",
    "trigger_start": "int",
    "trigger_end": "int",
    "sentence_start": "int",
    "sentence_end": "int",
    "sentence": "string",
    "value": "string",
    "date_start": "string",
    "date_end": "string",
    "granularity": "string",
    "basis": "string",
    "note": "string",
    "entity": "string",
    "date_conflict": "boolean",
    "conflicting_dates": "json",
}
EDGE_ATTRS: dict[str, str] = {
    "kind": "string",
    "type": "string",
    "role": "string",
    "polarity": "string",
    "doc_id": "string",
    "event": "string",
    "evidence": "string",
    "evidence_start": "int",
    "evidence_end": "int",
}
_GEXF_TYPE = {"string": "string", "json": "string", "int": "long", "boolean": "boolean"}
_GRAPHML_TYPE = {"string": "string", "json": "string", "int": "long", "boolean": "boolean"}


def _scalar(kind: str, v: Any) -> str:
    if kind == "json" or isinstance(v, (list, tuple, dict)):
        return json.dumps(v, ensure_ascii=False)
    if kind == "boolean":
        return "true" if v else "false"
    return str(v)


def escape(s: str) -> str:
    """XML character data: ``&``, ``<`` and ``>`` escaped (faster than saxutils here)."""
    if "&" in s:
        s = s.replace("&", "&amp;")
    if "<" in s:
        s = s.replace("<", "&lt;")
    if ">" in s:
        s = s.replace(">", "&gt;")
    return s


def quoteattr(s: str) -> str:
    """A double-quoted XML attribute value; line breaks and tabs kept as references."""
    s = escape(s)
    if '"' in s:
        s = s.replace('"', "&quot;")
    if "\n" in s or "\r" in s or "\t" in s:
        s = s.replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    return f'"{s}"'


def _clean(s: str) -> str:
    """XML 1.0 cannot carry some characters, even escaped: drop them."""
    return xml_safe(s)


class GraphStreamWriter:
    """Writes node-link JSON, GraphML and GEXF to the open text files in ``files``."""

    def __init__(self, files: dict[str, IO[str]], documents: dict[str, Any]) -> None:
        self.f = files
        self._edges_started = False
        self._n_nodes = 0
        self._n_edges = 0
        self.f["json"].write(
            '{"directed": true, "multigraph": true, "graph": '
            + json.dumps({"documents": documents}, ensure_ascii=False)
            + ', "nodes": [\n'
        )
        keys = [
            f'<key id="n{i}" for="node" attr.name="{a}" attr.type="{_GRAPHML_TYPE[t]}"/>'
            for i, (a, t) in enumerate(NODE_ATTRS.items())
        ] + [
            f'<key id="e{i}" for="edge" attr.name="{a}" attr.type="{_GRAPHML_TYPE[t]}"/>'
            for i, (a, t) in enumerate(EDGE_ATTRS.items())
        ]
        self.f["graphml"].write(
            "<?xml version='1.0' encoding='utf-8'?>\n"
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
            + "\n".join(keys)
            + '\n<graph edgedefault="directed">\n'
        )
        node_attrs = "".join(
            f'<attribute id="{i}" title="{a}" type="{_GEXF_TYPE[t]}"/>'
            for i, (a, t) in enumerate(NODE_ATTRS.items())
            if a != "label"
        )
        edge_attrs = (
            "".join(
                f'<attribute id="{i}" title="{a}" type="{_GEXF_TYPE[t]}"/>'
                for i, (a, t) in enumerate(EDGE_ATTRS.items())
            )
            + f'<attribute id="{len(EDGE_ATTRS)}" title="networkx_key" type="string"/>'
        )
        self.f["gexf"].write(
            "<?xml version='1.0' encoding='utf-8'?>\n"
            '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">\n'
            '<graph defaultedgetype="directed" mode="dynamic" timeformat="date">\n'
            f'<attributes class="node" mode="static">{node_attrs}</attributes>\n'
            f'<attributes class="edge" mode="static">{edge_attrs}</attributes>\n<nodes>\n'
        )

    def node(self, nid: str, attrs: dict[str, Any]) -> None:
        if self._edges_started:
            raise RuntimeError("all nodes must come before the edges")
        rec = {k: v for k, v in attrs.items() if v is not None}
        self.f["json"].write(
            (",\n" if self._n_nodes else "") + json.dumps({**rec, "id": nid}, ensure_ascii=False)
        )
        self._n_nodes += 1
        data = "".join(
            f'<data key="n{i}">{escape(_clean(_scalar(t, rec[a])))}</data>'
            for i, (a, t) in enumerate(NODE_ATTRS.items())
            if a in rec
        )
        self.f["graphml"].write(f"<node id={quoteattr(_clean(nid))}>{data}</node>\n")
        values = "".join(
            f'<attvalue for="{i}" value={quoteattr(_clean(_scalar(t, rec[a])))}/>'
            for i, (a, t) in enumerate(NODE_ATTRS.items())
            if a in rec and a != "label"
        )
        spell = ""
        if rec.get("kind") == "event" and rec.get("date_start"):
            spell = (
                f" start={quoteattr(rec['date_start'])}"
                f" end={quoteattr(rec.get('date_end') or rec['date_start'])}"
            )
        label = quoteattr(_clean(str(rec.get("label", nid))))
        self.f["gexf"].write(
            f"<node id={quoteattr(_clean(nid))} label={label}{spell}>"
            f"<attvalues>{values}</attvalues></node>\n"
        )

    def edge(self, rec: dict[str, Any]) -> None:
        if not self._edges_started:
            self._edges_started = True
            self.f["json"].write('\n], "edges": [\n')
            self.f["gexf"].write("</nodes>\n<edges>\n")
        attrs = {k: v for k, v in rec.items() if v is not None}
        self.f["json"].write(
            (",\n" if self._n_edges else "") + json.dumps(attrs, ensure_ascii=False)
        )
        src, dst, key = (quoteattr(_clean(str(rec[k]))) for k in ("source", "target", "key"))
        data = "".join(
            f'<data key="e{i}">{escape(_clean(_scalar(t, attrs[a])))}</data>'
            for i, (a, t) in enumerate(EDGE_ATTRS.items())
            if a in attrs
        )
        self.f["graphml"].write(f"<edge id={key} source={src} target={dst}>{data}</edge>\n")
        values = (
            "".join(
                f'<attvalue for="{i}" value={quoteattr(_clean(_scalar(t, attrs[a])))}/>'
                for i, (a, t) in enumerate(EDGE_ATTRS.items())
                if a in attrs
            )
            + f'<attvalue for="{len(EDGE_ATTRS)}" value={key}/>'
        )
        self.f["gexf"].write(
            f'<edge id="{self._n_edges}" source={src} target={dst}>'
            f"<attvalues>{values}</attvalues></edge>\n"
        )
        self._n_edges += 1

    def close(self) -> None:
        if not self._edges_started:
            self.f["json"].write('\n], "edges": [\n')
            self.f["gexf"].write("</nodes>\n<edges>\n")
        self.f["json"].write("\n]}\n")
        self.f["graphml"].write("</graph>\n</graphml>\n")
        self.f["gexf"].write("</edges>\n</graph>\n</gexf>\n")


class _Discard(io.StringIO):
    def write(self, s: str) -> int:
        return len(s)


GRAPH_FILES = {"json": "graph.json", "graphml": "graph.graphml", "gexf": "graph.gexf"}


@contextmanager
def write_graph_files(
    folder: Path, documents: dict[str, Any], names: dict[str, str] | None = None
) -> Iterator[GraphStreamWriter]:
    """``with write_graph_files(out, docs) as w: w.node(...); w.edge(...)`` writes the files
    ``names`` maps formats to (default: ``graph.json``, ``graph.graphml``, ``graph.gexf``)."""
    names = GRAPH_FILES if names is None else names
    with ExitStack() as stack:
        files: dict[str, IO[str]] = {k: _Discard() for k in GRAPH_FILES}
        files.update({k: stack.enter_context(atomic_text(folder / n)) for k, n in names.items()})
        w = GraphStreamWriter(files, documents)
        yield w
        w.close()
