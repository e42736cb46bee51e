"""Eval gate: the time stage's scores on TBAQ (news) and WikiWars (narrative history), and
the entity and time scores on both MEANTIME sets, must not fall below the floors pinned in
tests/eval_baseline.json.

The corpus is never copied into the repository: the gate reads it from the folder named by
TIMELINE_EVAL_DATA (``.ci/run`` points it at ../shared/data) and skips, saying so, when the
variable is unset. Re-pin with ``python -m pytest tests/test_eval_gate.py --update-golden``;
a floor is only ever raised, never lowered silently.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from timeline.evaluate import eval_timeml

BASELINE = Path(__file__).with_name("eval_baseline.json")
METRICS = ("strict", "relaxed", "type", "value")


@pytest.fixture(scope="module")
def tbaq() -> Path:
    root = os.environ.get("TIMELINE_EVAL_DATA")
    if not root:
        pytest.skip(
            "TIMELINE_EVAL_DATA is not set: eval gate skipped (CI sets it to ../shared/data)"
        )
    path = Path(root) / "timebank-aquaint"
    if not path.is_dir():
        pytest.skip(f"{path} not found: eval gate skipped")
    return path


def _gate(name: str, got: dict[str, float], update: bool) -> None:
    baseline = json.loads(BASELINE.read_text())
    pinned = baseline.get(name, {})
    if update:
        baseline[name] = {m: max(pinned.get(m, 0.0), v) for m, v in got.items()}
        BASELINE.write_text(json.dumps(baseline, indent=2) + "\n")
        pinned = baseline[name]
    below = {m: (got[m], pinned[m]) for m in pinned if got.get(m, 0.0) < pinned[m] - 1e-9}
    assert not below, f"{name} F1 below the pinned floor (got, floor): {below}"


def test_eval_gate_tbaq_floors(tbaq: Path, update_golden: bool) -> None:
    res = eval_timeml([tbaq])
    _gate("tbaq", {m: res[m]["f1"] for m in METRICS}, update_golden)


def test_eval_gate_wikiwars_floors(tbaq: Path, update_golden: bool) -> None:
    path = tbaq.parent / "wikiwars-train"
    if not path.is_dir():
        pytest.skip(f"{path} not found: WikiWars gate skipped")
    res = eval_timeml([path])
    _gate("wikiwars", {m: res[m]["f1"] for m in METRICS}, update_golden)


@pytest.mark.parametrize(
    ("name", "folder"), [("meantime", "meantime-apple"), ("meantime-airbus", "meantime-airbus")]
)
def test_eval_gate_meantime_floors(tbaq: Path, update_golden: bool, name: str, folder: str) -> None:
    from timeline.evaluate import eval_meantime

    path = tbaq.parent / folder
    if not path.is_dir():
        pytest.skip(f"{path} not found: MEANTIME gate skipped")
    res = eval_meantime([path])
    got = {k: res[k]["f1"] for k in ("strict_typed", "overlap_typed", "overlap_untyped")}
    got.update({f"timex_{m}": res["timex"][m]["f1"] for m in METRICS})
    _gate(name, got, update_golden)


@pytest.mark.parametrize(
    ("folder", "name", "articles"),
    [
        # our own eight history-recalling articles, their events dated by hand
        ("history", "history-dated", 8),
        # six more (a mine disaster, an obituary, a company history, an ancient war, a
        # baseball season, a referendum), written by a helper and scored unseen first
        # (52.2% right) before rules were judged on them
        ("history2", "history2-dated", 6),
        # five more (a company relaunch, a returning comet, a constitutional crisis, an
        # obituary, a dam disaster), by a helper in session 10 and scored unseen first
        # (48.9% right at 0b73c63; 43.4% at the session's start)
        ("history3", "history3-dated", 5),
        # five more each (history4: an observatory, a football club, a porcelain maker's
        # bankruptcy, a citizenship referendum, an engineer's obituary; history5: a court
        # ruling, an epidemic, a ferry line, a band's reunion, a drought), by helpers in
        # session 11. history5 was scored once, unseen, at the session's end: 48.2% right
        # at its start (edc09d0), 55.9% at its end by the same (old) scorer; history4 was
        # read for regressions during the session (61.5% -> 67.0% by the old scorer)
        ("history4", "history4-dated", 5),
        ("history5", "history5-dated", 5),
        # five more (an island boundary ruling, a biscuit maker's administration, a wreck
        # from about 430 BC, a goalkeeper's obituary, a flood's 50th anniversary), by a
        # helper in session 12 and scored once, unseen, at its end: 63.5% right at the
        # session's start (a2889ef), 65.1% at its end
        ("history6", "history6-dated", 5),
    ],
)
def test_eval_gate_hand_dated_history_floor(
    folder: str, name: str, articles: int, update_golden: bool
) -> None:
    """Event dates on hand-dated articles (no corpus needed: they live in tests/fixtures)."""
    from timeline.eval_dates import eval_dated

    res = eval_dated(Path(__file__).parent / "fixtures" / folder / "gold.jsonl")
    assert res["articles"] == articles and res["stated"] > 100
    _gate(
        name,
        {"right_pct": res["right_pct"], "published_right": float(res["published_right"])},
        update_golden,
    )


def test_eval_gate_own_narratives(update_golden: bool) -> None:
    """Four narratives of our own with hand-made TIMEX3 gold (tests/fixtures/narratives):
    needs no external corpus, so it runs everywhere."""
    res = eval_timeml([Path(__file__).parent / "fixtures" / "narratives"])
    _gate("narratives", {m: res[m]["f1"] for m in METRICS}, update_golden)
