"""The building blocks of the time rules: vocabulary patterns, the draft a rule returns,
the rule registry (``@make_rule``, in registration order) and date helpers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from timeline.stages.normalize import MONTHS

# --------------------------------------------------------------------------- vocabulary
MONTH = (  # (the look-ahead on the first letter lets most words fail at once)
    r"(?=[JFMASOND])(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?"
    r"|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
# every month name starts with one of these: the cheap key of the rules that need a month
MONTH_KEY = r"[JFMASOND](?:an|eb|ar|pr|ay|un|ul|ug|ep|ct|ov|ec)"
MONTH_LITS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
WEEKDAY = r"(?=[MTWFS])(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[0-9]\d\d|20\d\d)"
_FRACTION = r"(?:1/2|1/4|3/4|½|¼|¾)"
NUM = (
    # (the look-ahead on the first letter lets most words fail at once)
    rf"(?=[0-9aotfsenhAOTFSENH])(?:\d+(?:(?:\s+|-)?{_FRACTION}|\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty"
    r"|fifty|sixty|seventy|eighty|ninety|hundred|a hundred|a dozen|a couple of|a few|several"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five"
    r"|six|seven|eight|nine))"
)
# a number, or a range: "two to three weeks", "12 to 18 months", "one or two days" (the
# number first and the range optional: one pass of the long alternation per position)
AMOUNT = rf"(?:{NUM}(?:\s+(?:to|or)\s+{NUM})?)"
UNIT = r"(?:year|month|week|day|decade|centur(?:y|ie)|quarter|hour|minute|weekend|fortnight)s?"
PART = r"(?:morning|afternoon|evening|night)"
PART_CODE = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
ORDINAL = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
MODS = {
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
    "early-": "START",
    "late-": "END",
    "the middle of": "MID",
    "late": "END",
    "the end of": "END",
}
# TimeBank leaves these outside the TIMEX3 extent ("about [five hours]") but keeps the mod
OUTSIDE_SPAN = {"about", "around", "approximately", "roughly", "almost", "some"}
MOD_RE = re.compile(
    r"(?i:(roughly|about|around|approximately|nearly|almost|more than|less than|at least"
    r"|at most|up to|early|late|the beginning of|the start of|the middle of|the end of)\s+"
    r"|(?i:(mid-|early-|late-)))$"
)
FUTURE_CUE = re.compile(
    r"(?i)\b(will|won't|shall|'ll|going to|plans? to|planned|planning|expected to|scheduled"
    r"|upcoming|is to|are to|would like to)\b"
)
COUNT_NOUN_AFTER = re.compile(
    r"\s*(?:%|percent|people|troops|soldiers|men|women|workers|jobs|votes|cases|deaths"
    r"|units|shares|barrels|tons|tonnes|miles|km|kilometers|feet|meters|dollars|euros"
    r"|residents|members|employees|children|students|points|cars|homes|households)\b",
    re.I,
)


def unit_of(word: str) -> str:
    w = word.lower().rstrip("s")
    return "century" if w.startswith("centur") else w


# --------------------------------------------------------------------------- drafts
@dataclass(slots=True)
class Draft:
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
    # "In 1962 ... In October": a month without a year, told right after another year's date,
    # is that year's month (the number of the month; the value is "<year>-<month>")
    month_of_year: int | None = None
    # "On March 3, 2019, ... On Tuesday": a weekday told right after a date of another week
    # is the nearest such day to that date (the weekday's number, Monday = 0)
    weekday_near: int | None = None
    # a calendar name without its year ("June 10", "in October", "the summer", "Christmas"):
    # the recipe picks the reading nearest its anchor, which the narrative clock chooses
    yearless: bool = False


@dataclass(frozen=True, slots=True)
class Rule:
    """A recognition rule. ``key`` is a cheap regex for a word every match contains: when set,
    the rule's own (expensive) pattern only runs in windows around the key's hits."""

    pattern: re.Pattern[str]
    handler: Callable[[re.Match[str]], Draft | None]
    key: re.Pattern[str] | None = None
    lits: tuple[str, ...] = ()  # lower-case strings one of which every match contains


RULES: list[Rule] = []
# the unit words one of which every duration and shift contains, as ``lits``
UNIT_LITS = (
    "year", "month", "week", "day", "decade", "centur", "quarter", "hour", "minute",
    "second", "spring", "summer", "autumn", "fall", "winter", "fortnight",
)  # fmt: skip


def make_rule(
    pattern: str,
    flags: int = 0,
    key: re.Pattern[str] | str | None = None,
    lits: tuple[str, ...] = (),
) -> Callable[[Callable[..., Draft | None]], Callable[..., Draft | None]]:
    compiled = re.compile(pattern, flags)
    key_re = re.compile(key) if isinstance(key, str) else key

    def register(fn: Callable[[re.Match[str]], Draft | None]) -> Callable[..., Draft | None]:
        RULES.append(Rule(compiled, fn, key_re, lits))
        return fn

    return register


def month_num(word: str) -> int:
    return MONTHS[
        word.lower().rstrip(".")[:4]
        if word.lower().startswith("sept")
        else word.lower().rstrip(".")
    ]


def day_num(word: str) -> int:
    return int(re.match(r"\d+", word).group())  # type: ignore[union-attr]


def make_draft(m: re.Match[str], group: int | str = 0, **kw: object) -> Draft:
    return Draft(start=m.start(group), end=m.end(group), **kw)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- helpers
@lru_cache(maxsize=4096)
def first_day(value: str) -> str:
    from timeline.stages.values import value_range

    rng = value_range(value.split("T")[0])
    if rng is None:
        raise ValueError(f"cannot anchor on {value!r}")
    return rng[0]


def nearest_date(base: dt.date, month: int, day: int, future: bool) -> str | None:
    """The date with this month and day closest to ``base``; the tense counts for four months
    (a past-tense "March 31" said in November is the March just gone, not the next)."""
    options = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            cand = dt.date(year, month, day)
        except ValueError:
            continue
        distance = abs((cand - base).days)
        wrong_side = (cand < base) if future else (cand > base + dt.timedelta(days=1))
        options.append((distance + (120 if wrong_side else 0), cand))
    return min(options)[1].isoformat() if options else None


def match_day_of_month(day: dt.date, check: int, forward: bool) -> dt.date:
    """The same weekday nearest to ``day`` whose day of month is ``check`` (else ``day``)."""
    step = dt.timedelta(days=7)
    for k in range(0, 9):
        for cand in (
            (day + k * step, day - k * step) if forward else (day - k * step, day + k * step)
        ):
            if cand.day == check:
                return cand
    return day
