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
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from timeline.model import Document

__all__ = ["render_page", "write_page", "render_iframe", "PALETTE"]

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


def _vis_js() -> tuple[str, str]:
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text("utf-8"), (lib / "vis-network.css").read_text(
        "utf-8"
    )


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode() + "'"


def _json_for_script(obj: Any) -> str:
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


def _date_label(ev: dict[str, Any]) -> str:
    value = ev.get("value")
    if not value:
        return "undated"
    return str(value)


def _collect(documents: Sequence[Document]) -> dict[str, Any]:
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
                    "granularity": ev.time.granularity,
                    "basis": ev.time.basis,
                    "note": ev.time.note,
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
        for r in doc.relations:
            sent = next((s for s in doc.sentences if s.start <= r.evidence.start < s.end), None)
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
    events.sort(key=lambda e: (e["start"] is None, e["start"] or "", e["doc"], e["pos"]))
    return {
        "events": events,
        "entities": list(entities.values()),
        "relations": relations,
        "links": links,
        "documents": docs,
    }


def _graph_data(data: dict[str, Any]) -> dict[str, Any]:
    """Nodes and edges for vis-network, assembled with pyvis's Network."""
    from pyvis.network import Network

    net = Network(directed=True)
    degree: dict[str, int] = {}
    for r in data["relations"]:
        degree[r["source"]] = degree.get(r["source"], 0) + 1
        degree[r["target"]] = degree.get(r["target"], 0) + 1
    for e in data["entities"]:
        degree[e["id"]] = degree.get(e["id"], 0) + len(e["events"])
    for e in data["entities"]:
        net.add_node(
            e["id"],
            label=e["label"],
            shape="dot",
            color=PALETTE.get(e["type"], PALETTE["OTHER"]),
            size=10 + 3 * min(degree.get(e["id"], 0), 10),
        )
    for ev in data["events"]:
        # events are small dated diamonds: their titles live in the timeline beside the graph
        net.add_node(
            ev["id"],
            label=_date_label(ev) if ev["value"] else " ",
            shape="diamond",
            size=6,
            color="#CC79A7",
            font={"size": 9, "color": "#777777"},
        )
    for ev in data["events"]:
        for ent in ev["entities"]:
            if ent in net.get_nodes():
                net.add_edge(ent, ev["id"], color="#cccccc", arrows="to", width=1)
    for r in data["relations"]:
        net.add_edge(
            r["source"],
            r["target"],
            label=r["type"],
            width=2,
            color=_EDGE_COLOURS[r["polarity"]],
            dashes=r["polarity"] == "conflict",
        )
    for link in data["links"]:
        net.add_edge(
            link["source"],
            link["target"],
            label=link["type"],
            color="#CC79A7",
            width=2,
            arrows="to",
        )
    nodes = [{k: v for k, v in n.items() if k != "title"} for n in net.nodes]
    edges = [{k: v for k, v in e.items() if k != "title"} for e in net.edges]
    return {"nodes": nodes, "edges": edges}


def _timeline_svg(events: list[dict[str, Any]]) -> str:
    """A static SVG strip: one column per distinct date, in date order (readable without JS)."""
    dated = [e for e in events if e["start"]]
    groups: dict[str, list[dict[str, Any]]] = {}
    for e in dated:
        groups.setdefault(_date_label(e), []).append(e)
    width = max(600, 90 * len(groups) + 40)
    parts = [
        f'<svg class="strip" viewBox="0 0 {width} 70" width="{width}" height="70" '
        f'role="img" aria-label="Dates of {len(dated)} events">',
        f'<line x1="10" y1="35" x2="{width - 10}" y2="35" stroke="#888"/>',
    ]
    for i, (label, evs) in enumerate(groups.items()):
        x = 40 + 90 * i
        r = 5 + min(len(evs), 6)
        parts.append(
            f'<a href="#{html.escape(evs[0]["id"], quote=True)}">'
            f'<circle cx="{x}" cy="35" r="{r}" fill="#CC79A7"><title>'
            f"{html.escape(label)}: {len(evs)} event(s)</title></circle></a>"
        )
        parts.append(
            f'<text x="{x}" y="{62 if i % 2 else 16}" text-anchor="middle" '
            f'font-size="11">{html.escape(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _event_list(data: dict[str, Any]) -> str:
    names = {e["id"]: e["label"] for e in data["entities"]}
    out = ['<ol class="events" id="event-list">']
    for ev in data["events"]:
        who = ", ".join(names.get(x, x) for x in ev["entities"])
        sentence = "".join(
            f"<mark>{html.escape(t)}</mark>" if marked else html.escape(t)
            for t, marked in ev["sentence"]
        )
        out.append(
            f'<li id="{html.escape(ev["id"], quote=True)}" tabindex="0" '
            f'data-id="{html.escape(ev["id"], quote=True)}">'
            f"<time>{html.escape(_date_label(ev))}</time> "
            f'<span class="title">{html.escape(ev["label"])}</span>'
            f'<span class="basis">{html.escape(ev["basis"])}</span>'
            + (f'<span class="who">{html.escape(who)}</span>' if who else "")
            + f"<blockquote>{sentence}</blockquote></li>"
        )
    out.append("</ol>")
    return "".join(out)


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


def render_page(documents: Iterable[Document], *, title: str | None = None) -> str:
    """The complete HTML page for ``documents`` as a string."""
    docs = list(documents)
    data = _collect(docs)
    data["graph"] = _graph_data(data)
    if title is None:
        title = docs[0].source.title or docs[0].id if len(docs) == 1 else f"{len(docs)} documents"
    vis_js, vis_css = _vis_js()
    app_js = _asset("app.js")
    css = _asset("page.css")
    csp = (
        "default-src 'none'; "
        f"script-src {_csp_hash(vis_js)} {_csp_hash(app_js)}; "
        "style-src 'unsafe-inline'; img-src data:; font-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    t = html.escape(title or "timeline")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{html.escape(csp, quote=False)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{t}</title><style>{vis_css}</style><style>{css}</style></head><body>"
        f'<header><h1>{t}</h1><p class="counts">{len(data["events"])} events · '
        f"{len(data['entities'])} entities · {len(data['relations'])} relations</p>"
        '<input id="search" type="search" placeholder="Search events and entities" '
        'aria-label="Search events and entities"></header>'
        f'<main><section class="timeline" aria-label="Timeline"><h2>Timeline</h2>'
        f"{_timeline_svg(data['events'])}{_event_list(data)}</section>"
        '<section class="graph" aria-label="Graph"><h2>Graph</h2><div id="graph"></div>'
        f"<h3>Entities</h3>{_entity_list(data)}</section>"
        '<aside id="detail" aria-live="polite"><p>Click an event or an entity.</p></aside></main>'
        f'<script type="application/json" id="timeline-data">{_json_for_script(data)}</script>'
        f"<script>{vis_js}</script><script>{app_js}</script></body></html>\n"
    )


def write_page(
    documents: Iterable[Document], path: str | Path, *, title: str | None = None, force: bool = True
) -> Path:
    """Render and write the page atomically."""
    from timeline.readwrite.atomic import write_atomic

    return write_atomic(path, render_page(documents, title=title), force=force)


def render_iframe(documents: Iterable[Document], height: int = 600) -> str:
    """The page inside an ``<iframe srcdoc>``: how Jupyter shows documents and graphs."""
    page = render_page(documents)
    return (
        f'<iframe srcdoc="{html.escape(page, quote=True)}" style="width:100%;height:{height}px;'
        'border:0" sandbox="allow-scripts"></iframe>'
    )
