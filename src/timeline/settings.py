"""Settings shared by every stage. Part of the cache key of a run, so keep it small."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

__all__ = ["Settings", "DEFAULT", "max_chars_limit"]

MAX_CHARS = 20_000_000


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
    if value < 1:
        raise InputError(f"TIMELINE_MAX_CHARS={raw!r} must be at least 1")
    return value


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Knobs of the pipeline.

    max_chars: inputs longer than this are refused with a clear error (20 M characters, or
    the environment's ``TIMELINE_MAX_CHARS``).
    """

    max_chars: int = field(default_factory=max_chars_limit)
    # Density caps keep pathological input (a megabyte of dates, one endless sentence of
    # verbs) within seconds. Real news has a few time expressions and events per thousand
    # characters; past these, the rest of the text is left untagged and a problem says so.
    max_timexes_per_1000: int = 32
    max_events_per_1000: int = 16
    min_cap: int = 2000

    def cap(self, n_chars: int, per_1000: int) -> int:
        """How many items a text of ``n_chars`` may hold before the stage stops."""
        return max(self.min_cap, n_chars * per_1000 // 1000)


DEFAULT = Settings()
