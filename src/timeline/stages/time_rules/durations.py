"""Durations ("five years", "the past two months"), sets ("every Monday", "weekly") and
clock times."""

from __future__ import annotations

import re

from timeline.stages.normalize import MONTHS, SEASONS, WEEKDAYS, duration_value, number_value
from timeline.stages.time_rules.base import (
    AMOUNT,
    NUM,
    UNIT,
    UNIT_LITS,
    Draft,
    make_draft,
    make_rule,
    unit_of,
)

# words before "one day" that make it an amount of time ("for one day", "within one day")
_AMOUNT_BEFORE = re.compile(
    r"(?i)\b(?:for|in|within|after|than|about|only|just|over|every|each|per|of|by|nearly|almost"
    r"|lasted|lasts|took|takes|least|first|final|last|another|extra|single|whole|entire)\s+$"
)

_MODAL_AFTER = re.compile(r"(?i)\b(?:will|'ll|would|could|might|may|shall|hopes?|dreams?)\b")

# an amount just before "a year" / "annually" makes a rate ("$1.76 a year", "20% annually")
_RATE_BEFORE = re.compile(
    r"(?:\d[\d,.]*\s*(?:%|percent|million|billion|thousand|cents?)?|\b(?:units|seats|flights"
    r"|barrels|tons|tonnes|cars|times|copies|shares|passengers|visitors|dollars|euros|pounds))"
    r"\s*(?:in\s+\w+\s+)?$"
)


def _rate_before(m: re.Match[str]) -> bool:
    """An amount ends just before ``m``: looked for in the 60 characters before it (a
    search from the start of the text made every "a week" cost the text so far)."""
    return bool(_RATE_BEFORE.search(m.string, max(0, m.start() - 60), m.start()))


# ---- durations and sets ----------------------------------------------------------------------
@make_rule(
    rf"(?i)\b(?:(?P<the>the)\s+)?(?P<n>{AMOUNT})(?P<h1>\s+and\s+a\s+half)?(?P<sep>\s+|-)"
    rf"(?P<u>{UNIT})(?P<h2>\s+and\s+a\s+half\b)?(?:-long|\s+long)?\b",
    lits=UNIT_LITS,
)
def _duration(m: re.Match[str]) -> Draft | None:
    unit = unit_of(m["u"])
    n = number_value(m["n"])
    if n is not None and (m["h1"] or m["h2"]):
        n += 0.5  # "two and a half years", "an hour and a half"
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
        return Draft(
            start=m.start("n"),
            end=m.end(),
            type="DURATION",
            value=duration_value(n, unit),
            kind="duration",
        )
    if m["n"].lower() in ("a", "an") and unit == "weekend":
        return None
    if (
        m["n"].lower() == "one"
        and m["u"].lower() == "day"
        and m["sep"] != "-"  # "a one-day visit" is an amount
        and not m["the"]
        and not re.match(
            r"\s*(?:[.;:)]|$)", m.string[m.end() : m.end() + 2]
        )  # "in the job one day."
        and not _AMOUNT_BEFORE.search(m.string, max(0, m.start() - 12), m.start())
    ):
        # "One day, peace will come", "one day he walked in": an unknown time ahead or back
        if _MODAL_AFTER.search(m.string, m.end(), m.end() + 80):
            return make_draft(m, value="FUTURE_REF", kind="ref")
        return make_draft(m, kind="deictic", recipe=lambda a, f: "FUTURE_REF" if f else "PAST_REF")
    if m["n"].lower() in ("a", "an") and m.group().lower().endswith("-long"):
        return None  # "a day-long meeting": the compound alone is the duration
    if re.match(r"-[a-z]", after) and not m.group().lower().endswith("long"):
        return None  # "a year-end bonus", "a week-old baby": part of a compound word
    if re.match(r"\d{4}$", m["n"]):
        return None
    if re.match(r"(?i)-old\b|\s+old\b", m.string[m.end() : m.end() + 5]):
        return None  # an age: "a 6-year-old boy", "six years old"
    if m["n"].lower() in ("a", "an", "one") and _rate_before(m):
        return None  # "$500 million a year", "four flights a week": a rate, not a duration
    return Draft(
        start=m.start(),
        end=m.end(),
        type="DURATION",
        value=duration_value(n, unit),
        kind="duration",
    )


