"""Dates relative to an anchor by an amount or by reference: "two years ago", "a few days
later", "the year after", "that day", "the year", "the summer"."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from timeline.stages.normalize import SEASONS, duration_value, number_value
from timeline.stages.time_rules.base import (
    AMOUNT,
    DAY,
    MONTH,
    PART_CODE,
    UNIT,
    UNIT_LITS,
    Draft,
    day_num,
    first_day,
    make_draft,
    make_rule,
    month_num,
    unit_of,
)
from timeline.stages.time_rules.shifts import (
    amount_bounds,
    needed,
    shift_recipe,
    vague_shift_recipe,
)
from timeline.stages.values import SEASON_START, truncate, year_part


@make_rule(
    rf"(?i)\b(?P<n>{AMOUNT})\s+(?P<u>{UNIT})\s+(?:or\s+so\s+)?(?P<w>ago|later|earlier|before|after|from\s+now|from\s+today|hence)\b"
    # "two years after that": counted from the last date told ("after that happened" is
    # a clause)
    r"(?:\s+(?P<that>that|this)\b(?![\s-]+[A-Za-z]))?",
    lits=UNIT_LITS,
)
def _n_units_relative(m: re.Match[str]) -> Draft | None:
    n = number_value(m["n"])
    unit = unit_of(m["u"])
    w = m["w"].lower()
    if unit in ("hour", "minute", "weekend"):
        return None
    if w in ("before", "after") and not m["that"]:
        # "a month before the invasion" is a duration; the events stage dates the event
        after = m.string[m.end() : m.end() + 3]
        if not re.match(r"\s*[,.;)]|$", after):
            return Draft(
                start=m.start(),
                end=m.start("w") - 1,
                type="DURATION",
                value=duration_value(n, unit),
                kind="duration",
            )
    step = -1 if w in ("ago", "earlier", "before") else 1
    anaphoric = w in ("later", "earlier", "before", "after")
    if n is None or not float(n).is_integer():
        recipe: Callable[[str, bool], str | None] = vague_shift_recipe(
            step, unit, amount_bounds(m["n"], n)
        )
    else:
        count = int(n)
        if unit == "decade":
            count, unit = count * 10, "year"
        elif unit == "century":
            count, unit = count * 100, "year"
        recipe = shift_recipe(step * count, unit)
    return make_draft(
        m,
        kind="anaphoric" if anaphoric else "deictic",
        recipe=recipe,
        needs=needed(unit),
        follows_quarter=unit == "year" and n == 1,
    )


@make_rule(
    r"(?i)\b(?:(?P<the>the)\s+)?(?P<u>year|month|week|day)\s+(?P<w>after|before|earlier|later)\b",
    lits=UNIT_LITS,
)
def _the_unit_after(m: re.Match[str]) -> Draft | None:
    unit, w = m["u"].lower(), m["w"].lower()
    if not m["the"] and w in ("after", "before"):
        return None
    step = 1 if w in ("after", "later") else -1
    before = m.string[max(0, m.start() - 3) : m.start()]
    after = m.string[m.end() : m.end() + 3]
    appositive = before.endswith(", ") and w in ("after", "before")
    if w in ("after", "before") and not appositive and not re.match(r"\s*[,.;)]|$", after):
        return None  # "the year after the war": its value depends on an event, not a date
    return make_draft(
        m,
        kind="anaphoric",
        recipe=shift_recipe(step, unit),
        needs=needed(unit),
        apposition=appositive,
    )


@make_rule(
    r"(?i)\bthe\s+(?P<dir>next|following|previous|preceding)\s+day\b",
    lits=("next day", "following day", "previous day", "preceding day"),
)
def _the_next_day(m: re.Match[str]) -> Draft:
    """ "The next day", "the previous day": a day from the last day the text told."""
    step = 1 if m["dir"].lower() in ("next", "following") else -1
    return make_draft(m, kind="anaphoric", recipe=shift_recipe(step, "day"), needs="day")


@make_rule(
    rf"\b(?:(?P<m1>{MONTH})(?:\s+(?P<d1>{DAY}))?|(?P<d2>{DAY})\s+(?:of\s+)?(?P<m2>{MONTH}))"
    r"\s+of\s+(?P<which>that|the\s+same|the\s+following|the\s+next|the\s+previous|the\s+preceding)"
    r"\s+year\b",
    lits=(" year",),
)
def _date_of_that_year(m: re.Match[str]) -> Draft:
    """ "November 2 of that year", "August of the following year": a day or month of the year
    the story is in, or of the year after or before it."""
    mo, day = month_num(m["m1"] or m["m2"]), m["d1"] or m["d2"]
    which = m["which"].lower().split()[-1]
    step = {"following": 1, "next": 1, "previous": -1, "preceding": -1}.get(which, 0)

    def recipe(anchor: str, future: bool) -> str | None:
        if not anchor[:4].isdigit():
            return None
        year = int(anchor[:4]) + step
        if not day:
            return f"{year:04d}-{mo:02d}"
        return dt.date(year, mo, day_num(day)).isoformat()  # (a bad day raises ValueError)

    # "that year" is the year last told, as for "that year" alone (an aside's year too:
    # "Saaret, born in 1974, won on May 30 of that year" is read as 1974; the story's year
    # does worse on WikiWars, where the year last told is usually the one meant)
    return make_draft(m, kind="anaphoric", recipe=recipe, needs="year")


@make_rule(
    r"(?i)\b(?:(?:later|earlier)\s+)?that\s+(?:same\s+)?(?P<s>spring|summer|autumn|fall|winter)\b",
    lits=("spring", "summer", "autumn", "fall", "winter"),
)
def _that_season(m: re.Match[str]) -> Draft:
    """ "That autumn": the season of the year the story is in."""
    code = SEASONS[m["s"].lower()]

    def season(anchor: str, future: bool) -> str | None:
        year = year_part(anchor)
        return f"{year}-{code}" if year else None

    return make_draft(m, kind="anaphoric", recipe=season, needs="year")


@make_rule(
    r"(?i)\b(?:(?:later|earlier)\s+)?(?:that(?:\s+same)?|the\s+same)\s+(?P<u>year|month|week|day|morning|afternoon|evening|night)\b",
    lits=("that", "same"),
)
def _that_unit(m: re.Match[str]) -> Draft:
    unit = m["u"].lower()
    if unit in PART_CODE:
        code = PART_CODE[unit]

        def part(anchor: str, future: bool) -> str | None:
            day = truncate(anchor, "day")
            return f"{day}T{code}" if day else None

        return make_draft(m, kind="anaphoric", recipe=part, type="TIME")
    return make_draft(m, kind="anaphoric", recipe=shift_recipe(0, unit), needs=needed(unit))


@make_rule(
    r"\b[Tt]he\s+(?:(?:full|entire|whole|current)\s+)?(?:fiscal\s+|calendar\s+)?year\b"
    r"(?![-\s](?:ago|earlier|before|after|in\s+which|when|that|two|\d|end\b))"
    r"(?!-)",
    lits=("year",),
)
def _the_year(m: re.Match[str]) -> Draft:
    """ "For the year", "the full year", "earlier in the year": the year the story is in
    (the last year-or-finer date in the text, else the publication year). "The year ended
    March 31" is a fiscal year: a one-year duration (its end is a date of its own)."""
    if re.match(r"\s+end(?:ed|ing)\b", m.string[m.end() : m.end() + 8]):
        return make_draft(m, type="DURATION", value="P1Y", kind="duration")
    return make_draft(m, kind="anaphoric", recipe=shift_recipe(0, "year"), needs="year")


