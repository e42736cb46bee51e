"""Months and days written without a year ("June 10", "10 June", "in October", "that
June"): a year from the story or from the publication date, resolved by the narrative
clock. (Split from ``deictic``; imported right after it, so the rules keep their order.)"""

from __future__ import annotations

import datetime as dt
import re

from timeline.stages.normalize import MONTHS, WEEKDAYS
from timeline.stages.time_rules.base import (
    DAY,
    MONTH,
    MONTH_KEY,
    MONTH_LITS,
    YEAR,
    Draft,
    day_num,
    first_day,
    make_draft,
    make_rule,
    month_num,
    nearest_date,
)

_THE_PREVIOUS = re.compile(r"(?i)\b(the\s+(?:following|previous|preceding|next))\s+$")


# ---- month or day without a year: deictic ------------------------------------------------
@make_rule(
    rf"\b(?:the\s+)?(?P<d>{DAY})(?:\s+of)?\s+(?P<m>{MONTH})(?!\s*,?\s*(?:{YEAR}|{DAY})\b)\b",
    key=r"\d(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z]",
    lits=MONTH_LITS,
)
def _day_month(m: re.Match[str]) -> Draft | None:
    """ "On 6 January", "the 6th of January": the nearest such day, as "January 6"."""
    if m.group().startswith("the") and not re.search(r"\d(?:st|nd|rd|th)", m["d"]):
        return None  # "the 2 March rallies"? too unsure
    if m["m"].endswith(".") is False and len(m["m"]) <= 3 and m["m"] != "May":
        return None  # "6 Jan" without a dot is too often something else
    mo, d = month_num(m["m"]), day_num(m["d"])

    def recipe(anchor: str, future: bool) -> str | None:
        return nearest_date(dt.date.fromisoformat(first_day(anchor)), mo, d, future)

    return make_draft(m, kind="deictic", recipe=recipe, yearless=True)


@make_rule(
    rf"\b(?P<m>{MONTH})\s+(?P<d>{DAY})\b(?!\s*,?\s*{YEAR})(?![:\d])",
    key=MONTH_KEY,
    lits=MONTH_LITS,
)
def _month_day(m: re.Match[str]) -> Draft | None:
    mo, d = month_num(m["m"]), day_num(m["d"])
    if mo == 5 and m["m"] == "May" and not m["d"][0].isdigit():
        return None

    def recipe(anchor: str, future: bool) -> str | None:
        base = dt.date.fromisoformat(first_day(anchor))
        return nearest_date(base, mo, d, future)

    return make_draft(m, kind="deictic", recipe=recipe, yearless=True)


@make_rule(
    rf"\b(?P<m>{MONTH})\s+(?:of\s+)?(?P<w>this|last|next)\s+year\b",
    key=MONTH_KEY,
    lits=MONTH_LITS,
)
def _month_this_year(m: re.Match[str]) -> Draft:
    mo, step = month_num(m["m"]), {"this": 0, "last": -1, "next": 1}[m["w"]]
    return make_draft(
        m, kind="deictic", needs="year", recipe=lambda a, f: f"{int(a[:4]) + step:04d}-{mo:02d}"
    )


MONTH_PULL = 5  # months
# a capitalised word after a month that is also a given name: a surname, unless it is a
# time word itself ("April Ryan", but "June Monday" and "April 2019" are dates)
_SURNAME = re.compile(
    r" (?!(?i:" + "|".join(n for n in (*MONTHS, *WEEKDAYS) if len(n) > 3) + r")\b)[A-Z][a-z]+\b"
)
_SHARED_YEAR = re.compile(
    rf"\s*(?:and|or|to|through|until|till|-|–|—)\s*{MONTH}\s+(?:of\s+)?(?P<y>{YEAR})\b"
)


@make_rule(
    rf"\b(?P<m>{MONTH})\b(?!\s+{DAY}\b)(?!\s*,?\s*(?:of\s+)?{YEAR})",
    key=MONTH_KEY,
    lits=MONTH_LITS,
)
def _month_alone(m: re.Match[str]) -> Draft | None:
    word = m["m"]
    before = m.string[max(0, m.start() - 12) : m.start()].lower()
    if word in ("March", "May") and re.match(
        r"\s+(?:on|to|against|through)\s+[A-Z]", m.string[m.end() :]
    ):
        return None  # "the March on Washington", "May to Brussels": a march, a name
    if word.endswith(".") or len(word) <= 3 and word != "May":
        return None
    dated = re.search(
        r"\b(in|since|until|by|from|of|early|late|mid-?|last|next|this|during|through)\s*$", before
    )
    # "That May, the board ...": opening a sentence (mid-sentence "that May" may be a name)
    if word == "May" and not dated and m.string[max(0, m.start() - 5) : m.start()] != "That ":
        return None
    if (
        word in ("April", "June", "August")
        and not (dated or before.endswith("the "))  # "the August Decrees": a time's name
        and _SURNAME.match(m.string, m.end())
    ):
        return None  # "April Ryan", "June Carter": a given name before a surname
    mo = month_num(word)
    shared = _SHARED_YEAR.match(m.string, m.end())
    if shared:  # "between March and May 2019": the year belongs to both months
        return make_draft(m, value=f"{shared['y']}-{mo:02d}")
    prefix = _THE_PREVIOUS.search(m.string, max(0, m.start() - 18), m.start()) or re.search(
        r"(?i)\b(last|next|this)\s+$", before
    )
    direction = prefix.group(1).lower().split()[-1] if prefix else None
    if direction == "next" and prefix and prefix.group(1).lower().startswith("the"):
        direction = "following"
    start = m.start() - len(prefix.group(0)) if prefix else m.start()
    # "the following April", "the previous April": counted from the story, not from today
    told = direction in ("following", "previous", "preceding")

    def recipe(anchor: str, future: bool) -> str | None:
        base = dt.date.fromisoformat(first_day(anchor))
        year = base.year
        if direction is None:
            # the nearest such month; the tense counts for MONTH_PULL months ("September",
            # said in August of a plan, is next month, not eleven months back)
            # a verb right by the month ("hit a high in June") settles it outright
            pull = 12 if getattr(future, "local", False) else MONTH_PULL

            def cost(y: int) -> int:
                ahead = (y - base.year) * 12 + mo - base.month
                wrong = ahead > 0 if not future else ahead < 0
                return abs(ahead) + (pull if wrong else 0)

            year = min((base.year - 1, base.year, base.year + 1), key=cost)
        elif direction == "last" and mo >= base.month - 1:
            year -= 1  # in March, "last February" is a year back: else "last month"
        elif direction in ("previous", "preceding") and (mo >= base.month or len(anchor) == 4):
            year -= 1  # (from a year told: "In 1918 ... the previous April" is 1917's)
        elif direction in ("next", "following") and (mo <= base.month or len(anchor) == 4):
            year += 1
        return f"{year:04d}-{mo:02d}"

    return Draft(
        start=start,
        end=m.end(),
        kind="anaphoric" if told else "deictic",
        recipe=recipe,
        needs="year" if told else "month",
        month_of_year=mo if direction is None else None,
        yearless=direction is None,
    )
