"""One self-contained HTML page: a timeline of the events and a graph of who did what.

Safety: article text is untrusted. Every string that reaches markup goes through
``html.escape``; the data for the script sits in a ``<script type="application/json">``
block with ``<``, ``>`` and ``&`` escaped as JSON unicode escapes; the script only ever sets
``textContent``; and a Content-Security-Policy allows nothing but our two inline scripts (by
hash), inline styles and data: images, so the page makes no network request at all.

Highlighting of the evidence is computed here, in code points, and shipped as text pieces:
JavaScript would count UTF-16 units. The graph is drawn by vis-network, taken from the
installed pyvis package and inlined; pyvis's own template (which loads a CDN) is not used.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from timeline.model import Document
from timeline.render.labels import date_label as _date_label
from timeline.render.page_data import PALETTE, collect, graph_data

__all__ = [
    "render_page",
    "write_page",
    "render_iframe",
    "render_embed_snippet",
    "PALETTE",
]


def _asset(name: str) -> str:
    return (resources.files("timeline") / "render" / "templates" / name).read_text("utf-8")


_NOT_IN_SCRIPT = frozenset({"sentence", "start", "end", "pos"})
_IN_LIST = frozenset({"label", "when", "note"})


def _compact(js: str) -> str:
    """Our page script without its comment lines and indentation (a fifth of its size; the
    script has no multi-line strings, so no string changes)."""
    lines = (line.strip() for line in js.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//"))


def _vis_js() -> tuple[str, str]:
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text("utf-8"), (lib / "vis-network.css").read_text(
        "utf-8"
    )


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode() + "'"


def json_for_script(obj: Any) -> str:
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return (
        s.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _event_list(data: dict[str, Any]) -> str:
    names = {e["id"]: e["label"] for e in data["entities"]}
    types = {e["id"]: e["type"] for e in data["entities"]}
    out = ['<ol class="events" id="event-list" aria-label="Events in date order">']
    for ev in data["events"]:
        who = ", ".join(names.get(x, x) for x in ev["entities"])
        sentence = "".join(
            f"<mark>{html.escape(t)}</mark>" if marked else html.escape(t)
            for t, marked in ev["sentence"]
        )
        span = ""
        if ev["span"]:
            span = f' data-t0="{ev["span"][0]}" data-t1="{ev["span"][1]}"'
        kinds = " ".join(sorted({types[x] for x in ev["entities"] if x in types}))
        eid = html.escape(ev["id"], quote=True)
        when = html.escape(_date_label(ev))
        out.append(
            f'<li id="{eid}" tabindex="0" data-id="{eid}"{span} '
            f'data-types="{html.escape(kinds, quote=True)}" '
            f'aria-label="{html.escape(_date_label(ev) + ": " + ev["label"], quote=True)}">'
            f"<time{_datetime_attr(ev['value'])}>{when}</time> "
            f'<span class="title">{html.escape(ev["label"])}</span>'
            f'<span class="basis" title="{html.escape(ev["note"] or "", quote=True)}">'
            f"{html.escape(ev['basis'])}</span>"
            + (f'<span class="who">{html.escape(who)}</span>' if who else "")
            + f"<blockquote>{sentence}</blockquote></li>"
        )
    out.append("</ol>")
    return "".join(out)


def _datetime_attr(value: str | None) -> str:
    """The ``datetime`` of a ``<time>``: the TimeML value, but none for a year before Christ
    (HTML has no negative years)."""
    if not value or value.startswith("BC"):
        return ""
    return f' datetime="{html.escape(value, quote=True)}"'


def _noscript_list(data: dict[str, Any]) -> str:
    """A plain list of the events for readers and hosts without JavaScript (embed snippet)."""
    items = "".join(
        f"<li><b>{html.escape(_date_label(ev))}</b> {html.escape(ev['label'])}</li>"
        for ev in data["events"]
    )
    return f"<ol>{items}</ol>"


def _entity_list(data: dict[str, Any]) -> str:
    out = ['<ul class="entities" id="entity-list">']
    for e in sorted(data["entities"], key=lambda e: (e["type"], e["label"])):
        aliases = f" ({html.escape(', '.join(e['aliases']))})" if e["aliases"] else ""
        out.append(
            f'<li data-id="{html.escape(e["id"], quote=True)}" tabindex="0">'
            f'<span class="dot" style="background:{PALETTE.get(e["type"], "#999")}"></span>'
            f"{html.escape(e['label'])}{aliases} <small>{html.escape(e['type'])}</small></li>"
        )
    out.append("</ul>")
    return "".join(out)


_CONTROLS = (
    '<div class="controls" role="group" aria-label="Timeline controls">'
    '<button type="button" data-zoom="in" aria-label="Zoom in">+</button>'
    '<button type="button" data-zoom="out" aria-label="Zoom out">\u2212</button>'
    '<button type="button" data-zoom="reset" aria-label="Show everything">Reset</button>'
    '<label>From <input id="from" type="number" inputmode="numeric" placeholder="year" '
    'size="5" aria-label="From year"></label>'
    '<label>to <input id="to" type="number" inputmode="numeric" placeholder="year" size="5" '
    'aria-label="To year"></label>'
    '<label>Involving <select id="kind" aria-label="Involving an entity of type">'
    '<option value="">anyone</option>{options}</select></label>'
    "</div>"
)


def render_page(
    documents: Iterable[Document], *, title: str | None = None, embed: bool = False
) -> str:
    """The complete HTML page for ``documents`` as a string.

    ``embed=True`` gives the timeline alone (no graph library: small enough for an iframe in
    an article), which reports its height to the host page for the iframe to fit it.
    """
    from timeline.render.timeline_svg import timeline_svg

    docs = list(documents)
    data = collect(docs)
    if not embed:
        data["graph"] = graph_data(data)
    data["embed"] = embed
    # the page script takes each event's sentence from the list item (it is in the HTML) and
    # never reads the fields the events are sorted by
    # (an embed page, kept small, leaves the script to read titles and dates from the list)
    drop = _NOT_IN_SCRIPT | (_IN_LIST if embed else frozenset())
    page_data = dict(
        data, events=[{k: v for k, v in e.items() if k not in drop} for e in data["events"]]
    )
    if title is None:
        title = docs[0].source.title or docs[0].id if len(docs) == 1 else f"{len(docs)} documents"
    names = {e["id"]: e["label"] for e in data["entities"]}
    svg = timeline_svg(data["events"], data["links"], names)
    vis_js, vis_css = _vis_js() if not embed else ("", "")
    app_js = _compact(_asset("app.js"))
    css = _asset("page.css")
    scripts = [vis_js, app_js] if not embed else [app_js]
    csp = (
        "default-src 'none'; "
        f"script-src {' '.join(_csp_hash(x) for x in scripts)}; "
        "style-src 'unsafe-inline'; img-src data:; font-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    t = html.escape(title or "timeline")
    kinds = sorted({e["type"] for e in data["entities"]})
    options = "".join(
        f'<option value="{html.escape(k, quote=True)}">{html.escape(k.lower())}</option>'
        for k in kinds
    )
    body_class = ' class="embed"' if embed else ""
    graph_note = ""
    if not embed and data["graph"]["total"] > len(data["graph"]["nodes"]):
        n_ent = len(data["entities"])
        shown = len(data["graph"]["nodes"])
        graph_note = (
            f'<p class="note">{data["graph"]["total"]:,} nodes are too many to draw: showing '
            + (
                f"the {shown:,} most connected of {n_ent:,} entities"
                if shown < n_ent
                else f"the {n_ent:,} entities"
            )
            + "; the events are in the timeline, and search reaches everything.</p>"
        )
    graph = (
        ""
        if embed
        else '<section class="graph" aria-label="Graph"><h2>Graph</h2>'
        f'{graph_note}<div id="graph" role="img" aria-label="Graph of entities and events; '
        'the entity list below is its text alternative"></div>'
        f"<h3>Entities</h3>{_entity_list(data)}</section>"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{html.escape(csp, quote=False)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{t}</title>"
        + (f"<style>{vis_css}</style>" if vis_css else "")
        + f"<style>{css}</style></head><body{body_class}>"
        f'<header><h1>{t}</h1><p class="counts">{len(data["events"])} events · '
        f"{len(data['entities'])} entities · {len(data['relations'])} relations</p>"
        '<input id="search" type="search" placeholder="Search events and entities" '
        'aria-label="Search events and entities"></header>'
        f'<main><section class="timeline" aria-label="Timeline"><h2>Timeline</h2>'
        f"{_CONTROLS.format(options=options)}"
        f'<div class="tl-scroll" id="tl-box">{svg}</div>{_event_list(data)}</section>'
        f"{graph}"
        '<aside id="detail" aria-live="polite"><p>Choose an event or an entity.</p></aside></main>'
        f'<script type="application/json" id="timeline-data">{json_for_script(page_data)}</script>'
        + "".join(f"<script>{x}</script>" for x in scripts)
        + "</body></html>\n"
    )


def write_page(
    documents: Iterable[Document],
    path: str | Path,
    *,
    title: str | None = None,
    force: bool = True,
    embed: bool = False,
) -> Path:
    """Render and write the page atomically."""
    from timeline.readwrite.atomic import write_atomic

    return write_atomic(path, render_page(documents, title=title, embed=embed), force=force)


def render_iframe(documents: Iterable[Document], height: int = 600) -> str:
    """The page inside an ``<iframe srcdoc>``: how Jupyter shows documents and graphs."""
    page = render_page(documents)
    return (
        f'<iframe srcdoc="{html.escape(page, quote=True)}" style="width:100%;height:{height}px;'
        'border:0" sandbox="allow-scripts"></iframe>'
    )


_EMBED_LISTENER = (
    "(function(){var f=document.currentScript.parentNode.querySelector('iframe');"
    "window.addEventListener('message',function(e){"
    "if(e.source!==f.contentWindow||!e.data||e.data.type!=='timeline:height')return;"
    "var h=Number(e.data.height);if(h>0&&h<100000)f.style.height=Math.ceil(h)+'px';});})();"
)


def embed_snippet_path(page: str | Path) -> Path:
    """Where ``render --embed`` puts the snippet for the page at ``page``.

    >>> embed_snippet_path("out/timeline.html").as_posix()
    'out/timeline.embed.html'
    """
    page = Path(page)
    return page.with_name(page.stem + ".embed.html")


def render_embed_snippet(documents: Iterable[Document], src: str, *, title: str) -> str:
    """The HTML an editor pastes into an article: a responsive iframe of the embed page at
    ``src`` that grows to its content (the page posts its height), and a ``<noscript>``
    list of the events for readers without JavaScript."""
    data = collect(list(documents))
    return (
        '<div class="timeline-embed">'
        f'<iframe src="{html.escape(src, quote=True)}" title="{html.escape(title, quote=True)}" '
        'style="width:100%;height:480px;border:0" loading="lazy" '
        'sandbox="allow-scripts allow-popups" referrerpolicy="no-referrer"></iframe>'
        f"<script>{_EMBED_LISTENER}</script>"
        f"<noscript>{_noscript_list(data)}</noscript></div>\n"
    )
