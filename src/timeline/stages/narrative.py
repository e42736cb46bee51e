"""The narrative clock: which time each relative expression is told from.

A news story speaks from its publication date (the *speech time*) and often tells a story
set at another time (the *reference time*): "The crisis began in 1962. In October, Soviet
ships ..." While the time expressions are walked in text order, a :class:`Clock` keeps

- ``speech``: the publication date (``None`` when unknown);
- ``last``: the most recent resolved date, which "two days later" counts from;
- ``story``: the reference time, the most recent date the text narrates at (a year or
  finer, not a range's end such as "since 1990" nor a modifier such as "the 1988 bombing");
- ``quarter``: the quarter a company-results story reports on.

Each expression that needs an anchor goes to the resolvers of
:mod:`timeline.stages.resolvers` in order; the first that answers gives its value, its
anchor (a time expression's id, or ``"dct"``) and its basis.
Deictic words ("yesterday", "this week", "now", "last year") always speak from the
publication date; "the next day", "that year" count from the text; a date without its
year ("June 10", "in October", "the summer") takes its year from the story when the story
is in the past and the clause is not a plan from today. A past-tense clause is never dated
after the publication date.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from timeline.model import Span, Timex
from timeline.stages.anchoring import (
    ENDED,
    near_sentence_start,
    next_quarter_context,
    not_narration,
)
from timeline.stages.clause_cues import (
    in_apposition,
    in_quotation,
    modifies_noun,
    present_verbs,
    years_since,
)
from timeline.stages.tense import is_past_form, local_tense
from timeline.stages.time_rules import Draft
from timeline.stages.values import (
    granularity_rank,
    year_number,
)

__all__ = ["Clock", "ClauseTense", "CALENDAR", "NEAR_REACH"]


_YEAR_RANK = granularity_rank("year")
# how long a story's year holds without being written or counted again (characters), for a
# story three or more years before the publication year and for a nearer one
STORY_REACH, NEAR_REACH, FAR_YEARS = 5000, 400, 3
HISTORY_DATES = 4
CALENDAR = re.compile(r"(?:BC)?\d{4}(?:-|$)")
# the day a quotation was given ('"We thought that was it," Okonkwo said in a phone
# interview last week'): the frame of the quote, not the story coming back to today
_REPORTED_WHEN = re.compile(
    r"(?i)\b(?:said|says|told|recalled|recalls|added|wrote|explained)\b[^.;:!?\"\u201c\u201d]*$"
)
_AFTER_ASIDE = re.compile(r"\s*,\s+([a-z]+)\b")


class ClauseTense:
    """The tense around one expression, computed on first use (a scan of its context; most
    expressions never ask). ``future``: the verb or clause points ahead; ``past``: a verb
    near it is in the past; ``local``: a verb within a few words decided."""

    def __init__(self, text: str, d: Draft, sentence: Span | None, cue: Callable[[], bool]):
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
    ahead: Draft | None = None  # the next expression in the text, not yet resolved
    # dates that become the story if told in the past tense; the tense is only looked at
    # when a date without its year asks (most texts have few), newest first
    pending: list[tuple[Timex, ClauseTense]] = dataclasses.field(default_factory=list)
    # for the last dates written with their year: whether each lies long before publication
    # (cleared by a word that speaks from today, "yesterday", "last week")
    written: list[bool] = dataclasses.field(default_factory=list)

    def observe(
        self,
        t: Timex,
        d: Draft,
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
        # "Thirty years ago this spring": one phrase, the second part does not reset the first
        same_phrase = self.last is not None and 0 <= t.start - self.last.end <= 1
        if (
            t.type in ("DATE", "TIME")
            and t.value
            and granularity_rank(t.granularity) >= 0
            and not derived
        ):
            if self.last is None or not (
                self._in_apposition(t)
                or self._bracketed(t)
                or self._range_start(t)
                or modifies_noun(self.text, t)
            ):
                self.last = t  # not "Okonkwo, a catcher born in 1971,": the next year is the
                # story's, not his birth's
            self._note_written(t, d)
            if not ENDED.search(self.text, max(0, t.start - 12), t.start):
                self.quarter = next_quarter_context(self.quarter, t)
            if t.basis == "deictic":
                if (
                    d.kind == "deictic"
                    and self._far_past(t)
                    and near_sentence_start(self.text, t.start, 2)
                ):
                    # "Thirty years ago this spring, the Kestrels were the worst team": the
                    # story is in that year, counted back from today
                    self.story, self.told = t, t.end
                    self.pending.clear()
                elif (
                    d.kind == "deictic"
                    and (not d.yearless or bool(tense))
                    and not same_phrase
                    and not _REPORTED_WHEN.search(self.text, max(0, t.start - 60), t.start)
                ):
                    # "yesterday", "last week", "will join on March 12": told from today
                    # again (not a past "March 19" read from today for want of a story year)
                    self.story = None
                    self.pending.clear()
                # else an anaphoric phrase counted from today for want of a date ("a
                # fortnight earlier" after "That July"): it neither resets nor sets the story
            elif (
                not d.follows_quarter  # "compared with $3 million a year earlier"
                and granularity_rank(t.granularity) >= _YEAR_RANK
                and CALENDAR.match(t.value)
                and not not_narration(self.text, t)
                and not looks_back
                and not self._in_apposition(t)
                and not self._bracketed(t)
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

    def _note_written(self, t: Timex, d: Draft) -> None:
        if t.basis == "explicit" and CALENDAR.match(t.value or ""):
            self.written = [*self.written[-(HISTORY_DATES - 1) :], self._far_past(t)]
        elif t.basis == "deictic" and d.kind == "deictic" and not self._far_past(t):
            self.written.clear()

    def history(self) -> bool:
        """Whether the text reads as history: the last ``HISTORY_DATES`` dates written with
        their year all lie long before publication, with no word from today since. Its
        story holds across commentary told from today ("This description has become
        popular ... On 17 August, the Convention voted")."""
        return len(self.written) >= HISTORY_DATES and all(self.written)

    def _range_start(self, t: Timex) -> bool:
        """Whether ``t`` starts a span that reaches the story's time ("the federation it had
        belonged to since 1946"): "that winter" after it is not 1946's."""
        return bool(_SINCE_BEFORE.search(self.text, max(0, t.start - 8), t.start))

    def _in_apposition(self, t: Timex) -> bool:
        return in_apposition(self.text, t)

    def _bracketed(self, t: Timex) -> bool:
        """Whether ``t`` stands alone in brackets after a name ("the Civil Constitution of
        the Clergy (1790)"): the date of that thing, not the story's."""
        before, after = self.text[max(0, t.start - 1) : t.start], self.text[t.end : t.end + 1]
        return (before, after) in (("(", ")"), ("[", "]"))

    def _far_past(self, t: Timex) -> bool:
        """Whether ``t`` is a date of a year at least ``FAR_YEARS`` before publication."""
        year, now = year_number(t.value), year_number(self.speech)
        return (
            year is not None
            and now is not None
            and year <= now - FAR_YEARS
            and bool(CALENDAR.match(t.value or ""))
        )

    def _heading(self, t: Timex) -> bool:
        """Whether ``t`` is a section heading: a past date alone on its line ("1936",
        "Summer 1942"), which the section below it tells of."""
        text = self.text
        # (a heading is short: look no further than 100 characters each way)
        lo = text.rfind("\n", max(0, t.start - 100), t.start) + 1
        hi = text.find("\n", t.end, t.end + 100)
        if (lo == 0 and t.start > 100) or (hi < 0 and len(text) - t.end > 100):
            return False
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
            # (a date long past whose verb is out of reach is told in the past too; "long
            # past" is strictly more than FAR_YEARS here, unlike ``_far_past``: measured, a
            # date exactly FAR_YEARS back with no verb in reach is as often a recent aside)
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
            if self.history():
                return story  # commentary from today does not end a history's story
            # the text came back to today in between ("Castro noted ... the boy's relatives
            # are fighting"): the story's year no longer holds
            now = (
                m
                for m in present_verbs(self.text, self.told, pos)
                if not in_quotation(self.text, m.start())  # a quote speaks from the story
            )
            return None if next(now, None) and next(now, None) else story
        # a story of the last year or two: the year must have just been written out ("in
        # 1998 ... in December"); else the latest such date before today is as likely
        if story.basis != "explicit" or pos - story.end > NEAR_REACH:
            return None
        return story


_SINCE_BEFORE = re.compile(r"(?i)\bsince\s+$")
