"""Finding the inputs: the files a folder, glob or path names (no directory links, no
files of the output folder), each line of a JSON Lines corpus, stdin; and reading each
unit's bytes up to the size limit. ``timeline.inputs`` parses them."""

from __future__ import annotations

import fnmatch
import functools
import os
import stat
import sys
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from timeline.errors import InputError

__all__ = [
    "ARTICLE_SUFFIXES",
    "CORPUS_SUFFIXES",
    "DOC_SUFFIXES",
    "Unit",
    "expand_inputs",
    "read_stdin",
    "undecodable",
    "unit_bytes",
]


ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
DOC_SUFFIXES = {".json"}
CORPUS_SUFFIXES = {".jsonl", ".ndjson", ".tml", ".xml"}
_SKIP_NAMES = ("readme", "license", "changelog", "contributing")


@dataclass(frozen=True, slots=True)
class Unit:
    """One article to parse: a file, a line of a JSON Lines corpus, or stdin."""

    key: str  # stable identity: "path" or "path#line"
    path: str
    line: int | None = None
    data: bytes | None = None  # the line's bytes for JSON Lines, stdin's bytes


def _suffix_ok(p: Path) -> bool:
    suf = p.suffix.lower()
    return (
        suf in ARTICLE_SUFFIXES | DOC_SUFFIXES | CORPUS_SUFFIXES
        and p.name.lower().split(".")[0] not in _SKIP_NAMES  # README.md, not readme-rules.txt
        and not p.name.startswith(".")
    )


def _unknown_kind(p: Path) -> bool:
    """A file a folder walk passes over that a user may have meant as an input (not a hidden
    file, not a README or LICENSE)."""
    return not p.name.startswith(".") and p.name.lower().split(".")[0] not in _SKIP_NAMES


def _walk(
    base: Path, depth: int | None = None, exclude: Collection[str] = ()
) -> Iterator[tuple[Path, tuple[str, ...]]]:
    """Every file under ``base`` with its path relative to it, in sorted order. Links to
    folders are not followed (no loops, nothing outside the tree); hidden folders and
    output folders of other builds are skipped; ``depth`` limits how deep it goes."""

    for folder, dirs, files in os.walk(base, followlinks=False):
        here = Path(folder)
        rel = here.relative_to(base).parts
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and (depth is None or len(rel) + 1 < depth)
            and not _other_output(here / d, exclude)
        )
        for name in sorted(files):
            yield here / name, (*rel, name)


def _other_output(folder: Path, exclude: Collection[str]) -> bool:
    """``folder`` is the output folder of another build (not the one being written, whose
    own files are in ``exclude``)."""
    from timeline.outfolder import RECORD, is_output_folder

    return is_output_folder(folder) and os.path.realpath(folder / RECORD) not in exclude


def _glob(pattern: str, exclude: Collection[str] = ()) -> list[Path]:
    """Files matching ``pattern`` (``*``, ``?``, ``[...]``, ``**`` for any folders), found
    like a folder's files: links to folders are not followed, and names starting with a dot
    match only a pattern part that does."""
    parts = Path(pattern).parts
    first = next(i for i, part in enumerate(parts) if any(ch in part for ch in "*?["))
    base, rest = Path(*parts[:first]) if first else Path("."), parts[first:]
    if not base.is_dir():
        return []

    def match(pat: tuple[str, ...], names: tuple[str, ...]) -> bool:
        @functools.cache
        def m(i: int, j: int) -> bool:
            if i == len(pat):
                return j == len(names)
            if pat[i] == "**":  # any number of names, none of them hidden
                k = j
                while not m(i + 1, k):
                    if k == len(names) or names[k].startswith("."):
                        return False
                    k += 1
                return True
            if j == len(names) or (names[j].startswith(".") and not pat[i].startswith(".")):
                return False
            return fnmatch.fnmatchcase(names[j], pat[i]) and m(i + 1, j + 1)

        return m(0, 0)

    depth = None if "**" in rest else len(rest)
    found = [p for p, rel in _walk(base, depth, exclude) if match(rest, rel)]
    return [p if first else Path(os.path.normpath(p)) for p in found]


def _files(item: str, exclude: Collection[str], passed_over: list[str]) -> list[Path]:
    p = Path(item)
    if p.is_file() or (p.exists() and not p.is_dir()):  # a device or pipe: refused on reading
        return [p]
    if p.is_dir():
        if _other_output(p, exclude):  # another build's output: its documents only
            found = [f for f, _ in _walk(p / "docs", 1) if f.suffix == ".json"]
        else:
            found, others = [], []
            for f, _ in _walk(p, None, exclude):
                if _suffix_ok(f):
                    found.append(f)
                elif _unknown_kind(f) and os.path.realpath(f) not in exclude:
                    others.append(str(f))
            if found:  # else the error below says what was looked for
                passed_over.extend(others)
        if not found:
            raise InputError(
                f"{item}: no inputs found (looked for "
                f"{', '.join(sorted(ARTICLE_SUFFIXES | DOC_SUFFIXES | CORPUS_SUFFIXES))})",
                path=item,
            )
        return found
    if any(ch in item for ch in "*?["):
        found = [f for f in _glob(item, exclude) if f.is_file()]
        if not found:
            raise InputError(f"{item}: the pattern matches no files", path=item)
        return found
    raise InputError(f"{item}: no such file or directory", path=item)


