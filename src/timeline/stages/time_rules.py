"""Recognition rules for time expressions: each a regular expression and a function that
turns a match into a draft, with either a TIMEX3 value or a recipe to compute one from an
anchor (the publication date or an earlier date in the text). ``times.py`` runs them.

Rules register themselves with ``@_rule`` in the order they appear; overlapping matches are
resolved leftmost-longest by ``times.find_times``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from timeline.stages.normalize import (
    MONTHS,
    SEASONS,
    WEEKDAYS,
    date_value,
    duration_value,
    number_value,
    parse_absolute,
    shift,
    truncate,
)

__all__: list[str] = []  # internal to the times stage

# --------------------------------------------------------------------------- vocabulary
_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?"
    r"|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[0-9]\d\d|20\d\d)"
_NUM = (
    r"(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty"
    r"|fifty|sixty|seventy|eighty|ninety|hundred|a hundred|a dozen|a couple of|a few|several"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five"
    r"|six|seven|eight|nine))"
)
_UNIT = r"(?:year|month|week|day|decade|centur(?:y|ie)|quarter|hour|minute|weekend)s?"
_PART = r"(?:morning|afternoon|evening|night)"
_PART_CODE = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
_ORDINAL = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
_MODS = {
    "roughly": "APPROX",
    "about": "APPROX",
    "around": "APPROX",
    "approximately": "APPROX",
    "nearly": "APPROX",
    "almost": "APPROX",
    "some": "APPROX",
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "less than": "LESS_THAN",
    "under": "LESS_THAN",
    "at least": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS",
    "early": "START",
    "the beginning of": "START",
    "the start of": "START",
    "mid": "MID",
    "mid-": "MID",
    "the middle of": "MID",
    "late": "END",
    "the end of": "END",
}
# TimeBank leaves these outside the TIMEX3 extent ("about [five hours]") but keeps the mod
_OUTSIDE_SPAN = {"about", "around", "approximately", "roughly", "almost", "some"}
_MOD_RE = re.compile(
    r"(?i:(roughly|about|around|approximately|nearly|almost|more than|less than|at least"
    r"|at most|up to|early|late|the beginning of|the start of|the middle of|the end of)\s+|(mid-))$"
)
_FUTURE_CUE = re.compile(
    r"(?i)\b(will|won't|shall|'ll|going to|plans? to|planned|planning|expected to|scheduled"
    r"|upcoming|is to|are to|would like to)\b"
)
_COUNT_NOUN_AFTER = re.compile(
    r"\s*(?:%|percent|people|troops|soldiers|men|women|workers|jobs|votes|cases|deaths"
    r"|units|shares|barrels|tons|tonnes|miles|km|kilometers|feet|meters|dollars|euros"
    r"|residents|members|employees|children|students|points|cars|homes|households)\b",
    re.I,
)


def _unit(word: str) -> str:
    w = word.lower().rstrip("s")
    return "century" if w.startswith("centur") else w


# --------------------------------------------------------------------------- drafts
@dataclass(slots=True)
class _Draft:
    start: int
    end: int
    type: str = "DATE"
    value: str | None = None
    mod: str | None = None
    # how to compute the value when it is relative
    kind: str = "absolute"  # absolute | deictic | anaphoric | duration | set | ref
    recipe: Callable[[str, bool], str | None] | None = None  # (anchor value, future) -> value
    needs: str = "day"  # the anchor granularity the recipe needs at least
    apposition: bool = False  # "2019, the year after X": same value as the preceding date
    check_day: int | None = None  # "Last Tuesday (1st)"
    follows_quarter: bool = False  # "a year ago" after a quarter means that quarter a year back


@dataclass(frozen=True, slots=True)
class _Rule:
    """A recognition rule. ``key`` is a cheap regex for a word every match contains: when set,
    the rule's own (expensive) pattern only runs in windows around the key's hits."""

    pattern: re.Pattern[str]
    handler: Callable[[re.Match[str]], _Draft | None]
    key: re.Pattern[str] | None = None
    lits: tuple[str, ...] = ()  # lower-case strings one of which every match contains


_RULES: list[_Rule] = []
_UNIT_KEY = re.compile(
    r"\b(?:[Yy]ears?|[Mm]onths?|[Ww]eeks?|[Dd]ays?|[Dd]ecades?|[Cc]entur(?:y|ies)|[Qq]uarters?"
    r"|[Hh]ours?|[Mm]inutes?|[Ss]econds?|[Ww]eekends?|[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all"
    r"|[Ww]inter|YEARS?|MONTHS?|WEEKS?|DAYS?)\b"
)


def _rule(
    pattern: str,
    flags: int = 0,
    key: re.Pattern[str] | str | None = None,
    lits: tuple[str, ...] = (),
) -> Callable[[Callable[..., _Draft | None]], Callable[..., _Draft | None]]:
    compiled = re.compile(pattern, flags)
    key_re = re.compile(key) if isinstance(key, str) else key

    def register(fn: Callable[[re.Match[str]], _Draft | None]) -> Callable[..., _Draft | None]:
        _RULES.append(_Rule(compiled, fn, key_re, lits))
        return fn

    return register


def _month_num(word: str) -> int:
    return MONTHS[
        word.lower().rstrip(".")[:4]
        if word.lower().startswith("sept")
        else word.lower().rstrip(".")
    ]


def _day_num(word: str) -> int:
    return int(re.match(r"\d+", word).group())  # type: ignore[union-attr]


def _draft(m: re.Match[str], group: int | str = 0, **kw: object) -> _Draft:
    return _Draft(start=m.start(group), end=m.end(group), **kw)  # type: ignore[arg-type]


# ---- absolute dates --------------------------------------------------------------------
@_rule(
    rf"\b(?P<m>{_MONTH})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})\b",
    lits=("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
)
def _month_day_year(m: re.Match[str]) -> _Draft | None:
    return _abs_day(m, int(m["y"]), _month_num(m["m"]), _day_num(m["d"]))


@_rule(
    rf"\b(?:the\s+)?(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})\b",
    lits=("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
)
def _day_month_year(m: re.Match[str]) -> _Draft | None:
    return _abs_day(m, int(m["y"]), _month_num(m["m"]), _day_num(m["d"]))


def _abs_day(m: re.Match[str], y: int, mo: int, d: int) -> _Draft | None:
    try:
        value = dt.date(y, mo, d).isoformat()
    except ValueError:
        return None
    return _draft(m, value=value)


@_rule(
    r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b|\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b",
    lits=("-", "/"),
)
def _numeric(m: re.Match[str]) -> _Draft | None:
    parsed = parse_absolute(m.group())
    return _draft(m, value=parsed[0]) if parsed else None


@_rule(
    rf"\b(?P<m>{_MONTH})(?:\s+of)?,?\s+(?P<y>{_YEAR})\b",
    lits=("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
)
def _month_year(m: re.Match[str]) -> _Draft:
    return _draft(m, value=f"{m['y']}-{_month_num(m['m']):02d}")


@_rule(
    rf"(?i)\b(?:fiscal\s+(?P<y1>{_YEAR})|the\s+(?P<y2>{_YEAR})\s+(?:period|fiscal\s+year|year))\b",
    lits=("fiscal", "period", "year"),
)
def _fiscal_year(m: re.Match[str]) -> _Draft:
    return _draft(m, value=m["y1"] or m["y2"])


@_rule(rf"(?<![$#£€\d.,])\b(?P<y>{_YEAR})(?:'s)?\b(?![.,]?\d|-\d|:\d)")
def _year(m: re.Match[str]) -> _Draft | None:
    after = m.string[m.end() : m.end() + 40]
    if _COUNT_NOUN_AFTER.match(after):
        return None
    end = m.end() - 2 if m.group().endswith("'s") else m.end()
    return _Draft(start=m.start(), end=end, value=m["y"])


@_rule(
    r"(?i)\bthe\s+(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
    key=r"(?i)ties\b",
    lits=("ties",),
)
def _decade_word(m: re.Match[str]) -> _Draft:
    digit = (
        "twenties",
        "thirties",
        "forties",
        "fifties",
        "sixties",
        "seventies",
        "eighties",
        "nineties",
    ).index(m["w"].lower()) + 2
    return _draft(m, value=f"19{digit}X")


@_rule(r"\b(?:the\s+)?(?:(?P<c>1\d|20)(?P<d>\d)0|'(?P<s>\d)0)s\b", lits=("0s",))
def _decade(m: re.Match[str]) -> _Draft:
    value = f"19{m['s']}X" if m["s"] else f"{m['c']}{m['d']}X"
    return _draft(m, value=value)


@_rule(
    r"(?i)\b(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+century\b",
    key=r"(?i)century",
    lits=("century",),
)
def _century(m: re.Match[str]) -> _Draft:
    return _draft(m, value=f"{int(m['n']) - 1:02d}")


@_rule(
    rf"(?i)\b(?P<s>spring|summer|autumn|fall|winter)(?:\s+of)?\s+(?P<y>{_YEAR})\b",
    lits=("spring", "summer", "autumn", "fall", "winter"),
)
def _season_year(m: re.Match[str]) -> _Draft:
    return _draft(m, value=f"{m['y']}-{SEASONS[m['s'].lower()]}")


@_rule(
    rf"(?i)\b(?:the\s+(?:(?P<y0>{_YEAR})\s+)?(?:fiscal\s+)?|(?P<own>this|last|next)\s+year's\s+|fiscal\s+)?"
    rf"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)(?:-|\s+)(?:fiscal\s+)?quarter"
    rf"(?:\s+of\s+(?:fiscal\s+)?(?P<y>{_YEAR}))?\b",
    key=r"(?i)quarter",
    lits=("quarter",),
)
def _quarter(m: re.Match[str]) -> _Draft:
    q = _ORDINAL[m["q"].lower()]
    year = m["y"] or m["y0"]
    hyphen = m.string[m.end("q") : m.end("q") + 1] == "-"
    if hyphen and m.group().lower().startswith("the ") and not m["y0"]:
        m_start = m.start("q")
        if year:
            return _Draft(start=m_start, end=m.end(), value=f"{year}-Q{q}")
        return _Draft(
            start=m_start,
            end=m.end(),
            kind="deictic",
            needs="year",
            recipe=lambda a, f: f"{a[:4]}-Q{q}",
        )
    if year:
        return _draft(m, value=f"{year}-Q{q}")
    step = {"last": -1, "next": 1}.get((m["own"] or "").lower(), 0)
    return _draft(
        m, kind="deictic", recipe=lambda a, f: f"{int(a[:4]) + step:04d}-Q{q}", needs="year"
    )


@_rule(
    r"(?i)\bthe\s+(?:(?:latest|last|most\s+recent|recent|just-ended|current|fiscal)\s+)?quarter\b"
    r"|\bthe\s+(?:latest|most\s+recent)\s+period\b"
    r"(?!\s+(?:of|century|mile|point|percent))",
    key=r"(?i)quarter|period",
    lits=("quarter", "period"),
)
def _the_quarter(m: re.Match[str]) -> _Draft | None:
    """ "The quarter" in company news: the last quarter completed before the publication date."""
    if re.match(r"(?i)the\s+(?:last|current)\s+quarter", m.group()) and re.search(
        r"(?i)\bcentury\b", m.string[m.end() : m.end() + 20]
    ):
        return None

    def recipe(anchor: str, future: bool) -> str | None:
        day = dt.date.fromisoformat(_first_day(anchor)) - dt.timedelta(days=45)
        return date_value(day, "quarter")

    return _draft(m, kind="deictic", recipe=recipe, needs="day")


@_rule(
    r"(?i)\b(?:the\s+)?year-(?:earlier|ago)(?:\s+(?P<n>quarter|period|level|results))?\b",
    key=r"(?i)year-",
    lits=("year-",),
)
def _year_earlier(m: re.Match[str]) -> _Draft | None:
    """ "The year-earlier quarter": the period last referred to, a year before."""
    start = m.start()
    if m["n"] is None or m["n"].lower() in ("level", "results"):
        start = m.start() + (m.group().lower().index("year-"))
        end = start + len(re.match(r"(?i)year-(?:earlier|ago)", m.string[start:]).group())  # type: ignore[union-attr]
    else:
        end = m.end()

    def recipe(anchor: str, future: bool) -> str | None:
        q = re.fullmatch(
            r"(\d{4})(-Q[1-4]|-H[12]|-\d\d)?", anchor[:7] if "-Q" not in anchor else anchor
        )
        if q is None:
            return shift(anchor[:4], -1, "year")
        return f"{int(q.group(1)) - 1:04d}{q.group(2) or ''}"

    return _Draft(
        start=start, end=end, kind="anaphoric", recipe=recipe, needs="year", follows_quarter=True
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
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1),
}


@_rule(
    r"(?:\b(?P<dir>[Ll]ast|[Nn]ext|[Tt]his)\s+)?\b(?P<h>"
    + "|".join(
        re.escape(h).replace("'", "['’]").replace("\\ ", r"\s+")
        for h in sorted(_HOLIDAYS, key=len, reverse=True)
    )
    + rf")(?:\s+(?P<y>{_YEAR}))?\b",
    re.I,
    key=r"\b(?:[Cc]hristmas|[Ee]aster|[Tt]hanksgiving|[Hh]alloween|[Vv]alentine|[Nn]ew\s+[Yy]ear|[Ff]ourth|[Ii]ndependence|[Vv]eterans|[Aa]rmistice|[Bb]oxing|[Ll]abor|[Mm]emorial|[Ee]lection|[Gg]ood\s+[Ff]riday)",
)
def _holiday(m: re.Match[str]) -> _Draft | None:
    name = re.sub(r"\s+", " ", m["h"].lower()).replace("’", "'")
    if not m["h"][:1].isupper() and not name.startswith("the"):
        return None
    fn = _HOLIDAYS[name]
    if m["y"]:
        return _draft(m, value=fn(int(m["y"])).isoformat())
    direction = (m["dir"] or "").lower()

    def recipe(anchor: str, future: bool) -> str | None:
        base = dt.date.fromisoformat(_first_day(anchor))
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

    return _draft(m, kind="deictic", recipe=recipe)


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


@_rule(
    rf"(?i)\b(?:the\s+year\s+)?(?:(?P<c>nineteen|eighteen)[\s-]+(?P<yy>{_TWO_DIGITS})"
    rf"|two\s+thousand(?:\s+and)?(?:[\s-]+(?P<y2>{_TWO_DIGITS}|{'|'.join(_UNITS_W)}))?)\b",
    key=r"(?i)nineteen|eighteen|thousand",
    lits=("nineteen", "eighteen", "thousand"),
)
def _spoken_year(m: re.Match[str]) -> _Draft | None:
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
    return _draft(m, value=f"{year:04d}")


# ---- month or day without a year: deictic ------------------------------------------------
@_rule(
    rf"\b(?P<m>{_MONTH})\s+(?P<d>{_DAY})\b(?!\s*,?\s*{_YEAR})(?![:\d])",
    lits=("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
)
def _month_day(m: re.Match[str]) -> _Draft | None:
    mo, d = _month_num(m["m"]), _day_num(m["d"])
    if mo == 5 and m["m"] == "May" and not m["d"][0].isdigit():
        return None

    def recipe(anchor: str, future: bool) -> str | None:
        base = dt.date.fromisoformat(_first_day(anchor))
        return _nearest_date(base, mo, d, future)

    return _draft(m, kind="deictic", recipe=recipe)


@_rule(
    rf"\b(?P<m>{_MONTH})\s+(?:of\s+)?(?P<w>this|last|next)\s+year\b",
    lits=("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
)
def _month_this_year(m: re.Match[str]) -> _Draft:
    mo, step = _month_num(m["m"]), {"this": 0, "last": -1, "next": 1}[m["w"]]
    return _draft(
        m, kind="deictic", needs="year", recipe=lambda a, f: f"{int(a[:4]) + step:04d}-{mo:02d}"
    )


@_rule(
    rf"\b(?P<m>{_MONTH})\b(?!\s+{_DAY}\b)(?!\s*,?\s*(?:of\s+)?{_YEAR})",
    lits=("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
)
def _month_alone(m: re.Match[str]) -> _Draft | None:
    word = m["m"]
    before = m.string[max(0, m.start() - 12) : m.start()].lower()
    if word.endswith(".") or len(word) <= 3 and word != "May":
        return None
    if word == "May" and not re.search(
        r"\b(in|since|until|by|from|of|early|late|mid-?|last|next|this)\s*$", before
    ):
        return None
    mo = _month_num(word)
    prefix = re.search(r"(?i)\b(last|next|this)\s+$", before)
    direction = prefix.group(1).lower() if prefix else None
    start = m.start() - len(prefix.group(0)) if prefix else m.start()

    def recipe(anchor: str, future: bool) -> str | None:
        base = dt.date.fromisoformat(_first_day(anchor))
        year = base.year
        fwd = future if direction is None or direction == "this" else direction == "next"
        if (
            direction == "last"
            and mo >= base.month - 1  # in March, "last February" is a year back: else "last month"
            or (direction is None and not fwd and mo > base.month)
        ):
            year -= 1
        elif (direction == "next" and mo <= base.month) or (
            direction is None and fwd and mo < base.month
        ):
            year += 1
        return f"{year:04d}-{mo:02d}"

    return _Draft(start=start, end=m.end(), kind="deictic", recipe=recipe, needs="month")


@_rule(
    rf"\b(?:(?P<dir>[Ll]ast|[Nn]ext|(?:[Tt]his\s+)?[Cc]oming|[Tt]his|[Tt]hat|[Tt]he\s+following"
    rf"|[Tt]he\s+previous)\s+)?"
    rf"(?P<wd>{_WEEKDAY})(?:'s)?(?:\s+(?P<part>{_PART}))?"
    rf"(?:\s+\((?P<check>{_DAY})\)|,?\s+(?P<mon>{_MONTH})\s+(?P<mday>{_DAY})\b(?:,?\s+(?P<y>{_YEAR}))?)?",
    lits=("day",),
)
def _weekday(m: re.Match[str]) -> _Draft:
    wd = WEEKDAYS[m["wd"].lower()]
    direction = (m["dir"] or "").lower().split()[-1] if m["dir"] else None
    if direction == "coming":  # "this coming Sunday"
        direction = "next"
    part = _PART_CODE.get((m["part"] or "").lower())
    end = m.end("part") if m["part"] else m.end("wd")
    anaphoric = direction in ("following", "previous", "that")
    if m["mon"]:  # "Monday, Oct. 26": the date decides, the weekday only confirms
        mo, mday = _month_num(m["mon"]), _day_num(m["mday"])
        if m["y"]:
            try:
                return _Draft(
                    start=m.start(), end=m.end(), value=dt.date(int(m["y"]), mo, mday).isoformat()
                )
            except ValueError:
                return _Draft(start=m.start(), end=m.end(), value=None)

        def dated(anchor: str, future: bool) -> str | None:
            return _nearest_date(dt.date.fromisoformat(_first_day(anchor)), mo, mday, future)

        return _Draft(start=m.start(), end=m.end(), kind="deictic", recipe=dated)

    def recipe(anchor: str, future: bool) -> str | None:
        base = dt.date.fromisoformat(_first_day(anchor))
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
            day = _match_day_of_month(day, _day_num(m["check"]), fwd)
        return day.isoformat() + (f"T{part}" if part else "")

    return _Draft(
        start=m.start(),
        end=end,
        kind="anaphoric" if anaphoric else "deictic",
        recipe=recipe,
    )


# ---- deictic words ---------------------------------------------------------------------------
@_rule(r"(?i)\b(?:the|this\s+past|over\s+the)\s+weekend\b", key=r"(?i)weekend", lits=("weekend",))
def _the_weekend(m: re.Match[str]) -> _Draft:
    start = m.start() + (5 if m.group().lower().startswith("over") else 0)

    def recipe(anchor: str, future: bool) -> str | None:
        base = dt.date.fromisoformat(_first_day(anchor))
        if base.weekday() >= 5:
            day = base
        elif future:
            day = base + dt.timedelta(days=5 - base.weekday())
        else:
            day = base - dt.timedelta(days=base.weekday() + 2)
        return date_value(day, "weekend")

    return _Draft(start=start, end=m.end(), kind="deictic", recipe=recipe)


@_rule(
    r"(?i)\b(?P<w>today|yesterday|tomorrow|tonight)(?:'s)?\b",
    lits=("today", "yesterday", "tomorrow", "tonight"),
)
def _today(m: re.Match[str]) -> _Draft:
    w = m["w"].lower()
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}[w]
    end = m.end("w")

    def recipe(anchor: str, future: bool) -> str | None:
        day = dt.date.fromisoformat(_first_day(anchor)) + dt.timedelta(days=offset)
        return day.isoformat() + ("TNI" if w == "tonight" else "")

    return _Draft(start=m.start(), end=end, kind="deictic", recipe=recipe)


@_rule(
    rf"(?i)\b(?:this|yesterday|tomorrow)\s+(?P<part>{_PART})\b|\blast\s+night\b",
    lits=("morning", "afternoon", "evening", "night"),
)
def _part_of_day(m: re.Match[str]) -> _Draft:
    text = m.group().lower()
    offset = (
        -1 if text.startswith(("yesterday", "last")) else 1 if text.startswith("tomorrow") else 0
    )
    code = "NI" if "night" in text else _PART_CODE[m["part"].lower()]

    def recipe(anchor: str, future: bool) -> str | None:
        day = dt.date.fromisoformat(_first_day(anchor)) + dt.timedelta(days=offset)
        return f"{day.isoformat()}T{code}"

    return _draft(m, kind="deictic", recipe=recipe, type="TIME")


@_rule(
    r"(?i)\bnow\b|\bcurrently\b|\bthese\s+days\b|\bnowadays\b",
    lits=("now", "currently", "these days"),
)
def _present(m: re.Match[str]) -> _Draft:
    return _draft(m, value="PRESENT_REF", kind="ref")


@_rule(
    r"(?i)\b(?:recently|(?:the\s+)?past|(?:in\s+)?recent\s+(?:years|months|weeks|days|times)|formerly|previously)\b",
    key=r"(?i)recent|past|former|previous",
    lits=("recent", "past"),
)
def _past(m: re.Match[str]) -> _Draft | None:
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
        return _Draft(
            start=start,
            end=m.end(),
            type="DURATION",
            value=duration_value(None, unit.group(1)),
            kind="duration",
        )
    return _Draft(start=start, end=m.end(), value="PAST_REF", kind="ref")


@_rule(r"(?i)\bthe\s+future\b|\bsoon\b", lits=("future", "soon"))
def _future(m: re.Match[str]) -> _Draft | None:
    if m.group().lower() == "soon":
        return None
    return _draft(m, value="FUTURE_REF", kind="ref")


@_rule(
    r"(?i)\b(?:(?P<the>the\s+)?(?P<dir>last|next|this|coming|past|previous|following|current)"
    r"|(?P<ea>earlier|later)\s+this)\s+"
    r"(?P<u>week(?:end)?|month|year|quarter|decade|century|spring|summer|autumn|fall|winter)\b",
    key=_UNIT_KEY,
)
def _this_last_next(m: re.Match[str]) -> _Draft | None:
    unit = m["u"].lower()
    if m["ea"] and unit in ("week",):
        start = m.start() + len(m["ea"]) + 1
        return _Draft(
            start=start,
            end=m.end(),
            kind="deictic",
            recipe=_shift_recipe(0, unit),
            needs=_need(unit),
        )
    at_start = m.start() == 0 or m.string[max(0, m.start() - 2) : m.start()].strip() in (
        "",
        ".",
        '"',
        "``",
    )
    if m["u"][:1].isupper() and m.group()[:1].isupper() and not at_start:
        return None  # "This Week", a programme title
    d = (m["dir"] or "this").lower()
    span_prep = re.search(
        r"(?i)\b(?:over|for|during|within|throughout|in|into)\s+$",
        m.string[max(0, m.start() - 12) : m.start()],
    )
    if m["the"] and d == "next" and not span_prep and unit not in SEASONS:
        # "a merger followed the next year": the year after the last date, not a duration
        return _draft(m, kind="anaphoric", recipe=_shift_recipe(1, unit), needs=_need(unit))
    if m["the"] and d in ("past", "last", "coming", "next"):
        # "the past week", "over the next year": a duration ending or starting at the DCT
        if unit in SEASONS:
            return None
        return _draft(m, type="DURATION", value=duration_value(1, unit), kind="duration")
    if d in ("following", "previous") and m["the"] and unit in SEASONS:
        code, forward = SEASONS[unit], d == "following"

        def next_season(anchor: str, future: bool) -> str | None:
            year, month = (
                int(anchor[:4]),
                int(anchor[5:7])
                if len(anchor) >= 7 and anchor[4] == "-" and anchor[5:7].isdigit()
                else None,
            )
            first = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
            if forward:
                year += 0 if month is not None and month < first else 1
            else:
                year -= 0 if month is not None and month > first + 2 else 1
            return f"{year:04d}-{code}"

        return _draft(m, kind="anaphoric", recipe=next_season, needs="year")
    if d in ("following", "previous") and m["the"]:
        step = 1 if d == "following" else -1
        return _draft(m, kind="anaphoric", recipe=_shift_recipe(step, unit), needs=_need(unit))
    if d in ("following", "previous", "past", "coming"):
        return None
    step = {"last": -1, "next": 1, "this": 0, "current": 0}[d]
    if unit == "year" and step == -1:
        return _draft(
            m, kind="deictic", recipe=_shift_recipe(-1, unit), needs="year", follows_quarter=True
        )
    if unit in SEASONS:
        code = SEASONS[unit]

        def season(anchor: str, future: bool) -> str | None:
            year = int(anchor[:4]) + step
            return f"{year:04d}-{code}"

        return _draft(m, kind="deictic", recipe=season, needs="year")
    return _draft(m, kind="deictic", recipe=_shift_recipe(step, unit), needs=_need(unit))


def _need(unit: str) -> str:
    return {"week": "day", "weekend": "day", "month": "month", "quarter": "month"}.get(unit, "year")


def _shift_recipe(step: int, unit: str) -> Callable[[str, bool], str | None]:
    def recipe(anchor: str, future: bool) -> str | None:
        if step == 0:
            base = anchor if unit not in ("decade", "century") else anchor[:4]
            gran = unit
            return truncate(base, gran) if gran != "weekend" else truncate(base, "weekend")
        return shift(_coarsen(anchor, unit), step, unit)

    return recipe


def _coarsen(anchor: str, unit: str) -> str:
    if unit in ("year", "decade", "century"):
        return anchor[:4]
    if unit in ("month", "quarter"):
        return truncate(anchor, "month") or anchor
    return anchor


@_rule(
    rf"(?i)\b(?P<n>{_NUM})\s+(?P<u>{_UNIT})\s+(?P<w>ago|later|earlier|before|after|from\s+now|hence)\b",
    key=_UNIT_KEY,
)
def _n_units_relative(m: re.Match[str]) -> _Draft | None:
    n = number_value(m["n"])
    unit = _unit(m["u"])
    w = m["w"].lower()
    if unit in ("hour", "minute", "weekend"):
        return None
    if w in ("before", "after"):
        # "a month before the invasion" is a duration; the events stage dates the event
        after = m.string[m.end() : m.end() + 3]
        if not re.match(r"\s*[,.;)]|$", after):
            return _Draft(
                start=m.start(),
                end=m.start("w") - 1,
                type="DURATION",
                value=duration_value(n, unit),
                kind="duration",
            )
    step = -1 if w in ("ago", "earlier", "before") else 1
    anaphoric = w in ("later", "earlier", "before", "after")
    if n is None or not float(n).is_integer():
        out_unit = "year" if unit in ("decade", "century") else unit

        def vague(anchor: str, future: bool) -> str | None:
            return truncate(anchor, out_unit) if out_unit != "day" else None

        recipe: Callable[[str, bool], str | None] = vague
    else:
        count = int(n)
        if unit == "decade":
            count, unit = count * 10, "year"
        elif unit == "century":
            count, unit = count * 100, "year"
        recipe = _shift_recipe(step * count, unit)
    return _draft(
        m,
        kind="anaphoric" if anaphoric else "deictic",
        recipe=recipe,
        needs=_need(unit),
        follows_quarter=unit == "year" and n == 1,
    )


@_rule(
    r"(?i)\b(?:(?P<the>the)\s+)?(?P<u>year|month|week|day)\s+(?P<w>after|before|earlier|later)\b",
    key=_UNIT_KEY,
)
def _the_unit_after(m: re.Match[str]) -> _Draft | None:
    unit, w = m["u"].lower(), m["w"].lower()
    if not m["the"] and w in ("after", "before"):
        return None
    step = 1 if w in ("after", "later") else -1
    before = m.string[max(0, m.start() - 3) : m.start()]
    after = m.string[m.end() : m.end() + 3]
    appositive = before.endswith(", ") and w in ("after", "before")
    if w in ("after", "before") and not appositive and not re.match(r"\s*[,.;)]|$", after):
        return None  # "the year after the war": its value depends on an event, not a date
    return _draft(
        m,
        kind="anaphoric",
        recipe=_shift_recipe(step, unit),
        needs=_need(unit),
        apposition=appositive,
    )


@_rule(
    r"(?i)\b(?:(?:later|earlier)\s+)?(?:that|the\s+same)\s+(?P<u>year|month|week|day|morning|afternoon|evening|night)\b",
    key=r"\b(?:[Tt]hat|[Ss]ame)\b",
    lits=("that", "same"),
)
def _that_unit(m: re.Match[str]) -> _Draft:
    unit = m["u"].lower()
    if unit in _PART_CODE:
        code = _PART_CODE[unit]

        def part(anchor: str, future: bool) -> str | None:
            day = truncate(anchor, "day")
            return f"{day}T{code}" if day else None

        return _draft(m, kind="anaphoric", recipe=part, type="TIME")
    return _draft(m, kind="anaphoric", recipe=_shift_recipe(0, unit), needs=_need(unit))


# ---- durations and sets ----------------------------------------------------------------------
@_rule(
    rf"(?i)\b(?:(?P<the>the)\s+)?(?P<n>{_NUM})(?P<sep>\s+|-)(?P<u>{_UNIT})(?:-long|\s+long)?\b",
    key=_UNIT_KEY,
)
def _duration(m: re.Match[str]) -> _Draft | None:
    unit = _unit(m["u"])
    n = number_value(m["n"])
    after = m.string[m.end() : m.end() + 4]
    if unit == "quarter" and (m["sep"] == "-" or re.match(r"\s+of\b", after)):
        return None  # "three-quarters of", "a quarter of the vote": fractions
    if (
        m["u"][:1].isupper()
        and m.start("n") > 0
        and not m.string[m.start("n") - 2 : m.start("n")].strip(" ").endswith((".", "\n"))
    ):
        return None  # "60 Minutes": a title
    if m["the"] and (m["n"].lower() in ("a", "an") or re.match(r"\s*-", after)):
        return None
    if m["the"] and m["sep"] == "-":
        return _Draft(
            start=m.start("n"),
            end=m.end(),
            type="DURATION",
            value=duration_value(n, unit),
            kind="duration",
        )
    if m["n"].lower() in ("a", "an") and unit == "weekend":
        return None
    if re.match(r"\d{4}$", m["n"]):
        return None
    if re.match(r"(?i)-old\b|\s+old\b", m.string[m.end() : m.end() + 5]):
        return None  # an age: "a 6-year-old boy", "six years old"
    return _Draft(
        start=m.start(),
        end=m.end(),
        type="DURATION",
        value=duration_value(n, unit),
        kind="duration",
    )


@_rule(
    rf"(?i)\b(?:the\s+)?(?:past|last|next|coming|first|previous)\s+(?P<n>{_NUM}|few|couple\s+of)"
    rf"\s+(?:more\s+)?(?P<u>{_UNIT})\b"
    rf"|\b(?P<n2>{_NUM})\s+more\s+(?P<u2>{_UNIT})\b"
    r"|\b(?:the\s+)?coming\s+(?P<u3>days|weeks|months|years)\b",
    key=_UNIT_KEY,
)
def _the_past_n(m: re.Match[str]) -> _Draft:
    if m["u3"]:
        return _draft(
            m, type="DURATION", value=duration_value(None, _unit(m["u3"])), kind="duration"
        )
    if m["u2"]:
        return _draft(
            m,
            type="DURATION",
            kind="duration",
            value=duration_value(number_value(m["n2"]), _unit(m["u2"])),
        )
    return _draft(
        m,
        type="DURATION",
        value=duration_value(number_value(m["n"]), _unit(m["u"])),
        kind="duration",
    )


@_rule(
    r"(?i)\b(?:every|each)\s+(?P<u>day|week|month|year|morning|night|weekend|spring|summer|autumn|fall|winter|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\b(?P<adv>daily|weekly|monthly|annually|yearly)\b",
    key=r"\b(?:[Ee]very|[Ee]ach|[Dd]aily|[Ww]eekly|[Mm]onthly|[Aa]nnually|[Yy]early)\b",
    lits=("every", "each", "daily", "weekly", "monthly", "annually", "yearly"),
)
def _set(m: re.Match[str]) -> _Draft | None:
    word = (m["u"] or m["adv"]).lower()
    if m["adv"]:
        after = m.string[m.end() : m.end() + 20]
        if re.match(r"\s+[a-z]", after) and word != "annually":
            return None  # "the daily newspaper": an adjective, not a frequency
    code = {
        "daily": "P1D",
        "weekly": "P1W",
        "monthly": "P1M",
        "annually": "P1Y",
        "yearly": "P1Y",
        "day": "P1D",
        "week": "P1W",
        "month": "P1M",
        "year": "P1Y",
        "weekend": "P1WE",
        "morning": "TMO",
        "night": "TNI",
    }.get(word)
    if code is None and word in SEASONS:
        code = f"XXXX-{SEASONS[word]}"
    if code is None and word in WEEKDAYS:
        code = f"XXXX-WXX-{WEEKDAYS[word] + 1}"
    return _draft(m, type="SET", value=code, kind="set")


@_rule(
    r"(?i)(?:\b(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)|\b(?P<w>noon|midnight))"
    r"(?:\s+(?-i:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|ET|PT))?"
    rf"(?:,?\s+(?:on\s+)?(?P<wd>{_WEEKDAY})\b|,?\s+(?P<mon>{_MONTH})\s+(?P<md>{_DAY})\b"
    r"|\s+(?P<rel>today|yesterday|tomorrow)\b)?",
    lits=("a.m", "p.m", "am", "pm", "noon", "midnight"),
)
def _clock(m: re.Match[str]) -> _Draft | None:
    if m["w"]:
        hh, mi = (12, 0) if m["w"].lower() == "noon" else (0, 0)
    else:
        hh, mi = int(m["h"]), int(m["mi"] or 0)
        if hh > 12:
            return None
        if m["ap"].lower().startswith("p") and hh != 12:
            hh += 12
        elif m["ap"].lower().startswith("a") and hh == 12:
            hh = 0

    if m["wd"] or m["mon"] or m["rel"]:
        # "9 a.m. Tuesday", "5 p.m. EST Nov. 9", "noon today": the day comes from the DCT
        wd = WEEKDAYS[m["wd"].lower()] if m["wd"] else None

        def dated(anchor: str, future: bool) -> str | None:
            base = dt.date.fromisoformat(_first_day(anchor))
            if m["mon"]:
                day = _nearest_date(base, _month_num(m["mon"]), _day_num(m["md"]), future)
            elif m["rel"]:
                off = {"today": 0, "yesterday": -1, "tomorrow": 1}[m["rel"].lower()]
                day = (base + dt.timedelta(days=off)).isoformat()
            else:
                assert wd is not None
                delta = (wd - base.weekday()) % 7 if future else -((base.weekday() - wd) % 7)
                day = (base + dt.timedelta(days=delta)).isoformat()
            return f"{day}T{hh:02d}:{mi:02d}" if day else None

        return _draft(m, type="TIME", kind="deictic", recipe=dated)

    def recipe(anchor: str, future: bool) -> str | None:
        day = truncate(anchor, "day")
        return f"{day}T{hh:02d}:{mi:02d}" if day else None

    return _draft(m, type="TIME", kind="anaphoric", recipe=recipe)


# --------------------------------------------------------------------------- helpers
@lru_cache(maxsize=4096)
def _first_day(value: str) -> str:
    from timeline.stages.normalize import value_range

    rng = value_range(value.split("T")[0])
    if rng is None:
        raise ValueError(f"cannot anchor on {value!r}")
    return rng[0]


def _nearest_date(base: dt.date, month: int, day: int, future: bool) -> str | None:
    """The date with this month and day closest to ``base``; tense breaks near-ties."""
    options = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            cand = dt.date(year, month, day)
        except ValueError:
            continue
        distance = abs((cand - base).days)
        wrong_side = (cand < base) if future else (cand > base + dt.timedelta(days=1))
        options.append((distance + (60 if wrong_side else 0), cand))
    return min(options)[1].isoformat() if options else None


def _match_day_of_month(day: dt.date, check: int, forward: bool) -> dt.date:
    """The same weekday nearest to ``day`` whose day of month is ``check`` (else ``day``)."""
    step = dt.timedelta(days=7)
    for k in range(0, 9):
        for cand in (
            (day + k * step, day - k * step) if forward else (day - k * step, day + k * step)
        ):
            if cand.day == check:
                return cand
    return day
