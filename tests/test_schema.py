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
