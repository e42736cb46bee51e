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

import hashlib
import json
import os
import shutil
import sqlite3
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Any

from timeline import __version__
from timeline.errors import InputError, TimelineError
from timeline.inputs import Unit, _unit_bytes, expand_inputs, load_unit

__all__ = ["process_unit", "build_corpus"]


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
