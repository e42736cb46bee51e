"""The HTML page: self-contained, escaped, with a CSP; checked without a browser here and in
a real one in tests/browser/."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET

import pytest

import timeline
from timeline.render.html import json_for_script, render_embed_snippet, render_page
from timeline.render.page_data import collect, graph_data
from timeline.render.timeline_svg import MAX_MARKS, timeline_svg

SVG = "{http://www.w3.org/2000/svg}"

HOSTILE = "</script><script>alert(1)</script><img src=x onerror=alert(2)> \"'&"


@pytest.fixture(scope="module")
def hostile_page() -> str:
    text = f"In 2019, Washington cut ties with Caracas. {HOSTILE} Maduro said."
    doc = timeline.parse(text, published="2022-03-05", title=HOSTILE, url="javascript:alert(3)")
    return render_page([doc])


def test_render_escapes_article_text(hostile_page: str) -> None:
    assert "<script>alert" not in hostile_page
    assert "<img src=x" not in hostile_page
    assert "&lt;img src=x onerror=alert(2)&gt;" in hostile_page


def test_render_data_block_cannot_close_its_script(hostile_page: str) -> None:
    block = re.search(
        r'<script type="application/json" id="timeline-data">(.*?)</script>', hostile_page, re.S
    )
    assert block is not None
    data = json.loads(block.group(1))
    assert data["documents"]
    assert "</" not in block.group(1)


def test_render_has_restrictive_csp(hostile_page: str) -> None:
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', hostile_page).group(
        1
    )
    assert "default-src 'none'" in csp
    assert "unsafe-eval" not in csp
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["script-src"].count("'sha256-") == 2
    assert "'unsafe-inline'" not in directives["script-src"]


def test_render_loads_nothing_remote(hostile_page: str) -> None:
    assert not re.search(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="https?:', hostile_page)
    assert "<link" not in hostile_page


@pytest.mark.parametrize("s", ["</script>", "a\u2028b", "<!--", "&amp;"])
def test_render_json_for_script_round_trips(s: str) -> None:
    out = json_for_script({"s": s})
    assert "<" not in out and json.loads(out) == {"s": s}


def test_render_page_size_budget(seed_doc: timeline.Document) -> None:
    page = render_page([seed_doc])
    assert len(page.encode()) < 900 * 1024
    assert page.count('<li id="') == len(seed_doc.events)


# ---- the SVG timeline ------------------------------------------------------------------
def _svg(doc: timeline.Document) -> ET.Element:
    data = collect([doc])
    names = {e["id"]: e["label"] for e in data["entities"]}
    return ET.fromstring(timeline_svg(data["events"], data["links"], names, standalone=True))


def _marks(root: ET.Element) -> dict[str, ET.Element]:
    return {
        a.get("data-id"): a for a in root.iter(f"{SVG}a") if a.get("class", "").startswith("mark")
    }


def test_svg_timeline_draws_each_dated_event_at_its_granularity(
    seed_doc: timeline.Document,
) -> None:
    root = _svg(seed_doc)
    marks = _marks(root)
    dated = [e for e in seed_doc.events if e.time.start]
    assert len(marks) == len(dated)
    for ev in dated:
        mark = marks[f"{seed_doc.id}:{ev.id}"]
        # the mark carries its day range: a year-only event covers the whole year
        days = int(mark.get("data-t1")) - int(mark.get("data-t0"))
        first = dt.date.fromisoformat(ev.time.start)
        last = dt.date.fromisoformat(ev.time.end or ev.time.start)
        assert days == (last - first).days + 1
        shape = mark.find(f"{SVG}rect") if ev.time.granularity == "year" else None
        if ev.time.granularity == "year":
            assert shape is not None and float(shape.get("width")) > 9
        if ev.time.granularity == "day":
            assert mark.find(f"{SVG}circle") is not None
        assert mark.find(f"{SVG}title").text.endswith(ev.title)


def test_svg_timeline_orders_marks_by_time_and_draws_links(seed_doc: timeline.Document) -> None:
    root = _svg(seed_doc)
    xs = []
    for a in _marks(root).values():
        shape = a.find(f"{SVG}rect")
        x = float(shape.get("x")) if shape is not None else float(a.find(f"{SVG}circle").get("cx"))
        xs.append((int(a.get("data-t0")), x))
    xs.sort()
    assert all(
        x1 <= x2 + 0.05 for (_, x1), (_, x2) in zip(xs, xs[1:], strict=False)
    )  # monotone scale
    links = [p for p in root.iter(f"{SVG}path") if p.get("class") == "link"]
    assert len(links) >= 1 and all(p.get("marker-end") == "url(#arrow)" for p in links)
    lanes = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "lane"]
    assert "Russia" in lanes and len(lanes) >= 3  # lanes by main actor
    ticks = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "tick"]
    assert "1962" in ticks or "1963" in ticks


def test_svg_timeline_aggregates_thousands_of_events() -> None:
    events = [
        {
            "id": f"e{i}",
            "label": "x",
            "start": f"{1900 + i % 120}-01-01",
            "end": f"{1900 + i % 120}-12-31",
            "value": str(1900 + i % 120),
            "entities": [],
            "granularity": "year",
            "basis": "explicit",
        }
        for i in range(MAX_MARKS + 1)
    ]
    root = ET.fromstring(timeline_svg(events, standalone=True))
    bins = [a for a in root.iter(f"{SVG}a") if a.get("class") == "bin"]
    assert bins and not _marks(root)
    assert sum(int(b.find(f"{SVG}text").text) for b in bins) == len(events)


def test_svg_export_is_standalone_xml(seed_doc: timeline.Document, tmp_path) -> None:
    from timeline.readwrite.exports import export

    (path,) = export([seed_doc], "svg", tmp_path / "t.svg")
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG}svg" and root.find(f"{SVG}style") is not None


# ---- embed and graph ---------------------------------------------------------------------
def test_embed_page_is_the_timeline_alone_and_small(seed_doc: timeline.Document) -> None:
    page = render_page([seed_doc], embed=True)
    assert len(page.encode()) <= 100 * 1024
    assert "vis-network" not in page and 'id="graph"' not in page
    assert page.count('<li id="') == len(seed_doc.events)
    csp = re.search(r'content="(default-src[^"]+)"', page).group(1)
    assert csp.count("'sha256-") == 1


def test_embed_snippet_has_iframe_listener_and_noscript_list(seed_doc: timeline.Document) -> None:
    snippet = render_embed_snippet([seed_doc], "t.html", title='A "title" <b>')
    assert '<iframe src="t.html"' in snippet and 'title="A &quot;title&quot; &lt;b&gt;"' in snippet
    assert "e.source!==f.contentWindow" in snippet  # only our iframe may resize it
    noscript = re.search(r"<noscript>(.*)</noscript>", snippet, re.S).group(1)
    assert noscript.count("<li>") == len(seed_doc.events)


def test_graph_above_physics_limit_gets_python_positions_and_a_node_limit() -> None:
    data = {
        "entities": [
            {"id": f"n{i}", "label": f"N{i}", "type": "PERSON", "aliases": [], "events": []}
            for i in range(300)
        ],
        "events": [],
        "relations": [
            {
                "id": f"r{i}",
                "source": f"n{i}",
                "target": f"n{(i * 7 + 1) % 300}",
                "type": "meets",
                "polarity": "neutral",
                "doc": "d",
                "sentence": [],
            }
            for i in range(300)
        ],
        "links": [],
    }
    g = graph_data(data)
    assert g["physics"] is False and all("x" in n and "y" in n for n in g["nodes"])
    small = graph_data(data, limit=120)
    assert len(small["nodes"]) == 120 and small["total"] == 300 and small["physics"] is True
    kept = {n["id"] for n in small["nodes"]}
    assert all(e["from"] in kept and e["to"] in kept for e in small["edges"])


def test_svg_timeline_shows_many_arrows_only_on_demand(seed_doc: timeline.Document) -> None:
    from timeline.render.timeline_svg import MAX_ARROWS

    assert 'class="links"' in ET.tostring(_svg(seed_doc), encoding="unicode").replace("ns0:", "")
    events = [
        {
            "id": f"e{i}",
            "label": "x",
            "start": f"{1900 + i}-01-01",
            "end": f"{1900 + i}-12-31",
            "value": str(1900 + i),
            "entities": [],
            "granularity": "year",
            "basis": "explicit",
        }
        for i in range(MAX_ARROWS + 2)
    ]
    links = [
        {"source": f"e{i}", "target": f"e{i + 1}", "type": "before"} for i in range(len(events) - 1)
    ]
    svg = timeline_svg(events, links, standalone=True)
    assert '<g class="links many">' in svg and svg.count('class="link"') == len(links)


@pytest.mark.parametrize(
    ("value", "start", "granularity", "label"),
    [
        ("1962", "1962-01-01", "year", "1962"),
        ("2022-01", "2022-01-01", "month", "Jan 2022"),
        ("2022-03-01", "2022-03-01", "day", "1 Mar 2022"),
        ("2022-W09-WE", "2022-03-05", "weekend", "weekend of 5 Mar 2022"),
        ("2011-Q3", "2011-07-01", "quarter", "Q3 2011"),
        ("196", "1960-01-01", "decade", "the 1960s"),
        ("20", "2000-01-01", "century", "the 21st century"),
        ("2011-SU", "2011-06-01", "season", "summer 2011"),
        ("2022-03-01T09:30", "2022-03-01", "time", "1 Mar 2022, 09:30"),
        (None, None, None, "undated"),
    ],
)
def test_dates_are_labelled_at_their_granularity(value, start, granularity, label) -> None:
    from timeline.render.labels import date_label

    assert date_label({"value": value, "start": start, "granularity": granularity}) == label


def test_svg_timeline_places_years_before_christ(tmp_path) -> None:
    doc = timeline.parse(
        "The cities revolted in 499 BC. In September 490 BC the Athenians won at Marathon. "
        "In August 480 BC the Greeks held the pass, and in 1896 the games began again.",
        published="2024-03-01",
    )
    from timeline.readwrite.exports import export

    (path,) = export([doc], "svg", tmp_path / "t.svg")
    root = ET.parse(path).getroot()
    assert len(_marks(root)) == len([e for e in doc.events if e.time.value])
    ticks = [t.text or "" for t in root.iter(f"{SVG}text") if t.get("class") == "tick"]
    assert "490 BC" in ticks and any(t.endswith("BC") for t in ticks if t != "490 BC")
    assert not any(t.startswith("-") for t in ticks)


def test_render_graph_labels_the_most_connected_entities_largest(seed_doc) -> None:
    page = render_page([seed_doc])
    block = re.search(
        r'<script type="application/json" id="timeline-data">(.*?)</script>', page, re.S
    )
    assert block is not None
    nodes = json.loads(block.group(1))["graph"]["nodes"]
    entities = [n for n in nodes if n["id"].startswith("ent:")]
    by_size = sorted(entities, key=lambda n: -n["size"])  # node size grows with degree
    assert by_size[0]["font"]["size"] == 30 and by_size[-1]["font"]["size"] < 30
    assert sum(n["font"]["size"] == 30 for n in entities) == min(10, len(entities))


def test_page_script_is_compacted_without_changing_a_string() -> None:
    # _compact drops comment lines and indentation; that is safe only while the script has
    # no template literal (a multi-line string whose lines would change)
    from importlib import resources

    js = (resources.files("timeline") / "render" / "templates" / "app.js").read_text("utf-8")
    assert "`" not in js
    page = render_page([timeline.parse("In 1962 Oslo voted.", published="2020-01-01")])
    assert "// timeline page script" not in page and "\n  " not in page.split("<script>")[-1]
