"""The narrative clock: which time each relative expression is told from.

A news story speaks from its publication date (the *speech time*) and often tells a story
set at another time (the *reference time*): "The crisis began in 1962. In October, Soviet
ships ..." While the time expressions are walked in text order, a :class:`Clock` keeps

- ``speech``: the publication date (``None`` when unknown);
- ``last``: the most recent resolved date, which "two days later" counts from;
- ``story``: the reference time, the most recent date the text narrates at (a year or
  finer, not a range's end such as "since 1990" nor a modifier such as "the 1988 bombing");
- ``quarter``: the quarter a company-results story reports on.

Each expression that needs an anchor goes to the :data:`RESOLVERS` in order; the first that
answers gives its value, its anchor (a time expression's id, or ``"dct"``) and its basis.
Deictic words ("yesterday", "this week", "now", "last year") always speak from the
publication date; "the next day", "that year" count from the text; a date without its
year ("June 10", "in October", "the summer") takes its year from the story when the story
is in the past and the clause is not a plan from today. A past-tense clause is never dated
after the publication date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import Any, cast

from timeline.model import Problem, Span, Timex
from timeline.stages.anchoring import (
    ENDED,
    QUARTER_AFTER,
    QUARTER_INSIDE,
    QUARTER_REACH,
    SINCE_IN_CLAUSE,
    narrated_day,
    next_quarter_context,
    not_narration,
)
from timeline.stages.tense import is_past_form, local_tense
from timeline.stages.time_rules import _FUTURE_CUE, _Draft
from timeline.stages.values import (
    GRANULARITIES,
    granularity_of,
    value_range,
    year_number,
    year_part,
)

__all__ = ["Clock", "RESOLVERS", "resolve_times"]

Answer = tuple[str | None, str | None, str]  # (value, anchor, basis)


def _rank(g: str | None) -> int:
    return GRANULARITIES.index(g) if g in GRANULARITIES else -1


_YEAR_RANK = GRANULARITIES.index("year")
# how long a story's year holds without being written or counted again (characters), for a
# story three or more years before the publication year and for a nearer one
STORY_REACH, NEAR_REACH, FAR_YEARS = 5000, 400, 3
_CALENDAR = re.compile(r"(?:BC)?\d{4}(?:-|$)")
# a plan told from today ("will open in June", "is expected in May"), not a story's future
_NOW = r"will|won't|shall|is|are|(?-i:am)|has|have"  # not "5:34 AM"
_PLAN_FROM_NOW = re.compile(rf"(?i)\b(?:{_NOW})\b|'ll\b")
# a clause that tells what is not (yet) done: "would continue past the Nov. 1 deadline"
_NOT_DONE = re.compile(rf"(?i)\b(?:{_NOW}|would|could|might|(?-i:may))\b|'ll\b")
# an obligation ("a dividend payable Dec. 15") or a deadline ("until", "had been set to
# expire Nov. 6") points ahead even in a past clause
_OBLIGATION_WORD = r"payable|due|effective|expir\w*"
_OBLIGATION = re.compile(rf"(?i)\b(?:{_OBLIGATION_WORD})\s+(?:on\s+)?$")
_AHEAD = re.compile(
    rf"(?i)\b(?:{_OBLIGATION_WORD}|until|till|through|by|before|deadline|to)\s+\S*\s*$"
)
_DEADLINE_BEFORE = re.compile(r"(?i)\b(?:by|until|till)\s+(?:the\s+)?$")
_PERIOD_ENDED = re.compile(
    r"(?i)\b(?:months?|quarter|year|period|weeks?)\s+end(?:ed|ing)\s+(?:on\s+)?$"
)
_WEEKDAY = re.compile(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")
_HAD = re.compile(r"(?i)\bhad\b")
_COORDINATION = re.compile(r",\s+(?:and|but|while|whereas)\s")
_OF_THE_PAST = re.compile(r"\s+(?:\w+\s+){0,2}to\s+have\s")
_WORD = re.compile(r"\w+")
_AFTER_ASIDE = re.compile(r"\s*,\s+([a-z]+)\b")


class ClauseTense:
    """The tense around one expression, computed on first use (a scan of its context; most
    expressions never ask). ``future``: the verb or clause points ahead; ``past``: a verb
    near it is in the past; ``local``: a verb within a few words decided."""

    def __init__(self, text: str, d: _Draft, sentence: Span | None, cue: Callable[[], bool]):
        self._args = (text, d, sentence, cue)
        self._known: tuple[bool, bool, bool] | None = None
        self._unknown = False

    def _get(self) -> tuple[bool, bool, bool]:
        if self._known is None:
            text, d, sentence, cue = self._args
            local, near = local_tense(text, d.start, d.end, sentence)
            future = local if local is not None else cue()
            self._known = (future, local is False, near)
            self._unknown = local is None
        return self._known

    @property
    def unknown(self) -> bool:
        """No verb near the expression told its tense."""
        self._get()
        return self._unknown

    def __bool__(self) -> bool:  # the recipes take the tense as "future?"
        return self._get()[0]

    @property
    def past(self) -> bool:
        return self._get()[1]

    @property
    def local(self) -> bool:
        return self._get()[2]


@dataclasses.dataclass
class Clock:
    text: str
    speech: str | None
    last: Timex | None = None
    story: Timex | None = None
    told: int = -1  # where the story's year was last written or counted
    quarter: Timex | None = None
    # dates that become the story if told in the past tense; the tense is only looked at
    # when a date without its year asks (most texts have few), newest first
    pending: list[tuple[Timex, ClauseTense]] = dataclasses.field(default_factory=list)

    def observe(
        self,
        t: Timex,
        d: _Draft,
        tense: ClauseTense,
        derived: bool,
        inferred: bool,
        flashback: bool = False,
    ) -> None:
        """Move the clock after ``t`` was resolved from ``d`` (``derived``: from the results
        quarter; ``inferred``: its year taken from the story; ``flashback``: a relative time
        inside its sentence, not opening it, as in "gains achieved during the previous
        year": one that looks back does not move the story)."""
        looks_back = flashback and self._looks_back(t)
        if t.type in ("DATE", "TIME") and t.value and _rank(t.granularity) >= 0 and not derived:
            self.last = t
            if not ENDED.search(self.text, max(0, t.start - 12), t.start):
                self.quarter = next_quarter_context(self.quarter, t)
            if t.basis == "deictic":
                if d.kind == "deictic" and (not d.yearless or bool(tense)):
                    # "yesterday", "41 years ago", "will join on March 12": told from today
                    # again (not a past "March 19" read from today for want of a story year)
                    self.story = None
                    self.pending.clear()
                # else an anaphoric phrase counted from today for want of a date ("a
                # fortnight earlier" after "That July"): it neither resets nor sets the story
            elif (
                not d.follows_quarter  # "compared with $3 million a year earlier"
                and _rank(t.granularity) >= _YEAR_RANK
                and _CALENDAR.match(t.value)
                and not not_narration(self.text, t)
                and not looks_back
            ):
                if inferred or self._heading(t):
                    self.story, self.told = t, t.end
                    self.pending.clear()
                else:
                    self.pending.append((t, tense))
        elif t.type == "DURATION" and t.value and re.fullmatch(r"P(?:[2-9]|1[0-2])M|P1Y", t.value):
            self.quarter = None  # "for the nine months": the story moved on from the quarter
        if t.type == "DURATION" and self.speech is not None:
            back = years_since(self.text, t, self.speech)
            if back is not None:  # "25 years to the day since the flood": the story's date
                self.story = self.last = back
                self.told = t.end
                self.pending.clear()

    def _heading(self, t: Timex) -> bool:
        """Whether ``t`` is a section heading: a past date alone on its line ("1936",
        "Summer 1942"), which the section below it tells of."""
        text = self.text
        lo = text.rfind("\n", 0, t.start) + 1
        hi = text.find("\n", t.end)
        hi = len(text) if hi < 0 else hi
        line = text[lo:hi].strip(" \t:.-–—")
        return (
            len(line) <= 80
            and len(line.split()) <= len(t.text.split()) + 6
            and not text[lo:hi].rstrip().endswith((".", "?", "!", '"', "”"))
            and (year_number(t.value) or 10**4) < (year_number(self.speech) or 10**4)
        )

    def _looks_back(self, t: Timex) -> bool:
        """Whether ``t`` lies in a year before the last date told."""
        now = year_number(self.last.value) if self.last is not None else None
        then = year_number(t.value)
        return now is not None and then is not None and then < now

    def _aside(self, t: Timex) -> bool:
        """Whether ``t`` ends an aside before the main verb ("Saaret, a teacher born in
        1960, won the vote"): the date is the aside's, not the story's."""
        m = _AFTER_ASIDE.match(self.text, t.end)
        return m is not None and is_past_form(m[1])

    def _settle(self) -> None:
        """The newest pending date told in the past tense becomes the story ("Apple passed
        Best Buy in 2007", not "passes")."""
        far = (year_number(self.speech) or 0) - FAR_YEARS if self.speech else None
        for t, tense in reversed(self.pending):
            # (a date long past whose verb is out of reach is told in the past too)
            if tense.past or (
                far is not None
                and (year_number(t.value) or far) < far
                and tense.unknown
                and not self._aside(t)
            ):
                self.story, self.told = t, t.end
                break
        self.pending.clear()

    def story_in_past(self) -> Timex | None:
        """The reference time when the story is set before the publication year."""
        if self.pending:
            self._settle()
        s = self.story
        if s is None or not s.value:
            return None
        if self.speech is not None and (year_number(s.value) or 0) >= (
            year_number(self.speech) or 0
        ):
            return None
        return s

    def story_at(self, pos: int) -> Timex | None:
        """The reference time for an expression at ``pos``, if the story is in the past and
        its year was told within ``STORY_REACH`` characters."""
        story = self.story_in_past()
        if story is None or story.value is None:
            return None
        far = (
            self.speech is None
            or (year_number(story.value) or 0) <= (year_number(self.speech) or 0) - FAR_YEARS
        )
        if far:
            if pos - self.told > STORY_REACH:
                return None
            # the text came back to today in between ("Castro noted ... the boy's relatives
            # are fighting"): the story's year no longer holds
            now = (
                m
                for m in _present_verbs(self.text, self.told, pos)
                if not in_quotation(self.text, m.start())  # a quote speaks from the story
            )
            return None if next(now, None) and next(now, None) else story
        # a story of the last year or two: the year must have just been written out ("in
        # 1998 ... in December"); else the latest such date before today is as likely
        if story.basis != "explicit" or pos - story.end > NEAR_REACH:
            return None
        return story


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


def _apply(d: _Draft, anchor: str, future: bool | ClauseTense) -> str | None:
    """The draft's recipe on ``anchor``; the tense is passed unevaluated (most recipes never
    ask which way it points, and asking costs a scan of the context)."""
    assert d.recipe is not None
    try:
        return d.recipe(anchor, cast(bool, future))
    except (ValueError, OverflowError):
        return None


# --------------------------------------------------------------------------- the resolvers
def quarter_shift(clock: Clock, d: _Draft, tense: ClauseTense) -> Answer | None:
    """Company results: "a year earlier" compares with the same quarter a year back."""
    q = clock.quarter
    if d.follows_quarter and q is not None and q.value and d.start - q.end < QUARTER_REACH:
        return f"{int(q.value[:4]) - 1:04d}{q.value[4:]}", q.id, "anaphoric"
    return None


def apposition(clock: Clock, d: _Draft, tense: ClauseTense) -> Answer | None:
    """ "2019, the year after the crisis": the same value as the date it restates."""
    if d.apposition and clock.last is not None and clock.last.value:
        return clock.last.value, clock.last.id, "anaphoric"
    return None


def story_week(clock: Clock, d: _Draft, tense: ClauseTense) -> Answer | None:
    """ "On March 3, 2019, the strike began. On Tuesday, ...": the nearest such weekday."""
    last = clock.last
    if d.weekday_near is None or not narrated_day(clock.text, last, clock.speech, d, bool(tense)):
        return None
    assert last is not None and last.value
    base = dt.date.fromisoformat(last.value[:10])
    ahead = (d.weekday_near - base.weekday()) % 7
    day = base + dt.timedelta(days=ahead if ahead <= 3 else ahead - 7)
    return day.isoformat(), last.id, "anaphoric"


def story_calendar(clock: Clock, d: _Draft, tense: ClauseTense) -> Answer | None:
    """A date without its year in a story set in the past takes the story's year: the first
    such date from the reference time on, or before it in the past perfect ("By November
    the missiles had gone"). A plan told from today ("will reopen in June") is not told."""
    if not d.yearless:
        return None
    story = clock.story_at(d.start)
    if story is None or story.value is None:
        return None
    lo, hi = _clause_window(clock.text, d)
    if _told_now(clock.text, lo, hi) and not in_quotation(clock.text, d.start):
        return None  # told from today: "will reopen in June", "is payable Jan. 2"
    if _PERIOD_ENDED.search(clock.text, max(0, d.start - 30), d.start):
        return None  # a results period: "for the six months ended Aug. 12"
    if _OBLIGATION.search(clock.text, max(0, d.start - 30), d.start):
        return None  # "a dividend payable Dec. 15": an obligation from today
    # the past perfect looks back from the story ("In November the talks had failed"), but
    # not "by December the front had barely moved": there December is ahead
    # (the past perfect of a clause before ", and" is that clause's: "By the spring of 1915
    # the Russians had retreated, and in May the Central Powers broke through")
    own = max((m.end() for m in _COORDINATION.finditer(clock.text, lo, d.start)), default=lo)
    forward = not _HAD.search(clock.text, own, hi) or bool(
        _DEADLINE_BEFORE.search(clock.text, max(0, d.start - 12), d.start)
    )
    moved = _story_moved_on(clock, story)
    if moved is not None and forward:  # "In December 1941 ... In January": January 1942
        value = _apply(d, moved.value or "", forward)
        return (value, moved.id, "anaphoric") if value else None
    year = year_part(story.value) or ""
    # a year before Christ: the recipe picks the month or season on a stand-in year of ours
    anchor = story.value if not year.startswith("BC") else "1000" + story.value[len(year) :]
    value = _apply(d, anchor, forward)
    if value and (story.granularity == "year" or anchor != story.value) and value[:4] != year:
        value = year + value[4:]  # "In 1941 ... on September 30": that year's
    return (value, story.id, "anaphoric") if value else None


def _present_verbs(text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """The verbs in ``text[lo:hi]`` that speak from today ("is", "will", "has"), but not
    those that say today what the story's past was ("is believed to have been caused")."""
    return (
        m
        for m in _PLAN_FROM_NOW.finditer(text, lo, hi)
        if not _OF_THE_PAST.match(text, m.end())
        and text[max(0, m.start() - 3) : m.start()].lower() != "to "  # "to have", "to be"
    )


def _told_now(text: str, lo: int, hi: int) -> bool:
    return next(_present_verbs(text, lo, hi), None) is not None


def in_quotation(text: str, pos: int) -> bool:
    """Whether ``pos`` is inside a quotation opened earlier in its paragraph (at most 400
    characters back): there the present tense speaks from the story's time ("'we cannot
    hold out over the winter,' he warned"), not from the publication date."""
    lo = max(0, pos - 400)
    brk = text.rfind("\n", lo, pos)
    before = text[brk + 1 if brk >= 0 else lo : pos]
    curly = before.rfind("“") > before.rfind("”")
    return curly or before.count('"') % 2 == 1


def _story_moved_on(clock: Clock, story: Timex) -> Timex | None:
    """The last date told, when the story has moved on to it: a month or a day of the story's
    year or the next, told after the story's written date ("In 1941 ... in December"). A
    story told in order goes on from there: the next month named is the first such month
    after it ("In January": 1942)."""
    last = clock.last
    if last is None or last is story or last.start < story.start or last.basis == "deictic":
        return None
    if story.basis != "explicit":
        return None  # only from a year written out: an inferred year is not moved on again
    if _rank(last.granularity) < _rank("month") or not last.value or last.value[:1] == "B":
        return None
    if SINCE_IN_CLAUSE.search(clock.text, max(0, last.start - 40), last.start):
        return None  # "lasted until the fall of Budapest in February 1945": a span's end
    y0, y1 = year_number(story.value), year_number(last.value)
    return last if y0 is not None and y1 is not None and 0 <= y1 - y0 <= 1 else None


def anaphora(clock: Clock, d: _Draft, tense: ClauseTense) -> Answer | None:
    """ "Two days later", "the following year": counted from the last date in the text."""
    last = clock.last
    if d.kind != "anaphoric" or last is None or not last.value:
        return None
    if _rank(last.granularity) < _rank(d.needs):
        return None
    value = _apply(d, last.value, tense)
    if _told_past_but_after_speech(clock, value, tense):
        return None  # "In January ... Two years later the rebels attacked", said that January
    return value, last.id, "anaphoric"


def _told_past_but_after_speech(clock: Clock, value: str | None, tense: ClauseTense) -> bool:
    """Whether ``value`` lies after the publication date although its clause is told in the
    past tense: a reading that cannot be right."""
    return bool(  # (the tense is asked last: it costs a scan of the clause)
        value
        and clock.speech is not None
        and _first_day_after(value, clock.speech)
        and tense.past
        and tense.local
    )


def quoted_speech(clock: Clock, d: _Draft, tense: ClauseTense) -> Answer | None:
    """ "Next summer", "tomorrow" quoted from someone speaking in the story ('In a speech on
    September 10, 2007, he "envisioned a withdrawal by next summer"'): said at the story's
    time, not at publication."""
    if d.kind != "deictic" or d.yearless or not in_quotation(clock.text, d.start):
        return None
    story = clock.story_at(d.start)
    if story is None or not story.value or not _CALENDAR.match(story.value):
        return None
    value = _apply(d, story.value, tense)
    return (value, story.id, "anaphoric") if value else None


def speech_time(clock: Clock, d: _Draft, tense: ClauseTense) -> Answer | None:
    """From the publication date; a date without its year in a past-tense clause is the
    reading on or before that date ("On June 24, Cameron resigned", said the next March)."""
    if clock.speech is None:
        return None
    value = _apply(d, clock.speech, tense)
    if (
        value
        and d.yearless
        and tense.past
        and tense.local  # a verb by the date is in the past: "On June 24, Cameron resigned"
        and _first_day_after(value, clock.speech)
        and not _NOT_DONE.search(clock.text, *_clause_window(clock.text, d))
        and not _AHEAD.search(clock.text, max(0, d.start - 30), d.start)
        and not _WEEKDAY.search(clock.text, d.start, d.end)  # the weekday named the year
    ):
        m = re.match(r"(\d{4})(.*)", value)
        if m and int(m.group(1)) > 1:
            value = f"{int(m.group(1)) - 1:04d}{m.group(2)}"
    elif d.kind == "anaphoric" and _told_past_but_after_speech(clock, value, tense):
        return None  # "Two years later the rebels attacked", with no date before it to count from
    return value, "dct", "deictic"


def _first_day_after(value: str, speech: str) -> bool:
    """Whether the period ``value`` begins after the day ``speech``."""
    span = value_range(value.split("T")[0])
    return span is not None and span[0] > speech[:10]


RESOLVERS: tuple[Callable[[Clock, _Draft, ClauseTense], Answer | None], ...] = (
    quarter_shift,
    apposition,
    story_week,
    story_calendar,
    anaphora,
    quoted_speech,
    speech_time,
)


_BREAK = re.compile(r"[;!?]|\.\s+(?=[A-Z\"'“‘(])|\n")


def _clause_window(text: str, d: _Draft) -> tuple[int, int]:
    """The words around ``d`` up to the nearest sentence or clause breaks (at most 80
    characters back and 60 ahead; the dot of "Jan." is not a break)."""
    lo, hi = max(0, d.start - 80), min(len(text), d.end + 60)
    for brk in _BREAK.finditer(text, lo, d.start):
        lo = brk.end()
    nxt = _BREAK.search(text, d.end, hi)
    return lo, (nxt.start() if nxt else hi)


# --------------------------------------------------------------------------- the walk
def resolve_times(
    text: str, drafts: list[_Draft], sentences: tuple[Span, ...], dct: str | None
) -> tuple[list[Timex], list[Problem]]:
    """Give each draft its value, walking the text in order with a :class:`Clock`."""
    timexes: list[Timex] = []
    problems: list[Problem] = []
    clock = Clock(text=text, speech=dct)
    sent_iter = iter(sentences)
    sentence: Span | None = next(sent_iter, None)
    sentence_future: dict[tuple[int, int], bool] = {}
    for d in drafts:
        while sentence is not None and sentence.end <= d.start:
            sentence = next(sent_iter, None)

        def cue(sentence: Span | None = sentence) -> bool:
            key = (sentence.start, sentence.end) if sentence else (0, len(text))
            if key not in sentence_future:  # once per sentence: a long one may hold many dates
                sentence_future[key] = bool(_FUTURE_CUE.search(text, key[0], key[1]))
            return sentence_future[key]

        tense = ClauseTense(text, d, sentence, cue)
        value, anchor, basis = d.value, None, "explicit"
        inferred = False
        if d.recipe is not None:
            value, anchor, basis = None, None, "none"
            for resolver in RESOLVERS:
                answer = resolver(clock, d, tense)
                if answer is not None:
                    value, anchor, basis = answer
                    inferred = resolver is story_calendar
                    break
            if value is None:
                basis, anchor = "none", None
                problems.append(_unresolved(text, d, dct))
        elif d.kind == "ref":
            basis = "deictic"
        t = _timex(text, d, value, anchor, basis)
        t = _in_results_quarter(clock, t)
        timexes.append(t)
        derived = d.follows_quarter and anchor == (clock.quarter.id if clock.quarter else None)
        flashback = (
            d.kind == "anaphoric"
            and basis == "anaphoric"
            and sentence is not None
            and len(_WORD.findall(text, sentence.start, d.start)) > 2
        )
        clock.observe(t, d, tense, derived, inferred, flashback)
    return timexes, problems


def _unresolved(text: str, d: _Draft, dct: str | None) -> Problem:
    return Problem(
        code="no-publication-date" if dct is None else "unresolved-time",
        message=f"{text[d.start : d.end]!r} is relative and "
        + (
            "no publication date is known (give --published)"
            if dct is None
            else "could not be resolved"
        ),
        start=d.start,
        end=d.end,
    )


def _timex(text: str, d: _Draft, value: str | None, anchor: str | None, basis: str) -> Timex:
    granularity = (
        "duration" if d.type == "DURATION" else "set" if d.type == "SET" else granularity_of(value)
    )
    return Timex(
        id=f"t{d.start}-{d.end}",
        start=d.start,
        end=d.end,
        text=text[d.start : d.end],
        type=cast(Any, d.type),
        value=value,
        granularity=granularity,
        mod=d.mod,
        anchor=anchor,
        basis=cast(Any, basis),
    )


def _in_results_quarter(clock: Clock, t: Timex) -> Timex:
    """ "the 1988 period" among quarterly figures: that year's quarter of the same number."""
    q = clock.quarter
    if (
        q is not None
        and q.value
        and t.value
        and re.fullmatch(r"\d{4}", t.value)
        and (QUARTER_AFTER.match(clock.text, t.end) or QUARTER_INSIDE.search(t.text))
    ):
        return dataclasses.replace(t, value=f"{t.value}{q.value[4:]}", granularity="quarter")
    return t
