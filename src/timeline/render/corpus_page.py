"""The page of ``timeline build`` (``OUT/index.html``), drawn in a forked process while the
parent merges the graph, when there is more than one core to use."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Collection
from typing import Any

from timeline.errors import TimelineError
from timeline.outfolder import OutputFolder

__all__ = ["start_page", "page_title"]


def page_title(n_docs: int, n_shown: int) -> str | None:
    """The page title of a corpus (None for one document: the page uses its own title).

    >>> page_title(300, 200)
    'timeline: 300 documents (first 200 shown)'
    """
    if n_docs == 1:
        return None
    shown = f" (first {n_shown} shown)" if n_shown < n_docs else ""
    return f"timeline: {n_docs} documents{shown}"


def _write(folder: OutputFolder, ids: list[str], fresh: Collection[str], title: str | None) -> int:
    from timeline.readwrite.atomic import write_atomic
    from timeline.readwrite.document import read_document
    from timeline.render.html import render_page

    docs = []
    for d in ids:
        try:  # an unreadable document is reported by the merge; the page goes without it
            docs.append(read_document(folder.root / "docs" / f"{d}.json", trusted=d in fresh))
        except TimelineError:
            continue
    write_atomic(folder.root / "index.html", render_page(docs, title=title))
    return len(docs)


def start_page(
    folder: OutputFolder,
    ids: list[str],
    fresh: Collection[str],
    *,
    n_docs: int,
    parallel: bool,
) -> Callable[[], dict[str, Any] | None]:
    """Start writing ``index.html`` from the documents ``ids``; returns the function that
    waits for it and says what it holds (None when there is no document to show)."""
    if not ids:
        return lambda: None
    path = folder.claim("index.html")  # recorded here: the child must not touch the record
    title = page_title(n_docs, len(ids))

    def result(n: int) -> dict[str, Any]:
        return {"file": path.name, "documents": n}

    if not parallel or "fork" not in multiprocessing.get_all_start_methods():
        return lambda: result(_write(folder, ids, fresh, title))

    def child() -> None:
        try:
            _write(folder, ids, fresh, title)
        except BaseException:  # noqa: BLE001 - quietly: the parent redoes it and reports
            os._exit(1)

    proc = multiprocessing.get_context("fork").Process(target=child, daemon=True)
    proc.start()

    def wait() -> dict[str, Any]:
        proc.join()
        if proc.exitcode != 0:  # do it here, so that the error reaches the caller
            return result(_write(folder, ids, fresh, title))
        return result(len(ids))

    return wait
