"""Parsing speed: our full pipeline and our time stage, against dateparser's search_dates
(the peer a Python user would otherwise pick to find dates in text).

    python benchmarks/bench_parse.py [DIR_OR_FILE ...]

Without arguments it uses examples/; give TimeML (.tml) or text files for a larger corpus,
e.g. ../shared/data/timebank-aquaint/TimeBank. Prints medians over --repeat runs.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_texts(paths: list[str]) -> list[str]:
    texts = []
    for p in paths:
        path = Path(p)
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for f in files:
            if f.suffix == ".tml":
                raw = f.read_text(encoding="utf-8", errors="replace")
                m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
                if m:
                    texts.append(re.sub(r"<[^>]+>", "", m.group(1)))
            elif f.suffix in (".txt", ".md") and f.name.lower() != "readme.md":
                texts.append(f.read_text(encoding="utf-8"))
    return texts


def timed(fn, texts: list[str], repeat: int) -> list[float]:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        runs.append(time.perf_counter() - t0)
    return runs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="*", default=[str(ROOT / "examples")])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-peer", action="store_true", help="skip dateparser.search_dates")
    args = ap.parse_args()
    texts = load_texts(args.inputs)
    if not texts:
        sys.exit("no texts found")
    chars = sum(len(t) for t in texts)

    import timeline
    from timeline.stages.sentences import find_sentences
    from timeline.stages.times import find_times, resolve_times

    def times_only(t: str) -> None:
        resolve_times(t, find_times(t), tuple(find_sentences(t)), "2000-01-01")

    def full(t: str) -> None:
        timeline.parse(t, published="2000-01-01")

    full(texts[0])  # warm caches (gazetteer, lexicon)
    rows = [
        ("timeline.parse (all stages)", timed(full, texts, args.repeat)),
        ("timeline time stage only", timed(times_only, texts, args.repeat)),
    ]
    if not args.no_peer:
        from dateparser.search import search_dates

        def peer(t: str) -> None:
            search_dates(
                t,
                languages=["en"],
                settings={"RELATIVE_BASE": __import__("datetime").datetime(2000, 1, 1)},
            )

        peer(texts[0])
        rows.append(
            ("dateparser.search_dates (peer)", timed(peer, texts, max(1, args.repeat // 2)))
        )
    print(f"{len(texts)} texts, {chars:,} characters; median of {args.repeat} runs")
    print(f"{'what':<34} {'median s':>9} {'chars/s':>11} {'docs/s':>8}")
    for name, runs in rows:
        med = statistics.median(runs)
        print(f"{name:<34} {med:>9.3f} {chars / med:>11,.0f} {len(texts) / med:>8.1f}")
    if not args.no_peer:
        peer_med, ours = statistics.median(rows[-1][1]), statistics.median(rows[1][1])
        print(f"time stage speed-up over dateparser.search_dates: {peer_med / ours:.1f}x")


if __name__ == "__main__":
    main()
