"""Crash safety: SIGKILL `timeline build` at random points, rerun it, check every output.

    python benchmarks/crash_safety.py [--runs 20] [--articles 80]

Each run kills a fresh build after a random delay, checks that every document file that
exists is complete JSON, reruns the build to completion and checks that all documents are
there, valid, and that no temporary file is left. Prints the counts.
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
    corrupt = 0
    for p in (out / "docs").glob("*.json") if (out / "docs").is_dir() else []:
        try:
            json.loads(p.read_text())
        except ValueError:
            corrupt += 1
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    docs = list((out / "docs").glob("*.json"))
    for p in docs:
        try:
            json.loads(p.read_text())
        except ValueError:
            corrupt += 1
    complete = done.returncode == 0 and len(docs) == n and not list(out.rglob("*.tmp"))
    return corrupt, len(docs), complete


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
