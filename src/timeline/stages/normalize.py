"""TIMEX3 values: parse, shift, truncate and turn into day ranges. Pure; never reads the clock.

Values follow TimeML: ``1963``, ``2022-03``, ``2022-03-01``, ``2022-W09``, ``2022-W09-WE``,
``2022-Q1``, ``2022-SU``, ``199X`` (a decade), ``19`` (a century), ``2022-03-04TNI``,
``2022-03-04T10:30``; durations ``P6Y``; references ``PRESENT_REF``.

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
    "MONTHS",
    "WEEKDAYS",
    "number_value",
    "granularity_of",
    "shift",
    "truncate",
    "value_range",
    "duration_value",
    "date_value",
    "parse_absolute",
]

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: i
    for i, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "a dozen": 12,
    "dozen": 12,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
    "half a": 0.5,
    "a half": 0.5,
}
_FRACTIONS = {"1/2": 0.5, "½": 0.5, "1/4": 0.25, "¼": 0.25, "3/4": 0.75, "¾": 0.75}
_VAGUE = {"several", "a few", "few", "many", "some", "recent", "the past", "the last", "coming"}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
SEASON_START = {code: months[0] for code, months in _SEASON_MONTHS.items()}  # first month
DURATION_UNITS = {
    "year": "Y",
    "month": "M",
    "week": "W",
    "day": "D",
    "decade": "DE",
    "century": "CE",
    "quarter": "Q",
    "hour": "H",
    "minute": "MIN",
    "second": "S",
    "weekend": "WE",
}


def number_value(word: str) -> float | None:
    """The number a numeral or number word stands for; None when vague ("several").

    >>> number_value("six"), number_value("24"), number_value("twenty-one"), number_value("several")
    (6, 24, 21, None)
    """
    w = word.lower().strip().replace(",", "")
    if w in _VAGUE:
        return None
    frac = re.fullmatch(r"(\d+)(?:\s+|-)?(1/2|1/4|3/4|½|¼|¾)", w)
    if frac:  # "5 1/2", "2½"
        return int(frac[1]) + _FRACTIONS[frac[2]]
    if re.fullmatch(r"\d+(\.\d+)?", w):
        f = float(w)
        return int(f) if f.is_integer() else f
    if w in _NUMBERS:
        return _NUMBERS[w]
    parts = re.split(r"[-\s]+", w)
    if len(parts) == 2 and parts[0] in _NUMBERS and parts[1] in _NUMBERS:
        return _NUMBERS[parts[0]] + _NUMBERS[parts[1]]
    return None


# a fraction of a unit is written in the next smaller one
_SMALLER = {"Y": ("M", 12), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}


def _joined(parts: tuple[tuple[int, str], ...]) -> str:
    """``((2, "Y"), (6, "M"))`` -> ``P2Y6M``; hours, minutes and seconds go after ``T``."""
    date = "".join(f"{a}{c}" for a, c in parts if a and c not in ("H", "MIN", "S"))
    clock = "".join(f"{a}{c[0]}" for a, c in parts if a and c in ("H", "MIN", "S"))
    return "P" + date + (f"T{clock}" if clock else "")


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration for ``n`` units; an unknown amount is ``X``.

    >>> duration_value(6, "year"), duration_value(None, "month"), duration_value(3, "hour")
    ('P6Y', 'PXM', 'PT3H')
    >>> duration_value(2, "decade"), duration_value(None, "decade")
    ('P20Y', 'PXY')
    >>> duration_value(2.5, "year"), duration_value(5.5, "hour"), duration_value(1.5, "day")
    ('P2Y6M', 'PT5H30M', 'P1DT12H')
    """
    if unit == "fortnight":  # two weeks, in the words of British news
        return duration_value(None if n is None else 2 * n, "week")
    code = DURATION_UNITS[unit]
    if code == "WE":
        return "P2D" if n in (None, 1) else f"P{int(n * 2)}D"
    if (
        code in ("DE", "CE")
        and n is not None
        and float(n * (10 if code == "DE" else 100)).is_integer()
    ):
        # "two decades" is P20Y, as TimeBank and MEANTIME write it (not P2DE)
        return f"P{int(n * (10 if code == 'DE' else 100))}Y"
    if code == "DE" and n is None:
        return "PXY"  # "decades-long": TimeBank and MEANTIME count decades in years
    if n is not None and not float(n).is_integer() and code in _SMALLER:
        # "2 1/2 years" is P2Y6M and "an hour and a half" PT1H30M, as TimeML writes them
        smaller, per = _SMALLER[code]
        rest = (n - int(n)) * per
        if float(rest).is_integer():
            return _joined(((int(n), code), (int(rest), smaller)))
    amount = "X" if n is None else (str(int(n)) if float(n).is_integer() else str(n))
    if code in ("H", "MIN", "S"):
        return f"PT{amount}{'M' if code == 'MIN' else code}"
    return f"P{amount}{code}"


