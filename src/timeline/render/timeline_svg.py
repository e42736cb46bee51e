"""The timeline as an SVG laid out in Python: readable without JavaScript and when printed.

The x axis is time, in days. An event is drawn at its granularity: a day is a point, a
month or a year a bar as wide as the month or the year. Events sit in lanes, one per main
actor (the entities in most events) and one for the rest; inside a lane they are stacked
in rows so that marks and labels do not overlap. Alternate shaded bands mark the periods
between major ticks, and arrows join linked events ("before", "causes"). Past
``MAX_MARKS`` dated events the marks become counts per lane and period.

Every mark is an ``<a href="#event-id">`` with an ``aria-label`` and a ``<title>``, and
carries its time range (``data-t0``/``data-t1``, in days) so that the page script can zoom
and filter without laying anything out again. All text goes through ``html.escape``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import html
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from timeline.render.labels import date_label
from timeline.render.time_scale import LAST_DAY, Scale, pick_ticks, tick_candidates
from timeline.stages.day_numbers import day_span

__all__ = ["timeline_svg", "MAX_MARKS", "SVG_STYLE"]

MAX_MARKS = 2000  # above this many dated events, lanes show counts per period
MAX_ARROWS = 120  # link arrows drawn at once; above, only those of the chosen event
MAX_LANES = 7  # actor lanes; the rest share one
MAX_ROWS = 6  # rows per lane before marks start to share a row (labels then go)
LABEL_CHARS = 38
GUTTER, PLOT_W, AXIS_H, ROW_H, LANE_GAP = 112, 640, 30, 20, 10
GAP_DAYS = 3 * 365  # an empty stretch longer than this is drawn as a gap
CHAR_W = 6.3  # average label character width at 11px


# the look of the SVG; the page adds dark-mode colours, a standalone file embeds this
SVG_STYLE = (
    ".tl text{font:11px system-ui,sans-serif;fill:#222}.tl .band{fill:rgba(0,0,0,.045)}"
    ".tl .tick line{stroke:#ccc}.tl .tick text{fill:#666}.tl .lane{font-weight:600}"
    ".tl .mark circle,.tl .mark rect,.tl .bin rect{fill:#CC79A7}"
    ".tl .mark.approx circle,.tl .mark.approx rect{fill-opacity:.5;stroke:#CC79A7;"
    "stroke-dasharray:2 2}.tl .link{fill:none;stroke:#0072B2;stroke-width:1.2;opacity:.55}"
    ".tl .links.many .link{display:none}.tl .arrowhead{fill:#0072B2}.tl line.tick{stroke:#ccc}.tl text.tick,.tl .gap text{fill:#666}"
)


_POINT = {"day", "part_of_day", "time"}  # drawn as points; coarser dates as bars


@dataclass(slots=True)
class _Mark:
    ev: dict[str, Any]
    t0: int  # first day (proleptic ordinal)
    t1: int  # day after the last day
    lane: int = 0
    row: int = 0
    labelled: bool = True
    left: bool = False  # label on the left of the mark (near the right edge)


def _lanes(marks: list[_Mark], names: dict[str, str]) -> tuple[list[str], list[str]]:
    """Lane titles and their actors (the entities in most events, then "other"); assigns
    ``mark.lane``."""
    counts: Counter[str] = Counter()
    for m in marks:
        counts.update(dict.fromkeys(m.ev["entities"], 1))
    actors = [a for a, n in counts.most_common(MAX_LANES) if n >= 2 and a in names]
    if len(actors) < 2:
        for m in marks:
            m.lane = 0
        return ["Events"], []
    index = {a: i for i, a in enumerate(actors)}
    for m in marks:
        hits = [index[e] for e in m.ev["entities"] if e in index]
        m.lane = min(hits) if hits else len(actors)
    titles = [names[a] for a in actors]
    if any(m.lane == len(actors) for m in marks):
        titles.append("Other")
    return titles, actors


def _stack(marks: list[_Mark], x: Scale) -> dict[int, int]:
    """Rows inside each lane, greedily: a mark takes the first row free at its start."""
    rows_used: dict[int, int] = {}
    ends: dict[int, list[float]] = {}
    right = GUTTER + PLOT_W
    for m in sorted(marks, key=lambda m: (m.t0, m.t1)):
        x0 = x(m.t0)
        width = max(x(m.t1) - x0, 8.0)
        label = min(len(m.ev["label"]), LABEL_CHARS) * CHAR_W + 12
        m.left = x0 + width + label > right and x0 - label >= GUTTER
        lo, hi = (x0 - label, x0 + width) if m.left else (x0, x0 + width + label)
        lane_ends = ends.setdefault(m.lane, [])
        for r, end in enumerate(lane_ends):
            if end <= lo:
                m.row = r
                lane_ends[r] = hi
                break
        else:
            if len(lane_ends) < MAX_ROWS:
                m.row = len(lane_ends)
                lane_ends.append(hi)
            else:  # crowded: share the row that frees first, without a label
                m.row = min(range(len(lane_ends)), key=lane_ends.__getitem__)
                m.labelled = False
                lane_ends[m.row] = max(lane_ends[m.row], x0 + width)
        rows_used[m.lane] = max(rows_used.get(m.lane, 0), m.row + 1)
    return rows_used


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def timeline_svg(
    events: Sequence[dict[str, Any]],
    links: Sequence[dict[str, Any]] = (),
    names: dict[str, str] | None = None,
    *,
    standalone: bool = False,
) -> str:
    """The SVG markup of the timeline of ``events`` (dicts as built by render.html).

    The scale goes into the SVG's ``data-scale`` attribute (JSON) for the page script's zoom.
    """
    names = names or {}
    spans = (
        (ev, ev.get("span") or day_span(ev.get("value"), ev.get("start"), ev.get("end")))
        for ev in events
    )
    marks = [_Mark(ev, *span) for ev, span in spans if span]
    ns = ' xmlns="http://www.w3.org/2000/svg"' if standalone else ""
    if not marks:
        return (
            f'<svg{ns} class="tl" viewBox="0 0 {GUTTER + PLOT_W} 40" role="img" '
            'aria-label="No dated events"><text x="10" y="24">No dated events</text></svg>'
        )
    lo, hi = min(m.t0 for m in marks), max(m.t1 for m in marks)
    pad = max(2, (hi - lo) // 40)
    t_min, t_max = lo - pad, min(LAST_DAY, hi + pad)
    x = Scale([t_min, t_max, *(m.t0 for m in marks), *(m.t1 for m in marks)], GUTTER, PLOT_W)
    titles, actors = _lanes(marks, names)
    aggregate = len(marks) > MAX_MARKS
    rows_used = dict.fromkeys(range(len(titles)), 2) if aggregate else _stack(marks, x)
    lane_y: list[float] = []
    y = AXIS_H + 6
    for i in range(len(titles)):
        lane_y.append(y)
        y += rows_used.get(i, 1) * ROW_H + LANE_GAP
    height = int(y + 4)
    width = GUTTER + PLOT_W + 10
    cands = tick_candidates(t_min, t_max, {m.t0 for m in marks})
    ticks = pick_ticks(cands, x, GUTTER, GUTTER + PLOT_W, [g for g, _ in _gap_spans(marks, x)])
    scale_json = json.dumps({"t": x.t, "u": [round(v, 6) for v in x.u]}, separators=(",", ":"))
    out = [
        f'<svg{ns} class="tl" id="tl" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="group" aria-label="Timeline of {len(marks)} dated events" '
        f'data-x="{GUTTER}" data-w="{PLOT_W}" data-h="{height}" '
        f"data-scale='{scale_json}'"
        + (
            # with counts per period, the page draws the events themselves once few are in view
            f" data-actors='{html.escape(json.dumps(actors), quote=True)}' "
            f"data-lane-y='{json.dumps([round(v, 1) for v in lane_y])}'"
            if aggregate
            else ""
        )
        + ">",
        f"<style>{SVG_STYLE}</style>" if standalone else "",
        '<defs><marker id="arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0L8,4L0,8z" '
        'class="arrowhead"/></marker>'
        f'<clipPath id="tl-plot"><rect x="{GUTTER - 2}" y="0" width="{PLOT_W + 12}" '
        f'height="{height}"/></clipPath></defs>',
        f'<g class="axis">{_axis(ticks, x, height)}</g>',
        f'<g class="gaps">{_gaps(marks, x)}</g>',
        '<g class="lanes">',
    ]
    for i, title in enumerate(titles):
        out.append(
            f'<text class="lane" x="6" y="{lane_y[i] + 14}">{html.escape(_short(title)[:18])}'
            "</text>"
        )
    out.append("</g>")
    out.append('<g clip-path="url(#tl-plot)" class="plot">')
    if aggregate:
        edges = [t_min, *(int(c[0]) for c in ticks), t_max]
        out.append(_bins(marks, titles, sorted(set(edges)), x, lane_y))
    else:
        out.append(_arrows(marks, links, x, lane_y))
        out.append('<g class="marks">')
        out.extend(_mark(m, x, lane_y) for m in marks)
        out.append("</g>")
    out.append("</g></svg>")
    return "".join(out)


def _axis(ticks: Sequence[Sequence[Any]], x: Any, height: int) -> str:
    """Alternate shaded bands between ticks (the periods), tick lines and labels."""
    out = []
    for i, c in enumerate(ticks):
        if i % 2 == 1:
            nxt = x(ticks[i + 1][0]) if i + 1 < len(ticks) else GUTTER + PLOT_W
            out.append(
                f'<rect class="band" x="{x(c[0])}" y="{AXIS_H - 4}" '
                f'width="{round(nxt - x(c[0]), 1)}" height="{height - AXIS_H + 4}"/>'
            )
    for c in ticks:
        out.append(
            f'<line class="tick" x1="{x(c[0])}" x2="{x(c[0])}" y1="{AXIS_H - 8}" y2="{height}"/>'
            f'<text class="tick" x="{x(c[0]) + 3}" y="{AXIS_H - 12}">{html.escape(str(c[1]))}</text>'
        )
    return "".join(out)


def _gap_spans(marks: list[_Mark], x: Scale) -> list[tuple[float, tuple[int, int]]]:
    """(centre in pixels, (first day, last day)) of each long stretch without events."""
    spans = sorted((m.t0, m.t1) for m in marks)
    out: list[tuple[float, tuple[int, int]]] = []
    if not spans:
        return out
    reach = spans[0][1]
    for a, b in spans[1:]:
        if a - reach > GAP_DAYS:
            out.append(((x(reach) + x(a)) / 2, (reach, a)))
        reach = max(reach, b)
    return out


def _gaps(marks: list[_Mark], x: Scale) -> str:
    """A break mark on the axis over each long stretch without events."""
    out = []
    for centre, (t0, t1) in _gap_spans(marks, x):
        label = html.escape(f"{round((t1 - t0) / 365.25)} years without dated events")
        out.append(
            f'<g class="gap" data-t0="{t0}" data-t1="{t1}"><title>{label}</title>'
            f'<text x="{round(centre - 5, 1)}" y="{AXIS_H - 12}">≈</text></g>'
        )
    return "".join(out)


def _mark(m: _Mark, x: Any, lane_y: list[float]) -> str:
    ev = m.ev
    cy = lane_y[m.lane] + m.row * ROW_H + 9
    x0, x1 = x(m.t0), x(m.t1)
    when = ev.get("when") or date_label(ev)
    eid = html.escape(ev["id"], quote=True)
    label = html.escape(f"{when}: {ev['label']}", quote=True)
    if x1 - x0 < 6 or ev.get("granularity") in _POINT:
        shape = f'<circle cx="{round((x0 + x1) / 2, 1)}" cy="{cy}" r="4.5"/>'
        tx = round((x0 + x1) / 2 + (-8 if m.left else 8), 1)
    else:
        shape = f'<rect x="{x0}" y="{cy - 5}" width="{round(x1 - x0, 1)}" height="10" rx="3"/>'
        tx = round(x0 - 4 if m.left else x1 + 4, 1)
    anchor = ' text-anchor="end"' if m.left else ""
    text = (
        f'<text x="{tx}" y="{cy + 4}"{anchor}>{html.escape(_short(ev["label"]))}</text>'
        if m.labelled
        else ""
    )
    approx = " approx" if ev.get("basis") in ("derived", "anaphoric") else ""
    return (
        f'<a class="mark{approx}" href="#{eid}" data-id="{eid}" data-t0="{m.t0}" '
        f'data-t1="{m.t1}"><title>{label}</title>{shape}{text}</a>'
    )


def _arrows(
    marks: list[_Mark], links: Sequence[dict[str, Any]], x: Any, lane_y: list[float]
) -> str:
    where = {m.ev["id"]: m for m in marks}
    drawn = sum(1 for k in links if k["source"] in where and k["target"] in where)
    # past MAX_ARROWS the arrows are shown only for the chosen event (a thicket otherwise)
    out = ['<g class="links many">' if drawn > MAX_ARROWS else '<g class="links">']
    for link in links:
        a, b = where.get(link["source"]), where.get(link["target"])
        if a is None or b is None or a is b:
            continue
        if link["type"] == "after":
            a, b = b, a
        ya = lane_y[a.lane] + a.row * ROW_H + 9
        yb = lane_y[b.lane] + b.row * ROW_H + 9
        xa, xb = x(a.t1) if a.t1 - a.t0 > 1 else x((a.t0 + a.t1) / 2), x((b.t0 + b.t1) / 2)
        mid = round(min(ya, yb) - 14, 1)
        out.append(
            f'<path class="link" d="M{xa},{ya} Q{round((xa + xb) / 2, 1)},{mid} {xb},{yb}" '
            f'marker-end="url(#arrow)" data-from="{html.escape(a.ev["id"], quote=True)}" '
            f'data-to="{html.escape(b.ev["id"], quote=True)}"><title>'
            f"{html.escape(link['type'])}</title></path>"
        )
    out.append("</g>")
    return "".join(out)


def _bins(
    marks: list[_Mark], titles: list[str], edges: list[int], x: Any, lane_y: list[float]
) -> str:
    """Counts per lane and period: what stays readable with thousands of events."""
    counts: Counter[tuple[int, int]] = Counter()
    for m in marks:
        k = bisect.bisect_right(edges, m.t0) - 1
        counts[(m.lane, min(max(k, 0), len(edges) - 2))] += 1
    top = max(counts.values())
    out = ['<g class="bins">']
    for (lane, k), n in sorted(counts.items()):
        a, b = edges[k], edges[k + 1]
        h = round(4 + 30 * n / top, 1)
        y0 = lane_y[lane] + 2 * ROW_H - h
        label = f"{n} events, {titles[lane]}, {dt.date.fromordinal(a)} to {dt.date.fromordinal(b)}"
        out.append(
            f'<a class="bin" href="#" data-t0="{a}" data-t1="{b}" aria-label="'
            f'{html.escape(label, quote=True)}"><title>{html.escape(label)}</title>'
            f'<rect x="{x(a) + 1}" y="{y0}" width="{max(1.0, round(x(b) - x(a) - 2, 1))}" '
            f'height="{h}"/><text x="{x(a) + 3}" y="{y0 - 2}">{n}</text></a>'
        )
    out.append("</g>")
    return "".join(out)
