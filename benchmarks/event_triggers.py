"""Event triggers against TimeML EVENT tags (TempEval-3 TBAQ) or MEANTIME EVENT_MENTIONs:
precision and recall of the event stage's trigger words, exact span match.

    python benchmarks/event_triggers.py ../shared/data/timebank-aquaint [--top 30]
    python benchmarks/event_triggers.py ../shared/data/meantime-airbus

TimeML marks every event, states and plans included; our stage reads events for a timeline
(mostly past happenings and dated nouns), so recall here is a lower bound of what a reader
of a timeline misses. --top lists the most frequent missed and spurious words.
"""

from __future__ import annotations

import argparse
import collections
import xml.etree.ElementTree as ET
from pathlib import Path

import timeline


def _text_and_events(path: Path) -> tuple[str, set[tuple[int, int]], str | None]:
    root = ET.fromstring(path.read_text(encoding="utf-8"))
    body = root.find("TEXT")
    assert body is not None, path
    parts: list[str] = []
    gold: set[tuple[int, int]] = set()

    def walk(el: ET.Element, top: bool) -> None:
        if el.tag == "EVENT":
            start = sum(map(len, parts))
            word = "".join(el.itertext())
            gold.add((start, start + len(word)))
            parts.append(word)
        else:
            parts.append(el.text or "")
            for child in el:
                walk(child, False)
        if not top:
            parts.append(el.tail or "")

    walk(body, True)
    dct = next(
        (
            (t.get("value") or "")[:10]
            for t in root.iter("TIMEX3")
            if t.get("functionInDocument") == "CREATION_TIME"
        ),
        None,
    )
    return "".join(parts), gold, dct


def _meantime_text_and_events(path: Path) -> tuple[str, set[tuple[int, int]], str | None]:
    from timeline.readwrite.meantime import read_meantime

    doc = read_meantime(path)
    root = ET.fromstring(path.read_text(encoding="utf-8"))
    # the reader keeps the tokens in file order: their offsets by t_id
    spans = {
        tok.get("t_id", ""): (row[0], row[1])
        for tok, row in zip(root.iter("token"), doc.tokens, strict=True)
    }
    gold = set()
    for ev in root.iter("EVENT_MENTION"):
        ids = [a.get("t_id", "") for a in ev.findall("token_anchor") if a.get("t_id") in spans]
        if ids:
            gold.add((min(spans[i][0] for i in ids), max(spans[i][1] for i in ids)))
    return doc.text, gold, doc.dct


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--top", type=int, default=0)
    args = ap.parse_args()
    tp = fp = fn = 0
    missed: collections.Counter[str] = collections.Counter()
    spurious: collections.Counter[str] = collections.Counter()
    tml = sorted(Path(args.corpus).rglob("*.tml"))
    for path in tml or sorted(Path(args.corpus).rglob("*.xml")):
        text, gold, dct = _text_and_events(path) if tml else _meantime_text_and_events(path)
        doc = timeline.parse(text, published=dct)
        ours = {(e.trigger.start, e.trigger.end) for e in doc.events}
        tp, fp, fn = tp + len(ours & gold), fp + len(ours - gold), fn + len(gold - ours)
        missed.update(text[a:b].lower() for a, b in gold - ours)
        spurious.update(text[a:b].lower() for a, b in ours - gold)
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(
        f"event triggers: P {100 * p:.1f} R {100 * r:.1f} F1 {100 * f:.1f} (tp {tp}, fp {fp}, fn {fn})"
    )
    if args.top:
        print("most missed:", ", ".join(f"{w} {n}" for w, n in missed.most_common(args.top)))
        print("most spurious:", ", ".join(f"{w} {n}" for w, n in spurious.most_common(args.top)))


if __name__ == "__main__":
    main()
