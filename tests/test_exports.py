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
    assert "links" in json.loads((tmp_path / "g.json").read_text())
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
