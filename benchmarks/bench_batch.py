"""Batch throughput: `timeline build` over a corpus of real news texts with 1 and 2 workers,
and a synthetic large run (articles of 3,000+ characters, joined from the real texts).

    python benchmarks/bench_batch.py ../shared/data [--articles 500] [--large 10000]

The corpus is made from the TimeML and MEANTIME texts under the given folder (each text
repeated with a distinct id until there are --articles of them), written as JSON Lines to a
temporary folder. Prints articles/s, characters/s, the speed-up of 2 workers over 1 and the
peak resident memory of the largest process, medians over --repeat runs.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def texts_from(root: Path) -> list[str]:
    from timeline.readwrite.meantime import read_meantime
    from timeline.readwrite.timeml import read_timeml

    out = [read_timeml(p).text.strip() for p in sorted(root.rglob("*.tml"))]
    out += (
        [read_meantime(p).text for p in sorted((root / "meantime-apple").glob("*.xml"))]
        if (root / "meantime-apple").is_dir()
        else []
    )
    return [t for t in out if t.strip()]


def write_corpus(texts: list[str], n: int, path: Path, min_chars: int = 0) -> int:
    """``n`` articles as JSON Lines; each at least ``min_chars`` long (texts joined in turn)."""
    chars = 0
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            text, k = texts[i % len(texts)], 1
            while len(text) < min_chars:
                text += "\n\n" + texts[(i + k) % len(texts)]
                k += 1
            chars += len(text)
            fh.write(json.dumps({"id": f"a{i}", "text": text, "published": "2000-01-01"}) + "\n")
    return chars


def run_build(corpus: Path, out: Path, workers: int) -> tuple[float, float, float]:
    """Seconds, peak RSS (MB) and parse-phase seconds of one fresh `timeline build`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "timeline",
            "build",
            str(corpus),
            "-o",
            str(out),
            "-q",
            "--workers",
            str(workers),
            "--force",
            "--max-page-docs",
            "100",
        ],
        check=False,
    )
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    parse_s = json.loads((out / "manifest.json").read_text())["seconds_parse"]
    return seconds, max(peak, before) / 1024, parse_s


def halves_ceiling(corpus: Path, tmp: Path, repeat: int) -> None:
    """The machine's practical ceiling: two independent ``-w 1`` builds, one per half of the
    corpus, at the same time (no pool, nothing shared) against one build of the whole."""
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    half = len(lines) // 2
    parts = [tmp / "half1.jsonl", tmp / "half2.jsonl"]
    parts[0].write_text("".join(lines[:half]), encoding="utf-8")
    parts[1].write_text("".join(lines[half:]), encoding="utf-8")

    def cmd(src: Path, out: Path) -> list[str]:
        return [
            sys.executable,
            "-m",
            "timeline",
            "build",
            str(src),
            "-o",
            str(out),
            "-q",
            "-w",
            "1",
            "--force",
            "--max-page-docs",
            "100",
        ]

    one, two, p_one, p_two = [], [], [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd(corpus, tmp / "whole"), check=False)
        one.append(time.perf_counter() - t0)
        p_one.append(json.loads((tmp / "whole" / "manifest.json").read_text())["seconds_parse"])
        t0 = time.perf_counter()
        procs = [subprocess.Popen(cmd(p, tmp / p.stem)) for p in parts]
        for proc in procs:
            proc.wait()
        two.append(time.perf_counter() - t0)
        p_two.append(
            max(
                json.loads((tmp / p.stem / "manifest.json").read_text())["seconds_parse"]
                for p in parts
            )
        )
    print(
        f"ceiling, two independent single-worker builds on the halves: "
        f"{statistics.median(one) / statistics.median(two):.2f}x overall, "
        f"{statistics.median(p_one) / statistics.median(p_two):.2f}x parse phase"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", help="folder holding timebank-aquaint/ and meantime-apple/")
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--large", type=int, default=0, help="also run N synthetic articles")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument(
        "--halves", action="store_true", help="also measure two independent builds on halves"
    )
    args = ap.parse_args()
    texts = texts_from(Path(args.data))
    if not texts:
        sys.exit(f"no TimeML or MEANTIME texts under {args.data}")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        chars = write_corpus(texts, args.articles, corpus)
        print(
            f"{args.articles} articles ({len(texts)} distinct), {chars:,} characters; "
            f"median of {args.repeat} runs"
        )
        print(
            f"{'workers':>7} {'median s':>9} {'articles/s':>11} {'chars/s':>11} {'peak MB':>8} "
            f"{'parse s':>8}"
        )
        medians, parse = {}, {}
        for w in (1, 2):
            runs = [run_build(corpus, Path(tmp) / f"out{w}", w) for _ in range(args.repeat)]
            med = statistics.median(r[0] for r in runs)
            medians[w], parse[w] = med, statistics.median(r[2] for r in runs)
            print(
                f"{w:>7} {med:>9.2f} {args.articles / med:>11.1f} {chars / med:>11,.0f} "
                f"{max(r[1] for r in runs):>8.0f} {parse[w]:>8.2f}"
            )
        print(
            f"speed-up with 2 workers: {medians[1] / medians[2]:.2f}x overall, "
            f"{parse[1] / parse[2]:.2f}x in the parallel parse phase"
        )
        if args.halves:
            halves_ceiling(corpus, Path(tmp), args.repeat)
        if args.large:
            big = Path(tmp) / "large.jsonl"
            big_chars = write_corpus(texts, args.large, big, min_chars=3000)  # ~30 M chars
            sec, peak, parse_s = run_build(big, Path(tmp) / "outl", 2)
            print(
                f"{args.large} articles ({big_chars:,} chars), 2 workers: {sec:.1f} s "
                f"(parse phase {parse_s:.1f} s), {args.large / sec:.1f} articles/s, "
                f"peak RSS {peak:.0f} MB"
            )


if __name__ == "__main__":
    main()
