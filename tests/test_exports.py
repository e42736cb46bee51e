"""Exports: each format written, readable by its consumer library, and escaped where it is HTML."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

import timeline
from timeline.cli import cli
from timeline.readwrite.exports import FORMATS, export, generate_timelinejs

ROOT = Path(__file__).resolve().parent.parent

TEXT = (
    "In 1962, the Soviet Union placed missiles in Cuba. The following year, Washington and "
    "Moscow installed a hotline. <script>alert(1)</script> Castro said."
)


@pytest.fixture(scope="module")
def docs() -> list[timeline.Document]:
    return [timeline.parse(TEXT, published="2022-03-05", title="<b>Cold</b> War")]


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "csv"])
def test_exports_each_format_is_written(docs, tmp_path: Path, fmt: str) -> None:
    (path,) = export(docs, fmt, tmp_path / f"out.{fmt}")
    assert path.stat().st_size > 100


def test_exports_gexf_has_spells_and_reads_back(docs, tmp_path: Path) -> None:
    (path,) = export(docs, "gexf", tmp_path / "g.gexf")
    text = path.read_text()
    assert 'mode="dynamic"' in text and 'start="1962-01-01"' in text
    g = nx.read_gexf(path)
    assert g.number_of_nodes() == timeline.build_graph(docs).number_of_nodes()


def test_exports_csv_round_trips(docs, tmp_path: Path) -> None:
    paths = export(docs, "csv", tmp_path / "csv")
    assert [p.name for p in paths] == ["events.csv", "entities.csv", "relations.csv"]
    rows = list(csv.DictReader((tmp_path / "csv" / "events.csv").open()))
    assert {r["value"] for r in rows} >= {"1962", "1963"}
    assert all(TEXT[int(r["start"]) : int(r["end"])] == r["trigger"] for r in rows)


def test_exports_timelinejs_is_escaped(docs) -> None:
    data = generate_timelinejs(docs)
    blob = json.dumps(data)
    assert "<script>" not in blob and "&lt;script&gt;" in blob and "<b>" not in blob
    assert data["events"][0]["start_date"] == {"year": "1962"}


def test_exports_cli(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(TEXT)
    res = CliRunner().invoke(
        cli,
        [
            "export",
            str(src),
            "-f",
            "json",
            "-o",
            str(tmp_path / "g.json"),
            "--published",
            "2022-03-05",
        ],
    )
    assert res.exit_code == 0
    assert nx.node_link_graph(json.loads((tmp_path / "g.json").read_text())).number_of_nodes()
    assert CliRunner().invoke(cli, ["export", str(src), "-f", "pdf", "-o", "x"]).exit_code == 2


def _timelinejs_validator():  # type: ignore[no-untyped-def]
    import jsonschema

    schema = json.loads((ROOT / "schemas" / "timelinejs3.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_exports_timelinejs_passes_the_format_schema(docs) -> None:
    validator = _timelinejs_validator()
    data = generate_timelinejs(docs)
    assert list(validator.iter_errors(data)) == []
    # and the schema can fail: a slide without a date, a date without a year, a stray key
    for bad in (
        {"events": [{"text": {"headline": "x"}}]},
        {"events": [{"start_date": {"month": "3"}}]},
        {"events": [{"start_date": {"year": "1962"}, "headline": "x"}]},
        {"events": [], "scale": "geological"},
    ):
        assert list(validator.iter_errors(bad)), bad


@pytest.mark.parametrize("fmt", FORMATS)
def test_exports_never_overwrite_without_force(tmp_path: Path, fmt: str) -> None:
    """Issue 12, item 2: an existing file, the export's own input included, is kept."""
    src = tmp_path / "victim.json"
    assert CliRunner().invoke(cli, ["parse", "-", "-o", str(src)], input=TEXT).exit_code == 0
    before = src.read_bytes()
    out = tmp_path / "csvdir" if fmt == "csv" else src
    existing = out / "events.csv" if fmt == "csv" else src
    existing.parent.mkdir(exist_ok=True)
    if fmt == "csv":
        existing.write_text("mine")
    res = CliRunner().invoke(cli, ["export", str(src), "-f", fmt, "-o", str(out)])
    assert (res.exit_code, res.stderr) == (
        1,
        f"timeline: error: {existing}: exists (use --force to overwrite)\n",
    )
    assert src.read_bytes() == before and (fmt != "csv" or existing.read_text() == "mine")
    res = CliRunner().invoke(cli, ["export", str(src), "-f", fmt, "-o", str(out), "--force"])
    assert res.exit_code == 0, res.stderr
    assert existing.read_bytes() != (b"mine" if fmt == "csv" else before)


