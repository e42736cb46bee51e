"""Settings shared by every stage. Part of the cache key of a run, so keep it small."""

from __future__ import annotations

import os
from dataclasses import dataclass

__all__ = ["Settings", "DEFAULT", "max_chars_limit"]

MAX_CHARS = 20_000_000


MAX_CHARS_CEILING = 500_000_000  # reads reserve 4 bytes a character: keep that allocatable


def max_chars_limit() -> int:
    """The input size limit in characters: ``TIMELINE_MAX_CHARS`` if set, else 20 million."""
    from timeline.errors import InputError

    raw = os.environ.get("TIMELINE_MAX_CHARS", "").strip()
    if not raw:
        return MAX_CHARS
    try:
        value = int(raw.replace("_", "").replace(",", ""))
    except ValueError:
        raise InputError(f"TIMELINE_MAX_CHARS={raw!r} is not a whole number") from None
    if value < 1 or value > MAX_CHARS_CEILING:
        raise InputError(
            f"TIMELINE_MAX_CHARS={raw!r} must be between 1 and {MAX_CHARS_CEILING:,} "
            "(a larger text does not fit a pipeline held in memory: split it)"
        )
    return value


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Knobs of the pipeline.

    max_chars: inputs longer than this are refused with a clear error; None (the default)
    reads ``TIMELINE_MAX_CHARS`` when a text is checked (20 M characters if unset), so that a
    bad value is an error of the command that uses it, not of ``import timeline``.
    """

    max_chars: int | None = None
    # Density caps keep pathological input (a megabyte of dates, one endless sentence of
    # verbs) within seconds. Real news has a few time expressions and events per thousand
    # characters; past these, the rest of the text is left untagged and a problem says so.
    max_timexes_per_1000: int = 32
    max_events_per_1000: int = 16
    max_mentions_per_1000: int = 64  # news: at most ~30 (TBAQ, MEANTIME, WikiWars)
    min_cap: int = 2000

    def char_limit(self) -> int:
        """``max_chars``, or the environment's limit when it is None."""
        return self.max_chars if self.max_chars is not None else max_chars_limit()

    def cap(self, n_chars: int, per_1000: int) -> int:
        """How many items a text of ``n_chars`` may hold before the stage stops."""
        return max(self.min_cap, n_chars * per_1000 // 1000)


DEFAULT = Settings()
