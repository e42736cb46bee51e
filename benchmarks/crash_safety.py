"""Crash safety: SIGKILL `timeline build` at random points, rerun it, check every output.

    python benchmarks/crash_safety.py [--runs 20] [--articles 80]

Each run kills a fresh build after a random delay, checks that every document file that
exists is complete (documents, graph.json/.graphml/.gexf, manifest, index.html), reruns the
build to completion and checks that all documents are there, every output is complete, and
no temporary file or folder is left. Prints the counts.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TEXT = (
    "In 2019, Washington cut diplomatic ties with Caracas. Maduro condemned the move on "
    "Monday, and the following year the two governments resumed talks in Mexico City. "
)


def one_run(root: Path, n: int, rng: random.Random) -> tuple[int, int, bool]:
    src, out = root / "in", root / "out"
    src.mkdir()
    for i in range(n):
        (src / f"a{i}.txt").write_text(TEXT * 20 + f" {i}")
    cmd = [sys.executable, "-m", "timeline", "build", str(src), "-o", str(out), "-q", "-w", "2"]
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    time.sleep(rng.uniform(0.5, 6.0))
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    corrupt = broken_outputs(out)
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    corrupt += broken_outputs(out)
    docs = list((out / "docs").glob("*.json"))
    leftovers = [p for p in out.rglob(".*") if p.name != ".gitignore"]
    complete = done.returncode == 0 and len(docs) == n and not leftovers
    return corrupt, len(docs), complete


def broken_outputs(out: Path) -> int:
    """Output files that exist but are not complete: documents, graph files, page, manifest."""
    import xml.etree.ElementTree as ET

    bad = 0
    for p in list(out.glob("docs/*.json")) + [out / "graph.json", out / "manifest.json"]:
        if p.exists():
            try:
                json.loads(p.read_text())
            except ValueError:
                bad += 1
    for p in (out / "graph.graphml", out / "graph.gexf"):
        if p.exists():
            try:
                ET.parse(p)
            except ET.ParseError:
                bad += 1
    page = out / "index.html"
    if page.exists() and not page.read_text().rstrip().endswith("</html>"):
        bad += 1
    return bad


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--articles", type=int, default=80)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    corrupt_total, incomplete = 0, 0
    for i in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            corrupt, n_docs, complete = one_run(Path(tmp), args.articles, rng)
        corrupt_total += corrupt
        incomplete += not complete
        print(
            f"run {i + 1:>2}: corrupt files {corrupt}, documents after rerun {n_docs}, "
            f"complete {complete}",
            flush=True,
        )
    print(
        f"{args.runs} killed runs: {corrupt_total} corrupt outputs, {incomplete} reruns incomplete"
    )


if __name__ == "__main__":
    main()
