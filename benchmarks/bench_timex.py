"""Time-expression speed: our time stage against dateparser.search_dates on TimeML text.

    python benchmarks/bench_timex.py ../shared/data/timebank-aquaint [--repeat 5]

Both tools get the same raw text of every .tml file and that document's creation time
(our stage as the publication date, dateparser as ``RELATIVE_BASE``). Prints the median
seconds and characters per second of each over --repeat runs and the ratio. Sentence
splitting is counted in our time, as it is part of what the stage needs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="+", help="TimeML files or folders (searched for *.tml)")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    from dateparser.search import search_dates

    from timeline.evaluate import timeml_files
    from timeline.readwrite.timeml import read_timeml
    from timeline.stages.sentences import find_sentences
    from timeline.stages.times import find_times, resolve_times

    files, _copies = timeml_files(args.inputs)  # as `timeline eval timeml` reads them
    docs = [read_timeml(f) for f in files]
    docs = [d for d in docs if d.dct]
    if not docs:
        sys.exit("no TimeML documents with a creation time found")
    chars = sum(len(d.text) for d in docs)

    def ours() -> None:
        for d in docs:
            resolve_times(d.text, find_times(d.text), tuple(find_sentences(d.text)), d.dct)

    bases = [dt.datetime.fromisoformat(d.dct[:10]) for d in docs]  # type: ignore[index]

    def peer() -> None:
        for d, base in zip(docs, bases, strict=True):
            search_dates(d.text, languages=["en"], settings={"RELATIVE_BASE": base})

    ours()
    search_dates(docs[0].text[:2000], languages=["en"])  # load dateparser's data once
    rows = []
    for name, fn in (("timeline time stage", ours), ("dateparser.search_dates", peer)):
        runs = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            fn()
            runs.append(time.perf_counter() - t0)
        rows.append((name, statistics.median(runs)))
    print(f"{len(docs)} documents, {chars:,} characters; median of {args.repeat} runs")
    print(f"{'what':<26} {'median s':>9} {'chars/s':>11}")
    for name, med in rows:
        print(f"{name:<26} {med:>9.3f} {chars / med:>11,.0f}")
    print(f"ratio (dateparser time / ours): {rows[1][1] / rows[0][1]:.1f}x")


if __name__ == "__main__":
    main()
