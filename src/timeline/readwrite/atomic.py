"""Atomic file writes: write a temporary file beside the target, fsync, then rename.

Temporary names are ``.<name>.tl-<8 random characters>.tmp``: recognisable
(:func:`is_temporary`), so that a later run can delete what a killed one left behind without
touching anyone else's files. Every failure is an :class:`~timeline.errors.OutputError`
naming the file and what to do.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from timeline.errors import OutputError

__all__ = [
    "write_atomic",
    "write_temporary",
    "atomic_text",
    "check_target",
    "is_temporary",
    "replace_into",
]

_TEMP = re.compile(r"\A\..+\.tl-[a-z0-9_]{8}\.tmp\Z")


def is_temporary(name: str) -> bool:
    """True for the name of one of our temporary files.

    >>> is_temporary(".index.html.tl-ab12_x9z.tmp"), is_temporary(".notes.tmp")
    (True, False)
    """
    return bool(_TEMP.match(name))


def check_target(path: str | Path, *, force: bool = False) -> None:
    """Raise OutputError when ``path`` is a folder, FileExistsError when it exists and
    ``force`` is false."""
    path = Path(path)
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; move it or choose another name")
    if not force and (path.exists() or path.is_symlink()):
        raise FileExistsError(f"{path}: exists (use --force to overwrite)")


def _mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextmanager
def _temporary(path: Path, mode: str) -> Iterator[tuple[IO[str] | IO[bytes], Path]]:
    """An open temporary file beside ``path``, fsynced on close; removed if anything fails."""
    try:
        mode_now = os.stat(path).st_mode
    except OSError:
        mode_now = None
    if mode_now is not None and not stat.S_ISREG(mode_now):
        # a device, a pipe or a folder: a rename would replace it (as root, /dev/null too)
        raise OutputError(
            f"{path}: cannot write: it is not a regular file (a device, pipe or folder); "
            "give the path of a file"
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.tl-", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise OutputError.from_os(path, e) from None
    tmp = Path(name)
    try:
        os.chmod(tmp, _mode())
        kw = {"encoding": "utf-8", "newline": "\n"} if "b" not in mode else {}
        with os.fdopen(fd, mode, **kw) as f:  # type: ignore[call-overload]
            yield f, tmp
            f.flush()
            os.fsync(f.fileno())
    except BaseException as e:
        tmp.unlink(missing_ok=True)
        if isinstance(e, OSError) and not isinstance(e, FileExistsError):
            raise OutputError.from_os(path, e) from None
        raise


def write_temporary(path: str | Path, data: str | bytes) -> Path:
    """Write ``data`` to a complete temporary file beside ``path`` and return its path; a
    later :func:`replace_into` moves it into place (a worker writes, the parent decides)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with _temporary(Path(path), "wb") as (f, tmp):
        f.write(raw)  # type: ignore[arg-type]
    return tmp


def replace_into(tmp: str | Path, path: str | Path) -> Path:
    """Rename the temporary file ``tmp`` to ``path`` (atomic on one file system)."""
    path = Path(path)
    try:
        os.replace(tmp, path)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError.from_os(path, e) from None
    return path


def write_atomic(path: str | Path, data: str | bytes, *, force: bool = True) -> Path:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half.

    Raises FileExistsError when ``path`` exists and ``force`` is false, OutputError when it
    cannot be written (a folder, read-only, disk full, ...).
    """
    path = Path(path)
    check_target(path, force=force)
    return replace_into(write_temporary(path, data), path)


@contextmanager
def atomic_text(path: str | Path, *, force: bool = True) -> Iterator[IO[str]]:
    """A text file to write in pieces that appears at ``path`` complete or not at all."""
    path = Path(path)
    check_target(path, force=force)
    with _temporary(path, "w") as (f, tmp):
        yield f  # type: ignore[misc]
    replace_into(tmp, path)
