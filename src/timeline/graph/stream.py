"""The corpus graph of ``timeline build``, merged without holding the corpus in memory.

Documents are read one at a time (in id order, so the files are the same on every run) and
folded by :class:`timeline.graph.merge.GraphMerger`; event nodes and edges go to temporary
JSON Lines files as they come, entities (few) stay in memory. At the end the three graph
files are written in one streaming pass (:mod:`timeline.readwrite.graph_stream`). Memory is
the entities and the event keys of the merge, not the documents or the graph.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from timeline.errors import OutputError
from timeline.graph.merge import GraphMerger
from timeline.model import Document
from timeline.outfolder import SCRATCH_PREFIX
from timeline.readwrite.graph_stream import write_graph_files

__all__ = ["write_corpus_graph"]


def write_corpus_graph(
    folder: Path,
    documents: Iterable[Document],
    on_document: Callable[[Document], None] | None = None,
    names: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Merge ``documents`` (an iterable, read lazily) into ``folder``/graph.{json,graphml,gexf};
    returns the counts of nodes and edges by kind. ``on_document`` sees each document as it
    passes (for example to keep the first few for the HTML page). ``names`` picks the files
    (format -> file name in ``folder``), as in :func:`write_graph_files`."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        scratch = tempfile.TemporaryDirectory(prefix=SCRATCH_PREFIX, dir=folder)
    except OSError as e:  # read-only, a file in the way, /proc, ...
        raise OutputError.from_os(folder, e) from None
    node_kinds: Counter[str] = Counter()
    edge_kinds: Counter[str] = Counter()
    with scratch as tmp:
        nodes_path, edges_path = Path(tmp) / "events.jsonl", Path(tmp) / "edges.jsonl"
        with (
            nodes_path.open("w", encoding="utf-8") as nodes,
            edges_path.open("w", encoding="utf-8") as edges,
        ):

            def add_node(nid: str, rec: dict[str, Any]) -> None:
                nodes.write(json.dumps([nid, rec], ensure_ascii=False) + "\n")

            def add_edge(rec: dict[str, Any]) -> None:
                edges.write(json.dumps(rec, ensure_ascii=False) + "\n")

            merger = GraphMerger(add_node, add_edge)
            for doc in documents:
                merger.add(doc)
                if on_document is not None:
                    on_document(doc)
        updates = merger.event_updates()
        with write_graph_files(folder, merger.documents, names) as w:
            for eid, rec in merger.entities.items():
                w.node(eid, rec)
                node_kinds["entity"] += 1
            with nodes_path.open(encoding="utf-8") as f:
                for line in f:
                    nid, rec = json.loads(line)
                    if nid in updates:
                        rec.update(updates[nid])
                    w.node(nid, rec)
                    node_kinds[rec["kind"]] += 1
            with edges_path.open(encoding="utf-8") as f:
                for line in f:
                    rec = json.loads(line)
                    w.edge(rec)
                    edge_kinds[rec["kind"]] += 1
    return {
        "documents": len(merger.documents),
        "nodes": dict(node_kinds),
        "edges": dict(edge_kinds),
        "events_merged": sum(len(u["documents"]) - 1 for u in updates.values() if "documents" in u),
        "date_conflicts": sum(1 for u in updates.values() if u.get("date_conflict")),
    }
