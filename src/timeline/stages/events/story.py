"""The time a story is in at each point of a text (``StoryClock``), and the dates that
"N years since X" and "the Nth anniversary of X" give X (``counted_back``): the narrative
clock the event dates are read from."""

from __future__ import annotations

import bisect
import re

from timeline.model import EventTime, Span, Timex
from timeline.spans import SpanIndex
from timeline.stages.clause_cues import YEARS_SINCE, modifies_noun, years_since
from timeline.stages.events.drafts import value_time
from timeline.stages.narrative import NEAR_REACH
from timeline.stages.normalize import ORDINAL_WORDS
from timeline.stages.values import value_range, year_number

__all__ = [
    "DAY_REACH",
    "StoryClock",
    "after_today",
    "counted_back",
    "is_news_day",
    "looked_back",
    "told_aside",
    "years_since_all",
]


# how far the day of a news story ("yesterday", "on Friday") holds: a page of the report
DAY_REACH = 2500


def after_today(t: Timex, published: str) -> bool:
    rng = value_range(t.value) if t.value else None
    return rng is not None and rng[0] > published


def is_news_day(t: Timex) -> bool:
    """Whether ``t`` is a day told from today ("yesterday", "on Friday morning"): the day a
    news report is about, which its past-tense clauses and its "said" go on telling."""
    return t.basis == "deictic" and t.granularity in ("day", "part_of_day", "time")


_HAD_BEFORE = re.compile(r"(?i)\bhad\b[^.;,]*$")


def told_aside(text: str, t: Timex) -> bool:
    """Whether ``t`` is no time the story moves to: a year modifying a noun ("Varnholt's
    1987 paper"), or a time looked back to in the past perfect (``looked_back``)."""
    return modifies_noun(text, t) or looked_back(text, t)


def looked_back(text: str, t: Timex) -> bool:
    """Whether ``t`` is a time looked back to in the past perfect ("her shoes had split two
    days earlier"): the time of its own clause only."""
    return (
        t.basis == "anaphoric"
        and t.text.lower().endswith(("earlier", "before"))
        and bool(_HAD_BEFORE.search(text, max(0, t.start - 80), t.start))
    )


class StoryClock:
    """The time a story is in at each point of the text: the last date written before that
    point that is not after the publication date (a plan is told aside). A period told
    from today ("last month", "last year") holds for the next sentence only; the day of a
    news report ("yesterday", "on Friday") for ``DAY_REACH`` characters; a date of the story
    ("in 1962", "the following spring") to the end of its paragraph, and into the next ones
    for ``NEAR_REACH`` characters."""

    def __init__(
        self, text: str, datable: list[Timex], published: str | None, sentences: tuple[Span, ...]
    ) -> None:
        self.marks = sorted(datable, key=lambda t: t.start)
        self.ends = [t.end for t in self.marks]
        self.starts = [s.start for s in sentences]
        self.breaks = [m.start() for m in re.finditer("\n", text)]  # paragraph ends
        self.published = published[:10] if published else None

    def at(self, pos: int) -> Timex | None:
        i = bisect.bisect_right(self.ends, pos) - 1
        if i < 0:
            return None
        t = self.marks[i]
        lowest = max(0, i - 8)  # (a bounded look back: a text of plans stays linear)
        while self.published and after_today(t, self.published):
            i -= 1  # a date ahead of today is a plan told aside ("free until September 30")
            if i < lowest:
                return None
            t = self.marks[i]
        if t.basis == "deictic" and not is_news_day(t):
            # "last month", "last year": told from today, for the next sentence at most
            gap = bisect.bisect_right(self.starts, pos) - bisect.bisect_right(self.starts, t.start)
            return t if gap <= 1 else None
        if is_news_day(t):
            return t if pos - t.end <= DAY_REACH else None
        same_paragraph = bisect.bisect_left(self.breaks, t.end) == bisect.bisect_left(
            self.breaks, pos
        )
        return t if same_paragraph or pos - t.end <= NEAR_REACH else None


