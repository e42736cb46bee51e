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
    assert "edges" in data and "links" not in data
    default = nx.node_link_graph(data)  # what a user of current networkx writes
    assert default.number_of_edges() == graph.number_of_edges()
    path = write_node_link(graph, tmp_path / "g.json")
    back = read_node_link(path)
    assert set(back.nodes) == set(graph.nodes) and back.number_of_edges() == graph.number_of_edges()
    assert json.loads(path.read_text())["directed"] is True


def test_graph_graphml_has_scalar_attributes(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = write_graphml(graph, tmp_path / "g.graphml")
    back = nx.read_graphml(path)
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert json.loads(back.nodes["ent:russia"]["aliases"]) == graph.nodes["ent:russia"]["aliases"]


# ---- merging events across documents, and the streaming corpus graph -------------------
SAME = "On 3 May 2021, Acme Corp acquired Beta Ltd for $2 billion."


@pytest.fixture(scope="module")
def reports() -> list[timeline.Document]:
    return [
        timeline.parse(SAME, published="2021-05-04", doc_id="r-1"),
        timeline.parse("Beta Ltd was sold. " + SAME, published="2021-05-05", doc_id="r-2"),
        timeline.parse(
            "On 9 June 2020, Acme Corp acquired Beta Ltd.", published="2021-05-05", doc_id="r-3"
        ),
        timeline.parse(
            "In 2021, Acme Corp acquired Beta Ltd.", published="2022-01-01", doc_id="r-4"
        ),
    ]


def _acquisitions(g: nx.MultiDiGraph) -> dict[str, dict]:
    return {
        n: d
        for n, d in g.nodes(data=True)
        if d.get("kind") == "event" and d["trigger"] == "acquired"
    }


def test_graph_merges_the_same_event_reported_twice(reports) -> None:
    events = _acquisitions(timeline.build_graph(reports))
    merged = [d for d in events.values() if d.get("documents")]
    assert len(merged) == 1 and merged[0]["documents"] == ["r-1", "r-2"]
    assert len(events) == 3  # r-1 and r-2 are one node; r-3 and r-4 stay apart


def test_graph_flags_conflicting_dates_and_keeps_both(reports) -> None:
    events = _acquisitions(timeline.build_graph(reports))
    flagged = {
        d["value"]: d["conflicting_dates"] for d in events.values() if d.get("date_conflict")
    }
    # 2020-06-09 cannot be right if 2021-05-03 (or 2021) is; 2021 and 2021-05-03 agree
    assert flagged == {
        "2021-05-03": ["2020-06-09"],
        "2020-06-09": ["2021", "2021-05-03"],
        "2021": ["2020-06-09"],
    }


def test_streamed_corpus_graph_equals_the_in_memory_graph(reports, tmp_path: Path) -> None:
    from timeline.graph.stream import write_corpus_graph

    summary = write_corpus_graph(tmp_path, iter(reports))
    mem = timeline.build_graph(reports)
    back = read_node_link(tmp_path / "graph.json")
    assert set(back.nodes) == set(mem.nodes)
    assert sorted(back.edges(keys=True)) == sorted(mem.edges(keys=True))
    for n, d in mem.nodes(data=True):
        assert {k: v for k, v in d.items() if v is not None} == back.nodes[n]
    assert summary["events_merged"] == 1 and summary["date_conflicts"] == 3
    assert summary["nodes"]["event"] == sum(1 for _, k in mem.nodes(data="kind") if k == "event")
    gml = nx.read_graphml(tmp_path / "graph.graphml")
    gexf = nx.read_gexf(tmp_path / "graph.gexf")
    assert gml.number_of_nodes() == gexf.number_of_nodes() == mem.number_of_nodes()
    assert gml.number_of_edges() == gexf.number_of_edges() == mem.number_of_edges()
    merged = next(n for n, d in mem.nodes(data=True) if d.get("documents") == ["r-1", "r-2"])
    assert json.loads(gml.nodes[merged]["documents"]) == ["r-1", "r-2"]
    assert gexf.nodes[merged]["start"] == "2021-05-03"
    assert not list(tmp_path.glob(".*"))  # no temporary file or folder left behind


def test_streamed_graph_files_survive_hostile_text(tmp_path: Path) -> None:
    from timeline.graph.stream import write_corpus_graph

    nasty = 'In 2019, Acme "Corp" <b>&amp;</b> \x0b\x1f met Beta ]]> Ltd in Oslo.'
    doc = timeline.parse(nasty, published="2020-01-01", doc_id="x-1", title="<t> & \x01")
    write_corpus_graph(tmp_path, [doc])
    assert nx.read_graphml(tmp_path / "graph.graphml").number_of_nodes() > 0
    assert nx.read_gexf(tmp_path / "graph.gexf").number_of_nodes() > 0
    assert read_node_link(tmp_path / "graph.json").number_of_nodes() > 0