def expand_inputs(
    inputs: tuple[str, ...] | list[str],
    exclude: Collection[str] = (),
    passed_over: list[str] | None = None,
) -> Iterator[Unit | InputError]:
    """Every unit of work in ``inputs``; a bad input yields an InputError instead (not raised).

    A file named twice (``build news news/a.txt``) is one unit. ``exclude`` holds absolute
    normalised paths never to read (the files ``timeline build`` wrote in its output folder).
    Files a folder holds that are not inputs are not read; the paths of those with other
    suffixes (not hidden, README or LICENSE files) go in ``passed_over`` for the caller to
    name.
    """
    passed_over = [] if passed_over is None else passed_over
    seen: set[str] = set()
    for item in inputs:
        if item == "-":
            if "-" not in seen:
                seen.add("-")
                try:
                    yield Unit(key="-", path="-", data=read_stdin())
                except InputError as e:
                    yield e
            continue
        if bad := undecodable(item):
            yield bad
            continue
        try:
            files = _files(item, exclude, passed_over)
        except InputError as e:
            yield e
            continue
        for f in files:
            if bad := undecodable(str(f)):
                yield bad
                continue
            real = os.path.realpath(f)
            if real in seen or real in exclude:
                continue
            seen.add(real)
            if f.suffix.lower() in (".jsonl", ".ndjson"):
                yield from _jsonl_units(f)
            else:
                yield Unit(key=str(f), path=str(f))


def undecodable(name: str) -> InputError | None:
    """An error for a file name that is not valid UTF-8 (its bytes came in as surrogates):
    no document, cache or error line could record it."""
    if not any("\udc80" <= ch <= "\udcff" for ch in name):
        return None
    shown = os.fsencode(name).decode("utf-8", "backslashreplace")
    return InputError(
        f"{shown}: the file name is not valid UTF-8; rename it (e.g. `convmv -f latin1 -t utf8`)",
        path=shown,
    )


def _byte_limit() -> int:
    from timeline.settings import max_chars_limit

    return 4 * max_chars_limit()  # UTF-8 takes at most 4 bytes a character


def _too_big(name: str) -> InputError:
    from timeline.settings import max_chars_limit

    return InputError(
        f"{name}: over the limit of {max_chars_limit():,} characters (split it, or raise "
        "TIMELINE_MAX_CHARS)",
        path=name,
    )


def read_stdin() -> bytes:
    """Standard input, read up to the size limit (endless input is refused, not buffered)."""
    limit = _byte_limit()
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise _too_big("-")
    return data


def _open_regular(path: str) -> IO[bytes]:
    """``path`` opened for reading if it is a regular file; InputError for a device, a pipe
    or a socket (opened without blocking, so a pipe nobody writes to cannot hang the run)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror or e}", path=path) from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise InputError(
            f"{path}: not a regular file (a device, pipe or socket); save the text to a file, "
            "or give it on standard input as -",
            path=path,
        )
    return os.fdopen(fd, "rb")


def _jsonl_units(path: Path) -> Iterator[Unit | InputError]:
    limit = _byte_limit()
    try:
        with _open_regular(str(path)) as fh:
            n = units = 0
            while line := fh.readline(limit + 1):
                n += 1
                if len(line) > limit and not line.endswith(b"\n"):  # skip the rest of it
                    while (more := fh.readline(1 << 20)) and not more.endswith(b"\n"):
                        pass
                    yield _too_big(f"{path}:{n}")
                elif line.strip():
                    units += 1
                    yield Unit(key=f"{path}#{n}", path=str(path), line=n, data=line)
        if not units:  # every input ends as a document or an error line
            yield InputError(
                f"{path}: the JSON Lines file holds no articles (give one JSON object per line)",
                path=str(path),
            )
    except InputError as e:
        yield e
    except OSError as e:
        yield InputError(f"{path}: cannot read: {e.strerror or e}", path=str(path))


def unit_bytes(unit: Unit) -> bytes:
    """The bytes of one unit, read up to the size limit (never past it, whatever the file
    system says its size is: /dev/zero says 0)."""
    if unit.data is not None:
        return unit.data
    limit = _byte_limit()
    with _open_regular(unit.path) as f:
        try:
            data = f.read(limit + 1)
        except OSError as e:
            raise InputError(f"{unit.path}: cannot read: {e.strerror or e}") from None
    if len(data) > limit:
        raise _too_big(unit.path)
    return data
