"""Golden files: parser output for fixed inputs, compared as dicts.

Inputs are the articles in examples/ and tests/golden/<case>.txt (with an optional
<case>.dct holding the publication date). Rewrite with ``pytest --update-golden`` and
review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import timeline
from tests.conftest import EXAMPLES, GOLDEN

CASES = sorted(p.stem for p in GOLDEN.glob("*.txt")) + sorted(
    p.stem for p in EXAMPLES.glob("*.md") if p.name != "README.md"
)


def _parse(case: str) -> dict:
    src = GOLDEN / f"{case}.txt"
    if src.exists():
        dct_file = src.with_suffix(".dct")
        dct = dct_file.read_text().strip() if dct_file.exists() else None
        return timeline.parse(src.read_text(encoding="utf-8"), published=dct, doc_id=case).to_dict()
    # the path as a user in the repository's root names it: the id depends on it
    d = timeline.parse_file(f"{EXAMPLES.name}/{case}.md").to_dict()
    d["source"]["path"] = Path(d["source"]["path"]).name
    return d


@pytest.mark.parametrize("case", CASES)
def test_golden_parser_output(case: str, update_golden: bool, monkeypatch) -> None:
    monkeypatch.chdir(EXAMPLES.parent)
    got = _parse(case)
    path = GOLDEN / f"{case}.json"
    if update_golden or not path.exists():
        path.write_text(
            json.dumps(got, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
        if not update_golden:
            pytest.fail(f"{path.name} was missing and has been written: review and commit it")
    want = json.loads(path.read_text(encoding="utf-8"))
    assert got == want
