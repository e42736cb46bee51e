"""Named points and stretches of a day or year that carry no number: "midday",
"mid-afternoon", "the next morning", "year-end", and "-long" compounds ("a decades-long
battle", "a day-long meeting").
"""

from __future__ import annotations

import datetime as dt
import re

from timeline.stages.normalize import duration_value
from timeline.stages.time_rules.base import (
    DAY,
    MONTH,
    ORDINAL,
    PART_CODE,
    YEAR,
    Draft,
    day_num,
    first_day,
    make_draft,
    make_rule,
    month_num,
    nearest_date,
    unit_of,
)
from timeline.stages.values import truncate

_OFFSET = {"yesterday": -1, "today": 0, "tomorrow": 1}


@make_rule(
    r"(?i)\b(?:mid-?day|mid[- ](?P<part>morning|afternoon|evening))\b"
    r"(?:\s+(?P<rel>yesterday|today|tomorrow)\b)?",
    lits=("mid",),
)
def _mid_part(m: re.Match[str]) -> Draft | None:
    """ "At midday" is 12:00 and "by mid-afternoon" the afternoon of the day in focus;
    "mid-afternoon yesterday" the afternoon of the day before publication."""
    if re.match(
        r"[-\s]*(?:break|meal|snack|news|show|bulletin)\b", m.string[m.end() : m.end() + 12]
    ):
        return None  # "a midday meal": not a time of something
    code = f"T{PART_CODE[m['part'].lower()]}" if m["part"] else "T12:00"
    offset = _OFFSET[m["rel"].lower()] if m["rel"] else 0

    def recipe(anchor: str, future: bool) -> str | None:
        day = truncate(anchor, "day")
        if day is None:
            return None
        return f"{dt.date.fromisoformat(day) + dt.timedelta(days=offset)}{code}"

    return make_draft(m, type="TIME", kind="deictic" if m["rel"] else "anaphoric", recipe=recipe)


@make_rule(
    r"(?i)\bthe\s+(?P<w>next|following|previous)\s+(?P<part>morning|afternoon|evening|night)\b",
    lits=("morning", "afternoon", "evening", "night"),
)
def _next_part(m: re.Match[str]) -> Draft:
    """ "The next morning": the morning of the day after the last date in the text."""
    step = -1 if m["w"].lower() == "previous" else 1
    code = PART_CODE[m["part"].lower()]

    def recipe(anchor: str, future: bool) -> str | None:
        day = truncate(anchor, "day")
        if day is None:
            return None
        return f"{dt.date.fromisoformat(day) + dt.timedelta(days=step)}T{code}"

    return make_draft(m, type="TIME", kind="anaphoric", recipe=recipe)


_YEAR_END_BEFORE = re.compile(
    r"(?i)\b(?P<p>by|at|since|around|until|till|before|after|near|toward|towards|through|from"
    r"|to)\s+$"
)


@make_rule(r"(?i)\byear(?:-|\s+|'s\s+)end\b(?!-)", lits=("year-end", "year end", "year's end"))
def _year_end(m: re.Match[str]) -> Draft | None:
    """ "By year-end", "since year end", "by year's end": the end of the publication year
    (after "since", of the year before). Only after a preposition: "year-end bonuses" is a
    kind of bonus."""
    before = _YEAR_END_BEFORE.search(m.string, max(0, m.start() - 12), m.start())
    if before is None:
        return None
    step = -1 if before["p"].lower() == "since" else 0

    def recipe(anchor: str, future: bool) -> str | None:
        return f"{int(anchor[:4]) + step:04d}"

    return make_draft(m, kind="deictic", recipe=recipe, needs="year", mod="END")


@make_rule(
    r"(?i)\b(?P<u>hour|day|week|month|year|decade|centur(?:y|ie))(?P<pl>s)?-long\b",
    lits=("-long",),
)
def _unit_long(m: re.Match[str]) -> Draft:
    """ "A day-long meeting" is P1D, "a decades-long battle" an unknown number of decades."""
    n = None if m["pl"] else 1
    return make_draft(m, type="DURATION", value=duration_value(n, unit_of(m["u"])), kind="duration")


@make_rule(
    r"\b[Tt]he\s+(?:(?P<nth>first|second|third|fourth|last|final)\s+)?week\s+of\s+"
    rf"(?P<m>{MONTH})(?:\s+(?P<d>{DAY}))?\b(?:,?\s+(?:of\s+)?(?P<y>{YEAR})\b)?",
    lits=("week of",),
)
def _week_of(m: re.Match[str]) -> Draft | None:
    """ "The week of March 6", "the first week of March", "the last week of June 2023": the
    ISO week holding that day (the 1st, 8th, 15th, 22nd or last day of the month)."""
    mo = month_num(m["m"])
    if m["d"]:
        day = day_num(m["d"])
    elif m["nth"]:
        nth = m["nth"].lower()
        day = 31 if nth in ("last", "final") else 1 + 7 * ORDINAL[nth] - 7
    else:
        return None  # "the week of March": no day to go by
    if day == 31:  # the month's last day, whatever its length
        day = 28 if mo == 2 else 30 if mo in (4, 6, 9, 11) else 31

    def week(date: dt.date) -> str:
        year, num, _ = date.isocalendar()
        return f"{year:04d}-W{num:02d}"

    if m["y"]:
        try:
            return make_draft(m, value=week(dt.date(int(m["y"]), mo, day)))
        except ValueError:
            return make_draft(m, value=None)

    def recipe(anchor: str, future: bool) -> str | None:
        date = nearest_date(dt.date.fromisoformat(first_day(anchor)), mo, day, future)
        return week(dt.date.fromisoformat(date)) if date else None

    return make_draft(m, kind="deictic", recipe=recipe, yearless=True)


@make_rule(
    r"(?i)\b(?:end|beginning|start|middle|rest)\s+of\s+(?P<m>the\s+(?P<u>month|week))\b",
    lits=("of the month", "of the week"),
)
def _the_month_or_week(m: re.Match[str]) -> Draft:
    """ "By the end of the month (week)": the month (week) in focus; the modifier sets the mod."""
    unit = m["u"].lower()

    def recipe(anchor: str, future: bool) -> str | None:
        return truncate(anchor, unit)

    return make_draft(
        m, "m", kind="anaphoric", recipe=recipe, needs=unit if unit == "month" else "day"
    )


@make_rule(
    r"\b(?:on|by|until|till|before|after|since|from)\s+the\s+"
    r"(?P<d>3[01]|[12]\d|[1-9])(?:st|nd|rd|th)(?=\s*(?:[.,;:)]|$)|\s+(?:and|or|to)\b)",
    lits=("the 1", "the 2", "the 3", "the 4", "the 5", "the 6", "the 7", "the 8", "the 9"),
)
def _day_of_month(m: re.Match[str]) -> Draft:
    """ "The vote is on the 15th": that day of this month, or of the month before or after
    when the tense points there (the preposition stays outside the span)."""
    day = int(m["d"])

    def recipe(anchor: str, future: bool) -> str | None:
        base = dt.date.fromisoformat(first_day(anchor))
        options = []
        for k in (-1, 0, 1):
            y, mo = divmod(base.year * 12 + base.month - 1 + k, 12)
            try:
                cand = dt.date(y, mo + 1, day)
            except ValueError:
                continue
            wrong = cand < base if future else cand > base
            options.append((abs((cand - base).days) + (20 if wrong else 0), cand))
        return min(options)[1].isoformat() if options else None

    return Draft(
        start=m.start() + m.group().index("the"), end=m.end(), kind="deictic", recipe=recipe
    )