def test_exports_render_embed_checks_the_snippet_before_writing(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(TEXT)
    (tmp_path / "page.embed.html").write_text("mine")
    res = CliRunner().invoke(
        cli, ["render", str(src), "-o", str(tmp_path / "page.html"), "--embed"]
    )
    assert (res.exit_code, res.stderr) == (
        1,
        f"timeline: error: {tmp_path / 'page.embed.html'}: exists (use --force to overwrite)\n",
    )
    assert not (tmp_path / "page.html").exists()


FORMULAS = ['=HYPERLINK("http://127.0.0.1:9/x","click")', "+1+1", "-2+3", "@SUM(A1)", "\t=1"]


def test_exports_csv_cells_never_start_a_formula(tmp_path: Path) -> None:
    """Issue 12, item 6 (OWASP CSV injection): a cell starting with = + - @ or a tab is
    prefixed with ' so that a spreadsheet shows it as text."""
    text = " ".join(f"{f} In 2019, Acme Corp met Beta Inc in Oslo." for f in FORMULAS)
    doc = timeline.parse(text, published="2022-03-05", title=FORMULAS[0])
    export([doc], "csv", tmp_path / "csv")
    cells = []
    for name in ("events.csv", "entities.csv", "relations.csv"):
        with (tmp_path / "csv" / name).open(newline="") as f:
            cells += [c for row in csv.reader(f) for c in row]
    assert len(cells) > 20
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r", "\n")]
    sentences = [c for c in cells if "Acme Corp met" in c]
    assert sentences and all(c.startswith("'") or c[0].isalpha() for c in sentences)
    assert any(c.startswith("'=HYPERLINK") for c in cells)


NOT_XML = "".join(chr(c) for c in range(32) if c not in (9, 10, 13)) + "\ufffe\uffff"


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "svg"])
def test_exports_xml_never_holds_a_character_xml_forbids(tmp_path: Path, fmt: str) -> None:
    """Issue 12, item 15: form feeds, other C0 controls, U+FFFE and U+FFFF in the text, the
    title and names are dropped from every XML file, which any XML parser then reads."""
    import dataclasses
    import xml.etree.ElementTree as ET

    text = f"In 2019,{NOT_XML} Acme Corp met{NOT_XML[::3]} Beta Inc in Oslo.\x0c Then it rained."
    doc = timeline.parse(text, published="2022-03-05", title=f"Markets{NOT_XML}rally")
    events = tuple(dataclasses.replace(ev, title=ev.title + NOT_XML) for ev in doc.events)
    doc = dataclasses.replace(doc, events=events)
    assert doc.entities and doc.events
    (path,) = export([doc], fmt, tmp_path / f"out.{fmt}")
    raw = path.read_text(encoding="utf-8")
    assert not set(raw) & set(NOT_XML.replace("\x0c", "")) and "\x0c" not in raw
    ET.parse(path)  # well-formed
    if fmt != "svg":
        g = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(path)
        assert g.number_of_nodes() == timeline.build_graph([doc]).number_of_nodes()


def test_exports_networkx_graphml_writer_drops_them_too(tmp_path: Path) -> None:
    from timeline.readwrite.graph_files import write_graphml

    g = nx.MultiDiGraph()
    g.add_node(f"a{NOT_XML}", label=f"x{NOT_XML}", aliases=[NOT_XML])
    g.add_edge(f"a{NOT_XML}", "b", key=f"k{NOT_XML}", evidence=NOT_XML)
    write_graphml(g, tmp_path / "g.graphml")
    assert sorted(nx.read_graphml(tmp_path / "g.graphml").nodes) == ["a", "b"]


def test_exports_timelinejs_spans_have_both_ends_and_a_readers_date(tmp_path: Path) -> None:
    doc = timeline.parse(
        "Last week the plant closed. In the spring of 2023 sales fell. In the 1960s the "
        "town grew. On 3 May 2021 the mayor resigned.",
        published="2024-06-12",
    )
    slides = {s["text"]["headline"]: s for s in generate_timelinejs([doc])["events"]}
    week = slides["The plant closed"]
    assert (week["start_date"], week["end_date"]) == (
        {"year": "2024", "month": "6", "day": "3"},
        {"year": "2024", "month": "6", "day": "9"},
    )
    assert week["display_date"] == "week of 3 Jun 2024"
    spring = slides["Sales fell"]
    assert (spring["start_date"]["month"], spring["end_date"]["month"]) == ("3", "5")
    assert slides["The town grew"]["end_date"] == {"year": "1969"}
    assert "end_date" not in slides["The mayor resigned"]  # one day
    assert list(_timelinejs_validator().iter_errors(generate_timelinejs([doc]))) == []
    src = tmp_path / "a.txt"
    src.write_text("On 3 May 2021 the mayor resigned.", encoding="utf-8")
    out = tmp_path / "tl.json"
    res = CliRunner().invoke(
        cli, ["export", str(src), "-f", "timelinejs", "-o", str(out), "--title", "A & B"]
    )
    assert res.exit_code == 0, res.stderr
    assert json.loads(out.read_text())["title"]["text"]["headline"] == "A &amp; B"
