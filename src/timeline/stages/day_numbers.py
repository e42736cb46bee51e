"""Times as numbers: a sort key that puts dated things in time order (years before Christ
first), and day numbers on a proleptic calendar that reaches before year 1, for the
timeline's axis (``day_span``)."""

from __future__ import annotations

import datetime as dt
import re

from timeline.stages.values import value_range, year_number

__all__ = ["chronological_key", "date_of_day", "day_number", "day_span"]


def chronological_key(value: str | None, start: str | None) -> tuple[int, int, str]:
    """A sort key putting dated things in time order, years before Christ (which have no
    ``start``) first and undated things last.

    >>> sorted(["1962", "BC0493", None, "BC0499"], key=lambda v: chronological_key(v, None))
    ['BC0499', 'BC0493', '1962', None]
    >>> vals = ["BC0480-08", "BC047", "BC0480-SP", "BC04", "BC05"]
    >>> sorted(vals, key=lambda v: chronological_key(v, None))
    ['BC05', 'BC04', 'BC0480-SP', 'BC0480-08', 'BC047']
    """
    if start:
        return 0, int(start[:4]), start
    m = _BC_VALUE.match(value or "")
    if m is None:
        year = year_number(value)
        return (0, year, value or "") if year is not None else (1, 0, "")
    digits, part = m["digits"], m["part"] or ""
    if len(digits.rstrip("X")) == 3:  # a decade: the 490s BC begin in 499 BC
        first = 1 - (int(digits[:3]) * 10 + 9)
    elif len(digits) == 4:  # a year: 493 BC is -492
        first = 1 - int(digits)
    else:  # a century: BC04 (500-401 BC) begins in 500 BC
        first = 1 - (int(digits) + 1) * 100
    month = _SEASON_MONTH.get(part[:2], part[:2])  # "BC0480-SP" before "BC0480-08"
    return 0, first, f"{month}{part[2:]}"


_BC_VALUE = re.compile(r"BC(?P<digits>\d{4}|\d{3}X?|\d{2})(?:-(?P<part>.*))?$")
_SEASON_MONTH = {"SP": "03", "SU": "06", "FA": "09", "WI": "12", "Q1": "01", "Q2": "04"} | {
    "Q3": "07",
    "Q4": "10",
    "H1": "01",
    "H2": "07",
}


# ------------------------------------------------------------------ day numbers for an axis
# Proleptic Gregorian ordinals (1 is 1 January AD 1, as ``date.toordinal``), extended before
# it: 1 BC is the year 0 and 31 December 1 BC the day 0. The calendar repeats every 400
# years (146,097 days), so a year before Christ is worked out on the year 400*k later.
_CYCLE_DAYS = 146_097


def day_number(year: int, month: int = 1, day: int = 1) -> int:
    """The day number of an astronomical ``year`` (0 is 1 BC, -479 is 480 BC).

    >>> day_number(1, 1, 1), day_number(0, 12, 31), day_number(-479) < day_number(-478)
    (1, 0, True)
    """
    k = 0 if year >= 1 else (400 - year) // 400
    return dt.date(year + 400 * k, month, day).toordinal() - k * _CYCLE_DAYS


def date_of_day(n: int) -> tuple[int, int, int]:
    """(astronomical year, month, day) of a day number: the inverse of :func:`day_number`."""
    k = 0 if n >= 1 else (_CYCLE_DAYS - n) // _CYCLE_DAYS
    d = dt.date.fromordinal(min(n + k * _CYCLE_DAYS, dt.date.max.toordinal()))
    return d.year - 400 * k, d.month, d.day


def day_span(value: str | None, start: str | None, end: str | None) -> tuple[int, int] | None:
    """The first day and the day after the last, as day numbers, of a time with ``start``
    and ``end`` (ISO days) or of a value before Christ (which has none): what a time axis
    places. None for a time that has no days.

    >>> day_span("BC0480-08", None, None) == (day_number(-479, 8, 1), day_number(-479, 9, 1))
    True
    """
    if start:
        first = dt.date.fromisoformat(start[:10]).toordinal()
        return first, dt.date.fromisoformat((end or start)[:10]).toordinal() + 1
    m = _BC_VALUE.match(value or "")
    if m is None:
        return None
    digits, part = m["digits"], m["part"]
    if digits.endswith("X"):  # the 470s BC: 479 to 470 BC
        first = 1 - (int(digits[:3]) * 10 + 9)
        years = 10
    elif len(digits) == 4:
        first, years = 1 - int(digits), 1
    else:  # BC04: 500 to 401 BC
        first, years = 1 - (int(digits) + 1) * 100, 100
    if part and years == 1:  # a month or a season of a year: worked out 400*k years later
        k = (400 - first) // 400
        rng = value_range(f"{first + 400 * k:04d}-{part}")
        if rng is None:
            return None
        return (
            dt.date.fromisoformat(rng[0]).toordinal() - k * _CYCLE_DAYS,
            dt.date.fromisoformat(rng[1]).toordinal() + 1 - k * _CYCLE_DAYS,
        )
    return day_number(first), day_number(first + years)
