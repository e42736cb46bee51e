"""The time axis of the SVG timeline: a scale from days to pixels that squeezes long empty
stretches, and the ticks to label it with (years, months or days, as many as fit)."""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections.abc import Collection, Sequence
from typing import Any

from timeline.stages.day_numbers import date_of_day, day_number

__all__ = ["LAST_DAY", "TICK_GAP", "Scale", "pick_ticks", "tick_candidates", "year_label"]

TICK_GAP = 58  # pixels between tick labels

LAST_DAY = dt.date.max.toordinal()


_MON = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def year_label(y: int) -> str:
    """An astronomical year as a reader writes it: 1962, 480 BC (the year -479)."""
    return str(y) if y >= 1 else f"{1 - y} BC"


class Scale:
    """Time (days) to x, piecewise linear: each stretch between consecutive event boundaries
    gets a width growing with the logarithm of its length. A year and the day after it stay
    readable side by side, and fifty empty years take little room (they are marked as a gap).
    """

    def __init__(self, boundaries: Sequence[int], x0: float, width: float) -> None:
        self.t = sorted(set(boundaries))
        u = [0.0]
        for a, b in zip(self.t, self.t[1:], strict=False):
            u.append(u[-1] + math.log1p(b - a))
        total = u[-1] or 1.0
        self.u = [v / total for v in u]
        self.x0, self.width = x0, width

    def unit(self, day: float) -> float:
        t, u = self.t, self.u
        if day <= t[0]:
            return u[0]
        if day >= t[-1]:
            return u[-1]
        i = bisect.bisect_right(t, day) - 1
        return u[i] + (u[i + 1] - u[i]) * (day - t[i]) / (t[i + 1] - t[i])

    def __call__(self, day: float) -> float:
        return round(self.x0 + self.unit(day) * self.width, 1)


def tick_candidates(t_min: int, t_max: int, starts: Collection[int] = ()) -> list[list[Any]]:
    """Possible axis ticks in ``[t_min, t_max]`` as ``[day, label, level]`` (level 0 coarsest),
    in the order to try them: coarse first and, at a level, days where an event starts.
    Year starts always; month starts over at most 200 years; days over at most 400 days.
    app.js (``candidates``) makes the same list for the range in view when zoomed."""
    t_max = min(LAST_DAY, t_max)  # the calendar's end: 9999 (years before Christ go on)
    (y0, m0, _), (y1, _, _) = date_of_day(t_min), date_of_day(t_max)
    span = y1 - y0
    step = 1 if span <= 400 else 10 if span <= 4000 else 100
    out: list[list[Any]] = []
    for y in range(y0, min(y1, 9999) + 1):
        n = y if y >= 1 else 1 - y  # the year as written: decades of 480 BC, not of -479
        if n % step == 0 and t_min <= (d := day_number(y)) <= t_max:
            out.append([d, year_label(y), 0 if n % 100 == 0 else 1 if n % 10 == 0 else 2])
    if span <= 200:
        y, m = y0, m0
        while (y, m) <= (y1, 12) and y <= 9999:
            if m != 1 and t_min <= (o := day_number(y, m)) <= t_max:
                out.append([o, f"{_MON[m - 1]} {year_label(y)}", 3])
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    if t_max - t_min <= 400:
        for o in range(t_min, t_max + 1):
            _, mo, day = date_of_day(o)
            if day != 1:
                out.append([o, f"{day} {_MON[mo - 1]}", 4])
    out.sort(key=lambda c: (c[2], c[0] not in starts, c[0]))
    return out


LABEL_CHAR_W = 7  # pixels per character of an axis label, a little over the font's


def pick_ticks(
    cands: Sequence[Sequence[Any]], x: Any, lo: float, hi: float, avoid: Sequence[float] = ()
) -> list[Sequence[Any]]:
    """Candidates (in their order) inside ``[lo, hi]`` (pixels), at least ``TICK_GAP`` apart,
    whose label (drawn from 3 pixels right of the tick) covers none of the gap marks centred
    at ``avoid``."""
    chosen: list[float] = []
    out: list[Sequence[Any]] = []
    for c in cands:
        px = x(c[0])
        right = px + 3 + LABEL_CHAR_W * len(str(c[1]))
        if any(px - 6 <= g <= right + 6 for g in avoid):
            continue  # "Oct 1≈63": the label would run into a gap mark
        if lo <= px <= hi and all(abs(px - q) >= TICK_GAP for q in chosen):
            chosen.append(px)
            out.append(c)
    out.sort(key=lambda c: c[0])
    return out
