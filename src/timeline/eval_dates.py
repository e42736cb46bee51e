"""Scoring event dates against hand-dated articles: how many of the events an article states
are found with the date a careful reader gives them.

The gold is a JSON Lines file, one article a line, its text file named relative to the gold
file::

    {"file": "05-flood.txt", "published": "2022-08-21",
     "events": [{"trigger": "swept", "occurrence": 1, "value": "1997-08-21"},
                {"trigger": "warned", "occurrence": 1, "value": "before:1997-08-21"},
                {"trigger": "denied", "occurrence": 1, "value": "unknown"}]}

``trigger`` is the word as written and ``occurrence`` which of its whole-word occurrences
(case-sensitive, 1 for the first). ``value`` is a TIMEX3 date ("1973", "1973-03",
"1973-03-11", "1973-SP"), ``before:VALUE`` for an event known only to come before a date,
or ``unknown``. An event is right when the event found at that word has exactly the value
(for ``before:``, an end before the date's first day; for ``unknown``, no value); a
time of the day a gold value names ("1997-08-21T21:00", "1997-08-21TNI" for "1997-08-21")
counts as that day, any other finer or coarser value as wrong.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from timeline.errors import InputError
from timeline.stages.values import value_range

__all__ = ["eval_dated"]


def eval_dated(gold_file: str | Path, n_errors: int = 0) -> dict[str, Any]:
    """Scores of the pipeline's event dates on the hand-dated articles of ``gold_file``."""
    from timeline.inputs import parse_file

    gold_path = Path(gold_file)
    try:
        lines = gold_path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise InputError(f"{gold_path}: cannot read: {e.strerror or e}") from None
    n: Counter[str] = Counter()
    errors: list[dict[str, Any]] = []
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            gold = json.loads(line)
            doc = parse_file(gold_path.parent / gold["file"])
        except (ValueError, KeyError, TypeError) as e:
            raise InputError(f"{gold_path}:{lineno}: not a gold article line ({e})") from None
        n["articles"] += 1
        n["published_right"] += (doc.source.published or "")[:10] == gold.get("published")
        for g in gold.get("events", []):
            kind, ok, found = _score(doc, g)
            n[kind] += 1
            n[f"{kind}_found"] += found is not None
            n[f"{kind}_right"] += ok
            if kind == "dated" and found is not None and found.time.basis == "publication":
                n["publication_wrong"] += g["value"][:10] != gold.get("published") and not ok
            if not ok and len(errors) < n_errors:
                errors.append(
                    {
                        "file": gold["file"],
                        "trigger": g["trigger"],
                        "gold": g["value"],
                        "found": found.time.value if found else None,
                        "basis": found.time.basis if found else None,
                        "note": found.time.note if found else "no event at this word",
                    }
                )
    stated = n["dated"]
    return {
        "articles": n["articles"],
        "published_right": n["published_right"],
        "stated": stated,
        "found": n["dated_found"],
        "right": n["dated_right"],
        "right_pct": round(100 * n["dated_right"] / stated, 1) if stated else 0.0,
        "on_publication_day_wrongly": n["publication_wrong"],
        "before": {"gold": n["before"], "found": n["before_found"], "right": n["before_right"]},
        "unknown": {"gold": n["unknown"], "found": n["unknown_found"], "right": n["unknown_right"]},
        "errors": errors,
    }


def _score(doc: Any, g: dict[str, Any]) -> tuple[str, bool, Any]:
    """(kind, right, the event found at the gold word or None) for one gold event."""
    value = str(g["value"])
    kind = "unknown" if value == "unknown" else "before" if value.startswith("before:") else "dated"
    word = re.escape(str(g["trigger"]))
    hits = [m.start() for m in re.finditer(rf"(?<![\w-]){word}(?![\w-])", doc.text)]
    k = int(g.get("occurrence", 1))
    if not 1 <= k <= len(hits):
        return kind, False, None
    pos = hits[k - 1]
    ev = next((e for e in doc.events if e.trigger.start <= pos < e.trigger.end), None)
    if ev is None:
        return kind, False, None
    if kind == "dated":
        found = ev.time.value or ""
        # a time of the gold day says that day, more precisely: "1997-08-21T21:00"
        return kind, found == value or (len(value) == 10 and found.startswith(value + "T")), ev
    if kind == "before":
        rng = value_range(value.removeprefix("before:"))
        return kind, bool(rng and ev.time.end and ev.time.end < rng[0]), ev
    return kind, ev.time.value is None, ev