@make_rule(
    r"(?i)\b(?:half\s+an?\s+|(?:a\s+)?half-)(?P<u>hour|day|year|minute|century)\b",
    lits=("half a", "half an", "half-"),
)
def _half_unit(m: re.Match[str]) -> Draft:
    """ "Half an hour", "a half-hour": PT30M."""
    return make_draft(
        m, type="DURATION", value=duration_value(0.5, m["u"].lower()), kind="duration"
    )


@make_rule(
    rf"(?i)\b(?=[tplncf])(?:the\s+)?(?:past|last|next|coming|first|previous)\s+(?P<n>{AMOUNT}|few|couple\s+of)"
    rf"\s+(?:more\s+)?(?P<u>{UNIT})\b"
    rf"|\b(?P<n2>{NUM})\s+more\s+(?P<u2>{UNIT})\b"
    r"|\b(?:the\s+)?coming\s+(?P<u3>days|weeks|months|years)\b",
    lits=UNIT_LITS,
)
def _the_past_n(m: re.Match[str]) -> Draft:
    if m["u3"]:
        return make_draft(
            m, type="DURATION", value=duration_value(None, unit_of(m["u3"])), kind="duration"
        )
    if m["u2"]:
        return make_draft(
            m,
            type="DURATION",
            kind="duration",
            value=duration_value(number_value(m["n2"]), unit_of(m["u2"])),
        )
    return make_draft(
        m,
        type="DURATION",
        value=duration_value(number_value(m["n"]), unit_of(m["u"])),
        kind="duration",
    )


@make_rule(
    r"(?i)\b(?:every|each)\s+(?P<u>day|week|month|year|morning|night|weekend|spring|summer|autumn|fall|winter|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|January|February|March|April|May|June|July|August|September|October|November|December)\b|\b(?P<adv>daily|weekly|monthly|annually|yearly)\b",
    lits=("every", "each", "daily", "weekly", "monthly", "annually", "yearly"),
)
def _set(m: re.Match[str]) -> Draft | None:
    word = (m["u"] or m["adv"]).lower()
    if m["adv"]:
        after = m.string[m.end() : m.end() + 20]
        if re.match(r"\s+[a-z]", after) and word != "annually":
            return None  # "the daily newspaper": an adjective, not a frequency
        if re.match(r"\s+[A-Z]", after) and word == "daily":
            return None  # "the Communist Party daily Granma": a newspaper
        if _rate_before(m):
            return None  # "rise 8.5% annually": part of a rate
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
    if code is None and word in MONTHS:
        code = f"XXXX-{MONTHS[word]:02d}"  # "each July"
    if code is None and word in WEEKDAYS:
        code = f"XXXX-WXX-{WEEKDAYS[word] + 1}"
    return make_draft(m, type="SET", value=code, kind="set")


@make_rule(
    r"(?i)\b(?:within|in\s+a\s+matter\s+of)\s+(?P<u>days|weeks|months|years|decades)"
    r"(?:\s+or\s+(?:days|weeks|months|years|decades))?\b",
    lits=UNIT_LITS,
)
def _within_units(m: re.Match[str]) -> Draft:
    """ "Within weeks (or months)": a duration of an unknown number of weeks (the preposition
    is left out of the span, as TimeBank does)."""
    unit = m["u"].lower().rstrip("s")
    return Draft(
        start=m.start("u"),
        end=m.end(),
        type="DURATION",
        value=duration_value(None, unit),
        kind="duration",
    )
