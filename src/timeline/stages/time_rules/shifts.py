"""Moving an anchor by an amount: the recipes relative rules share ("two years ago", "next
month", "a few weeks later")."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from timeline.stages.normalize import number_value
from timeline.stages.time_rules.base import first_day
from timeline.stages.values import shift, truncate, value_range, year_part


def needed(unit: str) -> str:
    return {
        "week": "day",
        "weekend": "day",
        "fortnight": "day",
        "month": "month",
        "quarter": "month",
    }.get(unit, "year")


@lru_cache(maxsize=1024)  # one recipe per (step, unit), not one closure per match
def shift_recipe(step: int, unit: str) -> Callable[[str, bool], str | None]:
    def recipe(anchor: str, future: bool) -> str | None:
        if step == 0:
            base = anchor if unit not in ("decade", "century") else year_part(anchor) or anchor
            gran = unit
            return truncate(base, gran) if gran != "weekend" else truncate(base, "weekend")
        return shift(_coarsen(anchor, unit), step, unit) or _shift_coarse(anchor, step, unit)

    return recipe


@lru_cache(maxsize=4096)
def _shift_coarse(anchor: str, step: int, unit: str) -> str | None:
    """An anchor coarser than the amount ("last week ... two days later"): move both ends of
    the anchor's period and keep what they share (the month, else the year), else the
    anchor itself: the honest granularity, not a made-up day."""
    rng = value_range(anchor)
    if rng is None:
        return None
    lo, hi = (shift(day, step, unit) for day in rng)
    if lo is None or hi is None:
        return None
    lo, hi = first_day(lo), first_day(hi)
    if lo[:7] == hi[:7]:
        return lo[:7]
    return lo[:4] if lo[:4] == hi[:4] else anchor


# how many units "a few" or "several" can mean
_VAGUE_BOUNDS = {"a few": (2, 4), "few": (2, 4), "several": (3, 7), "some": (2, 7)}


def amount_bounds(words: str, n: float | None) -> tuple[int, int] | None:
    """ "two to three" -> (2, 3); "a few" -> (2, 4); "2 1/2" -> (2, 3); "many" -> None."""
    if n is not None:
        return int(n), int(n) + 1
    nums = re.split(r"\s+(?:to|or)\s+", words.lower())
    if len(nums) == 2:
        lo, hi = number_value(nums[0]), number_value(nums[1])
        if lo is not None and hi is not None:
            return int(min(lo, hi)), int(max(lo, hi) + 0.99)
    return _VAGUE_BOUNDS.get(words.lower())


def vague_shift_recipe(
    step: int, unit: str, bounds: tuple[int, int] | None
) -> Callable[[str, bool], str | None]:
    """ "A few years ago", "two to three months later": the coarsest period holding every
    reading ("199", "2021"), else only the direction (PAST_REF, FUTURE_REF)."""
    ref = "PAST_REF" if step < 0 else "FUTURE_REF"
    years = {"decade": 10, "century": 100}.get(unit)

    def recipe(anchor: str, future: bool) -> str | None:
        if bounds is None:
            return ref
        if years:
            ends = [shift(anchor[:4], step * k * years, "year") for k in bounds]
        else:
            ends = [shift(_coarsen(anchor, unit), step * k, unit) for k in bounds]
        lo, hi = (first_day(e) if e else None for e in ends)
        if lo is None or hi is None:
            # "in 1990 ... a few days later": finer than the anchor, so about the anchor
            return anchor.split("T")[0] if anchor[:1].isdigit() else ref
        if unit in ("week", "day") and lo[:7] == hi[:7]:
            return lo[:7]
        if unit not in ("year", "decade", "century") and lo[:4] == hi[:4]:
            return lo[:4]
        if lo[:3] == hi[:3] and unit in ("year", "decade"):
            return lo[:3]  # the decade
        return ref

    return recipe


def _coarsen(anchor: str, unit: str) -> str:
    if unit in ("year", "decade", "century"):
        return year_part(anchor) or anchor
    if unit in ("month", "quarter"):
        return truncate(anchor, "month") or anchor
    return anchor
