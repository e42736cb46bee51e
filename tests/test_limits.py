"""Inputs built to make regular expressions backtrack or loops go quadratic finish, with a
valid document (200 KB each, where a quadratic stage takes minutes). Run in a subprocess with a timeout, so a hang fails the test instead of the
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
    # issue 12, item 8: shapes that were quadratic (20 KB took 5 to 24 s)
    "spaces in one sentence": ("In 2019 Oslo" + " " * SIZE + "voted.")[:SIZE],
    "dots": "." * SIZE,
    "U.S. repeated": _fill("U.S. "),
    "run-on line": _fill("On 3 May 2021 Putin met Biden in Paris and then "),
    "allies and leaders": _fill(
        "Putin, China and Iran, one of Maduro's allies, met; Russian leader Vladimir Putin "
    ),
    "acronyms in brackets": _fill("Acme Corp (AC) and Beta Inc (BI) "),
    "clauses": _fill("Oslo; Paris when Rome, Berlin - Madrid (Lisbon) "),
    # found by an attack on the first fixes: each was quadratic or worse
    "after clauses": _fill("troops attacked the town, after leaders met, "),
    "dates before commas": _fill("they met on Friday, then "),
    "a week later": _fill("They met a week later. "),
    "rates": _fill("Prices rose annually. "),
    # shapes of session 8's constructions (headings, anchors on event nouns, quotes,
    # relative clauses, past perfect after a date)
    "years on one line": _fill(
        "In 1962 it began. The following year it grew. Two days later it fell. "
    ),
    "days after the attack": _fill("Rebels attacked on 3 May 1861; eight days after the attack, "),
    "quotes said": _fill('"We won," said Ann Lee, 81, who had said that we won in 1999. '),
    "that had": _fill("In 1964 she noticed that dyes that had resisted had broken "),
    "unclosed tags (HTML)": "<html><body><p>In 2019 Oslo voted.</p>" + _fill("<a "),
    # found by an attack on session 12's parser (each quadratic or worse: 200 KB took 5 s to
    # minutes, and the last one took 6 s for 143 characters, growing 6x per 14 characters)
    "verbs none of which is kept": _fill("men met them "),
    "a surname used again and again": _fill("we met Zo Qu, "),
    "days after in one sentence": _fill("they met two days after they won and "),
    "event nouns in one dated clause": "In 1990 they " + _fill("won the election and "),
    "when clauses": _fill("they won when " + "x, " * 16),
    "past perfect after one long dated clause": "They met, on 3 May 1990 "
    + _fill("x y ")[: SIZE // 2]
    + _fill(", they had won")[: SIZE // 2],
    "a shared subject of names": _fill("Paris and ")[: SIZE // 2]
    + _fill("met them and ")[: SIZE // 2],
    "said and many phrases": "They said" + " in a b" * 24 + " X on Monday. " + _fill("x "),
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
        assert (
            res.returncode == 1
            and res.stderr.decode()
            == "timeline: error: -: file is empty (nothing but white space); give a file that holds the text\n"
        )
        return
    assert res.returncode == 0, res.stderr.decode()[-500:]
    doc = json.loads(res.stdout)
    assert is_valid(doc)
    if text.startswith("<html>"):  # the text is what the page shows
        assert doc["text"].startswith("In 2019 Oslo voted.")
    else:
        assert doc["text"] == text.replace("\r", "")


def test_limits_timeml_with_many_timexes_reads_in_linear_time(tmp_path) -> None:
    """parse_timeml joined the whole text once per TIMEX3 (50,000 in 900 KB: 7.3 s)."""
    import time

    from timeline.readwrite.timeml import parse_timeml

    def timed(n: int) -> float:
        body = " ".join(
            f'<TIMEX3 tid="t{i}" type="DATE" value="1999">1999</TIMEX3>' for i in range(n)
        )
        data = f"<TimeML><TEXT>{body}</TEXT></TimeML>"
        t0 = time.process_time()
        assert len(parse_timeml(data).timexes) == n
        return time.process_time() - t0

    small, large = timed(5_000), timed(40_000)
    assert large < 8 * small * 2 + 0.5  # 8x the input: linear, with room for noise


def test_limits_a_doctype_only_in_the_prolog_is_refused() -> None:
    """The DTD guard refused any "<!DOCTYPE" in the file, even as comment or CDATA text;
    a declaration after a long prolog is still refused, and the prolog scan is linear."""
    import time

    import pytest

    from timeline.errors import InputError
    from timeline.readwrite.timeml import parse_timeml

    doc = parse_timeml(
        "<TimeML><!-- <!DOCTYPE x> --><TEXT><![CDATA[a <!ENTITY b> in 2019]]></TEXT></TimeML>"
    )
    assert doc.text == "a <!ENTITY b> in 2019"
    with pytest.raises(InputError, match="declares a document type"):
        parse_timeml("<?xml version='1.0'?>\n<!-- c -->\n<!DOCTYPE TimeML []><TimeML/>")
    t0 = time.process_time()
    with pytest.raises(InputError):
        parse_timeml(" " * 200_000 + "x")  # no root after a long prolog: fails fast
    assert time.process_time() - t0 < 1.0
