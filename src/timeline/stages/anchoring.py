"""Context for anchoring beyond "the last date in the text": the quarter a company-results
story reports on ("a year earlier" then means that quarter a year back), and the year or
week a story is narrating ("The crisis began in 1962. In October, ..."). ``times.py``
consults these while it walks the expressions in order."""

from __future__ import annotations

import datetime as dt
import re

from timeline.model import Timex
from timeline.stages.time_rules import Draft

QUARTER_REACH = 800  # characters: a results paragraph or two
QUARTER_AFTER = re.compile(r"(?i)\s*(?:fiscal\s+)?(?:quarter|period)\b")
ENDED = re.compile(r"(?i)\bend(?:ed|ing)\s+(?:on\s+)?$")  # "the quarter ended Sept. 30"
QUARTER_INSIDE = re.compile(r"(?i)\b(?:quarter|period)$")


NARRATION_REACH = 400  # characters: the sentence before or two


# "since its launch in 2003": the year starts a range even a few words after "since"
# (not "until in March 1980, Iran downgraded ...": there "until" opens a clause of its own)
SINCE_IN_CLAUSE = re.compile(r"(?i)\b(?:since|until|till)\b(?!\s+(?:in|on|at)\b)[^,.;:]*$")
# a year told as the end of a range ("since 1990", "dating to 1994") or as a modifier ("the
# Dec. 21, 1988, bombing") is not the year the story is telling
NOT_NARRATION_BEFORE = re.compile(
    r"(?i)\b(?:since|from|until|till|through|before|after|to|the)\s+$"
)


def not_narration(text: str, last: Timex) -> bool:
    m = NOT_NARRATION_BEFORE.search(text, max(0, last.start - 10), last.start)
    if m and m.group().lower().startswith("the") and near_sentence_start(text, m.start()):
        return False  # "The first of the 1777 campaigns was ...": the subject sets the scene
    return bool(m or SINCE_IN_CLAUSE.search(text, max(0, last.start - 40), last.start))


_STARTS = (". ", "\n", "? ", "! ", " - ", " \u2013 ", " \u2014 ")


def near_sentence_start(text: str, pos: int, words: int = 4) -> bool:
    """Whether at most ``words`` words stand between the start of the sentence (or the dash
    after a dateline: "OSLO, May 3, 2021 - Thirty years ago") and ``pos``."""
    head = text[max(0, pos - 60) : pos]
    ends = [head.rfind(b) + len(b) - 1 for b in _STARTS if b in head]
    cut = max(ends, default=-1)
    if cut < 0 and pos > 60:
        return False
    return len(head[cut + 1 :].split()) <= words


def narrated_day(text: str, last: Timex | None, dct: str | None, d: Draft, future: bool) -> bool:
    """Whether a weekday belongs to the week of the date just told ("On March 3, 2019, the
    strike began. On Tuesday, talks collapsed."): a written-out day more than a week before
    the publication date, close before, not a range's end or a modifier, not a plan ahead."""
    if last is None or not last.value or dct is None or last.basis != "explicit":
        return False
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", last.value) or last.value >= dct[:10]:
        return False
    gap = abs((dt.date.fromisoformat(dct[:10]) - dt.date.fromisoformat(last.value)).days)
    if gap <= 7 or d.start - last.end > NARRATION_REACH:
        return False
    return not future and not not_narration(text, last)


def next_quarter_context(current: Timex | None, t: Timex) -> Timex | None:
    """The quarter a results story is about after ``t``: a new quarter replaces it, a day or
    month inside it keeps it ("the quarter ended Sept. 30"), any other date ends it."""
    if t.granularity == "quarter" and t.value and re.fullmatch(r"\d{4}-Q[1-4]", t.value):
        return t
    if current is None or current.value is None or not t.value:
        return current
    m = re.match(r"(\d{4})-(\d\d)", t.value)
    if m and t.granularity in ("month", "day", "week", "part_of_day", "time"):
        quarter = f"{m.group(1)}-Q{(int(m.group(2)) - 1) // 3 + 1}"
        return current if quarter == current.value else None
    return None
