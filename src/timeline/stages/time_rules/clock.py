"""Clock times: "9 a.m.", "5:30 p.m. EST Nov. 9", "noon today", "midnight Friday",
"13:00 GMT", "1300 GMT", "at 0800 local time", "until 21:30". A day named right after the
time ("Tuesday", "Nov. 9", "today") dates it from the publication date; otherwise the time
falls on the day last mentioned in the text."""

from __future__ import annotations

import datetime as dt
import re

from timeline.stages.normalize import WEEKDAYS
from timeline.stages.time_rules.base import (
    DAY,
    MONTH,
    WEEKDAY,
    YEAR,
    Draft,
    day_num,
    first_day,
    make_draft,
    make_rule,
    month_num,
    nearest_date,
)
from timeline.stages.values import truncate

_ZONE = r"(?-i:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|ET|PT)"
# the day a clock time can name after it: "9 a.m. Tuesday", "5 p.m. EST, Nov. 6", "noon today"
_DAY_AFTER = (
    rf"(?:,?\s+(?:on\s+)?(?P<wd>{WEEKDAY})\b|,?\s+(?P<mon>{MONTH})\s+(?P<md>{DAY})\b"
    r"|\s+(?P<rel>today|yesterday|tomorrow)\b"
    # a full date after it, a place's time between: "6 a.m. on November 3, 1957", "5:34 AM
    # Baghdad time on March 20, 2003", "6.10 a.m. on 3 November 1957" (the time takes its
    # day; the date stays an expression of its own)
    rf"|(?P<full>(?:\s+[A-Z][a-z]+\s+time)?,?\s+on\s+(?:(?P<fm>{MONTH})\s+(?P<fd>{DAY}),?"
    rf"|(?P<fd2>{DAY})\s+(?P<fm2>{MONTH}))\s+(?P<fy>{YEAR})\b))?"
)


@make_rule(
    r"(?i)(?:\b(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)|\b(?P<w>noon|midnight))"
    rf"(?:\s+{_ZONE})?" + _DAY_AFTER,
    lits=("a.m", "p.m", "am", "pm", "noon", "midnight"),
)
def _clock(m: re.Match[str]) -> Draft | None:
    if m["w"] and re.search(r"(?i)\bhigh\s$", m.string[max(0, m.start() - 5) : m.start()]):
        return None  # "high noon", "High Noon": an idiom or a film
    if m["w"]:
        # TimeML writes midnight as the end of its day: "midnight Friday" is Friday T24:00
        hh, mi = (12, 0) if m["w"].lower() == "noon" else (24, 0)
    else:
        hh, mi = int(m["h"]), int(m["mi"] or 0)
        if hh > 12:
            return None
        if m["ap"].lower().startswith("p") and hh != 12:
            hh += 12
        elif m["ap"].lower().startswith("a") and hh == 12:
            hh = 0
    return _clock_draft(m, hh, mi)


@make_rule(
    r"(?i)(?:\b(?P<prep>at|by|from|until|till|to|before|after)\s+)?"
    r"\b(?P<h>[01]?\d|2[0-3])(?:(?P<sep>[:.h]?)(?P<mi>[0-5]\d)\s*(?P<z>"
    + _ZONE
    + r"|local\s+time)\b|:(?P<mi2>[0-5]\d)(?=[\s,;)]|\.(?!\d)|$))"
    + _DAY_AFTER,
    key=r"\d:\d\d|\d\d\s*(?i:GMT|UTC|BST|CES?T|[ECMP][SD]T|ET|PT|local\s+time)\b",
    lits=(":", "gmt", "utc", "local time", "bst", "cet", "est", "edt", "pst", "pdt"),
)
def _clock24(m: re.Match[str]) -> Draft | None:
    """A 24-hour time needs a zone ("13:00 GMT", "1300 GMT", "0800 local time") or a colon
    and a preposition before it ("until 21:30", "at 9:45 on Monday"); the preposition stays
    outside the span."""
    if not m["z"] and not m["prep"]:
        return None  # "won 3:1", "a 12.50 fare": not a clock
    draft = _clock_draft(m, int(m["h"]), int(m["mi"] or m["mi2"]))
    if draft is not None and m["prep"]:
        draft.start = m.start("h")
    return draft


_RESTATED = re.compile(r"(?i)(?:a\.m\.|p\.m\.|\bam|\bpm|\d:\d\d|noon|midnight)\s*\(\s*$")


def _clock_draft(m: re.Match[str], hh: int, mi: int) -> Draft | None:
    """The draft of a clock time ``hh:mi``, dated by the day named after it if any; None
    for a time restated in another zone ("10:35 a.m. (0735 GMT)": the same instant, and
    without zone arithmetic a second value would contradict the first)."""
    if _RESTATED.search(m.string, max(0, m.start() - 16), m.start()):
        return None
    if m["fy"]:  # a full date: the time of that day
        try:
            day = dt.date(
                int(m["fy"]), month_num(m["fm"] or m["fm2"]), day_num(m["fd"] or m["fd2"])
            )
        except ValueError:
            return None
        # the time alone is the expression (the date is one of its own), valued on that day
        draft = make_draft(m, type="TIME", value=f"{day.isoformat()}T{hh:02d}:{mi:02d}")
        draft.end = m.start("full")
        return draft
    if m["wd"] or m["mon"] or m["rel"]:
        wd = WEEKDAYS[m["wd"].lower()] if m["wd"] else None

        def dated(anchor: str, future: bool) -> str | None:
            base = dt.date.fromisoformat(first_day(anchor))
            if m["mon"]:
                day = nearest_date(base, month_num(m["mon"]), day_num(m["md"]), future)
            elif m["rel"]:
                off = {"today": 0, "yesterday": -1, "tomorrow": 1}[m["rel"].lower()]
                day = (base + dt.timedelta(days=off)).isoformat()
            else:
                assert wd is not None
                delta = (wd - base.weekday()) % 7 if future else -((base.weekday() - wd) % 7)
                day = (base + dt.timedelta(days=delta)).isoformat()
            return f"{day}T{hh:02d}:{mi:02d}" if day else None

        return make_draft(m, type="TIME", kind="deictic", recipe=dated, yearless=bool(m["mon"]))

    def recipe(anchor: str, future: bool) -> str | None:
        day = truncate(anchor, "day")
        return f"{day}T{hh:02d}:{mi:02d}" if day else None

    return make_draft(m, type="TIME", kind="anaphoric", recipe=recipe)
