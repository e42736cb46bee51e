"""Scoring against gold corpora (TempEval-3 Task A for time expressions).

Spans are paired one-to-one by overlap (greedy, in text order). Strict span P/R/F1 counts
pairs with identical offsets; relaxed counts every overlapping pair. Attribute scores follow
TempEval-3: attribute P = pairs whose attribute is right / system count, R = the same /
gold count.

>>> from timeline.readwrite.timeml import GoldTimex as G
>>> s = score_timexes([G(0, 4, "1962", "DATE", "1962")], [G(0, 4, "1962", "DATE", "1962")])
>>> s.strict.f1, s.value.f1
(1.0, 1.0)
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

__all__ = ["PRF", "TimexScores", "score_timexes", "eval_timeml"]


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def type(self) -> str: ...
    @property
    def value(self) -> str | None: ...


@dataclass(slots=True)
class PRF:
    tp_p: int = 0  # true positives counted for precision
    tp_r: int = 0  # ... for recall (differs from tp_p only when matching is not one-to-one)
    sys: int = 0
    gold: int = 0

    @property
    def p(self) -> float:
        return self.tp_p / self.sys if self.sys else 0.0

    @property
    def r(self) -> float:
        return self.tp_r / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def add(self, other: PRF) -> None:
        self.tp_p += other.tp_p
        self.tp_r += other.tp_r
        self.sys += other.sys
        self.gold += other.gold

    def as_dict(self) -> dict[str, float]:
        return {
            "p": round(100 * self.p, 2),
            "r": round(100 * self.r, 2),
            "f1": round(100 * self.f1, 2),
        }


@dataclass(slots=True)
class TimexScores:
    strict: PRF = field(default_factory=PRF)
    relaxed: PRF = field(default_factory=PRF)
    type: PRF = field(default_factory=PRF)
    value: PRF = field(default_factory=PRF)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(self, other: TimexScores) -> None:
        for name in ("strict", "relaxed", "type", "value"):
            getattr(self, name).add(getattr(other, name))
        self.errors.extend(other.errors)


def _pair(system: Sequence[_Span], gold: Sequence[_Span]) -> list[tuple[int, int]]:
    """One-to-one pairs (system index, gold index) of overlapping spans, in text order."""
    pairs = []
    used: set[int] = set()
    for i, s in enumerate(system):
        best = None
        for j, g in enumerate(gold):
            if j in used or g.end <= s.start or g.start >= s.end:
                continue
            overlap = min(s.end, g.end) - max(s.start, g.start)
            if best is None or overlap > best[0]:
                best = (overlap, j)
        if best is not None:
            used.add(best[1])
            pairs.append((i, best[1]))
    return pairs


def score_timexes(
    system: Sequence[_Span], gold: Sequence[_Span], text: str = "", name: str = ""
) -> TimexScores:
    """TempEval-3 Task A scores of one document."""
    sc = TimexScores()
    n_sys, n_gold = len(system), len(gold)
    for prf in (sc.strict, sc.relaxed, sc.type, sc.value):
        prf.sys, prf.gold = n_sys, n_gold
    pairs = _pair(system, gold)
    matched_sys = {i for i, _ in pairs}
    matched_gold = {j for _, j in pairs}
    for i, j in pairs:
        s, g = system[i], gold[j]
        exact = s.start == g.start and s.end == g.end
        sc.relaxed.tp_p += 1
        sc.relaxed.tp_r += 1
        if exact:
            sc.strict.tp_p += 1
            sc.strict.tp_r += 1
        if s.type == g.type:
            sc.type.tp_p += 1
            sc.type.tp_r += 1
        if s.value == g.value:
            sc.value.tp_p += 1
            sc.value.tp_r += 1
        if not exact or s.value != g.value or s.type != g.type:
            kind = "span" if not exact else ("value" if s.value != g.value else "type")
            sc.errors.append(
                {
                    "doc": name,
                    "kind": kind,
                    "system": text[s.start : s.end],
                    "gold": text[g.start : g.end],
                    "sys_value": s.value,
                    "gold_value": g.value,
                    "sys_type": s.type,
                    "gold_type": g.type,
                }
            )
    for i, s in enumerate(system):
        if i not in matched_sys:
            sc.errors.append(
                {
                    "doc": name,
                    "kind": "spurious",
                    "system": text[s.start : s.end],
                    "sys_value": s.value,
                    "sys_type": s.type,
                    "gold": None,
                }
            )
    for j, g in enumerate(gold):
        if j not in matched_gold:
            sc.errors.append(
                {
                    "doc": name,
                    "kind": "missed",
                    "gold": text[g.start : g.end],
                    "gold_value": g.value,
                    "gold_type": g.type,
                    "system": None,
                }
            )
    return sc


def timeml_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[Path]]:
    """The ``.tml`` files under ``paths``, and the byte-identical copies left out.

    Corpora ship copies (TBAQ has AP900815-0044.tml in two folders); scoring a copy twice
    would count its errors twice.
    """
    out: list[Path] = []
    copies: list[Path] = []
    seen: set[bytes] = set()
    for p in map(Path, paths):
        for f in sorted(p.rglob("*.tml")) if p.is_dir() else [p]:
            digest = hashlib.sha256(f.read_bytes()).digest()
            (copies if digest in seen else out).append(f)
            seen.add(digest)
    return out, copies


def eval_timeml(paths: Iterable[str | Path]) -> dict[str, Any]:
    """Run our time stage on every ``.tml`` file (with its gold DCT) and score it."""
    from timeline.readwrite.timeml import read_timeml
    from timeline.stages.sentences import find_sentences
    from timeline.stages.times import find_times, resolve_times

    files, copies = timeml_files(paths)
    total = TimexScores()
    chars = 0
    seconds = 0.0
    for f in files:
        doc = read_timeml(f)
        t0 = time.perf_counter()
        timexes, _ = resolve_times(
            doc.text, find_times(doc.text), tuple(find_sentences(doc.text)), doc.dct
        )
        seconds += time.perf_counter() - t0
        chars += len(doc.text)
        total.add(score_timexes(timexes, doc.timexes, doc.text, f.name))
    return {
        "documents": len(files),
        "copies_skipped": [str(c) for c in copies],
        "gold": total.strict.gold,
        "system": total.strict.sys,
        "strict": total.strict.as_dict(),
        "relaxed": total.relaxed.as_dict(),
        "type": total.type.as_dict(),
        "value": total.value.as_dict(),
        "chars_per_second": round(chars / seconds) if seconds else None,
        "characters": chars,
        "errors": total.errors,
    }


# --------------------------------------------------------------------------- entities
_MEANTIME_TYPE = {
    "PERSON": "PER",
    "ORGANIZATION": "ORG",
    "LOCATION": "LOC",
    "PRODUCT": "PRO",
    "FINANCIAL": "FIN",
}
_NAMED = {"NAM", "PRE.NAM"}


@dataclass(frozen=True, slots=True)
class _M:
    start: int
    end: int
    type: str
    value: str | None = None


def _score_mentions(system: list[_M], gold: list[_M], typed: bool, strict: bool) -> PRF:
    prf = PRF(sys=len(system), gold=len(gold))
    if strict:
        gold_keys = {(g.start, g.end, g.type if typed else "") for g in gold}
        hits = sum(1 for s in system if (s.start, s.end, s.type if typed else "") in gold_keys)
        prf.tp_p = prf.tp_r = hits
        return prf
    for i, j in _pair(system, gold):
        if not typed or system[i].type == gold[j].type:
            prf.tp_p += 1
            prf.tp_r += 1
    return prf


def eval_meantime(paths: Iterable[str | Path], sentences: int = 6) -> dict[str, Any]:
    """Entity mention (named mentions, typed) and TIMEX3 scores on MEANTIME XML.

    Only the first ``sentences`` sentences of each document are fully annotated, so both
    system and gold mentions are counted there only.
    """
    import dataclasses as dc

    from timeline.model import Document, Source
    from timeline.readwrite.meantime import read_meantime
    from timeline.settings import DEFAULT
    from timeline.stages.entities import entities_stage
    from timeline.stages.sentences import sentences_stage
    from timeline.stages.times import times_stage

    files: list[Path] = []
    for p in map(Path, paths):
        files.extend(sorted(p.rglob("*.xml")) if p.is_dir() else [p])
    totals = {k: PRF() for k in ("strict_typed", "overlap_typed", "overlap_untyped")}
    per_type: dict[str, PRF] = {}
    timex = TimexScores()
    errors: list[dict[str, Any]] = []
    words = 0
    seconds = 0.0
    from timeline.stages.gazetteer import gazetteer

    gazetteer()  # loaded once per process: not part of the per-document speed
    for f in files:
        doc = read_meantime(f)
        limit = (
            doc.sentence_spans[sentences - 1][1]
            if len(doc.sentence_spans) >= sentences
            else len(doc.text)
        )
        t0 = time.perf_counter()
        parsed = Document(source=Source(id="eval", published=doc.dct), text=doc.text)
        for stage in (sentences_stage, times_stage, entities_stage):
            parsed = stage(parsed, DEFAULT)
        seconds += time.perf_counter() - t0
        words += len(doc.text.split())  # the whole document is parsed
        system = [
            _M(m.start, m.end, _MEANTIME_TYPE.get(e.type, e.type))
            for e in parsed.entities
            if e.type in _MEANTIME_TYPE
            for m in e.mentions
            if m.start < limit
        ]
        gold = [
            _M(g.start, g.end, g.type)
            for g in doc.mentions
            if g.syntactic_type in _NAMED and g.start < limit
        ]
        system.sort(key=lambda m: (m.start, m.end))
        totals["strict_typed"].add(_score_mentions(system, gold, typed=True, strict=True))
        totals["overlap_typed"].add(_score_mentions(system, gold, typed=True, strict=False))
        totals["overlap_untyped"].add(_score_mentions(system, gold, typed=False, strict=False))
        for typ in {g.type for g in gold} | {s.type for s in system}:
            per_type.setdefault(typ, PRF()).add(
                _score_mentions(
                    [s for s in system if s.type == typ],
                    [g for g in gold if g.type == typ],
                    typed=True,
                    strict=True,
                )
            )
        gold_keys = {(g.start, g.end, g.type) for g in gold}
        sys_keys = {(s.start, s.end, s.type) for s in system}
        for s in system:
            if (s.start, s.end, s.type) not in gold_keys:
                errors.append(
                    {
                        "doc": f.name,
                        "kind": "spurious",
                        "text": doc.text[s.start : s.end],
                        "type": s.type,
                    }
                )
        for g in gold:
            if (g.start, g.end, g.type) not in sys_keys:
                errors.append(
                    {
                        "doc": f.name,
                        "kind": "missed",
                        "text": doc.text[g.start : g.end],
                        "type": g.type,
                    }
                )
        sys_t = [dc.replace(t) for t in parsed.timexes if t.start < limit]
        gold_t = [t for t in doc.timexes if t.start < limit]
        timex.add(score_timexes(sys_t, gold_t, doc.text, f.name))
    return {
        "documents": len(files),
        "gold_mentions": totals["strict_typed"].gold,
        "system_mentions": totals["strict_typed"].sys,
        **{k: v.as_dict() for k, v in totals.items()},
        "per_type": {
            k: {**v.as_dict(), "gold": v.gold, "system": v.sys} for k, v in sorted(per_type.items())
        },
        "timex": {
            "gold": timex.strict.gold,
            "system": timex.strict.sys,
            **{k: getattr(timex, k).as_dict() for k in ("strict", "relaxed", "type", "value")},
        },
        "words_per_second": round(words / seconds) if seconds else None,
        "errors": errors,
        "timex_errors": timex.errors,
    }
