"""Corpus readers and scorers, on small fixtures written for these tests (the real corpora
are never in the repository; the eval gate reads them from TIMELINE_EVAL_DATA)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import cli
from timeline.evaluate import eval_meantime, eval_timeml, score_timexes
from timeline.readwrite.meantime import read_meantime
from timeline.readwrite.timeml import GoldTimex, read_timeml

FIX = Path(__file__).with_name("fixtures")


def test_evaluate_timeml_reader_offsets() -> None:
    doc = read_timeml(FIX / "tiny-timeml.xml")
    assert doc.dct == "1998-01-08"
    assert [(t.text, t.value) for t in doc.timexes] == [
        ("yesterday", "1998-01-07"),
        ("five year", "P5Y"),
        ("1962", "1962"),
        ("the next year", "1963"),
    ]
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text


def test_evaluate_timeml_scores() -> None:
    res = eval_timeml([FIX / "tiny-timeml.xml"])
    assert res["documents"] == 1 and res["gold"] == 4
    assert res["relaxed"]["f1"] == 100.0 and res["value"]["f1"] == 100.0


@pytest.mark.parametrize(
    ("system", "strict", "relaxed", "value"),
    [
        ([GoldTimex(0, 4, "1962", "DATE", "1962")], 1.0, 1.0, 1.0),
        ([GoldTimex(0, 9, "1962 then", "DATE", "1962")], 0.0, 1.0, 1.0),
        ([GoldTimex(0, 4, "1962", "DATE", "1963")], 1.0, 1.0, 0.0),
        ([GoldTimex(20, 24, "1999", "DATE", "1999")], 0.0, 0.0, 0.0),
    ],
)
def test_evaluate_tempeval_matching(
    system: list[GoldTimex], strict: float, relaxed: float, value: float
) -> None:
    sc = score_timexes(system, [GoldTimex(0, 4, "1962", "DATE", "1962")])
    assert (sc.strict.f1, sc.relaxed.f1, sc.value.f1) == (strict, relaxed, value)


def test_evaluate_meantime_reader() -> None:
    doc = read_meantime(FIX / "tiny-meantime.xml")
    assert doc.text.splitlines()[1] == "March 6, 2008"
    assert doc.dct == "2008-03-06"
    assert [(m.text, m.type) for m in doc.mentions if m.syntactic_type == "NAM"] == [
        ("Harbor Mills", "ORG"),
        ("iPhone", "PRO"),
        ("Dana Whitfield", "PER"),
        ("Harbor Mills", "ORG"),
        ("London", "LOC"),
    ]


def test_evaluate_meantime_scores() -> None:
    res = eval_meantime([FIX / "tiny-meantime.xml"])
    assert res["gold_mentions"] == 5
    assert res["overlap_untyped"]["f1"] == 100.0
    assert res["per_type"]["PER"]["f1"] == 100.0 and res["per_type"]["LOC"]["f1"] == 100.0
    assert res["timex"]["value"]["f1"] == 100.0


def test_evaluate_cli_json(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["eval", "timeml", str(FIX / "tiny-timeml.xml"), "--json"])
    assert res.exit_code == 0 and json.loads(res.stdout)["strict"]["f1"] == 100.0
    res = CliRunner().invoke(cli, ["eval", "meantime", str(tmp_path)])
    assert res.exit_code == 1 and "no .xml files found" in res.stderr


def test_evaluate_timelines_format_and_scores(tmp_path: Path) -> None:
    d = FIX / "timelines"
    res = CliRunner().invoke(
        cli,
        [
            "eval",
            "timelines",
            "--docs",
            str(d),
            "--entities",
            str(d / "targets.txt"),
            "--out",
            str(tmp_path),
            "--gold",
            str(d / "gold"),
            "--json",
        ],
    )
    assert res.exit_code == 0, res.stderr
    lines = (tmp_path / "harbor_mills.txt").read_text().splitlines()
    assert lines[0] == "Harbor Mills"
    rows = [line.split("\t") for line in lines[1:]]
    assert all(len(r) >= 3 and r[0].isdigit() for r in rows)
    # the saying is the dateline's day; "next week" (2008-W11) is the shipping's, not its,
    # written as its month but ordered by its days (after the saying)
    assert rows == [["0", "2008-03-06", "1-2-said"], ["1", "2008-03", "1-2-ship"]]
    scores = json.loads(res.stdout)
    assert scores["events"]["r"] == 100.0 and scores["date_accuracy"] == 100.0


def test_evaluate_cli_prints_mismatches(tmp_path: Path) -> None:
    wrong = (FIX / "tiny-timeml.xml").read_text().replace('value="1962"', 'value="1999"')
    (tmp_path / "wrong.tml").write_text(wrong)
    res = CliRunner().invoke(cli, ["eval", "timeml", str(tmp_path / "wrong.tml"), "--errors", "5"])
    assert res.exit_code == 0, res.output
    assert "value     wrong.tml: system='1962' (DATE 1962)  gold='1962' (DATE 1999)" in res.stdout


def test_eval_dated_counts_a_time_of_the_gold_day_as_that_day(tmp_path: Path) -> None:
    from timeline.eval_dates import eval_dated

    (tmp_path / "a.txt").write_text(
        "On 21 August 1997 the river rose. At 9 p.m. the dam burst. The town flooded in "
        "August 1997.",
        encoding="utf-8",
    )
    gold = {
        "file": "a.txt",
        "published": "2022-08-21",
        "events": [
            {"trigger": "burst", "occurrence": 1, "value": "1997-08-21"},  # found T21:00
            {"trigger": "flooded", "occurrence": 1, "value": "1997-08-12"},  # found 1997-08
        ],
    }
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    res = eval_dated(tmp_path / "gold.jsonl")
    assert (res["found"], res["right"]) == (2, 1)
