"""Dates relative to the publication date or an earlier date: a month or day without a
year, weekdays, today/tonight, this/last/next week, "two years ago", "the year after"."""

from __future__ import annotations

import datetime as dt
import re

from timeline.stages.normalize import SEASONS, WEEKDAYS, duration_value
from timeline.stages.time_rules.base import (
    DAY,
    MONTH,
    PART,
    PART_CODE,
    UNIT_LITS,
    WEEKDAY,
    YEAR,
    Draft,
    day_num,
    first_day,
    make_draft,
    make_rule,
    match_day_of_month,
    month_num,
    nearest_date,
)
from timeline.stages.time_rules.shifts import needed, shift_recipe
from timeline.stages.values import SEASON_START, date_value


@make_rule(
    rf"\b(?=[LlNnTtCcMWFS])(?:(?P<dir>[Ll]ast|[Nn]ext|(?:[Tt]his\s+)?[Cc]oming|[Tt]his|[Tt]hat|[Tt]he\s+following"
    rf"|[Tt]he\s+previous)\s+)?"
    rf"(?P<wd>{WEEKDAY})(?:'s)?(?:\s+(?P<part>{PART}))?"
    rf"(?:\s+\((?P<check>{DAY})\)|,?\s+(?P<mon>{MONTH})\s+(?P<mday>{DAY})\b(?:,?\s+(?P<y>{YEAR}))?)?",
    lits=("day",),
)
def _weekday(m: re.Match[str]) -> Draft:
    wd = WEEKDAYS[m["wd"].lower()]
    direction = (m["dir"] or "").lower().split()[-1] if m["dir"] else None
    if direction == "coming":  # "this coming Sunday"
        direction = "next"
    part = PART_CODE.get((m["part"] or "").lower())
    end = m.end("part") if m["part"] else m.end("wd")
    anaphoric = direction in ("following", "previous", "that")
    if m["mon"]:  # "Monday, Oct. 26": the date decides, the weekday only confirms
        mo, mday = month_num(m["mon"]), day_num(m["mday"])
        if m["y"]:
            try:
                return Draft(
                    start=m.start(), end=m.end(), value=dt.date(int(m["y"]), mo, mday).isoformat()
                )
            except ValueError:
                return Draft(start=m.start(), end=m.end(), value=None)

        def dated(anchor: str, future: bool) -> str | None:
            base = dt.date.fromisoformat(first_day(anchor))
            for year in (base.year, base.year - 1, base.year + 1):
                try:  # the weekday names the year: "Saturday, April 25" (1998, not 1997)
                    if dt.date(year, mo, mday).weekday() == wd:
                        return dt.date(year, mo, mday).isoformat()
                except ValueError:
                    continue
            return nearest_date(base, mo, mday, future)

        return Draft(start=m.start(), end=m.end(), kind="deictic", recipe=dated, yearless=True)

    def recipe(anchor: str, future: bool) -> str | None:
        base = dt.date.fromisoformat(first_day(anchor))
        fwd = direction in ("next", "following") or (direction is None and future)
        if direction == "this":
            day = base + dt.timedelta(days=wd - base.weekday())
        elif fwd:
            day = base + dt.timedelta(days=(wd - base.weekday()) % 7 or (7 if direction else 0))
        else:
            back = (base.weekday() - wd) % 7
            if back == 0 and direction in ("last", "previous"):
                back = 7
            day = base - dt.timedelta(days=back)
        if m["check"]:
            day = match_day_of_month(day, day_num(m["check"]), fwd)
        return day.isoformat() + (f"T{part}" if part else "")

    return Draft(
        start=m.start(),
        end=end,
        kind="anaphoric" if anaphoric else "deictic",
        recipe=recipe,
        weekday_near=wd if direction is None and not m["check"] and not part else None,
    )


