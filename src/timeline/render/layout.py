"""Graph layout in Python for graphs too big for the browser's physics simulation.

vis-network's physics needs tens of seconds to settle 1,000 nodes and never settles 5,000;
laid out here once (Fruchterman-Reingold, vectorised with numpy), the page draws at once.
Only the ``limit`` most connected nodes are laid out and drawn; the page's search and lists
reach the rest.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["top_nodes", "force_layout"]


def top_nodes(degree: dict[str, int], limit: int) -> set[str]:
    """The ``limit`` nodes of highest degree (ties broken by id, so the choice is stable)."""
    ranked = sorted(degree, key=lambda n: (-degree[n], n))
    return set(ranked[:limit])


def force_layout(
    nodes: Sequence[str],
    edges: Sequence[tuple[str, str]],
    *,
    size: float = 1000.0,
    iterations: int = 50,
    seed: int = 7,
) -> dict[str, tuple[float, float]]:
    """Positions in ``[-size/2, size/2]`` for ``nodes``; deterministic for a given seed."""
    n = len(nodes)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    rng = np.random.default_rng(seed)
    pos: np.ndarray = rng.uniform(-0.5, 0.5, size=(n, 2)).astype(np.float32)
    pairs = np.array(
        [(index[a], index[b]) for a, b in edges if a in index and b in index and a != b],
        dtype=np.int64,
    ).reshape(-1, 2)
    k = np.sqrt(1.0 / n)  # ideal edge length in the unit square
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        dx = pos[:, 0:1] - pos[:, 0]  # n x n
        dy = pos[:, 1:2] - pos[:, 1]
        force = dx * dx
        force += dy * dy
        np.maximum(force, 1e-6, out=force)
        np.divide(k * k, force, out=force)  # repulsion k^2/d along the unit vector delta/d
        np.fill_diagonal(force, 0.0)
        disp = np.stack([(dx * force).sum(axis=1), (dy * force).sum(axis=1)], axis=1)
        if len(pairs):
            d = pos[pairs[:, 0]] - pos[pairs[:, 1]]
            length = np.sqrt((d * d).sum(axis=1))[:, None]
            pull = d * length / k  # attraction d^2/k along d/|d|
            np.subtract.at(disp, pairs[:, 0], pull)
            np.add.at(disp, pairs[:, 1], pull)
        disp -= pos * 0.05 * n * k  # gentle gravity keeps components together
        length = np.sqrt((disp * disp).sum(axis=1))[:, None]
        length = np.maximum(length, 1e-9)
        pos += disp / length * np.minimum(length, temperature)
        temperature -= cooling
    pos -= pos.mean(axis=0)
    spread = np.abs(pos).max() or 1.0
    pos = pos / spread * (size / 2)
    return {
        node: (round(float(pos[i, 0]), 1), round(float(pos[i, 1]), 1)) for node, i in index.items()
    }
