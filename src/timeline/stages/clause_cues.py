"""Where a time or a verb stands in its sentence, as the narrative clock and the event
dates need to know: in an apposition or a quotation, as a year modifying a noun, in a
clause told from today ("is", "will", "has"), or counted back by "N years since"."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from timeline.model import Timex
from timeline.stages.values import granularity_of, year_number

__all__ = [
    "FUTURE_NOW",
    "NOW",
    "YEARS_SINCE",
    "in_apposition",
    "in_quotation",
    "modifies_noun",
    "present_verbs",
    "told_now",
    "years_since",
]


# a plan told from today ("will open in June", "is expected in May"), not a story's future
FUTURE_NOW = r"will|won't|shall"


NOW = rf"{FUTURE_NOW}|is|are|(?-i:am)|has|have"  # not "5:34 AM"


_PLAN_FROM_NOW = re.compile(rf"(?i)\b(?:{NOW})\b|'ll\b")


_OF_THE_PAST = re.compile(r"\s+(?:\w+\s+){0,2}to\s+have\s")


_APPOSITION = re.compile(r",\s+(?:a|an|the|then|now|who|whose|aged|born)\b")


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s")


def in_apposition(text: str, t: Timex) -> bool:
    """Whether ``t`` closes an apposition or relative clause between commas ("Okonkwo, a
    backup catcher born in 1971, moved to shortstop", "Ellison, who retired in 2009, called
    it a betrayal"): a fact about a person, not the story's time."""
    if not text.startswith(",", t.end):
        return False
    comma = text.rfind(",", max(0, t.start - 60), t.start)
    return (
        comma >= 0
        and bool(_APPOSITION.match(text, comma))
        and not _SENTENCE_END.search(text, comma, t.start)  # "Glenn, who ... On May 22,"
    )


YEARS_SINCE = re.compile(r"\s+(?P<day>to\s+the\s+day\s+)?(?:have\s+passed\s+)?since\s")


def years_since(text: str, t: Timex, speech: str) -> Timex | None:
    """ "thirty years since the Wall fell" (``t`` the duration): the date it counts back to
    from the publication date, as a reference time the story is in (the year, or the day for
    "to the day"), standing where the duration stands."""
    m = re.fullmatch(r"P(\d+)Y", t.value or "")
    since = YEARS_SINCE.match(text, t.end) if m else None
    year = year_number(speech)
    if m is None or since is None or year is None or year - int(m.group(1)) < 1:
        return None
    value = f"{year - int(m.group(1)):04d}"
    if since["day"] and re.fullmatch(r"\d{4}-\d\d-\d\d", speech[:10]):
        value += speech[4:10].replace("-02-29", "-02-28")
    return dataclasses.replace(
        t, type="DATE", value=value, granularity=granularity_of(value), basis="anaphoric"
    )


def present_verbs(text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """The verbs in ``text[lo:hi]`` that speak from today ("is", "will", "has"), but not
    those that say today what the story's past was ("is believed to have been caused")."""
    return (
        m
        for m in _PLAN_FROM_NOW.finditer(text, lo, hi)
        if not _OF_THE_PAST.match(text, m.end())
        and text[max(0, m.start() - 3) : m.start()].lower() != "to "  # "to have", "to be"
    )


def told_now(text: str, lo: int, hi: int) -> bool:
    return next(present_verbs(text, lo, hi), None) is not None


# a year that modifies a noun: "Varnholt's 1987 paper", "the 1988 bombing"
_MODIFIED_BY_YEAR = re.compile(r"(?:\b(?i:the|his|her|its|their)|[A-Z]\w*['’]s)\s+$")


_NOUN_NEXT = re.compile(
    r"\s+(?!(?:and|or|in|on|at|by|to|of|for|was|were|had|has|is|are|the|a|an|when|as)\b)[a-z]{3,}"
)


def modifies_noun(text: str, t: Timex) -> bool:
    """Whether ``t`` is a year written as a noun's modifier ("Varnholt's 1987 paper"): the
    date of that thing, not a time the story moves to."""
    return bool(
        len(t.text) == 4
        and t.text.isdigit()
        and _MODIFIED_BY_YEAR.search(text, max(0, t.start - 20), t.start)
        and _NOUN_NEXT.match(text, t.end)
    )


def in_quotation(text: str, pos: int) -> bool:
    """Whether ``pos`` is inside a quotation opened earlier in its paragraph (at most 400
    characters back): there the present tense speaks from the story's time ("'we cannot
    hold out over the winter,' he warned"), not from the publication date."""
    lo = max(0, pos - 400)
    brk = text.rfind("\n", lo, pos)
    before = text[brk + 1 if brk >= 0 else lo : pos]
    curly = before.rfind("“") > before.rfind("”")
    return curly or before.count('"') % 2 == 1
