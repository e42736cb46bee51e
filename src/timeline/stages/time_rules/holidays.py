"""Holidays: fixed dates, Easter and the holidays that move with it, nth weekdays."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from timeline.stages.normalize import WEEKDAYS
from timeline.stages.time_rules.base import (
    MONTH,
    WEEKDAY,
    YEAR,
    Draft,
    first_day,
    make_draft,
    make_rule,
    month_num,
)


# ---- holidays ---------------------------------------------------------------------------
def _easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th given weekday of a month (n = -1: the last one)."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


_HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas": lambda y: dt.date(y, 12, 25),
    "boxing day": lambda y: dt.date(y, 12, 26),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "new year's day": lambda y: dt.date(y, 1, 1),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "halloween": lambda y: dt.date(y, 10, 31),
    "independence day": lambda y: dt.date(y, 7, 4),
    "the fourth of july": lambda y: dt.date(y, 7, 4),
    "veterans day": lambda y: dt.date(y, 11, 11),
    "armistice day": lambda y: dt.date(y, 11, 11),
    "easter sunday": _easter,
    "easter": _easter,
    "good friday": lambda y: _easter(y) - dt.timedelta(days=2),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "black friday": lambda y: _nth_weekday(y, 11, 3, 4) + dt.timedelta(days=1),
    "cyber monday": lambda y: _nth_weekday(y, 11, 3, 4) + dt.timedelta(days=4),
    "juneteenth": lambda y: dt.date(y, 6, 19),
    "martin luther king day": lambda y: _nth_weekday(y, 1, 0, 3),
    "presidents day": lambda y: _nth_weekday(y, 2, 0, 3),
    "presidents' day": lambda y: _nth_weekday(y, 2, 0, 3),
    "columbus day": lambda y: _nth_weekday(y, 10, 0, 2),
    "mother's day": lambda y: _nth_weekday(y, 5, 6, 2),
    "father's day": lambda y: _nth_weekday(y, 6, 6, 3),
    "easter monday": lambda y: _easter(y) + dt.timedelta(days=1),
    "ash wednesday": lambda y: _easter(y) - dt.timedelta(days=46),
    "palm sunday": lambda y: _easter(y) - dt.timedelta(days=7),
    "remembrance day": lambda y: dt.date(y, 11, 11),
    "may day": lambda y: dt.date(y, 5, 1),
    "bastille day": lambda y: dt.date(y, 7, 14),
    "st. patrick's day": lambda y: dt.date(y, 3, 17),
    "st patrick's day": lambda y: dt.date(y, 3, 17),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1),
}


@make_rule(
    r"(?:\b(?P<dir>[Ll]ast|[Nn]ext|[Tt]his)\s+)?\b(?P<h>"
    + "|".join(
        re.escape(h).replace("'", "['’]").replace("\\ ", r"\s+")
        for h in sorted(_HOLIDAYS, key=len, reverse=True)
    )
    + rf")(?:\s+(?P<y>{YEAR}))?\b",
    re.I,
    # every holiday name holds one of these (the day-suffixed forms keep common words
    # like "labor" or "mother" from waking the rule up)
    lits=(
        "christmas",
        "easter",
        "thanksgiving",
        "halloween",
        "valentine",
        "new year",
        "fourth of july",
        "independence day",
        "veterans day",
        "armistice day",
        "boxing day",
        "labor day",
        "memorial day",
        "election day",
        "good friday",
        "black friday",
        "cyber monday",
        "juneteenth",
        "luther king",
        "presidents",
        "columbus day",
        "mother's day",
        "mother’s day",
        "father's day",
        "father’s day",
        "ash wednesday",
        "palm sunday",
        "remembrance day",
        "may day",
        "bastille day",
        "patrick",
    ),  # fmt: skip
)
def _holiday(m: re.Match[str]) -> Draft | None:
    name = re.sub(r"\s+", " ", m["h"].lower()).replace("’", "'")
    if not m["h"][:1].isupper() and not name.startswith("the"):
        return None
    fn = _HOLIDAYS[name]
    if m["y"]:
        return make_draft(m, value=fn(int(m["y"])).isoformat())
    direction = (m["dir"] or "").lower()

    def recipe(anchor: str, future: bool) -> str | None:
        base = dt.date.fromisoformat(first_day(anchor))
        days = [fn(y) for y in (base.year - 1, base.year, base.year + 1)]
        if direction == "last":
            past = [d for d in days if d < base]
            return past[-1].isoformat() if past else None
        if direction == "next":
            nxt = [d for d in days if d > base]
            return nxt[0].isoformat() if nxt else None
        # the nearest one, preferring the side the tense points to
        return min(
            days,
            key=lambda d: (
                abs((d - base).days)
                + (60 if (d < base if future else d > base + dt.timedelta(days=1)) else 0)
            ),
        ).isoformat()

    return make_draft(m, kind="deictic", recipe=recipe, yearless=not direction)


_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}


@make_rule(
    rf"\b(?:[Tt]he\s+)?(?P<n>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ll]ast)\s+(?P<wd>{WEEKDAY})"
    rf"\s+(?:of|in)\s+(?P<mon>{MONTH})(?:,?\s+(?P<y>{YEAR})\b)?",
    lits=("first", "second", "third", "fourth", "last"),
)
def _nth_weekday_of(m: re.Match[str]) -> Draft:
    """ "The last Sunday of September", "the first Monday in May 2020": that day of the month
    (of the year the story is in when no year is written)."""
    n, wd, mo = _NTH[m["n"].lower()], WEEKDAYS[m["wd"].lower()], month_num(m["mon"])
    if m["y"]:
        return make_draft(m, value=_nth_weekday(int(m["y"]), mo, wd, n).isoformat())

    def recipe(anchor: str, future: bool) -> str | None:
        base = dt.date.fromisoformat(first_day(anchor))
        days = [_nth_weekday(y, mo, wd, n) for y in (base.year - 1, base.year, base.year + 1)]
        return min(
            days, key=lambda d: abs((d - base).days) + (200 if (d < base) == future else 0)
        ).isoformat()

    return make_draft(m, kind="deictic", recipe=recipe, yearless=True, month_of_year=mo)


_UNITS_W = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS_W = (
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_TENS_W = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_TWO_DIGITS = (
    rf"(?:(?:{'|'.join(_TENS_W)})(?:[\s-](?:{'|'.join(_UNITS_W)}))?"
    rf"|{'|'.join(_TEENS_W)}|oh[\s-](?:{'|'.join(_UNITS_W)}))"
)


def _spoken_two(words: str) -> int:
    w = words.lower().replace("-", " ").split()
    if w[0] == "oh":
        return _UNITS_W.index(w[1]) + 1
    if w[0] in _TEENS_W:
        return 10 + _TEENS_W.index(w[0])
    return 10 * (_TENS_W.index(w[0]) + 2) + (_UNITS_W.index(w[1]) + 1 if len(w) > 1 else 0)


@make_rule(
    rf"(?i)\b(?:the\s+year\s+)?(?:(?P<c>nineteen|eighteen)[\s-]+(?P<yy>{_TWO_DIGITS})"
    rf"|two\s+thousand(?:\s+and)?(?:[\s-]+(?P<y2>{_TWO_DIGITS}|{'|'.join(_UNITS_W)}))?)\b",
    lits=("nineteen", "eighteen", "thousand"),
)
def _spoken_year(m: re.Match[str]) -> Draft | None:
    """Years read out in broadcast transcripts: "nineteen ninety-six", "two thousand"."""
    if m["c"]:
        year = (1900 if m["c"].lower() == "nineteen" else 1800) + _spoken_two(m["yy"])
    else:
        tail = m["y2"]
        year = 2000 + (
            0
            if not tail
            else _UNITS_W.index(tail.lower()) + 1
            if tail.lower() in _UNITS_W
            else _spoken_two(tail)
        )
    if re.match(
        r"\s+(?:people|dollars|percent|times|points)\b", m.string[m.end() : m.end() + 12], re.I
    ):
        return None
    return make_draft(m, value=f"{year:04d}")
