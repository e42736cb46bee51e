"""Graph building, merging across documents, queries and file round trips."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

import timeline
from timeline.graph.query import connection, entity_events, events_between, find_entity
from timeline.readwrite.graph_files import (
    generate_node_link,
    read_node_link,
    write_graphml,
    write_node_link,
)

A = "In 2014, Russia annexed Crimea. Ukraine condemned Russia."
B = "Moscow signed a gas deal with China in 2019. The Kremlin said it would expand trade."


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    docs = [
        timeline.parse(A, published="2020-01-01", doc_id="a-1"),
        timeline.parse(B, published="2020-01-01", doc_id="b-2"),
    ]
    return timeline.build_graph(docs)


def test_graph_merges_entities_across_documents(graph: nx.MultiDiGraph) -> None:
    russia = graph.nodes["ent:russia"]
    assert russia["kind"] == "entity" and russia["documents"] == ["a-1", "b-2"]
    assert {"Moscow", "Kremlin"} <= set(russia["aliases"])


def test_graph_edges_keep_evidence(graph: nx.MultiDiGraph) -> None:
    rels = [d for _, _, d in graph.edges(data=True) if d["kind"] == "relation"]
    assert rels and all(d["evidence"] and d["doc_id"] in ("a-1", "b-2") for d in rels)
    assert ("ent:ukraine", "ent:russia") in {
        (u, v) for u, v, d in graph.edges(data=True) if d["type"] == "criticises"
    }


def test_graph_entity_events_in_date_order(graph: nx.MultiDiGraph) -> None:
    dates = [e["date_start"] for e in entity_events(graph, "ent:russia") if e["date_start"]]
    assert dates == sorted(dates) and dates[0].startswith("2014")


def test_graph_queries(graph: nx.MultiDiGraph) -> None:
    assert {e["event_id"] for e in events_between(graph, "2019-01-01", "2019-12-31")}
    assert connection(graph, "ent:ukraine", "ent:china")[0] == "ent:ukraine"
    assert (
        find_entity(graph, "the kremlin") is None and find_entity(graph, "Kremlin") == "ent:russia"
    )


def test_graph_node_link_round_trip(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    data = generate_node_link(graph)
    assert "links" in data and "edges" not in data
    path = write_node_link(graph, tmp_path / "g.json")
    back = read_node_link(path)
    assert set(back.nodes) == set(graph.nodes) and back.number_of_edges() == graph.number_of_edges()
    assert json.loads(path.read_text())["directed"] is True


def test_graph_graphml_has_scalar_attributes(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = write_graphml(graph, tmp_path / "g.graphml")
    back = nx.read_graphml(path)
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert json.loads(back.nodes["ent:russia"]["aliases"]) == graph.nodes["ent:russia"]["aliases"]
