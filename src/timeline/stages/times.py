"""Time expressions: find TIMEX3 spans, normalise them and anchor the relative ones.

Recognition is rule-based (the approach of HeidelTime and SUTime): each rule is a regular
expression plus a function that turns a match into a draft with either a value or the recipe
to compute one. Overlapping matches are resolved leftmost-longest. Anchoring (which time a
relative expression is told from: the publication date, the last date in the text, or the
time the story is set in) is the narrative clock's job, ``stages/narrative.py``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from timeline.model import Document, Problem
from timeline.settings import Settings
from timeline.stages.resolvers import resolve_times
from timeline.stages.time_rules import MOD_RE, MODS, OUTSIDE_SPAN, RULES, Draft, Rule

__all__ = ["find_times", "resolve_times", "times_stage", "iter_rules"]


# --------------------------------------------------------------------------- the stage
_WINDOW_BEFORE, _WINDOW_AFTER = 60, 60  # longer than any rule's text before or after its key word


def _windows(spans: Iterator[tuple[int, int]], size: int) -> list[list[int]]:
    """Disjoint windows around ``spans`` (in order), each widened by the rule margins."""
    windows: list[list[int]] = []
    for start, end in spans:
        lo, hi = max(0, start - _WINDOW_BEFORE), min(size, end + _WINDOW_AFTER)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    return windows


def _lit_spans(lits: tuple[str, ...], lower: str) -> Iterator[tuple[int, int]]:
    """Where any of ``lits`` occurs in ``lower``, in order (``str.find`` runs in C)."""
    hits: list[tuple[int, int]] = []
    for lit in lits:
        i = lower.find(lit)
        while i != -1:
            hits.append((i, i + len(lit)))
            i = lower.find(lit, i + 1)
    hits.sort()
    return iter(hits)


_Cache = dict[object, list[list[int]]]


def _matches(
    rule: Rule, text: str, lower: str | None = None, cache: _Cache | None = None
) -> Iterator[re.Match[str]]:
    """The rule's matches. When the rule names the literals or the key word every match
    contains, its (expensive) pattern runs only in windows around their hits: ``lower`` is
    ``text`` lower-cased, the same length, or None to fall back on the key."""
    cache = {} if cache is None else cache
    if rule.key is not None:  # a key is the sharper of the two
        if rule.key not in cache:
            spans = (k.span() for k in rule.key.finditer(text))
            cache[rule.key] = _windows(spans, len(text))
        windows = cache[rule.key]
    elif rule.lits and lower is not None:
        if rule.lits not in cache:
            cache[rule.lits] = _windows(_lit_spans(rule.lits, lower), len(text))
        windows = cache[rule.lits]
    else:
        yield from rule.pattern.finditer(text)
        return
    for lo, hi in windows:  # merged windows are disjoint: no match is seen twice
        for m in rule.pattern.finditer(text, lo, hi):
            if m.end() == hi < len(text):  # the window's end may cut a longer match short
                whole = rule.pattern.match(text, m.start())
                if whole is not None:
                    yield whole
            else:
                yield m


def find_times(text: str) -> list[Draft]:
    """Every time expression in ``text`` as a draft, leftmost-longest, without overlaps."""
    drafts: list[Draft] = []
    cache: _Cache = {}
    lower = text.lower()
    same = lower if len(lower) == len(text) else None  # "İ" lower-cases to two characters
    for rule in RULES:
        if rule.key is not None and rule.lits and not any(lit in lower for lit in rule.lits):
            continue  # a substring test in C is far cheaper than the rule's key
        # (a rule without a key searches around its literals: none found, nothing done)
        for m in _matches(rule, text, same, cache):
            d = rule.handler(m)
            if d is not None and d.end > d.start:
                drafts.append(d)
    drafts.sort(key=lambda d: (d.start, -(d.end - d.start)))
    chosen: list[Draft] = []
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


def _is_title(text: str, d: Draft) -> bool:
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


def _attach_suffix(text: str, d: Draft) -> None:
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


def _attach_modifier(text: str, d: Draft) -> None:
    m = MOD_RE.search(text[max(0, d.start - 20) : d.start])
    if not m:
        return
    word = (m.group(1) or m.group(2)).lower()
    mod = MODS[word]
    if mod in ("START", "MID", "END") and d.type == "DURATION":
        return
    if mod not in ("START", "MID", "END") and d.type not in ("DURATION", "DATE"):
        return
    d.mod = mod
    if word not in OUTSIDE_SPAN:
        d.start -= len(m.group(0))
        if (
            mod in ("START", "MID", "END")
            and d.value is not None
            and re.fullmatch(r"\d{3}|\d\d", d.value)
            and text.endswith(("the ", "The "), 0, d.start)
        ):
            d.start -= 4  # "the late 1970s" like "the 1970s" (a decade or a century)


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


def _find_times_upto(text: str, limit: int) -> list[Draft]:
    """``find_times`` over ``text`` in pieces, stopping once ``limit`` expressions are found:
    a megabyte of dates is not scanned to its end for nothing. Each piece is read with a
    margin, and an expression that runs past the piece's end is kept whole."""
    if len(text) <= _CHUNK:
        return find_times(text)
    drafts: list[Draft] = []
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
    for rule in RULES:
        yield rule.handler.__name__.lstrip("_")
