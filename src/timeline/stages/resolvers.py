"""The resolvers of the narrative clock, in order, and the walk that gives each time
expression its value (see :mod:`timeline.stages.narrative` for the clock they read).

Each resolver takes the clock, the expression's draft and the tense of its clause, and
answers ``(value, anchor, basis)`` or ``None`` to pass it on: a results quarter a year back,
an apposition, a weekday of the week told, a day told before, a date without its year in the
story's year, "two days later" from the last date, a deictic word quoted from the story,
and last the publication date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from typing import Any, cast

from timeline.model import Problem, Span, Timex
from timeline.stages.anchoring import (
    QUARTER_AFTER,
    QUARTER_INSIDE,
    QUARTER_REACH,
    SINCE_IN_CLAUSE,
    narrated_day,
)
from timeline.stages.clause_cues import FUTURE_NOW, NOW, in_quotation, told_now
from timeline.stages.narrative import CALENDAR, ClauseTense, Clock
from timeline.stages.time_rules import FUTURE_CUE, Draft
from timeline.stages.time_rules.eras import on_stand_in_year
from timeline.stages.values import (
    granularity_of,
    granularity_rank,
    value_range,
    year_number,
    year_part,
)

__all__ = ["RESOLVERS", "resolve_times"]

Answer = tuple[str | None, str | None, str]  # (value, anchor, basis)

# a clause that tells what is not (yet) done: "would continue past the Nov. 1 deadline"
_NOT_DONE = re.compile(rf"(?i)\b(?:{NOW}|would|could|might|(?-i:may))\b|'ll\b")
# an obligation ("a dividend payable Dec. 15") or a deadline ("until", "had been set to
# expire Nov. 6") points ahead even in a past clause
_OBLIGATION_WORD = r"payable|due|effective|expir\w*"
_OBLIGATION = re.compile(rf"(?i)\b(?:{_OBLIGATION_WORD})\s+(?:on\s+)?$")
_AHEAD = re.compile(
    rf"(?i)\b(?:{_OBLIGATION_WORD}|until|till|through|by|before|deadline|to)\s+\S*\s*$"
)
_DEADLINE_BEFORE = re.compile(r"(?i)\b(?:by|until|till)\s+(?:the\s+)?$")
_PERIOD_ENDED = re.compile(
    r"(?i)\b(?:months?|quarter|year|period|weeks?)\s+end(?:ed|ing)\s+(?:on\s+)?$"
)
_WEEKDAY = re.compile(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")
_HAD = re.compile(r"(?i)\bhad\b")
_PLAN = re.compile(rf"(?i)\b(?:{FUTURE_NOW})\b|'ll\b")
_COORDINATION = re.compile(r",\s+(?:and|but|while|whereas)\s")
_WORD = re.compile(r"\w+")


def _apply(d: Draft, anchor: str, future: bool | ClauseTense) -> str | None:
    """The draft's recipe on ``anchor``; the tense is passed unevaluated (most recipes never
    ask which way it points, and asking costs a scan of the context). The recipes count in
    four-digit years: an anchor before Christ ("BC0428-FA") is lent a stand-in year and the
    answer is moved back ("the following spring": ``BC0427-SP``)."""
    assert d.recipe is not None
    try:
        value = d.recipe(anchor, cast(bool, future))
    except (ValueError, OverflowError):
        value = None
    if value is None and anchor.startswith("BC"):  # (a recipe that reads eras answers itself)
        value = on_stand_in_year(d.recipe, anchor, cast(bool, future))
    return value


# --------------------------------------------------------------------------- the resolvers
def quarter_shift(clock: Clock, d: Draft, tense: ClauseTense) -> Answer | None:
    """Company results: "a year earlier" compares with the same quarter a year back."""
    q = clock.quarter
    if d.follows_quarter and q is not None and q.value and d.start - q.end < QUARTER_REACH:
        return f"{int(q.value[:4]) - 1:04d}{q.value[4:]}", q.id, "anaphoric"
    return None


def apposition(clock: Clock, d: Draft, tense: ClauseTense) -> Answer | None:
    """ "2019, the year after the crisis": the same value as the date it restates."""
    if d.apposition and clock.last is not None and clock.last.value:
        return clock.last.value, clock.last.id, "anaphoric"
    return None


def story_week(clock: Clock, d: Draft, tense: ClauseTense) -> Answer | None:
    """ "On March 3, 2019, the strike began. On Tuesday, ...": the nearest such weekday."""
    last = clock.last
    if d.weekday_near is None or not narrated_day(clock.text, last, clock.speech, d, bool(tense)):
        return None
    assert last is not None and last.value
    base = dt.date.fromisoformat(last.value[:10])
    ahead = (d.weekday_near - base.weekday()) % 7
    day = base + dt.timedelta(days=ahead if ahead <= 3 else ahead - 7)
    return day.isoformat(), last.id, "anaphoric"


_YEAR_RANK = granularity_rank("year")
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|until|till|through|and)\s*")


def range_start(clock: Clock, d: Draft, tense: ClauseTense) -> Answer | None:
    """ "July 1 to July 3, 1863", "December 28 - January 3, 1863": the first date of a range
    is the reading on or before its end, whose year is written."""
    end = clock.ahead
    if not d.yearless or end is None or end.recipe is not None or not end.value:
        return None
    if not CALENDAR.match(end.value) or granularity_rank(granularity_of(end.value)) <= _YEAR_RANK:
        return None
    if not _RANGE_JOIN.fullmatch(clock.text, d.end, end.start):
        return None
    value = _apply(d, end.value, False)
    return (value, timex_id(end), "anaphoric") if value else None


def story_calendar(clock: Clock, d: Draft, tense: ClauseTense) -> Answer | None:
    """A date without its year in a story set in the past takes the story's year: the first
    such date from the reference time on, or before it in the past perfect ("By November
    the missiles had gone"). A plan told from today ("will reopen in June") is not told."""
    if not d.yearless:
        return None
    story = clock.story_at(d.start)
    if story is None or story.value is None:
        return None
    lo, hi = _clause_window(clock.text, d)
    if (
        told_now(clock.text, lo, hi)
        and not in_quotation(clock.text, d.start)
        and not (clock.history() and not _PLAN.search(clock.text, lo, hi) and not tense)
    ):
        return None  # told from today: "will reopen in June", "is payable Jan. 2" (but in a
        # history, "Pickett's Charge on July 3 is often considered" is of the story's year)
    if _PERIOD_ENDED.search(clock.text, max(0, d.start - 30), d.start):
        return None  # a results period: "for the six months ended Aug. 12"
    if _OBLIGATION.search(clock.text, max(0, d.start - 30), d.start):
        return None  # "a dividend payable Dec. 15": an obligation from today
    # the past perfect looks back from the story ("In November the talks had failed"), but
    # not "by December the front had barely moved": there December is ahead
    # (the past perfect of a clause before ", and" is that clause's: "By the spring of 1915
    # the Russians had retreated, and in May the Central Powers broke through")
    own = max((m.end() for m in _COORDINATION.finditer(clock.text, lo, d.start)), default=lo)
    forward = not _HAD.search(clock.text, own, hi) or bool(
        _DEADLINE_BEFORE.search(clock.text, max(0, d.start - 12), d.start)
    )
    moved = _story_moved_on(clock, story)
    if moved is not None and forward:  # "In December 1941 ... In January": January 1942
        value = _apply(d, moved.value or "", forward)
        return (value, moved.id, "anaphoric") if value else None
    year = year_part(story.value) or ""
    value = _apply(d, story.value, forward)
    told = year_part(value)
    if value and told and story.granularity == "year" and told != year:
        value = year + value[len(told) :]  # "In 1941 ... on September 30": that year's
    return (value, story.id, "anaphoric") if value else None


def _story_moved_on(clock: Clock, story: Timex) -> Timex | None:
    """The last date told, when the story has moved on to it: a month or a day of the story's
    year or the next, told after the story's written date ("In 1941 ... in December"). A
    story told in order goes on from there: the next month named is the first such month
    after it ("In January": 1942)."""
    last = clock.last
    if last is None or last is story or last.start < story.start or last.basis == "deictic":
        return None
    if story.basis != "explicit":
        return None  # only from a year written out: an inferred year is not moved on again
    if (
        granularity_rank(last.granularity) < granularity_rank("month")
        or not last.value
        or last.value[:1] == "B"
    ):
        return None
    if SINCE_IN_CLAUSE.search(clock.text, max(0, last.start - 40), last.start):
        return None  # "lasted until the fall of Budapest in February 1945": a span's end
    y0, y1 = year_number(story.value), year_number(last.value)
    return last if y0 is not None and y1 is not None and 0 <= y1 - y0 <= 1 else None


def anaphora(clock: Clock, d: Draft, tense: ClauseTense) -> Answer | None:
    """ "Two days later", "the following year": counted from the last date in the text."""
    last = clock.last
    if d.kind != "anaphoric" or last is None or not last.value:
        return None
    if granularity_rank(last.granularity) < granularity_rank(d.needs):
        return None
    value = _apply(d, last.value, tense)
    if _told_past_but_after_speech(clock, value, tense):
        return None  # "In January ... Two years later the rebels attacked", said that January
    return value, last.id, "anaphoric"


def _told_past_but_after_speech(clock: Clock, value: str | None, tense: ClauseTense) -> bool:
    """Whether ``value`` lies after the publication date although its clause is told in the
    past tense: a reading that cannot be right."""
    return bool(  # (the tense is asked last: it costs a scan of the clause)
        value
        and clock.speech is not None
        and _first_day_after(value, clock.speech)
        and tense.past
        and tense.local
    )


def quoted_speech(clock: Clock, d: Draft, tense: ClauseTense) -> Answer | None:
    """ "Next summer", "tomorrow" quoted from someone speaking in the story ('In a speech on
    September 10, 2007, he "envisioned a withdrawal by next summer"'): said at the story's
    time, not at publication."""
    if d.kind != "deictic" or d.yearless or not in_quotation(clock.text, d.start):
        return None
    story = clock.story_at(d.start)
    if story is None or not story.value or not CALENDAR.match(story.value):
        return None
    value = _apply(d, story.value, tense)
    return (value, story.id, "anaphoric") if value else None


def speech_time(clock: Clock, d: Draft, tense: ClauseTense) -> Answer | None:
    """From the publication date; a date without its year in a past-tense clause is the
    reading on or before that date ("On June 24, Cameron resigned", said the next March)."""
    if clock.speech is None:
        return None
    value = _apply(d, clock.speech, tense)
    if (
        value
        and d.yearless
        and tense.past
        and tense.local  # a verb by the date is in the past: "On June 24, Cameron resigned"
        and _first_day_after(value, clock.speech)
        and not _NOT_DONE.search(clock.text, *_clause_window(clock.text, d))
        and not _AHEAD.search(clock.text, max(0, d.start - 30), d.start)
        and not _WEEKDAY.search(clock.text, d.start, d.end)  # the weekday named the year
    ):
        m = re.match(r"(\d{4})(.*)", value)
        if m and int(m.group(1)) > 1:
            value = f"{int(m.group(1)) - 1:04d}{m.group(2)}"
    elif d.kind == "anaphoric" and _told_past_but_after_speech(clock, value, tense):
        return None  # "Two years later the rebels attacked", with no date before it to count from
    return value, "dct", "deictic"


def _first_day_after(value: str, speech: str) -> bool:
    """Whether the period ``value`` begins after the day ``speech``."""
    span = value_range(value.split("T")[0])
    return span is not None and span[0] > speech[:10]


RESOLVERS: tuple[Callable[[Clock, Draft, ClauseTense], Answer | None], ...] = (
    quarter_shift,
    apposition,
    story_week,
    range_start,
    story_calendar,
    anaphora,
    quoted_speech,
    speech_time,
)


_BREAK = re.compile(r"[;!?]|\.[\"'”’)]*\s+(?=[A-Z\"'“‘(])|\n")


def _clause_window(text: str, d: Draft) -> tuple[int, int]:
    """The words around ``d`` up to the nearest sentence or clause breaks (at most 80
    characters back and 60 ahead; the dot of "Jan." is not a break, a quotation's last dot
    is: '... will come earlier." On 10 September')."""
    lo, hi = max(0, d.start - 80), min(len(text), d.end + 60)
    for brk in _BREAK.finditer(text, lo, d.start):
        lo = brk.end()
    nxt = _BREAK.search(text, d.end, hi)
    return lo, (nxt.start() if nxt else hi)


# --------------------------------------------------------------------------- the walk
def resolve_times(
    text: str, drafts: list[Draft], sentences: tuple[Span, ...], dct: str | None
) -> tuple[list[Timex], list[Problem]]:
    """Give each draft its value, walking the text in order with a :class:`Clock`."""
    timexes: list[Timex] = []
    problems: list[Problem] = []
    clock = Clock(text=text, speech=dct)
    sent_iter = iter(sentences)
    sentence: Span | None = next(sent_iter, None)
    sentence_future: dict[tuple[int, int], bool] = {}
    for i, d in enumerate(drafts):
        clock.ahead = drafts[i + 1] if i + 1 < len(drafts) else None
        while sentence is not None and sentence.end <= d.start:
            sentence = next(sent_iter, None)

        def cue(sentence: Span | None = sentence) -> bool:
            key = (sentence.start, sentence.end) if sentence else (0, len(text))
            if key not in sentence_future:  # once per sentence: a long one may hold many dates
                sentence_future[key] = bool(FUTURE_CUE.search(text, key[0], key[1]))
            return sentence_future[key]

        tense = ClauseTense(text, d, sentence, cue)
        value, anchor, basis = d.value, None, "explicit"
        inferred = False
        if d.recipe is not None:
            value, anchor, basis = None, None, "none"
            for resolver in RESOLVERS:
                answer = resolver(clock, d, tense)
                if answer is not None:
                    value, anchor, basis = answer
                    inferred = resolver is story_calendar
                    break
            if value is None:
                basis, anchor = "none", None
                problems.append(_unresolved(text, d, dct))
        elif d.kind == "ref":
            basis = "deictic"
        t = _timex(text, d, value, anchor, basis)
        t = _in_results_quarter(clock, t)
        timexes.append(t)
        derived = d.follows_quarter and anchor == (clock.quarter.id if clock.quarter else None)
        flashback = (
            d.kind == "anaphoric"
            and basis == "anaphoric"
            and sentence is not None
            and (
                d.start - sentence.start > 80  # (bounded: a run-on sentence may be huge)
                or len(_WORD.findall(text, sentence.start, d.start)) > 2
            )
        )
        clock.observe(t, d, tense, derived, inferred, flashback)
    return timexes, problems


def _unresolved(text: str, d: Draft, dct: str | None) -> Problem:
    return Problem(
        code="no-publication-date" if dct is None else "unresolved-time",
        message=f"{text[d.start : d.end]!r} is relative and "
        + (
            "no publication date is known (give --published)"
            if dct is None
            else "could not be resolved"
        ),
        start=d.start,
        end=d.end,
    )


def timex_id(d: Draft) -> str:
    """The id the time expression of ``d`` gets (its offsets: ids are stable across runs)."""
    return f"t{d.start}-{d.end}"


def _timex(text: str, d: Draft, value: str | None, anchor: str | None, basis: str) -> Timex:
    granularity = (
        "duration" if d.type == "DURATION" else "set" if d.type == "SET" else granularity_of(value)
    )
    return Timex(
        id=timex_id(d),
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


def _in_results_quarter(clock: Clock, t: Timex) -> Timex:
    """ "the 1988 period" among quarterly figures: that year's quarter of the same number."""
    q = clock.quarter
    if (
        q is not None
        and q.value
        and t.value
        and re.fullmatch(r"\d{4}", t.value)
        and (QUARTER_AFTER.match(clock.text, t.end) or QUARTER_INSIDE.search(t.text))
    ):
        return dataclasses.replace(t, value=f"{t.value}{q.value[4:]}", granularity="quarter")
    return t
