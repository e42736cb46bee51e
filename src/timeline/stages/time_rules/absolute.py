"""Absolute dates: day-month-year in every order, numeric dates, months and seasons of a year,
years, decades, centuries, quarters and fiscal years."""

from __future__ import annotations

import datetime as dt
import re

from timeline.stages.normalize import SEASONS, parse_absolute
from timeline.stages.time_rules.base import (
    COUNT_NOUN_AFTER,
    DAY,
    MONTH,
    MONTH_KEY,
    MONTH_LITS,
    ORDINAL,
    YEAR,
    Draft,
    day_num,
    first_day,
    make_draft,
    make_rule,
    month_num,
)
from timeline.stages.values import date_value, shift


# ---- absolute dates --------------------------------------------------------------------
@make_rule(
    rf"\b(?P<m>{MONTH})\s+(?P<d>{DAY}),?\s+(?P<y>{YEAR})\b",
    key=MONTH_KEY,
    lits=MONTH_LITS,
)
def _month_day_year(m: re.Match[str]) -> Draft | None:
    return _abs_day(m, int(m["y"]), month_num(m["m"]), day_num(m["d"]))


@make_rule(
    rf"\b(?:the\s+)?(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{MONTH}),?\s+(?P<y>{YEAR})\b",
    key=MONTH_KEY,
    lits=MONTH_LITS,
)
def _day_month_year(m: re.Match[str]) -> Draft | None:
    return _abs_day(m, int(m["y"]), month_num(m["m"]), day_num(m["d"]))


def _abs_day(m: re.Match[str], y: int, mo: int, d: int) -> Draft | None:
    try:
        value = dt.date(y, mo, d).isoformat()
    except ValueError:
        return None
    return make_draft(m, value=value)


@make_rule(
    # (an ISO timestamp's date: "2010-06-08T10:30:00Z")
    r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:\b|(?=T\d\d:))"
    r"|\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b",
    lits=("-", "/"),
)
def _numeric(m: re.Match[str]) -> Draft | None:
    parsed = parse_absolute(m.group())
    return make_draft(m, value=parsed[0]) if parsed else None


@make_rule(
    r"(?<![\d./])(?:(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)"
    r"|(?P<d2>[0-3]?\d)\.(?P<m2>[01]?\d)\.(?P<y2>(?:19|20)\d\d))(?!\d|[./]\d)",
    key=r"\d/\d|\d\.\d\d?\.\d",
    lits=("/", "."),
)
def _numeric_other(m: re.Match[str]) -> Draft | None:
    """ "2021/01/06" (year first) and "06.01.2021" (day first, as in most of Europe)."""
    if _labelled(m.string, m.start()):
        return None  # "version 1.2.2020"
    if m["y"]:
        return _abs_day(m, int(m["y"]), int(m["m"]), int(m["d"]))
    return _abs_day(m, int(m["y2"]), int(m["m2"]), int(m["d2"]))


@make_rule(
    rf"\b(?P<m>{MONTH})(?:\s+of)?,?\s+(?P<y>{YEAR})\b",
    key=MONTH_KEY,
    lits=MONTH_LITS,
)
def _month_year(m: re.Match[str]) -> Draft:
    return make_draft(m, value=f"{m['y']}-{month_num(m['m']):02d}")


@make_rule(
    rf"(?i)\b(?:fiscal\s+(?P<y1>{YEAR})|the\s+(?P<y2>{YEAR})\s+(?:period|fiscal\s+year|year))\b",
    lits=("fiscal", "period", "year"),
)
def _fiscal_year(m: re.Match[str]) -> Draft:
    return make_draft(m, value=m["y1"] or m["y2"])


def _years_apart(first: str, tail: str) -> bool:
    """Whether "1990-91", "2022–23", "1939–45" name two years (not "2021-03", a month)."""
    return int(tail) == (int(first) + 1) % 100 or int(tail) > 12


_TAIL = re.compile(r"-(\d\d)\b")


@make_rule(
    r"[-–—](?P<yy>\d\d)\b(?![-–—/.:]\d)",
    key=r"[12]\d\d\d[-–—]\d\d\b(?![-–—/.:]\d)",  # led by a class: scanned fast
    lits=("-", "–", "—"),
)
def _year_tail(m: re.Match[str]) -> Draft | None:
    """The second year of "1990-91", "the 2022–23 season", "1939–45"."""
    first = m.string[m.start() - 4 : m.start()]
    if not re.fullmatch(YEAR, first) or not _years_apart(first, m["yy"]):
        return None
    year = int(first[:2] + m["yy"])
    year += 100 if year < int(first) else 0
    return Draft(start=m.start("yy"), end=m.end(), value=f"{year:04d}")


