"""``timeline build`` as one library call: :func:`build_corpus` parses every input in worker
processes, writes one document per input, merges the graph and draws the page.

Output folder (:mod:`timeline.outfolder` says how it is protected)::

    OUT/docs/<doc-id>.json   one validated document per input
    OUT/cache.sqlite         what was done, so a rerun skips it (:mod:`timeline.cache`)
    OUT/errors.jsonl         one line per failed input (path, stage, error class, message)
    OUT/manifest.json        inputs, settings, version, counts, timings
    OUT/graph.json|.graphml|.gexf   the merged graph, written as a stream
    OUT/index.html           the page, drawn from the first ``max_page_docs`` documents

Every input ends as a document or as an error line; two inputs that would make the same
document id are both reported (the one with the first key is kept). A run killed at any
point leaves only complete files behind, and the next run finishes it.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from timeline import __version__
from timeline.cache import CACHE_FILES, Cache
from timeline.errors import InputError, OutputError, TimelineError
from timeline.inputs import Unit, expand_inputs, load_unit, unit_bytes
from timeline.outfolder import OutputFolder
from timeline.readwrite.graph_stream import GRAPH_FILES
from timeline.workers import run_units, signals_interrupt

__all__ = ["process_unit", "build_corpus", "settings_key", "OUTPUTS"]

OUTPUTS = ("manifest.json", "errors.jsonl", "index.html", *GRAPH_FILES.values(), *CACHE_FILES)

Report = dict[str, Any]


def process_unit(unit: Unit, docs: str, published: str | None) -> Report:
    """Worker: parse one unit and write its document to a temporary file in ``docs`` (the
    parent moves it into place); return a small summary. Never raises."""
    from timeline.pipeline import lacks_publication_date
    from timeline.readwrite.atomic import write_temporary
    from timeline.readwrite.document import generate_document

    t0 = time.perf_counter()
    try:
        raw = unit_bytes(unit)
        doc = load_unit(unit, published, raw)
        tmp = write_temporary(Path(docs) / f"{doc.id}.json", generate_document(doc, pretty=False))
        return {
            "key": unit.key,
            "ok": True,
            "where": where_of(unit),
            "doc_id": doc.id,
            "tmp": str(tmp),
            "hash": hashlib.sha256(raw).hexdigest(),
            "chars": len(doc.text),
            "undated": lacks_publication_date(doc),
            "seconds": time.perf_counter() - t0,
        }
    except Exception as e:  # noqa: BLE001 - a bug must not stop the batch; it is reported
        return error_report(unit, e)


def where_of(unit: Unit) -> str:
    """How messages name a unit: its path, or ``path:line`` for a JSON Lines record."""
    return unit.key if unit.line is None else f"{unit.path}:{unit.line}"


def error_report(unit: Unit | None, e: BaseException, path: str | None = None) -> Report:
    """The errors.jsonl record of a failed input: one line naming it, what happened and the
    stage; a bug (not one of our errors) is named by its class."""
    where = path or getattr(e, "path", None) or (where_of(unit) if unit else "?")
    msg = str(e).replace("\n", " ")
    if not isinstance(e, TimelineError):
        msg = f"{type(e).__name__}: {msg}"
    if not msg.startswith(where) and not (unit and msg.startswith(unit.path)):
        msg = f"{where}: {msg}"
    return {
        "key": unit.key if unit else None,
        "ok": False,
        "path": where,
        "stage": getattr(e, "stage", "ingest"),
        "error": type(e).__name__,
        "message": msg,
    }


def settings_key(published: str | None) -> str:
    return hashlib.sha256(
        json.dumps({"version": __version__, "published": published}).encode()
    ).hexdigest()[:16]


class _Run:
    """The bookkeeping of one build: which document each input made, which ids are taken,
    what failed; the only place that moves documents into ``docs/``."""

    def __init__(self, folder: OutputFolder, cache: Cache, settings: str, hooks: dict[str, Any]):
        self.folder, self.cache, self.settings, self.hooks = folder, cache, settings, hooks
        self.doc_of: dict[str, str] = {}  # unit key -> doc id
        self.owner: dict[str, tuple[str, str]] = {}  # doc id -> (unit key, where)
        self.fresh: set[str] = set()  # documents written (and validated) by this run
        self.errors: list[Report] = []
        self.skipped = self.done = self.chars = 0
        self.undated: list[str] = []  # inputs parsed without a publication date
        self.todo: list[Unit] = []
        self.losers: dict[str, list[tuple[str, str]]] = {}

    def fail(self, err: Report) -> None:
        self.errors.append(err)
        if self.hooks.get("on_error"):
            self.hooks["on_error"](err)

    def plan(self, units: Iterator[Unit | TimelineError], force: bool) -> int:
        """Sort units into done (unchanged since the cache saw them) and to do."""
        n = 0
        for u in units:
            if isinstance(u, TimelineError):
                self.fail(error_report(None, u))
                continue
            n += 1
            row = None if force else self.cache.get(u.key)
            if row and row[1] == self.settings and self._intact(row) and row[2] not in self.owner:
                try:
                    same = hashlib.sha256(unit_bytes(u)).hexdigest() == row[0]
                except TimelineError:
                    same = False
                if same:
                    self.doc_of[u.key] = row[2]
                    self.owner[row[2]] = (u.key, where_of(u))
                    self.skipped += 1
                    continue
            self.todo.append(u)
        return n

    def _intact(self, row: tuple[str, str, str, int, int]) -> bool:
        """The document file is the one this cache row saw written (not edited, not cut)."""
        rel = f"docs/{row[2]}.json"
        try:
            st = (self.folder.root / rel).stat()
        except OSError:
            return False
        return self.folder.owns(rel) and (st.st_size, st.st_mtime_ns) == (row[3], row[4])

    def record(self, res: Report) -> None:
        """Take one worker's summary: place its document or report why not."""
        self.done += 1
        if res["ok"]:
            self._place(res)
        else:
            self.fail(res)
        if self.hooks.get("progress"):
            self.hooks["progress"](self.done, len(self.todo), len(self.errors))

    def _place(self, res: Report) -> None:
        doc_id, key, where = res["doc_id"], res["key"], res["where"]
        taken = self.owner.get(doc_id)
        if taken is not None and taken[0] != key:  # two inputs, one id: the first key wins
            if taken < (key, where):
                Path(res["tmp"]).unlink(missing_ok=True)
                self.losers.setdefault(doc_id, []).append((key, where))
                return
            self.losers.setdefault(doc_id, []).append(taken)
            self.doc_of.pop(taken[0], None)
            self.cache.forget(taken[0])
        try:
            path = self.folder.place(res["tmp"], f"docs/{doc_id}.json")
        except OutputError as e:
            self.fail(error_report(None, e, where))
            return
        self.doc_of[key] = doc_id
        self.owner[doc_id] = (key, where)
        self.fresh.add(doc_id)
        if res.get("undated"):
            self.undated.append(where)
        self.chars += res["chars"]
        self.cache.put(key, res["hash"], self.settings, doc_id, path)

    def report_duplicates(self) -> None:
        """One error per input whose document id another input (the one kept) also made."""
        for doc_id, losers in sorted(self.losers.items()):
            kept = self.owner[doc_id][1]
            for key, where in sorted(losers):
                self.fail(
                    {
                        "key": key,
                        "ok": False,
                        "path": where,
                        "stage": "ingest",
                        "error": "DuplicateId",
                        "message": f"{where}: makes the same document id {doc_id!r} as {kept}, "
                        "which is kept; give one of them another id",
                    }
                )


