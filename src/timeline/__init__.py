"""timeline: dated events, entities and relations from news text, as a graph and HTML.

>>> import timeline
>>> doc = timeline.parse("The following year, Moscow and Washington signed a treaty. "
...                      "In 1962, the Soviet Union placed missiles in Cuba.", published="2022-03-05")
>>> [(t.text, t.value) for t in doc.timexes]
[('The following year', '2023'), ('1962', '1962')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Document",
    "parse",
    "parse_file",
    "build_corpus",
    "build_graph",
    "render_html",
    "read_document",
    "write_document",
    "TimelineError",
    "__version__",
]

if TYPE_CHECKING:
    from pathlib import Path


from timeline.corpus import build_corpus
from timeline.errors import TimelineError
from timeline.graph.build import build_graph
from timeline.inputs import parse_file
from timeline.model import Document
from timeline.pipeline import parse
from timeline.readwrite.document import read_document, write_document


def render_html(
    graph_or_documents: Any, path: str | Path | None = None, *, title: str | None = None
) -> str:
    """Render documents (a Document, a list of them) as one self-contained HTML page.

    Returns the HTML; also writes it to ``path`` when given. A graph built by
    ``build_graph`` is accepted too: its documents must be passed instead, since the page
    shows their sentences (the graph keeps only spans and evidence).
    """
    from timeline.readwrite.atomic import write_atomic
    from timeline.render.html import render_page

    docs = (
        [graph_or_documents]
        if isinstance(graph_or_documents, Document)
        else list(graph_or_documents)
    )
    if docs and not all(isinstance(d, Document) for d in docs):
        raise TypeError("render_html takes a Document or a list of Documents")
    page = render_page(docs, title=title)
    if path is not None:
        write_atomic(path, page)
    return page