# a word that labels the number after it: "Flight 1549", "Form 1040", "Agenda 2030"
_LABELS = frozenset(
    [
        "flight",
        "room",
        "route",
        "highway",
        "interstate",
        "section",
        "article",
        "chapter",
        "resolution",
        "rule",
        "form",
        "page",
        "no.",
        "number",
        "model",
        "report",
        "item",
        "code",
        "paragraph",
        "clause",
        "bill",
        "bus",
        "train",
        "platform",
        "gate",
        "exit",
        "unit",
        "suite",
        "box",
        "vision",
        "agenda",
        "horizon",
        "windows",
        "office",
        "pid",
        "id",
        "sku",
        "version",
    ]
)


def _words_before(text: str, pos: int, n: int = 2) -> list[str]:
    """The ``n`` lower-case words just before ``pos`` (a cheap look back, no regex)."""
    return text[max(0, pos - 24) : pos].lower().split()[-n:]


def _labelled(text: str, pos: int) -> bool:
    """Whether the number at ``pos`` follows a label word ("Flight 1549", "version 1.2")."""
    before = _words_before(text, pos, 1)
    return bool(before) and before[0] in _LABELS and text[pos - 1 : pos].isspace()


# an era marker after a number: the year or century is before Christ, which our values
# (0001-9999) cannot write; left untagged rather than given as a year of our era
_BEFORE_CHRIST = re.compile(r"\s*(?:BCE?\b|B\.\s?C\.(?:\s?E\.)?)")


@make_rule(
    rf"(?<![$#£€\d.,])\b(?P<y>{YEAR})(?:'s)?\b(?![.,]?\d|:\d|-\d\d-|-\d{{3}}\b|-\d\b)",
    key=r"[12]\d\d\d",
)
def _year(m: re.Match[str]) -> Draft | None:
    after = m.string[m.end() : m.end() + 40]
    if _BEFORE_CHRIST.match(after):
        return None
    tail = _TAIL.match(after) if after[:1] == "-" else None
    if tail and not _years_apart(m["y"], tail[1]):
        return None  # "2021-03": a year and a month, not a range
    if COUNT_NOUN_AFTER.match(after):
        return None
    if _labelled(m.string, m.start()):
        return None  # "Flight 1549", "Resolution 1441", "Vision 2030": a number in a name
    end = m.end() - 2 if m.group().endswith("'s") else m.end()
    start = m.start()
    if m.string[start - 1 : start].isspace() and _words_before(m.string, start) == ["the", "year"]:
        # "the year 2000" is one expression
        start = m.string.lower().rindex("the", max(0, start - 24), start)
    return Draft(start=start, end=end, value=m["y"])


@make_rule(
    r"(?i)\bthe\s+(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
    lits=("ties",),
)
def _decade_word(m: re.Match[str]) -> Draft:
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
    return make_draft(m, value=f"19{digit}")


@make_rule(r"\b(?:[Tt]he\s+)?(?:(?P<c>1\d|20)(?P<d>\d)0|'(?P<s>\d)0)'?s\b", lits=("0s", "0's"))
def _decade(m: re.Match[str]) -> Draft:
    if m["d"] == "0" and m["c"] != "20":
        return make_draft(m, value=m["c"])  # "the 1800s" is the century (1800-1899), not 1800-09
    value = f"19{m['s']}" if m["s"] else f"{m['c']}{m['d']}"
    return make_draft(m, value=value)


@make_rule(
    rf"(?i)\b(?:the\s+)?(?P<s>spring|summer|autumn|fall|winter)(?:\s+of)?\s+(?P<y>{YEAR})\b",
    lits=("spring", "summer", "autumn", "fall", "winter"),
)
def _season_year(m: re.Match[str]) -> Draft:
    return make_draft(m, value=f"{m['y']}-{SEASONS[m['s'].lower()]}")


