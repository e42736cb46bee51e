"""Batch runs over many inputs: expand inputs, parse them in worker processes, write one
document per input, remember what was done, and merge the results.

Output folder::

    OUT/docs/<doc-id>.json   one validated document per input (atomic writes)
    OUT/cache.sqlite         what was done: input key -> content hash, settings hash, doc id
    OUT/errors.jsonl         one line per failed input (path, stage, error class, message)
    OUT/manifest.json        inputs, settings, versions, counts, timings
    OUT/graph.json|.graphml|.gexf, OUT/index.html   the merged corpus

A rerun skips every input whose content and settings are unchanged (``force`` redoes all);
a run killed at any point leaves only complete files behind, and the next run finishes it.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import shutil
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from timeline import __version__
from timeline.errors import InputError, TimelineError

__all__ = ["Unit", "expand_inputs", "process_unit", "build_corpus"]

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
        and not p.name.lower().startswith(_SKIP_NAMES)
        and not p.name.startswith(".")
    )


def _files(item: str) -> list[Path]:
    p = Path(item)
    if p.is_file():
        return [p]
    if p.is_dir():
        found = sorted(f for f in p.rglob("*") if f.is_file() and _suffix_ok(f))
        if not found:
            raise InputError(
                f"{item}: no inputs found (looked for "
                f"{', '.join(sorted(ARTICLE_SUFFIXES | DOC_SUFFIXES | CORPUS_SUFFIXES))})"
            )
        return found
    if any(ch in item for ch in "*?["):
        found = sorted(Path(f) for f in glob.glob(item, recursive=True) if Path(f).is_file())
        if not found:
            raise InputError(f"{item}: the pattern matches no files")
        return found
    raise InputError(f"{item}: no such file or directory")


def expand_inputs(inputs: tuple[str, ...] | list[str]) -> Iterator[Unit | InputError]:
    """Every unit of work in ``inputs``; a bad input yields an InputError instead (not raised)."""
    for item in inputs:
        if item == "-":
            yield Unit(key="-", path="-", data=sys.stdin.buffer.read())
            continue
        try:
            files = _files(item)
        except InputError as e:
            yield e
            continue
        for f in files:
            if f.suffix.lower() in (".jsonl", ".ndjson"):
                yield from _jsonl_units(f)
            else:
                yield Unit(key=str(f), path=str(f))


def _jsonl_units(path: Path) -> Iterator[Unit | InputError]:
    try:
        with path.open("rb") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    yield Unit(key=f"{path}#{n}", path=str(path), line=n, data=line)
    except OSError as e:
        yield InputError(f"{path}: cannot read: {e.strerror or e}")


def _unit_bytes(unit: Unit) -> bytes:
    if unit.data is not None:
        return unit.data
    try:
        return Path(unit.path).read_bytes()
    except OSError as e:
        raise InputError(f"{unit.path}: cannot read: {e.strerror or e}") from None


def load_unit(unit: Unit, published: str | None, data: bytes | None = None):  # type: ignore[no-untyped-def]
    """Parse one unit into a Document (raises TimelineError subclasses with the input named)."""
    from timeline.ingest import article_from_json, decode_article, doc_id_for
    from timeline.readwrite.document import parse_document

    raw = data if data is not None else _unit_bytes(unit)
    where = unit.key if unit.line is None else f"{unit.path}:{unit.line}"
    suffix = Path(unit.path).suffix.lower()
    if unit.line is not None:  # a JSON Lines record
        try:
            obj = json.loads(raw.decode("utf-8").rstrip("\r\n"))
        except UnicodeDecodeError as e:
            raise InputError(f"{where}: not valid UTF-8 (byte offset {e.start})") from None
        except json.JSONDecodeError as e:  # the line is in ``where``; the column is the record's
            raise InputError(f"{where}: invalid JSON at column {e.pos + 1}: {e.msg}") from None
        if not isinstance(obj, dict):
            raise InputError(f'{where}: a JSON object with a "text" field is expected')
        art = article_from_json(obj, where)
        doc_id = doc_id_for(str(obj.get("id") or f"{Path(unit.path).stem}-{unit.line}"), art.text)
    elif suffix == ".json":
        try:
            return parse_document(raw.decode("utf-8"), where)
        except UnicodeDecodeError as e:
            raise InputError(f"{where}: not valid UTF-8 (byte offset {e.start})") from None
    elif suffix in (".tml", ".xml"):
        art, doc_id = _corpus_article(raw, where)
    else:
        art = decode_article(raw, where)
        doc_id = None
    return parse_article(art, published, where=where, doc_id=doc_id)


def parse_article(art, published: str | None, *, where: str, doc_id: str | None = None):  # type: ignore[no-untyped-def]
    """Parse an ingested article. The date comes from ``published`` (the caller's override),
    else the article's metadata, else its dateline (recorded as ``inferred``)."""
    from timeline.pipeline import parse

    pub, source = (
        (published, "argument")
        if published
        else ((art.published, "metadata") if art.published else (None, "unknown"))
    )
    try:
        return parse(
            art.text,
            published=pub,
            title=art.title,
            url=art.url,
            path=art.path or where,
            published_from=source,
            infer_published=pub is None,
            doc_id=doc_id,
        )
    except InputError as e:
        raise InputError(f"{where}: {e}") from None


def _corpus_article(raw: bytes, where: str):  # type: ignore[no-untyped-def]
    """TimeML (.tml) or MEANTIME/CAT (.xml): the text (and its creation time) as an article."""
    from timeline.ingest import Article, doc_id_for

    try:
        data = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(f"{where}: not valid UTF-8 (byte offset {e.start})") from None
    if "<TimeML" in data[:2000]:
        from timeline.readwrite.timeml import parse_timeml

        tml = parse_timeml(data, where)
        art = Article(text=tml.text.strip() + "\n", published=tml.dct, path=where)
    else:
        from timeline.readwrite.meantime import parse_meantime

        mt = parse_meantime(data, where)
        art = Article(
            text=mt.text, published=mt.dct, path=where, title=mt.text.split("\n", 1)[0][:200]
        )
    if not art.text.strip():
        raise InputError(f"{where}: no text")
    return art, doc_id_for(where, art.text)


def process_unit(unit: Unit, out: str, published: str | None) -> dict[str, Any]:
    """Worker: parse one unit and write its document; return a small summary (never raises)."""
    from timeline.readwrite.document import write_document

    t0 = time.perf_counter()
    try:
        raw = _unit_bytes(unit)
        digest = hashlib.sha256(raw).hexdigest()
        doc = load_unit(unit, published, raw)
        write_document(doc, Path(out) / "docs" / f"{doc.id}.json", pretty=False)
        return {
            "key": unit.key,
            "ok": True,
            "doc_id": doc.id,
            "hash": digest,
            "chars": len(doc.text),
            "seconds": time.perf_counter() - t0,
        }
    except TimelineError as e:
        return _error(unit, e)
    except Exception as e:  # noqa: BLE001 - a bug must not stop the batch; it is reported
        return _error(unit, e)


def _error(unit: Unit, e: BaseException) -> dict[str, Any]:
    msg = str(e)
    where = unit.key if unit.line is None else f"{unit.path}:{unit.line}"
    if not msg.startswith(where) and not msg.startswith(unit.path):
        msg = (
            f"{where}: {type(e).__name__}: {msg}"
            if not isinstance(e, TimelineError)
            else f"{where}: {msg}"
        )
    return {
        "key": unit.key,
        "ok": False,
        "path": where,
        "stage": getattr(e, "stage", "ingest"),
        "error": type(e).__name__,
        "message": msg,
    }


# --------------------------------------------------------------------------- the cache
class Cache:
    """SQLite record of finished inputs, so a rerun skips what is unchanged."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path, timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        # a cache: after a power cut it may forget the last few inputs (they are redone);
        # an application crash loses nothing. Not waiting for the disk on every commit
        # keeps the main process free to hand out work.
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS done (key TEXT PRIMARY KEY, hash TEXT, settings TEXT, "
            "doc_id TEXT, at REAL)"
        )

    def get(self, key: str) -> tuple[str, str, str] | None:
        row = self.db.execute(
            "SELECT hash, settings, doc_id FROM done WHERE key=?", (key,)
        ).fetchone()
        return tuple(row) if row else None

    def put(self, key: str, digest: str, settings: str, doc_id: str) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO done VALUES (?, ?, ?, ?, ?)",
            (key, digest, settings, doc_id, time.time()),
        )
        self.db.commit()

    def close(self) -> None:
        self.db.close()


def settings_key(published: str | None) -> str:
    return hashlib.sha256(
        json.dumps({"version": __version__, "published": published}).encode()
    ).hexdigest()[:16]


# --------------------------------------------------------------------------- Dask
def _run_on_dask(
    address: str,
    units: list[Unit],
    out: str,
    published: str | None,
    record: Callable[[dict[str, Any]], None],
) -> None:
    """Run the per-input work on a Dask distributed cluster (``tcp://host:port``).

    Workers write the documents themselves, so OUT must be a folder they can all reach (a
    shared file system); only the small summaries travel back. At most a few thousand tasks
    are in flight, so the client's memory does not grow with the corpus.
    """
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise InputError(
            "--scheduler needs Dask distributed: pip install 'timeline[dask]'"
        ) from None
    try:
        client = Client(address, timeout="10s")  # type: ignore[no-untyped-call]
    except OSError as e:
        raise InputError(f"{address}: cannot reach the Dask scheduler: {e}") from None
    try:
        batch = 2000
        for i in range(0, len(units), batch):
            futures = client.map(
                process_unit, units[i : i + batch], out=out, published=published, pure=False
            )
            for fut in as_completed(futures):  # type: ignore[no-untyped-call]
                record(fut.result())
                fut.release()
    finally:
        client.close()  # type: ignore[no-untyped-call]


# --------------------------------------------------------------------------- the run
def _warm_up() -> None:
    """Load the stages' data (lexicons, gazetteer, names) once, before workers fork."""
    from timeline.pipeline import parse

    parse("On 3 May 2021, Acme Corp met Maria Lopez in Paris.", published="2021-05-04")


def _fork_context() -> Any:
    """Fork where it exists (Linux): workers start at once, sharing the warmed-up data."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def _remove_stale_temporaries(out: Path) -> None:
    """Delete what a killed run left behind: half-written files (``.<name>.<random>.tmp``,
    the temporary names of our atomic writes) and the merge's scratch folders; finished
    files are never touched."""
    for folder in (out, out / "docs"):
        if folder.is_dir():
            for tmp in folder.glob(".*.tmp"):
                tmp.unlink(missing_ok=True)
    if out.is_dir():
        for work in out.glob(".merge-*"):  # the merge's scratch folder (graph/stream.py)
            shutil.rmtree(work, ignore_errors=True)


def build_corpus(
    inputs: tuple[str, ...] | list[str],
    out: str | Path,
    *,
    workers: int | None = None,
    force: bool = False,
    published: str | None = None,
    on_error: Callable[[dict[str, Any]], None] | None = None,
    progress: Callable[[int, int, int], None] | None = None,
    scheduler: str | None = None,
) -> dict[str, Any]:
    """Parse every input into ``out`` (see the module docstring); returns the run summary."""
    out = Path(out)
    t0 = time.perf_counter()
    settings = settings_key(published)
    _remove_stale_temporaries(out)
    cache = Cache(out / "cache.sqlite")
    units: list[Unit] = []
    errors: list[dict[str, Any]] = []
    for u in expand_inputs(inputs):
        if isinstance(u, InputError):
            err = {
                "key": None,
                "ok": False,
                "path": str(u).split(":", 1)[0],
                "stage": "ingest",
                "error": "InputError",
                "message": str(u),
            }
            errors.append(err)
            if on_error:
                on_error(err)
        else:
            units.append(u)
    todo, doc_ids, skipped = [], {}, 0
    fresh: set[str] = set()  # documents written (and validated) by this run
    for u in units:
        row = cache.get(u.key)
        if row and not force and row[1] == settings and (out / "docs" / f"{row[2]}.json").exists():
            try:
                same = hashlib.sha256(_unit_bytes(u)).hexdigest() == row[0]
            except InputError:
                same = False
            if same:
                doc_ids[u.key] = row[2]
                skipped += 1
                continue
        todo.append(u)
    n_workers = max(1, workers or os.cpu_count() or 1)
    done = 0
    chars = 0
    interrupted = False

    def record(res: dict[str, Any]) -> None:
        nonlocal done, chars
        done += 1
        if res["ok"]:
            doc_ids[res["key"]] = res["doc_id"]
            fresh.add(res["doc_id"])
            chars += res["chars"]
            cache.put(res["key"], res["hash"], settings, res["doc_id"])
        else:
            errors.append(res)
            if on_error:
                on_error(res)
        if progress:
            progress(done, len(todo), len(errors))

    pending: set[Future[dict[str, Any]]] = set()
    try:
        if scheduler:
            _run_on_dask(scheduler, todo, str(out), published, record)
        elif n_workers == 1 or len(todo) <= 1:
            for u in todo:
                record(process_unit(u, str(out), published))
        else:
            _warm_up()  # forked workers inherit the loaded lexicons and gazetteer
            with ProcessPoolExecutor(max_workers=n_workers, mp_context=_fork_context()) as pool:
                queue = iter(todo)
                for u in queue:  # keep a bounded number in flight: memory stays flat
                    pending.add(pool.submit(process_unit, u, str(out), published))
                    if len(pending) >= n_workers * 4:
                        finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                        for f in finished:
                            record(f.result())
                for f in pending:
                    record(f.result())
                pending.clear()
    except KeyboardInterrupt:
        interrupted = True
        for f in pending:  # work that finished while we were stopping is kept, and cached
            if f.done() and not f.cancelled() and f.exception() is None:
                record(f.result())
    cache.close()
    seconds = time.perf_counter() - t0
    return {
        "timeline": __version__,
        "inputs": list(inputs),
        "settings": {
            "published": published,
            "workers": n_workers,
            "force": force,
            "scheduler": scheduler,
        },
        "units": len(units),
        "parsed": len(doc_ids) - skipped,
        "skipped": skipped,
        "failed": len(errors),
        "interrupted": interrupted,
        "doc_ids": sorted(set(doc_ids.values())),
        "fresh_ids": sorted(fresh),
        "characters": chars,
        "seconds": round(seconds, 3),
        "errors": errors,
    }