# ---- deictic words ---------------------------------------------------------------------------
@make_rule(r"(?i)\b(?:the|this\s+past|over\s+the)\s+weekend\b", lits=("weekend",))
def _the_weekend(m: re.Match[str]) -> Draft:
    start = m.start() + (5 if m.group().lower().startswith("over") else 0)

    def recipe(anchor: str, future: bool) -> str | None:
        base = dt.date.fromisoformat(first_day(anchor))
        if base.weekday() >= 5:
            day = base
        elif future:
            day = base + dt.timedelta(days=5 - base.weekday())
        else:
            day = base - dt.timedelta(days=base.weekday() + 2)
        return date_value(day, "weekend")

    return Draft(start=start, end=m.end(), kind="deictic", recipe=recipe)


@make_rule(
    r"(?i)\b(?:the\s+day\s+(?P<ba>before|after)\s+)?(?P<w>today|yesterday|tomorrow|tonight)(?:'s)?\b",
    lits=("today", "yesterday", "tomorrow", "tonight"),
)
def _today(m: re.Match[str]) -> Draft | None:
    w = m["w"].lower()
    extra = {"before": -1, "after": 1}.get((m["ba"] or "").lower(), 0)  # "the day before yesterday"
    if m["w"][0].isupper() and re.search(
        r"\b[A-Z][\w.]*\s$", m.string[max(0, m.start() - 20) : m.start()]
    ):
        return None  # "USA Today", "VOA Today": a name
    if m.group().lower().endswith("'s") and _GENERIC_AFTER.match(m.string, m.end()):
        return None  # "today's youth", "in today's world": the present in general, not a day
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}[w] + extra
    end = m.end("w")

    def recipe(anchor: str, future: bool) -> str | None:
        day = dt.date.fromisoformat(first_day(anchor)) + dt.timedelta(days=offset)
        return day.isoformat() + ("TNI" if w == "tonight" else "")

    return Draft(start=m.start(), end=end, kind="deictic", recipe=recipe)


_GENERIC_AFTER = re.compile(
    r"\s+(?:\w+\s+)?(?:world|youth|society|generations?|children|kids|teenagers|young|standards"
    r"|economy|culture|technology|computers|consumers|families|politics|media|market)\b",
    re.I,
)


@make_rule(
    rf"(?i)\b(?:this|yesterday|tomorrow)\s+(?P<part>{PART})\b|\blast\s+night\b",
    lits=("morning", "afternoon", "evening", "night"),
)
def _part_of_day(m: re.Match[str]) -> Draft:
    text = m.group().lower()
    offset = (
        -1 if text.startswith(("yesterday", "last")) else 1 if text.startswith("tomorrow") else 0
    )
    code = "NI" if "night" in text else PART_CODE[m["part"].lower()]

    def recipe(anchor: str, future: bool) -> str | None:
        day = dt.date.fromisoformat(first_day(anchor)) + dt.timedelta(days=offset)
        return f"{day.isoformat()}T{code}"

    return make_draft(m, kind="deictic", recipe=recipe, type="TIME")


@make_rule(
    r"(?i)\bnow\b|\bcurrently\b|\bthese\s+days\b|\bnowadays\b"
    r"|\bat\s+(?P<p>present)(?=\s*[,.;:!?)]|\s+(?:there|it|he|she|they|we|the|this|no|only)\b)",
    lits=("now", "currently", "these days", "at present"),
)
def _present(m: re.Match[str]) -> Draft:
    """ "Now", "currently", "these days", "at present" (not "at present prices"): the present.
    TimeBank leaves "right" out of "right now" and does not tag "at the moment"."""
    return make_draft(m, "p" if m["p"] else 0, value="PRESENT_REF", kind="ref")


@make_rule(
    r"(?i)\b(?:recently|(?:the\s+)?past|(?:in\s+)?recent\s+(?:years|months|weeks|days|times)|formerly|previously)\b",
    lits=("recent", "past", "former", "previous"),
)
def _past(m: re.Match[str]) -> Draft | None:
    text = m.group().lower()
    if text in ("formerly", "previously"):
        return None
    if text.endswith("past"):
        after = m.string[m.end() : m.end() + 30]
        if not text.startswith("the") or re.match(
            r"\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|decades?)", after
        ):
            return None
    start = m.start() + (3 if text.startswith("in ") else 0)
    unit = re.search(r"(year|month|week|day)s\b", text)
    if unit:  # "recent years": TimeBank's PXY, a duration of unknown length
        return Draft(
            start=start,
            end=m.end(),
            type="DURATION",
            value=duration_value(None, unit.group(1)),
            kind="duration",
        )
    return Draft(start=start, end=m.end(), value="PAST_REF", kind="ref")


