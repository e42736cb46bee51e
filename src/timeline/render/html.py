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
import bisect
import hashlib
import html
import json
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from timeline.model import Document
from timeline.render.labels import date_label as _date_label
from timeline.render.labels import provenance
from timeline.stages.values import chronological_key, day_span

__all__ = ["render_page", "write_page", "render_iframe", "render_embed_snippet", "PALETTE"]

# Okabe-Ito: distinguishable with the common forms of colour blindness
PALETTE = {
    "PERSON": "#E69F00",
    "ORGANIZATION": "#56B4E9",
    "LOCATION": "#009E73",
    "EVENT": "#CC79A7",
    "PRODUCT": "#F0E442",
    "FINANCIAL": "#0072B2",
    "NORP": "#D55E00",
    "OTHER": "#999999",
}
_EDGE_COLOURS = {"cooperation": "#0072B2", "conflict": "#D55E00", "neutral": "#888888"}


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


def _pieces(text: str, start: int, end: int, marks: Sequence[tuple[int, int]]) -> list[list[Any]]:
    """``text[start:end]`` cut into ``[piece, marked]`` pairs around the marked spans."""
    out: list[list[Any]] = []
    pos = start
    for a, b in sorted(marks):
        a, b = max(a, start), min(b, end)
        if a >= b or a < pos:
            continue
        if a > pos:
            out.append([text[pos:a], False])
        out.append([text[a:b], True])
        pos = b
    if pos < end:
        out.append([text[pos:end], False])
    return out


def collect(documents: Sequence[Document]) -> dict[str, Any]:
    events: list[dict[str, Any]] = []
    entities: dict[str, dict[str, Any]] = {}
    relations: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    docs = {}
    for doc in documents:
        docs[doc.id] = {
            "title": doc.source.title or doc.source.path or doc.id,
            "url": doc.source.url,
            "published": doc.source.published,
        }
        for e in doc.entities:
            ent = entities.setdefault(
                e.id, {"id": e.id, "label": e.name, "type": e.type, "aliases": [], "events": []}
            )
            ent["aliases"] = sorted(set(ent["aliases"]) | set(e.aliases))
        timexes = {t.id: t for t in doc.timexes}
        for ev in doc.events:
            eid = f"{doc.id}:{ev.id}"
            events.append(
                {
                    "id": eid,
                    "label": ev.title,
                    "doc": doc.id,
                    "pos": ev.trigger.start,
                    "value": ev.time.value,
                    "start": ev.time.start,
                    "end": ev.time.end,
                    # its days on the time axis (years before Christ too), or None
                    "span": day_span(ev.time.value, ev.time.start, ev.time.end),
                    "granularity": ev.time.granularity,
                    "basis": ev.time.basis,
                    "note": provenance(ev.time, timexes, doc.source.published),
                    "when": _date_label(
                        {
                            "value": ev.time.value,
                            "start": ev.time.start,
                            "granularity": ev.time.granularity,
                        }
                    ),
                    "sentence": _pieces(
                        doc.text,
                        ev.sentence.start,
                        ev.sentence.end,
                        [(ev.trigger.start, ev.trigger.end)],
                    ),
                    "entities": [p.entity for p in ev.participants]
                    + ([ev.entity] if ev.entity else []),
                }
            )
            for p in ev.participants:
                if p.entity in entities:
                    entities[p.entity]["events"].append(eid)
            if ev.entity and ev.entity in entities:
                entities[ev.entity]["events"].append(eid)
        starts = [s.start for s in doc.sentences]  # in order, not overlapping
        for r in doc.relations:
            k = bisect.bisect_right(starts, r.evidence.start) - 1
            sent = doc.sentences[k] if k >= 0 else None
            if sent is None or not sent.start <= r.evidence.start < sent.end:
                sent = None
            a, b = (sent.start, sent.end) if sent else (r.evidence.start, r.evidence.end)
            relations.append(
                {
                    "id": f"{doc.id}:{r.id}",
                    "source": r.source,
                    "target": r.target,
                    "type": r.type,
                    "polarity": r.polarity,
                    "doc": doc.id,
                    "sentence": _pieces(doc.text, a, b, [(r.evidence.start, r.evidence.end)]),
                }
            )
        for link in doc.event_links:
            links.append(
                {
                    "source": f"{doc.id}:{link.source}",
                    "target": f"{doc.id}:{link.target}",
                    "type": link.type,
                }
            )
    events.sort(key=lambda e: (*chronological_key(e["value"], e["start"]), e["doc"], e["pos"]))
    return {
        "events": events,
        "entities": list(entities.values()),
        "relations": relations,
        "links": links,
        "documents": docs,
    }


