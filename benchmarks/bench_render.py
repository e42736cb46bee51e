"""Page size and time to interactive, for the seed article and for synthetic corpora.

    python benchmarks/bench_render.py [--events 1000 10000] [--repeat 3]

Synthetic corpora are generated news-like sentences (invented people, companies, cities and
dates), parsed by the pipeline, then rendered: we time the render in Python, the page size,
and, in headless Debian chromium, the time from navigation to ``window.__ready`` (median of
--repeat loads). The peer is pyvis's own page for the same graph (physics on, as pyvis
ships it): it is written, opened the same way, and timed until vis-network has stabilised
or 60 s have passed.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST = [
    "Alba",
    "Boris",
    "Chen",
    "Dana",
    "Elif",
    "Farid",
    "Goran",
    "Hana",
    "Ivo",
    "Jana",
    "Kemal",
    "Lena",
    "Mirek",
    "Nadia",
    "Omar",
]
LAST = [
    "Adler",
    "Berger",
    "Costa",
    "Dahl",
    "Eklund",
    "Frey",
    "Galan",
    "Horvat",
    "Ibsen",
    "Jensen",
    "Kovac",
    "Lund",
    "Moreau",
]
ORGS = [
    "Arcon",
    "Belmar",
    "Cortex",
    "Dynamo",
    "Elvan",
    "Fintra",
    "Gorr",
    "Helix",
    "Ixon",
    "Jovix",
    "Korvo",
    "Lumen",
]
CITIES = [
    "Lisbon",
    "Oslo",
    "Krakow",
    "Porto",
    "Tallinn",
    "Zagreb",
    "Riga",
    "Ghent",
    "Bern",
    "Turin",
    "Seville",
    "Gdansk",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
]


def synthetic_articles(n_events: int, seed: int = 1) -> list[str]:
    """Articles of five dated events each, naming many distinct people and companies."""
    rng = random.Random(seed)
    articles = []
    for _a in range(max(1, n_events // 5)):
        sentences = []
        for _ in range(5):
            who = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            org = f"{rng.choice(ORGS)} {rng.choice(['Corp.', 'Group', 'Holdings'])}"
            year = rng.randint(1950, 2024)
            when = f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {year}"
            verb = rng.choice(["met", "sued", "signed a deal with", "criticised", "visited"])
            sentences.append(f"On {when}, {who} {verb} {org} in {rng.choice(CITIES)}.")
        articles.append(" ".join(sentences))
    return articles


def ready_seconds(browser, path: Path, repeat: int, expr: str = "window.__ready === true"):
    runs = []
    for _ in range(repeat):
        page = browser.new_page()
        page.route(
            "**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort()
        )
        t0 = time.perf_counter()
        page.goto(path.as_uri())
        try:
            page.wait_for_function(expr, timeout=60000)
            runs.append(time.perf_counter() - t0)
        except Exception:
            runs.append(float("inf"))
        page.close()
    return statistics.median(runs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, nargs="*", default=[1000, 10000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-peer", action="store_true")
    args = ap.parse_args()

    from playwright.sync_api import sync_playwright

    import timeline
    from timeline.ingest import read_article
    from timeline.inputs import parse_article
    from timeline.render.html import render_page

    seed_path = ROOT / "examples" / "us-mission-venezuela.md"
    seed = parse_article(read_article(seed_path), None, where=str(seed_path))
    cases = [("seed article", [seed])]
    for n in args.events:
        texts = synthetic_articles(n)
        docs = [
            timeline.parse(t, published="2025-01-01", doc_id=f"s{i}") for i, t in enumerate(texts)
        ]
        cases.append((f"{sum(len(d.events) for d in docs)} events", docs))
    out = Path(tempfile.mkdtemp())
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        print(f"{'page':<16} {'nodes':>6} {'render s':>9} {'size KB':>8} {'ready s':>8}")
        for name, docs in cases:
            t0 = time.perf_counter()
            page = render_page(docs)
            render_s = time.perf_counter() - t0
            path = out / (name.replace(" ", "-") + ".html")
            path.write_text(page, encoding="utf-8")
            nodes = sum(len(d.entities) + len(d.events) for d in docs)
            ready = ready_seconds(browser, path, args.repeat)
            print(
                f"{name:<16} {nodes:>6} {render_s:>9.2f} {len(page.encode()) / 1024:>8.0f} {ready:>8.2f}"
            )
            emb = render_page(docs, embed=True)
            epath = out / (name.replace(" ", "-") + "-embed.html")
            epath.write_text(emb, encoding="utf-8")
            print(
                f"{'  embed':<16} {'':>6} {'':>9} {len(emb.encode()) / 1024:>8.0f} "
                f"{ready_seconds(browser, epath, args.repeat):>8.2f}"
            )
            if not args.no_peer and len(docs) > 1 and nodes <= 4000:
                print(f"{'  pyvis page':<16} {'':>6} {'':>9}", end=" ")
                sys.stdout.flush()
                print(pyvis_peer(browser, docs, out / "pyvis.html"))
        browser.close()


def pyvis_peer(browser, docs, path: Path) -> str:
    """pyvis's own page for the same entity graph, timed until its physics settles."""
    from pyvis.network import Network

    from timeline.graph.build import build_graph

    g = build_graph(docs)
    net = Network(cdn_resources="in_line")
    for n, d in g.nodes(data=True):
        net.add_node(str(n), label=str(d.get("label", n))[:40])
    for a, b in g.edges():
        net.add_edge(str(a), str(b))
    net.write_html(str(path))
    html = path.read_text(encoding="utf-8").replace(
        "network = new vis.Network(container, data, options);",
        "network = new vis.Network(container, data, options);"
        "network.once('stabilizationIterationsDone', function(){window.__ready=true;});"
        "network.once('stabilized', function(){window.__ready=true;});",
    )
    path.write_text(html, encoding="utf-8")
    secs = ready_seconds(browser, path, 1)
    size = len(html.encode()) / 1024
    return f"{size:>8.0f} {secs:>8.2f}  (until physics settles; inf = not within 60 s)"


if __name__ == "__main__":
    main()