@make_rule(
    r"(?i)\bthe\s+(?:(?:near|immediate)\s+)?future\b|\bthe\s+(?:near|short)\s+term\b|\bsoon\b",
    lits=("future", "soon", "term"),
)
def _future(m: re.Match[str]) -> Draft | None:
    if m.group().lower() == "soon":
        return None
    return make_draft(m, value="FUTURE_REF", kind="ref")


@make_rule(
    r"(?i)\b(?=[tlncpfe])(?:(?P<the>the\s+)?(?P<dir>last|next|this|coming|past|previous|following|current)"
    r"|(?P<ea>earlier|later)\s+this)\s+"
    r"(?P<u>week(?:end)?|fortnight|month|year|quarter|decade|century|spring|summer|autumn|fall|winter)\b",
    lits=UNIT_LITS,
)
def _this_last_next(m: re.Match[str]) -> Draft | None:
    unit = m["u"].lower()
    if m["ea"] and unit in ("week",):
        start = m.start() + len(m["ea"]) + 1
        return Draft(
            start=start,
            end=m.end(),
            kind="deictic",
            recipe=shift_recipe(0, unit),
            needs=needed(unit),
        )
    d = (m["dir"] or "this").lower()
    span_prep = re.search(
        r"(?i)\b(?:over|for|during|within|throughout|in|into)\s+$",
        m.string[max(0, m.start() - 12) : m.start()],
    )
    if m["the"] and d == "next" and not span_prep and unit not in SEASONS:
        # "a merger followed the next year": the year after the last date, not a duration
        return make_draft(m, kind="anaphoric", recipe=shift_recipe(1, unit), needs=needed(unit))
    if m["the"] and d == "next" and unit in SEASONS:
        d = "following"  # "The next spring, the army emerged": the story's next spring
    elif m["the"] and d in ("past", "last", "coming", "next"):
        # "the past week", "over the next year": a duration ending or starting at the DCT
        if unit in SEASONS:
            return None
        return make_draft(m, type="DURATION", value=duration_value(1, unit), kind="duration")
    if d in ("following", "previous") and m["the"] and unit in SEASONS:
        code, forward = SEASONS[unit], d == "following"

        def next_season(anchor: str, future: bool) -> str | None:
            year, month = (
                int(anchor[:4]),
                int(anchor[5:7])
                if len(anchor) >= 7 and anchor[4] == "-" and anchor[5:7].isdigit()
                else None,
            )
            first = SEASON_START[code]
            if forward:
                year += 0 if month is not None and month < first else 1
            else:
                year -= 0 if month is not None and month > first + 2 else 1
            return f"{year:04d}-{code}"

        return make_draft(m, kind="anaphoric", recipe=next_season, needs="year")
    if d in ("following", "previous") and m["the"]:
        step = 1 if d == "following" else -1
        return make_draft(m, kind="anaphoric", recipe=shift_recipe(step, unit), needs=needed(unit))
    if d in ("following", "previous", "past", "coming"):
        return None
    step = {"last": -1, "next": 1, "this": 0, "current": 0}[d]
    if unit == "year" and step == -1:
        # "... compared with $3 million last year" compares periods; a sentence that opens
        # with "Last year" talks about the year
        opens = re.search(r"(?:^|[.!?]\s+|\n)$", m.string[max(0, m.start() - 3) : m.start()])
        return make_draft(
            m,
            kind="deictic",
            recipe=shift_recipe(-1, unit),
            needs="year",
            follows_quarter=not (opens and m.string.startswith("Last year", m.start())),
        )
    if unit in SEASONS:
        code = SEASONS[unit]

        def season(anchor: str, future: bool) -> str | None:
            year = int(anchor[:4]) + step
            return f"{year:04d}-{code}"

        return make_draft(m, kind="deictic", recipe=season, needs="year")
    return make_draft(m, kind="deictic", recipe=shift_recipe(step, unit), needs=needed(unit))
