"""Times anchored on events (issue 13, item 4): "New embankments were completed in 2001, two
years after work began" dates the beginning 1999; "The talks opened on 3 May 1990. Three
weeks after the talks opened, the two sides signed" dates the signing.

An amount of time followed by "after" or "before" ties two events of one sentence: the one
in the clause the amount modifies and the one in the phrase after "after"/"before". When one
of them is dated by a time expression of its own clause, the other is that date moved by the
amount (basis ``derived``, the note saying so). When neither is, nothing changes.
"""

from __future__ import annotations

import bisect
import re

from timeline.model import Document, Timex
from timeline.stages.events.drafts import Draft, value_time
from timeline.stages.events.lexicon import trigger_lemma
from timeline.stages.values import shift

__all__ = ["date_from_anchor_events"]

_AFTER = re.compile(r"\s+(after|before)\s+")
_PHRASE_END = re.compile(r"[,;:.!?]|\s[–—-]\s")
_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day"}


def _own_date(d: Draft, by_id: dict[str, Timex]) -> Timex | None:
    """The time expression that dates ``d`` from inside its own clause, if any."""
    t = by_id.get(d.time.timex or "") if d.time is not None else None
    if t is None or d.time is None or d.time.basis not in ("explicit", "anaphoric", "deictic"):
        return None
    return t if d.clause.start <= t.start < d.clause.end else None


def date_from_anchor_events(doc: Document, drafts: list[Draft], timexes: list[Timex]) -> None:
    """Move the dates of events tied by "N units after/before" (see the module docstring)."""
    text = doc.text
    by_id = {t.id: t for t in timexes}
    verbs = sorted((d for d in drafts if d.kind != "named"), key=lambda d: d.trigger.start)
    starts = [d.trigger.start for d in verbs]
    told_before: dict[str, list[tuple[int, Timex]]] = {}  # lemma -> (position, its own date)
    for d in verbs:
        own = _own_date(d, by_id)
        if own is not None:
            told_before.setdefault(trigger_lemma(d.trigger.text), []).append((d.trigger.start, own))
    for t in timexes:
        m = re.fullmatch(r"P(\d+)([YMWD])", t.value or "") if t.type == "DURATION" else None
        after = _AFTER.match(text, t.end) if m else None
        if m is None or after is None:
            continue
        n, unit = int(m.group(1)), _UNITS[m.group(2)]
        stop = _PHRASE_END.search(text, after.end(), after.end() + 120)
        end = stop.start() if stop else min(len(text), after.end() + 120)
        i = bisect.bisect_left(starts, after.end())
        if i >= len(verbs) or verbs[i].trigger.start >= end:
            # no verb in the phrase: "eight days after the attack on Fort Sumter" dates the
            # main event from the attack told earlier with a date ("attacked ... on April 12")
            _from_noun(
                text, t, (after.end(), end), (n, unit, after.group(1)), (verbs, starts), told_before
            )
            continue
        anchor = verbs[i]
        sentence = anchor.sentence
        lo, hi = (
            bisect.bisect_left(starts, sentence.start),
            bisect.bisect_left(starts, sentence.end),
        )
        # the sentence's verb nearest the phrase, outside it (found by bisection: a run-on
        # sentence may hold thousands of verbs)
        j, k = bisect.bisect_left(starts, t.start, lo, hi), bisect.bisect_left(starts, end, lo, hi)
        near = [verbs[j - 1]] if j > lo else []
        near += [verbs[k]] if k < hi else []
        if not near:
            continue
        told = min(near, key=lambda d: abs(d.trigger.start - t.start))
        step = n if after.group(1) == "after" else -n
        told_date = _own_date(told, by_id)
        anchor_date = _own_date(anchor, by_id) or _told_before(told_before, anchor)
        phrase = f"{t.text} {after.group(1)}"
        if told_date is not None and told_date.value and anchor_date is None:
            value = shift(told_date.value, -step, unit)
            if value:
                why = f"{t.text} before {told_date.text!r} ({told_date.value})"
                if step < 0:
                    why = f"{t.text} after {told_date.text!r} ({told_date.value})"
                anchor.time = value_time(value, "derived", why, t.id)
        elif anchor_date is not None and anchor_date.value and told_date is None:
            value = shift(anchor_date.value, step, unit)
            if value:
                why = f"{phrase} {anchor.trigger.text!r} ({anchor_date.value})"
                told.time = value_time(value, "derived", why, t.id)


def _told_before(told: dict[str, list[tuple[int, Timex]]], anchor: Draft) -> Timex | None:
    """The date of the same event told earlier with a date of its own ("The talks opened on
    3 May 1990. Three weeks after the talks opened, ...")."""
    return _last_before(told.get(trigger_lemma(anchor.trigger.text), []), anchor.trigger.start)


def _last_before(told: list[tuple[int, Timex]], pos: int) -> Timex | None:
    """The date of the last telling before ``pos`` (``told`` is in text order)."""
    i = bisect.bisect_left(told, pos, key=lambda x: x[0])
    return told[i - 1][1] if i > 0 else None


_NOUN = re.compile(r"[a-z]+")


def _from_noun(
    text: str,
    t: Timex,
    phrase: tuple[int, int],
    amount: tuple[int, str, str],
    verbs_at: tuple[list[Draft], list[int]],
    told: dict[str, list[tuple[int, Timex]]],
) -> None:
    """Date the event an "N units after the NOUN" phrase modifies from the event the noun
    names, when the text told it earlier with a date of its own (the noun is the verb's
    lemma: "attacked" ... "after the attack"; "fell" ... "after the fall")."""
    (lo, hi), (n, unit, way), (verbs, starts) = phrase, amount, verbs_at
    date = None
    for m in _NOUN.finditer(text, lo, hi):
        if m.group() not in told:
            continue
        date = _last_before(told[m.group()], t.start)
        if date is not None:
            noun = m.group()
            break
    if date is None or not date.value:
        return
    sentence_end = _SENTENCE_END.search(text, hi, hi + 400)
    stop = sentence_end.end() if sentence_end else min(len(text), hi + 400)
    i = bisect.bisect_left(starts, hi)
    if i < len(verbs) and verbs[i].trigger.start < stop:
        told_event = verbs[i]  # the main clause after the phrase
    else:
        j = bisect.bisect_left(starts, t.start) - 1  # else the one just before it
        if j < 0 or verbs[j].trigger.start < t.start - 200:
            return
        told_event = verbs[j]
    if told_event.time is not None and told_event.time.basis == "explicit":
        return  # it has a date of its own
    step = n if way == "after" else -n
    if unit == "week" and re.fullmatch(r"\d{4}-\d\d-\d\d", date.value):
        step, unit = 7 * step, "day"  # two weeks after a day: a day
    value = shift(date.value, step, unit)
    if value:
        why = f"{t.text} {way} the {noun} ({date.value})"
        told_event.time = value_time(value, "derived", why, t.id)


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
