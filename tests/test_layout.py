"""Graph layout for large graphs: deterministic, bounded, and it pulls neighbours together."""

from __future__ import annotations

import math
import random

from timeline.render.layout import force_layout, top_nodes


def _graph(n: int, seed: int = 3) -> tuple[list[str], list[tuple[str, str]]]:
    rng = random.Random(seed)
    nodes = [f"n{i}" for i in range(n)]
    edges = [(f"n{i}", f"n{(i + 1) % n}") for i in range(n)]  # a ring
    edges += [(rng.choice(nodes), rng.choice(nodes)) for _ in range(n // 4)]
    return nodes, edges


def test_layout_is_deterministic_and_inside_the_box() -> None:
    nodes, edges = _graph(300)
    a = force_layout(nodes, edges, size=800)
    assert a == force_layout(nodes, edges, size=800)
    assert set(a) == set(nodes)
    assert all(abs(x) <= 400.01 and abs(y) <= 400.01 for x, y in a.values())


def test_layout_places_neighbours_closer_than_strangers() -> None:
    nodes, edges = _graph(200)
    pos = force_layout(nodes, edges)

    def d(a: str, b: str) -> float:
        return math.dist(pos[a], pos[b])

    linked = sum(d(a, b) for a, b in edges if a != b) / len(edges)
    rng = random.Random(5)
    pairs = [(rng.choice(nodes), rng.choice(nodes)) for _ in range(500)]
    assert linked < 0.6 * (sum(d(a, b) for a, b in pairs) / len(pairs))


def test_layout_handles_tiny_and_edgeless_graphs() -> None:
    assert force_layout([], []) == {}
    assert set(force_layout(["a"], [])) == {"a"}
    pos = force_layout(["a", "b", "c"], [("a", "a")])
    assert len({p for p in pos.values()}) == 3  # no two nodes on one spot


def test_top_nodes_prefers_degree_then_id() -> None:
    assert top_nodes({"b": 2, "a": 2, "c": 5, "d": 1}, 2) == {"c", "a"}