_NODE_DEFAULTS = {"shape": "dot", "font": None}
_EDGE_DEFAULTS = {"color": "#cccccc", "arrows": "to", "width": 1}
GRAPH_LIMIT = 1000  # nodes drawn; search and the lists reach the rest
PHYSICS_LIMIT = 200  # above this many nodes, positions come from Python


def graph_data(data: dict[str, Any], limit: int = GRAPH_LIMIT) -> dict[str, Any]:
    """Nodes and edges for vis-network, assembled with pyvis's Network.

    Only the ``limit`` most connected nodes are drawn; above ``PHYSICS_LIMIT`` nodes they
    get fixed positions from :func:`timeline.render.layout.force_layout`.
    """
    from pyvis.network import Network

    net = Network(directed=True)
    degree: dict[str, int] = {}
    for r in data["relations"]:
        degree[r["source"]] = degree.get(r["source"], 0) + 1
        degree[r["target"]] = degree.get(r["target"], 0) + 1
    for e in data["entities"]:
        degree[e["id"]] = degree.get(e["id"], 0) + len(e["events"])
    for ev in data["events"]:
        degree[ev["id"]] = degree.get(ev["id"], 0) + len(ev["entities"])
    total = len(data["entities"]) + len(data["events"])
    keep: set[str] | None = None
    if total > limit:
        # a corpus: the graph is of entities (the timeline holds the events), the most
        # connected first
        from timeline.render.layout import top_nodes

        keep = top_nodes({e["id"]: degree.get(e["id"], 0) for e in data["entities"]}, limit)
    # the most connected entities get the largest labels, readable when the whole graph is
    # in view; the rest show theirs as one zooms in (vis-network's drawThreshold, app.js)
    ranked = sorted(data["entities"], key=lambda e: -degree.get(e["id"], 0))
    label_size = {e["id"]: 30 if i < 10 else 20 if i < 30 else 14 for i, e in enumerate(ranked)}
    for e in data["entities"]:
        if keep is not None and e["id"] not in keep:
            continue
        net.add_node(
            e["id"],
            label=e["label"],
            shape="dot",
            color=PALETTE.get(e["type"], PALETTE["OTHER"]),
            size=10 + 3 * min(degree.get(e["id"], 0), 10),
            font={"size": label_size[e["id"]]},
        )
    for ev in data["events"]:
        if keep is not None and ev["id"] not in keep:
            continue
        # events are small dated diamonds: their titles live in the timeline beside the graph
        net.add_node(
            ev["id"],
            label=_date_label(ev) if ev["value"] else " ",
            shape="diamond",
            size=6,
            color="#CC79A7",
            font={"size": 9, "color": "#777777"},
        )
    present = set(net.get_nodes())
    for ev in data["events"]:
        if ev["id"] not in present:
            continue
        for ent in ev["entities"]:
            if ent in present:
                net.add_edge(ent, ev["id"], color="#cccccc", arrows="to", width=1)
    for r in data["relations"]:
        if r["source"] in present and r["target"] in present:
            net.add_edge(
                r["source"],
                r["target"],
                label=r["type"],
                relation=r["id"],
                width=2,
                color=_EDGE_COLOURS[r["polarity"]],
                dashes=r["polarity"] == "conflict",
            )
    for link in data["links"]:
        if link["source"] in present and link["target"] in present:
            net.add_edge(
                link["source"],
                link["target"],
                label=link["type"],
                color="#CC79A7",
                width=2,
                arrows="to",
            )
    # keys equal to the page's vis-network defaults (see app.js) are left out: a corpus
    # graph has thousands of entity-event edges
    nodes = [
        {k: v for k, v in n.items() if k != "title" and _NODE_DEFAULTS.get(k) != v}
        for n in net.nodes
    ]
    edges = [
        {k: v for k, v in e.items() if k != "title" and _EDGE_DEFAULTS.get(k) != v}
        for e in net.edges
    ]
    physics = len(nodes) <= PHYSICS_LIMIT
    if not physics:
        from timeline.render.layout import force_layout

        pos = force_layout([n["id"] for n in nodes], [(e["from"], e["to"]) for e in edges])
        for n in nodes:
            n["x"], n["y"] = pos[n["id"]]
    return {"nodes": nodes, "edges": edges, "physics": physics, "total": total}


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
