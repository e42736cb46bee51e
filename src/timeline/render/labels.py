"""Dates as a reader says them, at the granularity the text gave."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from timeline.model import EventTime, Timex
from timeline.stages.values import date_value

__all__ = ["date_label", "provenance"]

_PARTS = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
_MONTHS = [
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
]  # not the locale's
_SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}


def date_label(ev: dict[str, Any]) -> str:
    """A reader's date at the event's granularity: "1962", "Jan 2022", "4 Mar 2022, night",
    "weekend of 5 Mar 2022", "Q3 2011", "the 1960s" (the TIMEX3 value stays in the data).

    >>> date_label({"value": "2022-03-04TNI", "start": "2022-03-04", "granularity": "part_of_day"})
    '4 Mar 2022, night'
    """
    value, start, gran = ev.get("value"), ev.get("start"), ev.get("granularity")
    if not value:
        return _before(ev.get("end"), gran) or "undated"
    if str(value).startswith("BC"):
        return _before_christ(str(value), gran)
    if not start or not re.fullmatch(r"\d{4}-\d\d-\d\d", start[:10]):
        return str(value)
    day = dt.date.fromisoformat(start[:10])
    mon = _MONTHS[day.month - 1]
    dmy = f"{day.day} {mon} {day.year}"
    if gran == "day":
        return dmy
    if gran == "part_of_day":
        return f"{dmy}, {_PARTS.get(str(value)[-2:], 'day')}"
    if gran == "time":
        return f"{dmy}, {str(value).split('T', 1)[1][:5]}"
    if gran in ("week", "weekend"):
        return f"{gran} of {dmy}"
    if gran == "month":
        return f"{mon} {day.year}"
    if gran == "quarter":
        return f"Q{(day.month - 1) // 3 + 1} {day.year}"
    if gran == "season":
        return f"{_SEASON_NAMES.get(str(value)[-2:], 'season')} {day.year}"
    if gran == "decade":
        return f"the {day.year // 10 * 10}s"
    if gran == "century":
        return f"the {_ordinal(day.year // 100 + 1)} century"
    if gran == "year" and day.year < 1000:
        return f"AD {day.year}"  # "AD 64", not "0064"
    return str(value)


def provenance(time: EventTime, timexes: dict[str, Timex], published: str | None) -> str | None:
    """How an event's date was obtained, for a reader to check: the event's own note, else
    the expression it was read from and what that was counted from.

    >>> t = {"t1": Timex(id="t1", start=0, end=4, text="1962", type="DATE", value="1962",
    ...      granularity="year"), "t2": Timex(id="t2", start=9, end=27, text="the following year",
    ...      type="DATE", value="1963", granularity="year", anchor="t1", basis="anaphoric")}
    >>> provenance(EventTime(timex="t2", value="1963", basis="anaphoric"), t, None)
    "dated from 'the following year', counted from '1962' (1962)"
    """
    if time.note:
        return time.note
    t = timexes.get(time.timex or "")
    if t is None:
        return None
    if t.basis == "deictic":
        return f"dated from {t.text!r}, counted from the publication date ({published})"
    anchor = timexes.get(t.anchor or "")
    if t.basis == "anaphoric" and anchor is not None:
        return f"dated from {t.text!r}, counted from {anchor.text!r} ({anchor.value})"
    return f"dated from {t.text!r}"


def _before(end: str | None, gran: str | None) -> str | None:
    """ "before 1958": a time known only to end before a date (a past perfect clause)."""
    if not end or not re.fullmatch(r"\d{4}-\d\d-\d\d", end):
        return None
    day = dt.date.fromisoformat(end) + dt.timedelta(days=1)
    g = gran if gran in ("day", "month", "year", "decade", "century") else "day"
    value = date_value(day, g)
    return "before " + date_label({"value": value, "start": day.isoformat(), "granularity": g})


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _before_christ(value: str, gran: str | None) -> str:
    """ "493 BC", "Sep 480 BC", "summer 481 BC", "the 470s BC", "the 5th century BC".

    >>> _before_christ("BC0480-09", "month"), _before_christ("BC04", "century")
    ('Sep 480 BC', 'the 5th century BC')
    """
    digits = value[2:]
    if gran == "century" and digits.isdigit():
        return f"the {_ordinal(int(digits) + 1)} century BC"
    if gran == "decade" and digits[:3].isdigit():
        return f"the {int(digits[:3]) * 10}s BC"
    if not digits[:4].isdigit():
        return value
    year, rest = int(digits[:4]), digits[5:]
    if gran == "month" and rest.isdigit() and 1 <= int(rest) <= 12:
        return f"{_MONTHS[int(rest) - 1]} {year} BC"
    if gran == "season" and rest in _SEASON_NAMES:
        return f"{_SEASON_NAMES[rest]} {year} BC"
    return f"{year} BC"