def build_corpus(
    inputs: tuple[str, ...] | list[str],
    out: str | Path,
    *,
    workers: int | None = None,
    force: bool = False,
    published: str | None = None,
    max_page_docs: int = 200,
    on_error: Callable[[Report], None] | None = None,
    progress: Callable[[int, int, int], None] | None = None,
    notify: Callable[[str], None] | None = None,
    scheduler: str | None = None,
) -> Report:
    """Parse every input into ``out``, merge the graph, draw the page; returns the report
    (also written to ``out/manifest.json``).

    ``on_error`` sees each failed input's record as it fails, ``progress`` gets ``(done,
    total, failed)``, ``notify`` one-line notes (a damaged cache started afresh).
    Raises OutputError when ``out`` cannot be used (a file, read-only, holding files
    timeline did not write, taken by another build); nothing is written then. Ctrl-C,
    SIGTERM and SIGHUP while parsing end the parsing (the report says ``interrupted``); during
    the merge they raise KeyboardInterrupt, with every document kept and nothing half-written.
    """
    from timeline.ingest import parse_date_string

    if max_page_docs < 0:
        raise ValueError("max_page_docs must be 0 or more")
    if published is not None and parse_date_string(published) is None:
        raise InputError(f"published date {published!r} is not a date (use a real day, YYYY-MM-DD)")
    out = Path(out)
    t0 = time.perf_counter()
    with signals_interrupt(), OutputFolder(out) as folder:
        for name in OUTPUTS:
            folder.check(name)
        docs = out / "docs"
        if docs.exists() and not docs.is_dir():
            raise OutputError(f"{docs}: is a file where timeline keeps its documents; move it")
        try:
            docs.mkdir(exist_ok=True)
        except OSError as e:
            raise OutputError.from_os(docs, e) from None
        for name in CACHE_FILES:
            folder.claim(name)
        cache = Cache(out / "cache.sqlite", notify)
        run = _Run(
            folder, cache, settings_key(published), {"on_error": on_error, "progress": progress}
        )
        try:
            passed_over: list[str] = []
            units = expand_inputs(inputs, exclude=folder.owned_paths(), passed_over=passed_over)
            n_units = run.plan(units, force)
            n_workers, interrupted = run_units(
                run.todo, str(docs), published, run.record, workers=workers, scheduler=scheduler
            )
            run.report_duplicates()
            t_merge = time.perf_counter()
            merged = _merge(folder, run, max_page_docs, parallel=n_workers > 1)
        finally:
            cache.close()
        report: Report = {
            "timeline": __version__,
            "inputs": list(inputs),
            "settings": {
                "published": published,
                "workers": n_workers,
                "force": force,
                "scheduler": scheduler,
                "max_page_docs": max_page_docs,
            },
            "units": n_units,
            "parsed": len(run.fresh),
            "skipped": run.skipped,
            "failed": len(run.errors),
            "interrupted": interrupted,
            "doc_ids": merged["doc_ids"],
            "characters": run.chars,
            "undated": sorted(run.undated),
            "not_inputs": sorted(passed_over),
            "graph": merged["graph"],
            "page": merged["page"],
            "seconds_parse": round(t_merge - t0, 3),
            "seconds_merge": round(time.perf_counter() - t_merge, 3),
            "seconds": round(time.perf_counter() - t0, 3),
        }
        errors = sorted(run.errors, key=lambda e: str(e["path"]))
        lines = (
            json.dumps({k: e[k] for k in ("path", "stage", "error", "message")}, ensure_ascii=False)
            + "\n"
            for e in errors
        )
        folder.write("errors.jsonl", "".join(lines))
        folder.write("manifest.json", json.dumps(report, indent=2) + "\n")
    report["errors"] = errors
    return report


