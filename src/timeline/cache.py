"""The build cache, ``OUT/cache.sqlite``: what a build did, so that a rerun skips what is
unchanged.

One row per input: its key, the sha256 of its bytes, the settings key, the id of its
document and the size and modification time of the document file written for it (so an
edited or truncated document is parsed again). It is only a cache: a damaged file, or one
in another format, is replaced by a new one (every input is parsed again) and the caller is
told once through ``notify``.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

__all__ = ["Cache", "CacheRow", "CACHE_FILES"]

FORMAT = "2"
CACHE_FILES = ("cache.sqlite", "cache.sqlite-wal", "cache.sqlite-shm")

CacheRow = tuple[str, str, str, int, int]  # hash, settings, doc id, doc size, doc mtime_ns


class Cache:
    """SQLite record of finished inputs."""

    def __init__(self, path: Path, notify: Callable[[str], None] | None = None) -> None:
        self.path = path
        self.notify = notify or (lambda message: None)
        self.db: sqlite3.Connection | None = None
        self._dropped = False
        try:
            self._open()
        except sqlite3.DatabaseError as e:
            self._drop(f"{path}: damaged or not a timeline cache ({e})")

    def _open(self) -> None:
        self.db = sqlite3.connect(self.path, timeout=30)
        # a cache: after a power cut it may forget the last few inputs (they are redone)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        if self.db.execute("PRAGMA quick_check").fetchone() != ("ok",):
            raise sqlite3.DatabaseError("integrity check failed")
        self.db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
        row = self.db.execute("SELECT value FROM meta WHERE name='format'").fetchone()
        tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master")}
        if row is None and "done" in tables:
            raise sqlite3.DatabaseError("written by an earlier version")
        if row is not None and row[0] != FORMAT:
            raise sqlite3.DatabaseError(f"format {row[0]!r}, not {FORMAT!r}")
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS done (key TEXT PRIMARY KEY, hash TEXT, settings TEXT, "
            "doc_id TEXT, doc_size INTEGER, doc_mtime INTEGER, at REAL)"
        )
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('format', ?)", (FORMAT,))
        self.db.commit()

    def _drop(self, why: str) -> None:
        """Start a new cache file, once; if even that fails, go on without a cache."""
        self.close()
        if self._dropped:
            return
        self._dropped = True
        for name in CACHE_FILES:
            (self.path.parent / name).unlink(missing_ok=True)
        try:
            self._open()
            self.notify(f"{why}; started a new cache, so every input is parsed again")
        except sqlite3.DatabaseError as e:
            self.close()
            self.notify(f"{why}; going on without a cache ({e})")

    def get(self, key: str) -> CacheRow | None:
        if self.db is None:
            return None
        try:
            row = self.db.execute(
                "SELECT hash, settings, doc_id, doc_size, doc_mtime FROM done WHERE key=?", (key,)
            ).fetchone()
        except sqlite3.DatabaseError as e:
            self._drop(f"{self.path}: damaged ({e})")
            return None
        return (str(row[0]), str(row[1]), str(row[2]), int(row[3]), int(row[4])) if row else None

    def put(self, key: str, digest: str, settings: str, doc_id: str, doc: Path) -> None:
        if self.db is None:
            return
        st = doc.stat()
        try:
            self.db.execute(
                "INSERT OR REPLACE INTO done VALUES (?, ?, ?, ?, ?, ?, ?)",
                (key, digest, settings, doc_id, st.st_size, st.st_mtime_ns, time.time()),
            )
            self.db.commit()
        except sqlite3.DatabaseError as e:
            self._drop(f"{self.path}: damaged ({e})")

    def forget(self, key: str) -> None:
        if self.db is None:
            return
        try:
            self.db.execute("DELETE FROM done WHERE key=?", (key,))
            self.db.commit()
        except sqlite3.DatabaseError as e:
            self._drop(f"{self.path}: damaged ({e})")

    def close(self) -> None:
        if self.db is not None:
            with contextlib.suppress(sqlite3.Error):
                self.db.close()
            self.db = None
