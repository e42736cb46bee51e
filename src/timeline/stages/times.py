"""Time expressions: find TIMEX3 spans, normalise them and anchor the relative ones.

Recognition is rule-based (the approach of HeidelTime and SUTime): each rule is a regular
expression plus a function that turns a match into a draft with either a value or the recipe
to compute one. Overlapping matches are resolved leftmost-longest. Anchoring then walks the
drafts in text order: *deictic* expressions ("last Tuesday", "this weekend", "in January")
are resolved against the publication date (DCT); *anaphoric* ones ("the following year",
"two days later") against the most recent suitable date in the text. Without a DCT, deictic
expressions keep their span, get ``value: null`` and a problem; the clock is never read.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator
from typing import Any, cast

from timeline.model import Document, Problem, Span, Timex
from timeline.settings import Settings
from timeline.stages.anchoring import (
    ENDED,
    QUARTER_AFTER,
    QUARTER_INSIDE,
    QUARTER_REACH,
    narrated_day,
    narrated_year,
    next_quarter_context,
)
from timeline.stages.tense import Tense, local_tense
from timeline.stages.time_rules import (
    _FUTURE_CUE,
    _MOD_RE,
    _MODS,
    _OUTSIDE_SPAN,
    _RULES,
    _Draft,
    _Rule,
)
from timeline.stages.values import granularity_of

__all__ = ["find_times", "resolve_times", "times_stage", "iter_rules"]


def _granularity_rank(g: str | None) -> int:
    order = [
        "century",
        "decade",
        "year",
        "season",
        "quarter",
        "month",
        "week",
        "weekend",
        "day",
        "part_of_day",
        "time",
    ]
    return order.index(g) if g in order else -1


# --------------------------------------------------------------------------- the stage
_WINDOW_BEFORE, _WINDOW_AFTER = 60, 60  # longer than any rule's text before or after its key word


def _windows(key: re.Pattern[str], text: str) -> list[list[int]]:
    windows: list[list[int]] = []
    for k in key.finditer(text):
        lo, hi = max(0, k.start() - _WINDOW_BEFORE), min(len(text), k.end() + _WINDOW_AFTER)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    return windows


def _matches(
    rule: _Rule, text: str, cache: dict[re.Pattern[str], list[list[int]]] | None = None
) -> Iterator[re.Match[str]]:
    """The rule's matches; with a key, searched only in windows around the key's hits."""
    if rule.key is None:
        yield from rule.pattern.finditer(text)
        return
    if cache is None:
        cache = {}
    if rule.key not in cache:
        cache[rule.key] = _windows(rule.key, text)
    for lo, hi in cache[rule.key]:  # merged windows are disjoint: no match is seen twice
        yield from rule.pattern.finditer(text, lo, hi)


def find_times(text: str) -> list[_Draft]:
    """Every time expression in ``text`` as a draft, leftmost-longest, without overlaps."""
    drafts: list[_Draft] = []
    cache: dict[re.Pattern[str], list[list[int]]] = {}
    lower = text.lower()
    for rule in _RULES:
        if rule.lits and not any(lit in lower for lit in rule.lits):
            continue  # a substring test in C is far cheaper than the rule's regex
        for m in _matches(rule, text, cache):
            d = rule.handler(m)
            if d is not None and d.end > d.start:
                drafts.append(d)
    drafts.sort(key=lambda d: (d.start, -(d.end - d.start)))
    chosen: list[_Draft] = []
    last_end = -1
    for d in drafts:
        if d.start >= last_end and not _is_title(text, d):
            chosen.append(d)
            last_end = d.end
    for d in chosen:
        _attach_modifier(text, d)
        _attach_suffix(text, d)
    return chosen


_TITLE_WORD = re.compile(
    r"\s(?:Week|Weeks|Year|Years|Month|Months|Day|Days|Night|Tonight|Today|Morning|Hour|Hours"
    r"|Minutes|Century|Decade)\b"
)
_TITLE_FIRST = re.compile(r"(?:This|Next|Last|The|A|An|One|Every|Each|Good)\s")
_NEXT_WORD = re.compile(r"[\s,.:;!?\"'”’)]*([A-Za-z])")


def _is_title(text: str, d: _Draft) -> bool:
    """ "ABC News' "This Week," said ...": a capitalised unit word inside a lower-case
    sentence names a programme or a book, not a time."""
    if not _TITLE_FIRST.match(text, d.start) or not _TITLE_WORD.search(text, d.start, d.end):
        return False  # "Thanksgiving Day" is a holiday
    if text[max(0, d.start - 1) : d.start] in ('"', "“", "`"):
        return True  # quoted: "This Week With David Brinkley"
    nxt = _NEXT_WORD.match(text, d.end)
    return bool(nxt and nxt.group(1).islower())


# "the next two years or so", "1994 or later", "1990 and beyond": TimeML keeps these inside
_SUFFIX_RE = re.compile(
    r"\s+(or\s+so|or\s+more|or\s+longer|or\s+later|or\s+earlier|and\s+beyond)\b"
)
_SUFFIX_MOD = {"so": "APPROX", "more": "EQUAL_OR_MORE", "longer": "EQUAL_OR_MORE"}


def _attach_suffix(text: str, d: _Draft) -> None:
    if d.type not in ("DATE", "DURATION"):
        return
    m = _SUFFIX_RE.match(text, d.end)
    if not m:
        return
    last = m.group(1).split()[-1].lower()
    if last in ("more", "longer") and d.type != "DURATION":
        return  # "in 2019 or more": not an amount of time
    d.end = m.end()
    d.mod = (
        d.mod or _SUFFIX_MOD.get(last) or ("ON_OR_BEFORE" if last == "earlier" else "ON_OR_AFTER")
    )


def _attach_modifier(text: str, d: _Draft) -> None:
    m = _MOD_RE.search(text[max(0, d.start - 20) : d.start])
    if not m:
        return
    word = (m.group(1) or m.group(2)).lower()
    mod = _MODS[word]
    if mod in ("START", "MID", "END") and d.type == "DURATION":
        return
    if mod not in ("START", "MID", "END") and d.type not in ("DURATION", "DATE"):
        return
    d.mod = mod
    if word not in _OUTSIDE_SPAN:
        d.start -= len(m.group(0))
        if (
            mod in ("START", "MID", "END")
            and d.value is not None
            and re.fullmatch(r"\d{3}X|\d\d", d.value)
            and text.endswith(("the ", "The "), 0, d.start)
        ):
            d.start -= 4  # "the late 1970s" like "the 1970s" (a decade or a century)


def resolve_times(
    text: str, drafts: list[_Draft], sentences: tuple[Span, ...], dct: str | None
) -> tuple[list[Timex], list[Problem]]:
    """Give each draft its value: deictic ones from ``dct``, anaphoric ones from the text."""
    timexes: list[Timex] = []
    problems: list[Problem] = []
    last: Timex | None = None  # most recent resolved date in the text
    last_quarter: Timex | None = None  # the quarter the text is reporting on, if any
    narrated: set[str] = set()  # months placed in the year the story is telling
    sent_iter = iter(sentences)
    sentence: Span | None = next(sent_iter, None)
    sentence_future: dict[tuple[int, int], bool] = {}
    for d in drafts:
        while sentence is not None and sentence.end <= d.start:
            sentence = next(sent_iter, None)

        def tense(d: _Draft = d, sentence: Span | None = sentence) -> tuple[bool, bool]:
            local, near = local_tense(text, d.start, d.end, sentence)
            if local is not None:
                return local, near
            key = (sentence.start, sentence.end) if sentence else (0, len(text))
            if key not in sentence_future:  # once per sentence: a long one may hold many dates
                sentence_future[key] = bool(_FUTURE_CUE.search(text, key[0], key[1]))
            return sentence_future[key], False

        future = cast(bool, Tense(tense))  # only the recipes that need a direction ask
        value, anchor, basis = d.value, None, "explicit"
        if d.recipe is not None:
            if (
                d.follows_quarter
                and last_quarter is not None
                and last_quarter.value
                and d.start - last_quarter.end < QUARTER_REACH
            ):
                # company results: "a year earlier" compares with the same quarter a year back
                q = last_quarter.value
                value, anchor, basis = f"{int(q[:4]) - 1:04d}{q[4:]}", last_quarter.id, "anaphoric"
            elif d.apposition and last is not None and last.value:
                value, anchor, basis = last.value, last.id, "anaphoric"
            elif d.month_of_year and narrated_year(text, last, dct, d, future, narrated):
                assert last is not None and last.value
                value, anchor, basis = (
                    f"{last.value[:4]}-{d.month_of_year:02d}",
                    last.id,
                    "anaphoric",
                )
                narrated.add(f"t{d.start}-{d.end}")
            elif d.weekday_near is not None and narrated_day(text, last, dct, d, future):
                assert last is not None and last.value
                base = dt.date.fromisoformat(last.value[:10])
                ahead = (d.weekday_near - base.weekday()) % 7
                day = base + dt.timedelta(days=ahead if ahead <= 3 else ahead - 7)
                value, anchor, basis = day.isoformat(), last.id, "anaphoric"
            elif (
                d.kind == "anaphoric"
                and last is not None
                and last.value
                and _granularity_rank(last.granularity) >= _granularity_rank(d.needs)
            ):
                value, anchor, basis = _apply(d, last.value, future), last.id, "anaphoric"
            elif dct is not None:
                value, anchor, basis = _apply(d, dct, future), "dct", "deictic"
            else:
                value, basis = None, "none"
            if value is None:
                basis = "none"
                code = "no-publication-date" if dct is None else "unresolved-time"
                problems.append(
                    Problem(
                        code=code,
                        message=(
                            f"{text[d.start : d.end]!r} is relative and "
                            + (
                                "no publication date is known (give --published)"
                                if dct is None
                                else "could not be resolved"
                            )
                        ),
                        start=d.start,
                        end=d.end,
                    )
                )
        elif d.kind == "ref":
            basis = "deictic"
        granularity = (
            "duration"
            if d.type == "DURATION"
            else "set"
            if d.type == "SET"
            else granularity_of(value)
        )
        t = Timex(
            id=f"t{d.start}-{d.end}",
            start=d.start,
            end=d.end,
            text=text[d.start : d.end],
            type=cast(Any, d.type),
            value=value,
            granularity=granularity,
            mod=d.mod,
            anchor=anchor,
            basis=cast(Any, basis),
        )
        if (
            last_quarter is not None
            and last_quarter.value
            and value
            and re.fullmatch(r"\d{4}", value)
            and (QUARTER_AFTER.match(text, d.end) or QUARTER_INSIDE.search(t.text))
        ):
            # "the 1988 period" among quarterly figures: that year's quarter of the same number
            value = f"{value}{last_quarter.value[4:]}"
            granularity = "quarter"
            t = dataclasses.replace(t, value=value, granularity=granularity)
        timexes.append(t)
        derived = d.follows_quarter and anchor == (last_quarter.id if last_quarter else None)
        if (
            t.type in ("DATE", "TIME")
            and value
            and _granularity_rank(granularity) >= 0
            and not derived
        ):
            last = t
            if not ENDED.search(text, max(0, d.start - 12), d.start):
                last_quarter = next_quarter_context(last_quarter, t)
        elif t.type == "DURATION" and value and re.fullmatch(r"P(?:[2-9]|1[0-2])M|P1Y", value):
            last_quarter = None  # "for the nine months": the story moved on from the quarter
    return timexes, problems


def _apply(d: _Draft, anchor: str, future: bool) -> str | None:
    assert d.recipe is not None
    try:
        return d.recipe(anchor, future)
    except (ValueError, OverflowError):
        return None


def times_stage(doc: Document, settings: Settings) -> Document:
    """Pipeline stage: add ``timexes`` (and problems for unresolved ones) to ``doc``.

    A text denser in dates than any article (``settings.max_timexes_per_1000``) is tagged up
    to the limit and a ``too-dense`` problem gives the offset where tagging stopped."""
    text = doc.text
    cap = settings.cap(len(text), settings.max_timexes_per_1000)
    drafts = _find_times_upto(text, cap + 1)
    extra: tuple[Problem, ...] = ()
    if len(drafts) > cap:
        cut = drafts[cap].start
        extra = (
            Problem(
                code="too-dense",
                message=f"more time expressions than the limit of {cap:,} for a text this "
                f"long; those from offset {cut:,} on are not tagged",
                start=cut,
                end=len(text),
            ),
        )
        drafts = drafts[:cap]
    timexes, problems = resolve_times(text, drafts, doc.sentences, doc.source.published)
    return dataclasses.replace(
        doc, timexes=tuple(timexes), problems=doc.problems + tuple(problems) + extra
    )


_CHUNK = 65_536
_MARGIN = 300  # longer than any time expression


def _find_times_upto(text: str, limit: int) -> list[_Draft]:
    """``find_times`` over ``text`` in pieces, stopping once ``limit`` expressions are found:
    a megabyte of dates is not scanned to its end for nothing. Each piece is read with a
    margin, and an expression that runs past the piece's end is kept whole."""
    if len(text) <= _CHUNK:
        return find_times(text)
    drafts: list[_Draft] = []
    pos = 0
    while pos < len(text) and len(drafts) < limit:
        end = min(len(text), pos + _CHUNK)
        space = text.find(" ", end, end + 100)  # start the next piece at a word
        end = space if space != -1 else end
        nxt = end
        for d in find_times(text[pos : min(len(text), end + _MARGIN)]):
            if pos + d.start >= end:
                break
            d.start += pos
            d.end += pos
            drafts.append(d)
            nxt = max(nxt, d.end)
        pos = nxt
    return drafts


def iter_rules() -> Iterator[str]:
    """Names of the recognition rules, in the order they run (for docs and debugging)."""
    for rule in _RULES:
        yield rule.handler.__name__.lstrip("_")
