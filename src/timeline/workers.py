"""Where the per-input work of ``timeline build`` runs: in this process, in a pool of forked
worker processes, or on a Dask distributed cluster.

Ctrl-C, SIGTERM and SIGHUP stop a run the same way: the workers are stopped (none is left
running), finished work is kept, and the caller learns that the run was interrupted.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from typing import Any

from timeline.errors import InputError
from timeline.inputs import Unit

__all__ = ["run_units", "signals_interrupt"]

Report = dict[str, Any]
_STOP_SIGNALS = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n))


def run_units(
    units: list[Unit],
    docs: str,
    published: str | None,
    record: Callable[[Report], None],
    *,
    workers: int | None = None,
    scheduler: str | None = None,
) -> tuple[int, bool]:
    """Run :func:`timeline.corpus.process_unit` on every unit and hand each summary to
    ``record`` (in this process, as they finish). Returns the number of workers and whether
    the run was interrupted."""
    from timeline.corpus import process_unit

    n_workers = max(1, workers or os.cpu_count() or 1)
    try:
        with signals_interrupt():
            if scheduler:
                _run_on_dask(scheduler, units, docs, published, record)
            elif n_workers == 1 or len(units) <= 1:
                for u in units:
                    record(process_unit(u, docs, published))
            else:
                _run_in_pool(units, docs, published, record, n_workers)
    except KeyboardInterrupt:
        return n_workers, True
    return n_workers, False


@contextmanager
def signals_interrupt() -> Iterator[None]:
    """SIGTERM and SIGHUP raise KeyboardInterrupt here, as Ctrl-C does (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    before = {s: signal.signal(s, interrupt) for s in _STOP_SIGNALS}
    try:
        yield
    finally:
        for s, handler in before.items():
            signal.signal(s, handler)


def _worker_init() -> None:
    """In each worker: the parent decides when to stop (Ctrl-C reaches the whole process
    group), and the parent's signal handlers are not inherited."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for s in _STOP_SIGNALS:
        signal.signal(s, signal.SIG_DFL)


def _warm_up() -> None:
    """Load the stages' data (lexicons, gazetteer, names) once, before workers fork."""
    from timeline.pipeline import parse

    parse("On 3 May 2021, Acme Corp met Maria Lopez in Paris.", published="2021-05-04")


def _run_in_pool(
    units: list[Unit],
    docs: str,
    published: str | None,
    record: Callable[[Report], None],
    n_workers: int,
) -> None:
    import multiprocessing

    from timeline.corpus import process_unit

    _warm_up()  # forked workers inherit the loaded lexicons and gazetteer
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = ProcessPoolExecutor(max_workers=n_workers, mp_context=ctx, initializer=_worker_init)
    pending: set[Future[Report]] = set()
    try:
        for u in units:  # a bounded number in flight: memory stays flat
            pending.add(pool.submit(process_unit, u, docs, published))
            if len(pending) >= n_workers * 4:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for f in finished:
                    record(f.result())
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for f in finished:
                record(f.result())
    except KeyboardInterrupt:
        # not cancelled one by one: the pool then fails on futures it finds cancelled; once
        # its workers are gone it marks every pending future broken and stops
        _stop_workers(pool)
        pool.shutdown(wait=True)
        for f in pending:  # work that finished while we were stopping is kept
            if f.done() and not f.cancelled() and f.exception() is None:
                record(f.result())
        raise
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Terminate the pool's processes and wait for them (no worker outlives the run). The
    executor has no public way to do this before Python 3.14's ``terminate_workers``."""
    procs = list((getattr(pool, "_processes", None) or {}).values())
    for p in procs:
        if p.is_alive():
            p.terminate()
    for p in procs:
        p.join(timeout=5)
        if p.is_alive():
            p.kill()
            p.join(timeout=5)


def _run_on_dask(
    address: str,
    units: list[Unit],
    docs: str,
    published: str | None,
    record: Callable[[Report], None],
) -> None:
    """Run the per-input work on a Dask distributed cluster (``tcp://host:port``).

    Workers write the documents themselves, so the output folder must be one they can all
    reach (a shared file system); only the small summaries travel back. At most a few
    thousand tasks are in flight, so the client's memory does not grow with the corpus.
    """
    from timeline.corpus import process_unit

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
                process_unit, units[i : i + batch], docs=docs, published=published, pure=False
            )
            for fut in as_completed(futures):  # type: ignore[no-untyped-call]
                record(fut.result())
                fut.release()
    finally:
        client.close()  # type: ignore[no-untyped-call]
