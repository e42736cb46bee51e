"""Inputs built to make regular expressions backtrack or loops go quadratic finish, with a
valid document. Run in a subprocess with a timeout, so a hang fails the test instead of the
suite; the seconds per stage are measured by benchmarks/bench_limits.py, not here."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from timeline.schema import is_valid

SIZE = 200_000


def _fill(unit: str) -> str:
    return (unit * (SIZE // len(unit) + 1))[:SIZE]


CASES = {
    "dense dates": _fill("3 May 1999, last Tuesday, two years ago; "),
    "endless sentence": _fill("the minister said that the talks, which began, would go on, and "),
    "capitalised words": _fill("Alpha Beta Gamma Delta Corp Inc "),
    "digits and punctuation": _fill("1 22 333 4444 1999-01-02 12:30 ,.,.;; "),
    "quotes and brackets": _fill('"(The "[Acme] (Corp)" said) ``it\'\' (would) " '),
    "near-miss dates": _fill("May 32, 19999 Sept. 31st, the 45th of Octember "),
    "one long word": "a" * SIZE,
    "spaces and newlines": _fill(" \n \t\n\n   "),
}


@pytest.mark.parametrize("name", list(CASES))
def test_pathological_input_finishes_with_a_valid_document(name: str) -> None:
    text = CASES[name]
    res = subprocess.run(
        [sys.executable, "-m", "timeline", "parse", "-", "--published", "2020-01-01"],
        input=text.encode(),
        capture_output=True,
        timeout=120,
        check=False,
    )
    if not text.strip():
        assert res.returncode == 1 and res.stderr.decode() == "timeline: error: -: file is empty\n"
        return
    assert res.returncode == 0, res.stderr.decode()[-500:]
    doc = json.loads(res.stdout)
    assert is_valid(doc) and doc["text"] == text.replace("\r", "")
