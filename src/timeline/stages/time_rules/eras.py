"""Eras and long spans: years before Christ and of our era ("493 BC", "AD 70", "1200 CE"),
the months and seasons of such years, ranges that share one era marker ("499-493 BC"),
decades and centuries with an era ("the 470s BC", "the 5th century BC", "19th-century").

Values follow TimeML 1.2.1: a year before Christ is written ``BC`` and four digits, the
year counted back from 1 BC with no year 0 ("493 BC" is ``BC0493``); its decade and century
are ``BC049`` and ``BC04`` (the 5th century BC, 500-401 BC), like ``199`` and ``19`` of
our era (ISO 8601's reduced precision, as TimeML and TIMEX2 write them; some TBAQ files
write ``199X``, which we read too: README, "Eras, centuries and decades").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from timeline.stages.normalize import ORDINAL_WORDS, SEASONS
from timeline.stages.time_rules.base import (
    DAY,
    MONTH,
    Draft,
    day_num,
    make_draft,
    make_rule,
    month_num,
)
from timeline.stages.values import year_number, year_part, year_value

# era markers, written after a number ("493 BC", "70 AD", "1200 CE") or, for AD, before it
_BC = r"(?:BCE?|B\.\s?C\.(?:\s?E\.)?)"
_AD = r"(?:AD|A\.\s?D\.|CE|C\.\s?E\.)"
_ERA = rf"(?P<era>{_BC}|{_AD})(?![\w])"
# a year of up to four digits, not part of a larger number, an amount or a list of numbers
_NUMBER = r"(?<![\w$£€#.,])(?P<y>[1-9]\d{0,3})"
_CIRCA = r"(?:(?P<ca>c\.|ca\.|circa)\s*)?"
# the key of the era rules: "BC", "B.C.", "AD", "A. D.", "CE", "C.E." (capitals are rare;
# the lower-case letters "ad" and "ce" are in every other word)
_ERA_KEY = r"[ABC]\.?\s?[CDE]"


def era_year(year: int, era: str | None) -> str:
    """The TimeML value of ``year`` in ``era`` ("BC", "B.C.", "AD", None for ours).

    >>> era_year(493, "BC"), era_year(70, "AD"), era_year(1962, None)
    ('BC0493', '0070', '1962')
    """
    return f"BC{year:04d}" if before_christ(era) else f"{year:04d}"


def before_christ(era: str | None) -> bool:
    """Whether an era marker ("BC", "B.C.", "BCE", "B. C. E.") counts back from Christ."""
    return (era or "").replace(".", "").replace(" ", "").startswith("BC")


_PREPOSITION_BEFORE = re.compile(r"\b(?i:in|by|from|since|until|to|of|about|around)\s+$")


def _approx(m: re.Match[str], d: Draft) -> Draft:
    if m["ca"]:
        d.mod = "APPROX"  # "c. 490 BC": the circa is part of the expression
    return d


@make_rule(rf"\b{_CIRCA}{_NUMBER}\s*{_ERA}", key=_ERA_KEY)
def _year_era(m: re.Match[str]) -> Draft | None:
    if (
        len(m["y"]) == 1
        and not m["ca"]
        and not _PREPOSITION_BEFORE.search(m.string, max(0, m.start() - 12), m.start())
    ):
        return None  # "3 BC cards": a one-digit year stands after "in", "by", "from", ...
    return _approx(m, make_draft(m, value=era_year(int(m["y"]), m["era"])))


@make_rule(
    rf"\b{_CIRCA}(?P<era>AD|A\.\s?D\.)\s*(?P<y>[1-9]\d{{0,3}})\b(?![.,]?\d)",
    key=_ERA_KEY,
)
def _era_year(m: re.Match[str]) -> Draft:
    """ "AD 70": the marker before the year."""
    return _approx(m, make_draft(m, value=era_year(int(m["y"]), None)))


@make_rule(
    rf"{_NUMBER}(?P<sep>\s*[-–—]\s*|\s+(?:to|and|or|until)\s+)(?P<y2>[1-9]\d{{0,3}})\s*{_ERA}",
    key=_ERA_KEY,
)
def _range_first(m: re.Match[str]) -> Draft | None:
    """ "499-493 BC", "from 499 to 493 BC": the first year shares the era of the second
    (tagged alone; the second is ``_year_era``'s). Years before Christ count down."""
    first, second = int(m["y"]), int(m["y2"])
    if before_christ(m["era"]) and first <= second:
        return None  # "3-4 BC" reads as a count, not a range of years
    if not before_christ(m["era"]) and first >= second:
        return None
    return make_draft(m, "y", value=era_year(first, m["era"]))


@make_rule(
    rf"\b(?:(?P<d>{DAY})\s+(?:of\s+)?)?(?P<m>{MONTH})(?:\s+(?P<d2>{DAY}),?)?"
    rf"(?:\s+of)?\s+{_NUMBER}\s*{_ERA}",
    key=_ERA_KEY,
)
def _month_era(m: re.Match[str]) -> Draft:
    """ "September 480 BC", "17 September 480 BC": a month (and day) of an era's year."""
    value = f"{era_year(int(m['y']), m['era'])}-{month_num(m['m']):02d}"
    day = m["d"] or m["d2"]
    return make_draft(m, value=f"{value}-{day_num(day):02d}" if day else value)


@make_rule(
    rf"(?i:\b(?:the\s+)?(?P<s>spring|summer|autumn|fall|winter)(?:\s+of)?)\s+{_NUMBER}\s*{_ERA}",
    key=_ERA_KEY,
)
def _season_era(m: re.Match[str]) -> Draft:
    """ "the autumn of 481 BC"."""
    return make_draft(m, value=f"{era_year(int(m['y']), m['era'])}-{SEASONS[m['s'].lower()]}")


@make_rule(rf"\b(?:[Tt]he\s+)?(?P<d>[1-9]\d{{0,2}})0s\s*{_ERA}", key=_ERA_KEY)
def _decade_era(m: re.Match[str]) -> Draft:
    """ "the 470s BC" (470-479 BC): ``BC047``."""
    decade = f"{int(m['d']):03d}"
    return make_draft(m, value=("BC" if before_christ(m["era"]) else "") + decade)


_ORDINAL_WORD = "|".join(ORDINAL_WORDS)


def _century_number(word: str) -> int | None:
    """ "5th" and "fifth" are 5; "0th" is None."""
    word = word.lower()
    if word == "twenty-first":
        return 21
    n = int(word[:-2]) if word[:1].isdigit() else ORDINAL_WORDS.index(word) + 1
    return n or None


@make_rule(
    r"(?i)\b(?:the\s+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|" + _ORDINAL_WORD + r"|twenty-first)"
    r"[\s-]+century\b(?:\s*(?-i:" + rf"{_ERA}))?",
    lits=("century",),
)
def _century(m: re.Match[str]) -> Draft | None:
    """ "the 5th century BC" (500-401 BC) is ``BC04``, "the fifth century" ``04``,
    adjectival "19th-century" ``18``."""
    n = _century_number(m["n"])
    if n is None:
        return None
    value = f"{n - 1:02d}"
    if m["era"] and before_christ(m["era"]):
        value = f"BC{value}"
    return make_draft(m, value=value)


def _nearest_turn(anchor: str, future: bool) -> str | None:
    year = year_number(anchor)
    if year is None:
        return None
    if year <= 0:  # before Christ, counted back: 405 BC is at the turn of 400 BC
        turn = (1 - year + 50) // 100 * 100
        return f"BC{turn:04d}" if turn else None
    turn = (year + 50) // 100 * 100  # 1898 and 1903 are both at the turn of 1900
    return f"{turn:04d}" if turn else None


@make_rule(
    r"(?i)\bthe\s+turn\s+of\s+the\s+(?:(?P<n>\d{1,2}(?:st|nd|rd|th)|"
    + _ORDINAL_WORD
    + r"|twenty-first)\s+)?century\b",
    lits=("turn of the",),
)
def _turn_of_century(m: re.Match[str]) -> Draft | None:
    """ "the turn of the 20th century" is about 1900; "the turn of the century" the century
    boundary nearest the story's year (or the publication year)."""
    if m["n"]:
        n = _century_number(m["n"])
        if n is None or n < 2:
            return None
        d = make_draft(m, value=f"{(n - 1) * 100:04d}")
    else:
        d = make_draft(m, kind="anaphoric", recipe=_nearest_turn, needs="year")
    d.mod = "APPROX"
    return d


# a year before Christ goes to a recipe as a stand-in year of ours, this many years on (a
# multiple of 400: the stand-in has the same leap years and weekdays), and comes back
STAND_IN = 6000
_LEADING_YEAR = re.compile(r"\d{4}(?=-|T|$)")


def on_stand_in_year(
    recipe: Callable[[str, bool], str | None], anchor: str, future: bool
) -> str | None:
    """``recipe`` (which counts in four-digit years) on an anchor before Christ: lent a
    stand-in year, its answer moved back ("the following spring" after ``BC0428-FA``:
    ``BC0427-SP``); None for a decade or century answer, or a year out of reach."""
    year, astronomical = year_part(anchor), year_number(anchor)
    if year is None or astronomical is None or astronomical + STAND_IN < 1:
        return None
    try:
        value = recipe(f"{astronomical + STAND_IN:04d}{anchor[len(year) :]}", future)
    except (ValueError, OverflowError):
        return None
    back = _LEADING_YEAR.match(value or "")
    if value is None or back is None:
        return None
    return year_value(int(back.group()) - STAND_IN) + value[4:]
