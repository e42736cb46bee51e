"""Sorted span lookups, so that stages stay linear on long documents.

>>> idx = SpanIndex([(10, 14, "a"), (0, 3, "b"), (20, 30, "c")])
>>> idx.covering(12), idx.covering(5)
('a', None)
>>> [p for _, _, p in idx.starting_in(0, 15)]
['b', 'a']
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Generic, TypeVar

__all__ = ["SpanIndex"]

T = TypeVar("T")


class SpanIndex(Generic[T]):
    """Spans ``(start, end, payload)`` sorted by start."""

    def __init__(self, spans: Iterable[tuple[int, int, T]]) -> None:
        self.items = sorted(spans, key=lambda s: (s[0], s[1]))
        self.starts = [s[0] for s in self.items]
        self._max_len = max((e - s for s, e, _ in self.items), default=0)

    def covering(self, pos: int) -> T | None:
        """The payload of a span that contains ``pos`` (the latest-starting one), or None."""
        lo = bisect.bisect_left(self.starts, pos - self._max_len)
        hi = bisect.bisect_right(self.starts, pos)
        for i in range(hi - 1, lo - 1, -1):
            s, e, p = self.items[i]
            if s <= pos < e:
                return p
        return None

    def starting_in(self, start: int, end: int) -> list[tuple[int, int, T]]:
        """Spans whose start lies in ``[start, end)``, in order."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return self.items[lo:hi]

    def first_starting_in(self, start: int, end: int) -> tuple[int, int, T] | None:
        """The first span whose start lies in ``[start, end)``, or None (no list is built)."""
        lo = bisect.bisect_left(self.starts, start)
        if lo < len(self.items) and self.starts[lo] < end:
            return self.items[lo]
        return None

    def nearest_starting_in(self, start: int, end: int, pos: int) -> tuple[int, int, T] | None:
        """Of the spans whose start lies in ``[start, end)``, the one starting nearest
        ``pos`` (on a tie the earlier, then the shorter), or None; no list is built.

        >>> idx = SpanIndex([(0, 3, "a"), (10, 12, "b"), (10, 15, "c"), (20, 22, "d")])
        >>> [idx.nearest_starting_in(0, 30, p)[2] for p in (14, 15, 16)]
        ['b', 'b', 'd']
        >>> idx.nearest_starting_in(11, 30, 14)[2], idx.nearest_starting_in(0, 10, 14)[2]
        ('d', 'a')
        """
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        j = bisect.bisect_left(self.starts, pos, lo, hi)  # the first starting at or after pos
        before = None
        if j > lo:  # the last start before pos, the first item with it
            before = bisect.bisect_left(self.starts, self.starts[j - 1], lo, j)
        if j < hi and (before is None or self.starts[j] - pos < pos - self.starts[before]):
            return self.items[j]
        return self.items[before] if before is not None else None

    def last_starting_in(self, start: int, end: int) -> tuple[int, int, T] | None:
        """The last span whose start lies in ``[start, end)``, or None (no list is built)."""
        hi = bisect.bisect_left(self.starts, end)
        if hi > 0 and self.starts[hi - 1] >= start:
            return self.items[hi - 1]
        return None

    def last_ending_by(self, pos: int) -> tuple[int, int, T] | None:
        """Of the spans starting before ``pos``, the last one that ends at or before it."""
        hi = bisect.bisect_left(self.starts, pos)
        for i in range(hi - 1, max(-1, hi - 50), -1):
            if self.items[i][1] <= pos:
                return self.items[i]
        return None
