"""Settings shared by every stage. Part of the cache key of a run, so keep it small."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Settings", "DEFAULT"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Knobs of the pipeline.

    max_chars: inputs longer than this are refused with a clear error (20 M characters).
    """

    max_chars: int = 20_000_000


DEFAULT = Settings()