_ANNIVERSARY = re.compile(
    r"(?i)\b(?P<n>\d{1,3})(?:st|nd|rd|th)\s+anniversary\s+of\s+"
    r"|\b(?P<w>" + "|".join(ORDINAL_WORDS) + r")\s+anniversary\s+of\s+"
)


# where the noun phrase after "the Nth anniversary of" ends
_PHRASE_END = re.compile(r"[,;:!?]|\s[–—-]\s|\.(?:\s|$)")


def years_since_all(
    text: str, timexes: list[Timex], published: str | None
) -> list[tuple[Timex, Timex]]:
    """(duration, the date it counts back to) for each "N years since" in the text."""
    if not published:
        return []
    pairs = ((t, years_since(text, t, published)) for t in timexes if t.type == "DURATION")
    return [(t, back) for t, back in pairs if back is not None]


def counted_back(
    text: str,
    since: list[tuple[Timex, Timex]],
    published: str | None,
    sentences: tuple[Span, ...],
    days: SpanIndex[Timex] | None = None,
) -> SpanIndex[EventTime]:
    """What "N years since X" (``since``: each duration and its date) and "the Nth
    anniversary of X" say about X: it happened N years before the publication year. "N
    years since" covers the rest of its sentence (at most 120 characters after it), where X
    is told; "the Nth anniversary of X" its noun phrase, up to a comma. An anniversary kept
    on a day the sentence names before it (``days``: the datable times) dates X to that day
    N years before ("gathered today to mark the 50th anniversary of the launch")."""
    out: list[tuple[int, int, EventTime]] = []
    year = year_number(published) if published else None
    if year is None or published is None:
        return SpanIndex(out)
    ends = [s.end for s in sentences]

    def add(lo: int, value: str, why: str, timex: str | None, phrase: bool = False) -> None:
        i = bisect.bisect_right(ends, lo)
        hi = min(lo + 120, ends[i] if i < len(ends) else len(text))
        if phrase and (stop := _PHRASE_END.search(text, lo, hi)):
            hi = stop.start()
        out.append((lo, hi, value_time(value, "derived", why, timex)))

    timex: str | None
    for t, back in since:
        if back.value:
            why = f"{t.text} since, counted back from the publication date"
            lo = YEARS_SINCE.match(text, t.end)
            assert lo is not None
            value, timex = back.value, t.id
            marked = _MARK.search(text, max(0, t.start - 30), t.start)
            kept = _kept_on(text, t.start, ends, days) if marked else None
            if kept is not None and kept.value and len(back.value) == 4:
                # "gathered on Sunday to mark fifty years since the dam gave way": the dam
                # gave way on that day, in the year counted back
                value = back.value + kept.value[4:]
                why, timex = f"{why}, from {kept.text!r}, the day it is marked", kept.id
            add(lo.end(), value, why, timex)
    for a in _ANNIVERSARY.finditer(text) if "anniversar" in text.lower() else ():
        n = int(a["n"]) if a["n"] else ORDINAL_WORDS.index(a["w"].lower()) + 1
        if year - n > 0:
            why = f"the {a.group().split()[0]} anniversary: counted back"
            value, timex = f"{year - n:04d}", None
            day = _kept_on(text, a.start(), ends, days)
            if day is not None and day.value:
                value, timex = f"{int(day.value[:4]) - n:04d}{day.value[4:]}", day.id
                why = f"{why} from {day.text!r}, the day it is kept"
            add(a.end(), value, why, timex, phrase=True)
    return SpanIndex(out)


# the verb of a commemoration right before "N years since": "gathered to mark 65 years since"
_MARK = re.compile(r"(?i)\b(?:mark|marks|marked|marking|commemorate[sd]?|commemorating)\s+\Z")


def _kept_on(text: str, pos: int, ends: list[int], days: SpanIndex[Timex] | None) -> Timex | None:
    """The day (a full date) named earlier in the sentence of ``pos``, if any."""
    if days is None:
        return None
    i = bisect.bisect_right(ends, pos)
    day = days.last_starting_in(ends[i - 1] if i > 0 else 0, pos)
    if day is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", day[2].value or ""):
        return None
    return day[2]
