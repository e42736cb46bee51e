"""TIMEX3 values: their granularity, the days they cover, and shifting and truncating them.
Pure; never reads the clock. Every function handles the whole calendar (0001-01-01 to
9999-12-31): a value no day can stand for, or a shift past either end, gives None.

Values follow TimeML: ``1963``, ``2022-03``, ``2022-03-01``, ``2022-W09``, ``2022-W09-WE``,
``2022-Q1``, ``2022-SU``, ``199`` (a decade; ``199X`` is read too), ``19`` (a century), ``2022-03-04TNI``,
``2022-03-04T10:30``; durations ``P6Y``; references ``PRESENT_REF``. Years before Christ
are written ``BC0493`` (``BC0480-SP``, ``BC048``, ``BC04``): they have a granularity and
move by years, months, decades and centuries (there is no year 0: a year after ``BC0001``
is ``0001``), but no days, so ``value_range`` gives None for them.

>>> shift("2019", -1, "year")
'2018'
>>> shift("2022-03-05", -1, "week")
'2022-W08'
>>> value_range("2022-W09-WE")
('2022-03-05', '2022-03-06')
>>> granularity_of("2022-01")
'month'
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

__all__ = [
    "SEASON_START",
    "granularity_of",
    "year_part",
    "year_number",
    "year_value",
    "granularity_rank",
    "date_value",
    "value_range",
    "truncate",
    "shift",
]

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
SEASON_START = {code: months[0] for code, months in _SEASON_MONTHS.items()}  # first month

_VALUE_RE = re.compile(
    r"^(?P<y>\d{4})"
    r"(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|W(?P<w>\d{2})(?P<we>-WE)?|Q(?P<q>[1-4])|H(?P<h>[12])"
    r"|(?P<s>SP|SU|FA|WI)))?"
    r"(?:T(?P<t>.+))?$"
)


# the calendar granularities, coarsest first (what "needs at least a month" compares)
GRANULARITIES = (
    "century",
    "decade",
    "year",
    "season",
    "quarter",
    "month",
    "week",
    "weekend",
    "day",
    "part_of_day",
    "time",
)


def granularity_rank(granularity: str | None) -> int:
    """The place of a granularity in :data:`GRANULARITIES` (coarsest 0), -1 for none."""
    return GRANULARITIES.index(granularity) if granularity in GRANULARITIES else -1


@lru_cache(maxsize=4096)
def granularity_of(value: str | None) -> str | None:
    """The granularity of a TIMEX3 value (``year``, ``month``, ``week``, ...)."""
    if not value:
        return None
    if value.endswith("_REF"):
        return "ref"
    if value.startswith("P"):
        return "duration"
    if value.startswith("BC"):
        return granularity_of(value[2:]) if value[2:3].isdigit() else None
    if re.fullmatch(r"\d{3}X?", value):  # "196" (TimeML); "196X" read too
        return "decade"
    if re.fullmatch(r"\d{2}", value):
        return "century"
    m = _VALUE_RE.match(value)
    if not m:
        return None
    if m["t"]:
        return "time" if re.match(r"\d", m["t"]) else "part_of_day"
    for key, name in (
        ("d", "day"),
        ("we", "weekend"),
        ("w", "week"),
        ("m", "month"),
        ("q", "quarter"),
        ("h", "quarter"),
        ("s", "season"),
    ):
        if m[key]:
            return name
    return "year"


def date_value(day: dt.date, granularity: str) -> str:
    """The TIMEX3 value of ``day`` at ``granularity``.

    >>> date_value(dt.date(2022, 3, 5), "weekend"), date_value(dt.date(2022, 3, 5), "quarter")
    ('2022-W09-WE', '2022-Q1')
    """
    if granularity == "day":
        return day.isoformat()
    if granularity == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == "year":
        return f"{day.year:04d}"
    if granularity in ("week", "weekend"):
        iy, iw, _ = day.isocalendar()
        return f"{iy:04d}-W{iw:02d}" + ("-WE" if granularity == "weekend" else "")
    if granularity == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if granularity == "decade":
        return f"{day.year // 10:03d}"
    if granularity == "century":
        return f"{day.year // 100:02d}"
    raise ValueError(f"no TIMEX3 value for granularity {granularity!r}")


def _start_of(value: str) -> tuple[dt.date, str] | None:
    """The first day of a date value and its granularity; the decade and century of year 0
    start on 0001-01-01 (the calendar's first day); None for a value no day can stand for
    (year 0, "2022-02-30", a week 53 the year has not, a year before Christ)."""
    if value.startswith("BC"):
        return None  # no day of the (proleptic) calendar we count in
    g = granularity_of(value)
    if g == "decade":
        return dt.date(max(1, int(value[:3]) * 10), 1, 1), g
    if g == "century":
        return dt.date(max(1, int(value) * 100), 1, 1), g
    m = _VALUE_RE.match(value)
    if not m or g is None:
        return None
    y = int(m["y"])
    if y < dt.MINYEAR:
        return None
    try:
        if m["d"]:
            return dt.date(y, int(m["m"]), int(m["d"])), "day"
        if m["m"]:
            return dt.date(y, int(m["m"]), 1), "month"
        if m["w"]:
            return dt.date.fromisocalendar(y, int(m["w"]), 6 if m["we"] else 1), g
        if m["q"]:
            return dt.date(y, 3 * int(m["q"]) - 2, 1), "quarter"
        if m["h"]:
            return dt.date(y, 6 * int(m["h"]) - 5, 1), "half"
        if m["s"]:
            first = _SEASON_MONTHS[m["s"]][0]
            return dt.date(y, first, 1), "season"
    except ValueError:
        return None
    return dt.date(y, 1, 1), "year"


@lru_cache(maxsize=4096)  # pure, and asked of the same few values again and again
def value_range(value: str | None) -> tuple[str, str] | None:
    """First and last day (ISO) covered by a date value; None for durations and references."""
    if not value:
        return None
    found = _start_of(value)
    if found is None:
        return None
    first, g = found
    try:
        last = _last_day(first, g, value)
    except (OverflowError, ValueError):  # the period runs past 9999-12-31
        last = dt.date.max
    return first.isoformat(), last.isoformat()


def _last_day(first: dt.date, g: str, value: str) -> dt.date:
    if g == "day":
        return first
    if g == "month":
        return first.replace(day=calendar.monthrange(first.year, first.month)[1])
    if g == "week":
        return first + dt.timedelta(days=6)
    if g == "weekend":
        return first + dt.timedelta(days=1)
    if g in ("quarter", "half", "season"):
        months = {"quarter": 3, "half": 6, "season": 3}[g]
        return _add_months(first, months) - dt.timedelta(days=1)
    if g == "decade":
        return dt.date(int(value[:3]) * 10 + 9, 12, 31)
    if g == "century":
        return dt.date(int(value) * 100 + 99, 12, 31)
    return dt.date(first.year, 12, 31)


def _add_months(day: dt.date, n: int) -> dt.date:
    total = day.year * 12 + (day.month - 1) + n
    y, m = divmod(total, 12)
    if not 1 <= y <= 9999:
        raise OverflowError("date out of range")
    return dt.date(y, m + 1, min(day.day, calendar.monthrange(y, m + 1)[1]))


_COARSER = ["century", "decade", "year", "quarter", "month", "week", "day"]


def truncate(value: str, granularity: str) -> str | None:
    """``value`` at a coarser granularity (``2022-03-05`` at ``month`` is ``2022-03``)."""
    if value.startswith("BC"):
        return _era_shift(value, 0, granularity)
    found = _start_of(value)
    if found is None:
        return None
    return date_value(found[0], granularity)


def shift(value: str, n: int, unit: str) -> str | None:
    """Move a date value by ``n`` units; the result has the unit's granularity.

    Returns None when the value cannot be moved by that unit (e.g. a decade by days).
    """
    if unit == "fortnight":
        return shift(value, 2 * n, "week")
    if value.startswith("BC") or (unit in ("year", "decade", "century") and _ERA_RE.match(value)):
        return _era_shift(value, n, unit)  # (a year of ours may move back before Christ)
    found = _start_of(value)
    if found is None:
        return None
    day, g = found
    try:
        if unit == "day":
            if g != "day":
                return None
            return date_value(day + dt.timedelta(days=n), "day")
        if unit in ("week", "weekend"):
            if g not in ("day", "week", "weekend"):
                return None
            return date_value(day + dt.timedelta(weeks=n), unit)
        if unit == "month":
            if g not in ("day", "month", "week", "weekend"):
                return None
            return date_value(_add_months(day, n), "month")
        if unit == "quarter":
            return date_value(_add_months(day, 3 * n), "quarter")
        if unit == "year":
            if g in ("decade", "century"):
                return None
            return date_value(day.replace(year=day.year + n, day=min(day.day, 28)), "year")
        if unit == "decade":
            return date_value(day.replace(year=day.year + 10 * n, day=1), "decade")
        if unit == "century":
            return date_value(day.replace(year=day.year + 100 * n, day=1), "century")
    except (ValueError, OverflowError):
        return None
    return None


# --------------------------------------------------------------------------- eras
_ERA_RE = re.compile(r"^(?P<bc>BC)?(?P<y>\d{4})(?:-(?P<m>\d{2})|-(?P<s>SP|SU|FA|WI))?$")


def year_number(value: str | None) -> int | None:
    """The astronomical year of a value with a year (1 BC is 0, 493 BC is -492).

    >>> year_number("BC0493"), year_number("1962-10-22"), year_number("199")
    (-492, 1962, None)
    """
    m = re.match(r"(BC)?(\d{4})(?:-|T|$)", value or "")
    if m is None:
        return None
    return 1 - int(m[2]) if m[1] else int(m[2])


def year_part(value: str | None) -> str | None:
    """The year of a value as TimeML writes it: ``BC0493-SP`` -> ``BC0493``."""
    y = year_number(value)
    return None if y is None else year_value(y)


def year_value(astronomical: int) -> str:
    """The TimeML year of an astronomical year: 1962 -> ``1962``, -492 -> ``BC0493``."""
    return f"BC{1 - astronomical:04d}" if astronomical <= 0 else f"{astronomical:04d}"


def _era_shift(value: str, n: int, unit: str) -> str | None:
    """``shift`` (or, with ``n`` 0, ``truncate``) for years before Christ: by years, months,
    decades and centuries, counted without a year 0."""
    m = _ERA_RE.match(value)
    if m is None:
        return None
    if int(m["y"]) == 0:
        return None  # there is no year 0 in either era
    y = 1 - int(m["y"]) if m["bc"] else int(m["y"])
    if unit == "month" and m["m"]:
        total = y * 12 + int(m["m"]) - 1 + n
        y, month = divmod(total, 12)
        out = f"{year_value(y)}-{month + 1:02d}"
    elif unit in ("year", "decade", "century"):
        y += n * {"year": 1, "decade": 10, "century": 100}[unit]
        out = year_value(y)
        if unit != "year":  # the decade or century holding that year
            before = y <= 0
            years = 1 - y if before else y
            code = f"{years // 10:03d}" if unit == "decade" else f"{(years - 1) // 100:02d}"
            if not before and unit == "century":
                code = f"{years // 100:02d}"
            out = ("BC" if before else "") + code
    else:
        return None
    return out if -9998 <= y <= 9999 else None
