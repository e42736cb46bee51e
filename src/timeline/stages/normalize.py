"""The words of time expressions and their values: month and weekday names, numbers written
out, durations (``P6Y``), and absolute date strings via dateparser. Pure; never reads the
clock. Arithmetic on the values (ranges, shifts, truncation) is in
:mod:`timeline.stages.values`.

>>> duration_value(6, "year"), number_value("twenty-one")
('P6Y', 21)
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from timeline.stages.values import date_value

__all__ = [
    "MONTHS",
    "WEEKDAYS",
    "SEASONS",
    "ORDINAL_WORDS",
    "number_value",
    "duration_value",
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
# ordinal words in order: ORDINAL_WORDS.index(w) + 1 is the number ("the fifth century")
ORDINAL_WORDS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
]
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


@lru_cache(maxsize=1024)
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