_VALUE_RE = re.compile(
    r"^(?P<y>\d{4})"
    r"(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|W(?P<w>\d{2})(?P<we>-WE)?|Q(?P<q>[1-4])|H(?P<h>[12])"
    r"|(?P<s>SP|SU|FA|WI)))?"
    r"(?:T(?P<t>.+))?$"
)


@lru_cache(maxsize=4096)
def granularity_of(value: str | None) -> str | None:
    """The granularity of a TIMEX3 value (``year``, ``month``, ``week``, ...)."""
    if not value:
        return None
    if value.endswith("_REF"):
        return "ref"
    if value.startswith("P"):
        return "duration"
    if re.fullmatch(r"\d{3}X", value):
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
        return f"{str(day.year)[:3]}X"
    if granularity == "century":
        return f"{day.year // 100:02d}"
    raise ValueError(f"no TIMEX3 value for granularity {granularity!r}")


def _start_of(value: str) -> tuple[dt.date, str] | None:
    g = granularity_of(value)
    if g == "decade":
        return dt.date(int(value[:3]) * 10, 1, 1), g
    if g == "century":
        return dt.date(int(value) * 100, 1, 1), g
    m = _VALUE_RE.match(value)
    if not m or g is None:
        return None
    y = int(m["y"])
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


def value_range(value: str | None) -> tuple[str, str] | None:
    """First and last day (ISO) covered by a date value; None for durations and references."""
    if not value:
        return None
    found = _start_of(value)
    if found is None:
        return None
    first, g = found
    if g == "day":
        last = first
    elif g == "month":
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    elif g == "week":
        last = first + dt.timedelta(days=6)
    elif g == "weekend":
        last = first + dt.timedelta(days=1)
    elif g in ("quarter", "half", "season"):
        months = {"quarter": 3, "half": 6, "season": 3}[g]
        last = _add_months(first, months) - dt.timedelta(days=1)
    elif g == "decade":
        last = dt.date(first.year + 9, 12, 31)
    elif g == "century":
        last = dt.date(first.year + 99, 12, 31)
    else:
        last = dt.date(first.year, 12, 31)
    return first.isoformat(), last.isoformat()


def _add_months(day: dt.date, n: int) -> dt.date:
    total = day.year * 12 + (day.month - 1) + n
    y, m = divmod(total, 12)
    if not 1 <= y <= 9999:
        raise OverflowError("date out of range")
    return dt.date(y, m + 1, min(day.day, calendar.monthrange(y, m + 1)[1]))


_COARSER = ["century", "decade", "year", "quarter", "month", "week", "day"]


def truncate(value: str, granularity: str) -> str | None:
    """``value`` at a coarser granularity (``2022-03-05`` at ``month`` is ``2022-03``)."""
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


@lru_cache(maxsize=4096)
def parse_absolute(surface: str) -> tuple[str, str] | None:
    """Value and granularity of a complete absolute date string, via dateparser.

    Only strings our recogniser already found are passed here, so dateparser never
    searches free text and never fills a missing part from the clock.

    >>> parse_absolute("1 March 2022")
    ('2022-03-01', 'day')
    >>> parse_absolute("March 2015")
    ('2015-03', 'month')
    """
    import dateparser  # heavy: imported on first use

    data = dateparser.date.DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": dt.datetime(1900, 1, 1),
            "PREFER_DATES_FROM": "past",
            "REQUIRE_PARTS": ["year"],
            "STRICT_PARSING": False,
        },
    ).get_date_data(surface)
    if data is None or data.date_obj is None:
        return None
    period = data.period or "day"
    granularity = {"day": "day", "month": "month", "year": "year"}.get(period, "day")
    return date_value(data.date_obj.date(), granularity), granularity
