"""The output folder of ``timeline build``: who is writing there, and which files are ours.

::

    OUT/.timeline.lock    held (an OS file lock) by the build writing OUT; holds its process id
    OUT/.timeline-files   every file timeline wrote in OUT, one relative path a line

- A file timeline did not write is never replaced: the build stops before parsing anything
  and names the file.
- timeline's own files are never read back as inputs, and a folder holding
  ``.timeline-files`` (another build's output) is skipped when folders are searched
  (:mod:`timeline.inputs`).
- Two builds never write into one folder at the same time: the second one stops and names
  the process that holds the folder.
- A folder written before the record existed is recognised by its ``manifest.json``.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from pathlib import Path
from types import TracebackType
from typing import IO

from timeline.errors import OutputError
from timeline.readwrite.atomic import is_temporary, replace_into, write_atomic

__all__ = ["OutputFolder", "RECORD", "LOCK", "SCRATCH_PREFIX", "is_output_folder"]

RECORD = ".timeline-files"
LOCK = ".timeline.lock"
SCRATCH_PREFIX = ".timeline-merge-"  # graph/stream.py's scratch folders


def is_output_folder(folder: Path) -> bool:
    """True when ``folder`` is (or was) a ``timeline build`` output folder."""
    return (folder / RECORD).is_file() or bool(_legacy_outputs(folder))


class OutputFolder:
    """``with OutputFolder(out) as folder:`` holds the lock on ``out`` for the block.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp, OutputFolder(tmp) as out:
    ...     _ = out.write("notes.json", "{}")
    ...     out.owns("notes.json"), out.owns("other.txt")
    (True, False)
    """

    def __init__(self, path: str | Path) -> None:
        self.root = Path(path)
        self._owned: set[str] = set()
        self._record: IO[str] | None = None
        self._lock: IO[str] | None = None
        self._new_lock = False

    # ------------------------------------------------------------------ lock and record
    def __enter__(self) -> OutputFolder:
        root = self.root
        if root.exists() and not root.is_dir():
            raise OutputError(f"{root}: is a file; the output (-o) must be a folder")
        try:
            root.mkdir(parents=True, exist_ok=True)
            self._new_lock = not (root / LOCK).exists()
            self._lock = open(root / LOCK, "a+", encoding="utf-8")  # noqa: SIM115 - held open
        except OSError as e:
            raise OutputError.from_os(root, e) from None
        if not _try_lock(self._lock):
            self._lock.seek(0)
            holder = self._lock.read().strip() or "another process"
            self._lock.close()
            self._lock = None
            raise OutputError(
                f"{root}: another timeline build ({holder}) is writing here; wait for it to "
                "finish or choose another output folder"
            )
        self._lock.seek(0)
        self._lock.truncate()
        self._lock.write(f"process {os.getpid()}")
        self._lock.flush()
        self._owned = self._read_record()
        self._remove_stale_temporaries()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._record is not None:
            with contextlib.suppress(OSError):
                self._record.close()
            self._record = None
        if self._lock is not None:
            if self._new_lock and self._record is None:  # we wrote nothing: leave no trace
                (self.root / LOCK).unlink(missing_ok=True)  # safe: nobody waits on this lock
            self._lock.close()  # closing releases the OS lock
            self._lock = None

    def _read_record(self) -> set[str]:
        try:
            lines = (self.root / RECORD).read_text(encoding="utf-8").splitlines()
            return {line for line in lines if line}
        except FileNotFoundError:
            return _legacy_outputs(self.root)
        except (OSError, UnicodeDecodeError) as e:
            raise OutputError(
                f"{self.root / RECORD}: cannot read timeline's record of its files ({e}); "
                "choose another output folder"
            ) from None

    def _remove_stale_temporaries(self) -> None:
        """Delete what a killed run left behind: our temporary files and scratch folders,
        recognised by their names; finished files and other people's files are not touched."""
        for folder in (self.root, self.root / "docs"):
            if folder.is_dir():
                for p in folder.iterdir():
                    if is_temporary(p.name) and p.is_file():
                        p.unlink(missing_ok=True)
        for p in self.root.glob(SCRATCH_PREFIX + "*"):
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p, ignore_errors=True)

    # ------------------------------------------------------------------ ownership
    def owns(self, rel: str) -> bool:
        """True when timeline wrote ``rel`` (a path relative to the folder, ``/``-separated)."""
        return rel in self._owned

    def owned_paths(self) -> set[str]:
        """Real paths (``os.path.realpath``) of every file timeline wrote here, and its own."""
        root = os.path.realpath(self.root)
        return {os.path.join(root, *rel.split("/")) for rel in self._owned | {RECORD, LOCK}}

    def check(self, rel: str) -> None:
        """Raise OutputError unless timeline may write ``rel``: it must not be a folder, and
        if it exists timeline must have written it."""
        p = self.root / rel
        if p.is_dir():
            raise OutputError(f"{p}: is a folder where timeline writes a file; move it away")
        if (p.exists() or p.is_symlink()) and rel not in self._owned:
            raise OutputError(
                f"{p}: exists and timeline did not write it; move it, or choose another "
                "output folder"
            )

    def claim(self, rel: str) -> Path:
        """Check ``rel`` and record it as ours (before it is written); its full path."""
        self.check(rel)
        if rel not in self._owned or self._record is None:
            try:
                if self._record is None:  # the first file written: start the record
                    assert self._lock is not None, "use OutputFolder in a with block"
                    self._record = open(self.root / RECORD, "a", encoding="utf-8")  # noqa: SIM115
                    if self._record.tell() == 0:  # a legacy folder's files, adopted
                        self._record.write("".join(f"{r}\n" for r in sorted(self._owned)))
                if rel not in self._owned:
                    self._record.write(rel + "\n")
                self._record.flush()
            except OSError as e:
                raise OutputError.from_os(self.root / RECORD, e) from None
            self._owned.add(rel)
        return self.root / rel

    def write(self, rel: str, data: str | bytes) -> Path:
        """Write ``rel`` atomically (see :meth:`check`)."""
        return write_atomic(self.claim(rel), data)

    def place(self, tmp: str | Path, rel: str) -> Path:
        """Move a complete temporary file (written by a worker) to ``rel``."""
        try:
            target = self.claim(rel)
        except OutputError:
            Path(tmp).unlink(missing_ok=True)
            raise
        return replace_into(tmp, target)


def _try_lock(f: IO[str]) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows: lock the first byte
        import msvcrt

        try:
            f.seek(0)
            msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    try:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


_LEGACY_FILES = (
    "manifest.json",
    "errors.jsonl",
    "index.html",
    "graph.json",
    "graph.graphml",
    "graph.gexf",
    "cache.sqlite",
    "cache.sqlite-wal",
    "cache.sqlite-shm",
)


def _legacy_outputs(root: Path) -> set[str]:
    """The files of a folder built before ``.timeline-files`` existed, read off its
    manifest (which lists the documents); nothing when there is no such manifest."""
    if not (root / "manifest.json").is_file():
        return set()
    try:
        manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return set()
    if not isinstance(manifest, dict) or "timeline" not in manifest:
        return set()
    ids = manifest.get("doc_ids")
    docs = {f"docs/{d}.json" for d in ids if isinstance(d, str)} if isinstance(ids, list) else set()
    return set(_LEGACY_FILES) | docs