@make_rule(
    rf"(?i)\b(?:the\s+(?:(?P<y0>{YEAR})\s+)?(?:fiscal\s+)?|(?P<own>this|last|next)\s+year's\s+|fiscal\s+)?"
    rf"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)(?:-|\s+)(?:fiscal\s+)?quarter"
    rf"(?:\s+of\s+(?:fiscal\s+)?(?P<y>{YEAR})|\s+of\s+(?P<rel>this|last|next)\s+year)?\b",
    lits=("quarter",),
)
def _quarter(m: re.Match[str]) -> Draft:
    q = ORDINAL[m["q"].lower()]
    year = m["y"] or m["y0"]
    hyphen = m.string[m.end("q") : m.end("q") + 1] == "-"
    if hyphen and m.group().lower().startswith("the ") and not m["y0"]:
        m_start = m.start("q")
        if year:
            return Draft(start=m_start, end=m.end(), value=f"{year}-Q{q}")
        return Draft(
            start=m_start,
            end=m.end(),
            kind="deictic",
            needs="year",
            recipe=lambda a, f: f"{a[:4]}-Q{q}",
        )
    if year:
        return make_draft(m, value=f"{year}-Q{q}")
    step = {"last": -1, "next": 1}.get((m["own"] or m["rel"] or "").lower(), 0)
    return make_draft(
        m, kind="deictic", recipe=lambda a, f: f"{int(a[:4]) + step:04d}-Q{q}", needs="year"
    )


@make_rule(
    r"\b(?:(?P<p>Q[1-4]|H[12]|FY)|(?P<n>[1-4])Q)[\s-]?(?:FY\s?)?['’]?(?P<y>(?:19|20)\d\d|\d\d)\b"
    r"|\b(?:in|for|during|the|of|by)\s+(?P<bare>Q[1-4]|H[12])\b(?![-\s]?['’]?\d)",
    lits=("q1", "q2", "q3", "q4", "h1", "h2", "fy"),
)
def _period_code(m: re.Match[str]) -> Draft:
    """Company-report shorthand: "Q3 2023", "Q3'23", "3Q23", "H1 2024", "FY2023", "FY23";
    "in Q3" without a year is that quarter of the publication year."""
    if m["bare"]:
        code = m["bare"]
        return Draft(
            start=m.start("bare"),
            end=m.end(),
            kind="deictic",
            needs="year",
            recipe=lambda a, f: f"{a[:4]}-{code}",
        )
    y = m["y"] if len(m["y"]) == 4 else f"20{m['y']}"  # "FY23": this century's
    code = f"Q{m['n']}" if m["n"] else m["p"]
    return make_draft(m, value=y if code == "FY" else f"{y}-{code}")


@make_rule(
    rf"(?i)\b(?:the\s+)?(?P<h>first|second|last|latter|final)\s+(?:half|two\s+quarters)\s+of\s+"
    rf"(?:(?:fiscal\s+)?(?P<y>{YEAR})|(?P<w>this|last|next|the)\s+year)\b",
    lits=("half of", "quarters of"),
)
def _half_year(m: re.Match[str]) -> Draft:
    """ "The second half of 1989", "the first two quarters of 1990": 1989-H2, 1990-H1."""
    h = 1 if m["h"].lower() == "first" else 2
    if m["y"]:
        return make_draft(m, value=f"{m['y']}-H{h}")
    if m["w"].lower() == "the":
        return make_draft(m, kind="anaphoric", recipe=lambda a, f: f"{a[:4]}-H{h}", needs="year")
    step = {"last": -1, "next": 1}.get(m["w"].lower(), 0)
    return make_draft(
        m, kind="deictic", recipe=lambda a, f: f"{int(a[:4]) + step:04d}-H{h}", needs="year"
    )


@make_rule(
    r"(?i)\bthe\s+(?:(?:latest|last|most\s+recent|recent|just-ended|current|fiscal)\s+)?quarter\b"
    r"|\bthe\s+(?:latest|most\s+recent)\s+period\b"
    r"(?!\s+(?:of|century|mile|point|percent))",
    lits=("quarter", "period"),
)
def _the_quarter(m: re.Match[str]) -> Draft | None:
    """ "The quarter" in company news: the last quarter completed before the publication date."""
    if re.match(r"(?i)the\s+(?:last|current)\s+quarter", m.group()) and re.search(
        r"(?i)\bcentury\b", m.string[m.end() : m.end() + 20]
    ):
        return None

    def recipe(anchor: str, future: bool) -> str | None:
        day = dt.date.fromisoformat(first_day(anchor)) - dt.timedelta(days=45)
        return date_value(day, "quarter")

    return make_draft(m, kind="deictic", recipe=recipe, needs="day")


@make_rule(
    r"(?i)\b(?:the\s+)?year-(?:earlier|ago)(?:\s+(?P<n>quarter|period|level|results))?\b",
    lits=("year-",),
)
def _year_earlier(m: re.Match[str]) -> Draft | None:
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

    return Draft(
        start=start, end=end, kind="anaphoric", recipe=recipe, needs="year", follows_quarter=True
    )
