"""Worst cases: inputs of up to 1 MB built to make each stage slow, timed stage by stage.

    python benchmarks/bench_limits.py [--size 1000000] [--budget 2.0]

Each input is built to defeat one part of the pipeline (dense dates for the time rules,
one endless sentence for clause and window logic, capitalised-word soup for entity
extents, deep HTML for ingest, ...). Prints seconds per stage and for the whole
parse (medians of --repeat runs), flags any stage over --budget and notes a whole parse over
it; exits 1 if a stage is over.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time


def inputs(size: int) -> dict[str, str]:
    rng = random.Random(7)
    months = [
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
    ]

    def fill(unit: str) -> str:
        return (unit * (size // len(unit) + 1))[:size]

    words = [
        rng.choice(["Alpha", "Beta", "Gamma", "Delta", "Omega", "Corp", "Inc"])
        for _ in range(size // 6)
    ]
    return {
        "dense dates": fill(
            " ".join(
                f"{d} {months[d % 10]} {1900 + d}, last Tuesday, two years ago;"
                for d in range(1, 29)
            )
            + " "
        ),
        "one endless sentence": fill(
            "the minister said that the talks, which began, would go on, and "
        ),
        "capitalised soup": " ".join(words)[:size],
        "digits": fill("1 22 333 4444 55555 1999 2000-01-02 12:30 "),
        "one long token": "a" * size,
        "quotes and brackets": fill('"(The "[Acme] (Corp)" said) ``it (would) " '),
        "name lists": fill("Maria Lopez, John Smith, Acme Corp, Paris, Beta Inc, Berlin and "),
        "anaphora chain": fill(
            "In 1962 it began. The following year it grew. Two days later it fell. "
        ),
        "newlines": fill("In 2019\n\n\nOslo\n"),
        "weekday soup": fill("Monday Tuesday (1st) last Friday next Sunday morning "),
        "10,000 dated events": " ".join(
            f"On March {1 + i % 28}, {1990 + i % 30} talks resumed" for i in range(10_000)
        )[:size],
        # issue 12: shapes that were quadratic
        "spaces in a sentence": ("In 2019 Oslo" + " " * size + "voted.")[:size],
        "dots": "." * size,
        "U.S. repeated": fill("U.S. "),
        "run-on line": fill("On 3 May 2021 Putin met Biden in Paris and then "),
        "allies and leaders": fill(
            "Putin, China and Iran, one of Maduro's allies, met; Russian leader Vladimir Putin "
        ),
        "acronyms in brackets": fill("Acme Corp (AC) and Beta Inc (BI) "),
        "clauses": fill("Oslo; Paris when Rome, Berlin - Madrid (Lisbon) "),
        "after clauses": fill("troops attacked the town, after leaders met, "),
        "dates before commas": fill("they met on Friday, then "),
        "a week later": fill("They met a week later. "),
        "rates": fill("Prices rose annually. "),
        # session 8's constructions
        "days after the attack": fill(
            "Rebels attacked on 3 May 1861; eight days after the attack, "
        ),
        "quotes said": fill('"We won," said Ann Lee, 81, who had said that we won in 1999. '),
        "that had": fill("In 1964 she noticed that dyes that had resisted had broken "),
        # session 12's attack: shapes that were quadratic or worse
        "verbs not kept": fill("men met them "),
        "surname again": fill("we met Zo Qu, "),
        "days after, one line": fill("they met two days after they won and "),
        "nouns in a dated clause": ("In 1990 they " + fill("won the election and "))[:size],
        "when clauses": fill("they won when " + "x, " * 16),
        "shared subject": fill("Paris and ")[: size // 2] + fill("met them and ")[: size // 2],
        "said, many phrases": ("They said" + " in a b" * 24 + " X on Monday. " + fill("x "))[:size],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=1_000_000)
    ap.add_argument("--budget", type=float, default=2.0)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()

    from timeline.ingest import decode_article
    from timeline.model import Document, Source
    from timeline.pipeline import STAGES
    from timeline.settings import DEFAULT
    from timeline.stages.gazetteer import gazetteer

    gazetteer()  # loaded once per process (about a second), not a cost of any input
    cases = inputs(args.size)
    html = "<div>" * 20000 + "<p>In 2019 Oslo voted.</p>" + "</div>" * 20000
    timexes = args.size // 20  # TimeML with a TIMEX3 every 20 characters: 50,000 at 1 MB
    tml = (
        "<TimeML><TEXT>"
        + " ".join(
            f'<TIMEX3 tid="t{i}" type="DATE" value="1999">1999</TIMEX3>' for i in range(timexes)
        )
        + "</TEXT></TimeML>"
    )
    over = False
    names = ["ingest"] + [n for n, _ in STAGES]
    print(f"{'input':<22}" + "".join(f"{n:>11}" for n in [*names, "total"]) + "   (seconds)")
    from timeline.readwrite.timeml import parse_timeml

    unclosed = "<html><body><p>In 2019 Oslo voted.</p>" + "<a " * (args.size // 3)
    extra = [
        ("deep html (ingest)", html),
        ("unclosed tags (ingest)", unclosed[: args.size]),
        (f"{timexes:,} TIMEX3 (ingest)", tml),
    ]
    for label, text in [*cases.items(), *extra]:
        times: dict[str, list[float]] = {n: [] for n in names}
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            if "TIMEX3" in label:
                art_text = parse_timeml(text).text
            else:
                name = "x.html" if label.startswith(("deep html", "unclosed")) else "x.txt"
                art_text = decode_article(text.encode("utf-8"), name).text
            times["ingest"].append(time.perf_counter() - t0)
            doc = Document(source=Source(id="x", published="2020-01-01"), text=art_text)
            for n, stage in STAGES:
                t0 = time.perf_counter()
                doc = stage(doc, DEFAULT)
                times[n].append(time.perf_counter() - t0)
        times["total"] = [sum(run) for run in zip(*times.values(), strict=True)]
        med = {n: statistics.median(v) for n, v in times.items()}
        whole = med["total"]
        flag = " <-- over budget" if max(med[n] for n in names) > args.budget else ""
        over |= bool(flag)
        note = "" if whole <= args.budget else " (whole parse over budget)"
        print(f"{label:<22}" + "".join(f"{med[n]:>11.2f}" for n in [*names, "total"]) + flag + note)
        sys.stdout.flush()
    sys.exit(1 if over else 0)


if __name__ == "__main__":
    main()