@make_rule(
    r"\b(?:(?P<the>[Tt]he\s+|[Tt]his\s+past\s+)(?:(?P<mod>early|late|mid-?)\s*)?"
    r"(?P<s>spring|summer|autumn|fall|winter)"
    r"|(?:[Ii]n|[Bb]efore|[Aa]fter|[Bb]y|[Uu]ntil|[Dd]uring|[Ss]ince)\s+(?P<s2>spring|summer|autumn|winter))\b"
    r"(?!\s+(?:of|and|or|semester|term|session|collection|olympics|games|months)\b)",
    lits=("spring", "summer", "autumn", "fall", "winter"),
)
def _the_season(m: re.Match[str]) -> Draft:
    """ "The summer", "in spring", "this past spring": that season of the publication year,
    or of the year before or after when the tense says the season is past or to come."""
    code = SEASONS[(m["s"] or m["s2"]).lower()]
    past_only = bool(m["the"]) and m["the"].lower().startswith("this")

    def recipe(anchor: str, future: bool) -> str | None:
        base = dt.date.fromisoformat(first_day(anchor))
        year, first = base.year, SEASON_START[code]
        if (past_only or not future) and first > base.month:
            year -= 1  # "the summer" said in March, of something done: last summer
        elif future and not past_only and first + 2 < base.month:
            year += 1  # said in November of something to come: next summer
        return f"{year:04d}-{code}"

    start = m.start("s2") if m["s2"] else m.start()
    mod = {"early": "START", "late": "END"}.get(
        (m["mod"] or "").lower(), "MID" if m["mod"] else None
    )
    return Draft(
        start=start,
        end=m.end(),
        kind="deictic",
        recipe=recipe,
        needs="month",
        mod=mod,
        yearless=not past_only,
    )


@make_rule(
    r"(?i)\bthe\s+(?P<u>week|weekend|month|year)\s+(?P<w>before\s+last|after\s+next)\b",
    lits=("before last", "after next"),
)
def _before_last(m: re.Match[str]) -> Draft:
    """ "The week before last", "the year after next": two units back or ahead."""
    unit = m["u"].lower()
    step = -2 if m["w"].lower().startswith("before") else 2
    return make_draft(m, kind="deictic", recipe=shift_recipe(step, unit), needs=needed(unit))
