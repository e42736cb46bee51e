"""The page of ``timeline build`` (``OUT/index.html``), drawn in a forked process while the
parent merges the graph, when there is more than one core to use."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Collection
from typing import Any

from timeline.errors import TimelineError
from timeline.outfolder import OutputFolder

__all__ = ["start_page", "page_title", "PageJob"]


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


class PageJob:
    """``index.html`` being written: in this process when ``wait`` is called, or in a forked
    child started at once. ``stop`` ends the child (the run was interrupted)."""

    def __init__(
        self,
        folder: OutputFolder,
        ids: list[str],
        fresh: Collection[str],
        title: str | None,
        parallel: bool,
    ) -> None:
        self.args = (folder, ids, fresh, title)
        self.proc: Any = None
        if ids and parallel and "fork" in multiprocessing.get_all_start_methods():

            def child() -> None:
                try:
                    _write(folder, ids, fresh, title)
                except BaseException:  # noqa: BLE001 - quietly: the parent redoes it and reports
                    os._exit(1)

            self.proc = multiprocessing.get_context("fork").Process(target=child, daemon=True)
            self.proc.start()

    def wait(self) -> dict[str, Any] | None:
        """Finish the page; what it holds (None when there is no document to show)."""
        folder, ids, fresh, title = self.args
        if not ids:
            return None
        if self.proc is not None:
            self.proc.join()
            if self.proc.exitcode == 0:
                return {"file": "index.html", "documents": len(ids)}
        # no child, or it failed: do it here, so that any error reaches the caller
        return {"file": "index.html", "documents": _write(folder, ids, fresh, title)}

    def stop(self) -> None:
        if self.proc is not None and self.proc.is_alive():
            self.proc.terminate()
            self.proc.join(timeout=5)


def start_page(
    folder: OutputFolder,
    ids: list[str],
    fresh: Collection[str],
    *,
    n_docs: int,
    parallel: bool,
) -> PageJob:
    """Start writing ``index.html`` from the documents ``ids`` (a corpus of ``n_docs``)."""
    if ids:
        folder.claim("index.html")  # recorded here: the child must not touch the record
    return PageJob(folder, ids, fresh, page_title(n_docs, len(ids)), parallel)
