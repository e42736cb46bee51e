from __future__ import annotations

import copy
import json

import pytest

import timeline
from timeline.errors import OffsetError, SchemaError
from timeline.readwrite.document import parse_document
from timeline.schema import check, check_offsets, validate


@pytest.fixture(scope="module")
def doc_dict() -> dict:
    return timeline.parse(
        "In 1962, the Soviet Union placed missiles in Cuba.", published="2022-03-05"
    ).to_dict()


def test_schema_accepts_parser_output(doc_dict: dict) -> None:
    assert check(doc_dict) == []
    assert check_offsets(doc_dict) == []


def test_schema_reports_every_problem_with_json_path(doc_dict: dict) -> None:
    bad = copy.deepcopy(doc_dict)
    bad["timexes"][0]["type"] = "YEAR"
    bad["entities"][0]["id"] = "Soviet Union"
    del bad["source"]["published_from"]
    paths = [p for p, _ in check(bad)]
    assert "$.timexes[0].type" in paths
    assert "$.entities[0].id" in paths
    assert "$.source" in paths
    with pytest.raises(SchemaError) as err:
        validate(bad)
    assert len(err.value.problems) == 3


def test_schema_loader_checks_span_text(doc_dict: dict) -> None:
    bad = copy.deepcopy(doc_dict)
    bad["timexes"][0]["text"] = "1963"
    with pytest.raises(OffsetError, match=r"\$\.timexes\[0\]: span 3-7 reads '1962', not '1963'"):
        parse_document(json.dumps(bad), "x.json")


@pytest.mark.parametrize("end", [10_000])
def test_schema_loader_rejects_span_outside_text(doc_dict: dict, end: int) -> None:
    bad = copy.deepcopy(doc_dict)
    bad["entities"][0]["mentions"][0]["end"] = end
    assert "outside the text" in check_offsets(bad)[0][1]


def _set(obj: dict, path: tuple, value) -> dict:
    out = copy.deepcopy(obj)
    target = out
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return out


DATES = [
    "0000-01-01",
    "2022-02-30",
    "2022-13-01",
    "2022-1-1",
    "\u0662\u0660\u0662\u0662-01-01",
    "2022-01-01\n",
    "2022-01-01T10:00",
    "0001-01-01",
    "9999-12-31",
    "2024-02-29",
]
IDS = ["evil\n", "Evil", "a" * 201, "a" * 200, "../x", "a/b", "x\u0663", ".hidden", "ok-1.2_3"]
MUTATIONS = (
    [(("events", 0, "time", "start"), d) for d in DATES]
    + [(("events", 0, "time", "end"), d) for d in DATES]
    + [(("source", "published"), d) for d in DATES]
    + [(("source", "id"), i) for i in IDS]
    + [(("timexes", 0, "id"), i) for i in ("t0-4\n", "t\u0660-4", "t0-4")]
    + [(("entities", 0, "id"), i) for i in ("ent:x\n", "ent:x")]
    + [(("source", "title"), t) for t in ("a\\\ud800b", "\udc00", "ok \U0001f600", "\\ud800")]
)


@pytest.mark.parametrize(("path", "value"), MUTATIONS)
def test_schema_both_validators_give_one_verdict(doc_dict: dict, path, value) -> None:
    """Issue 12, item 14: what `timeline validate` (jsonschema) accepts, the fast validator
    used by build and render accepts, and the other way round."""
    from timeline.schema import is_valid

    bad = _set(doc_dict, path, value)
    assert (check(bad) == []) == is_valid(bad), check(bad)


ACCEPTED = [m for m in MUTATIONS if m[1] in ("0001-01-01", "9999-12-31", "2024-02-29", "a" * 200)]


@pytest.mark.parametrize(("path", "value"), ACCEPTED)
def test_schema_an_accepted_document_builds_and_renders(tmp_path, doc_dict: dict, path, value):
    """A document both validators accept goes through build, render and every export."""
    from click.testing import CliRunner

    from timeline.cli import cli
    from timeline.readwrite.exports import FORMATS, export

    doc = _set(doc_dict, path, value)
    (tmp_path / "d.json").write_text(json.dumps(doc))
    res = CliRunner().invoke(cli, ["build", str(tmp_path / "d.json"), "-o", str(tmp_path / "o")])
    assert res.exit_code == 0, res.stderr
    loaded = timeline.read_document(tmp_path / "d.json")
    timeline.render_html([loaded])
    for fmt in FORMATS:
        export([loaded], fmt, tmp_path / f"x-{fmt}")