def _merge(folder: OutputFolder, run: _Run, max_page_docs: int, *, parallel: bool) -> Report:
    """The graph files and the page from every document of the run. A document file that
    cannot be read any more is reported, and its input is parsed again next time."""
    from timeline.graph.stream import write_corpus_graph
    from timeline.readwrite.document import read_document
    from timeline.render.corpus_page import start_page

    ids = sorted(set(run.doc_of.values()))
    for name in GRAPH_FILES.values():
        folder.claim(name)
    good: list[str] = []

    def documents() -> Iterator[Any]:
        for d in ids:
            try:
                doc = read_document(folder.root / "docs" / f"{d}.json", trusted=d in run.fresh)
            except TimelineError as e:
                key, where = run.owner[d]
                run.cache.forget(key)
                err = error_report(None, e, where)
                err["message"] = f"{e}; its input {where} is parsed again on the next run"
                run.fail(err)
                continue
            good.append(d)
            yield doc

    shown = ids[:max_page_docs]
    page = start_page(folder, shown, run.fresh, n_docs=len(ids), parallel=parallel)
    try:
        graph = write_corpus_graph(folder.root, documents())
        return {"doc_ids": good, "graph": graph, "page": page.wait()}
    except BaseException:  # interrupted or failed: no page is written behind our back
        page.stop()
        raise
