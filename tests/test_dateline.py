"""The publication date comes only from a dateline or byline at the top of an article
(issue 13, item 7); a date in the body is the story's. Texts written for these tests."""

from __future__ import annotations

import subprocess
import sys

import pytest

import timeline
from timeline.dateline import published_in_dateline


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Harbour strike ends\nMarch 3, 2021\nDock workers returned yesterday.", "2021-03-03"),
        ("Harbour strike ends\n3 March 2021, 14:05 GMT\nDock workers ...", "2021-03-03"),
        ("LISBON, March 3, 2021 (AP) - Dock workers returned on Tuesday.", "2021-03-03"),
        ("Harbour strike ends\nBy Ana Costa | 3 March 2021\nDock workers ...", "2021-03-03"),
        (
            "Harbour strike ends\nBy Ana Costa-Reis - Published: 2021-03-03T09:00:00Z\nx",
            "2021-03-03",
        ),
        ("Harbour strike ends\nUpdated Wednesday, March 3, 2021\nDock workers ...", "2021-03-03"),
        ("Wednesday, March 3, 2021\n\nDock workers returned.", "2021-03-03"),
    ],
)
def test_dateline_and_byline_dates_are_the_publication_date(text: str, date: str) -> None:
    assert published_in_dateline(text) == date


@pytest.mark.parametrize(
    "text",
    [
        # a date inside the first sentence is the story's
        "Harbour strike\n\nOn March 3, 2021, dock workers walked out. They returned today.",
        "Dock workers walked out on March 3, 2021, and returned a week later.",
        # a headline about a dated event
        "The day the dockers struck: March 3, 2021\nThey returned a week later.",
        "Dockers struck on March 3, 2021\nThey returned a week later.",
        # a chronology line, not a dateline
        "Harbour strike\nMarch 3, 2021 - dock workers walk out\nMarch 10, 2021 - they return",
        # a date further down
        "Harbour strike\nDock workers walked out.\nThey returned.\nMarch 3, 2021",
        # a year or a month is not a publication day
        "Harbour strike\nMarch 2021\nDock workers returned.",
    ],
)
def test_dates_in_the_body_or_headline_are_not_the_publication_date(text: str) -> None:
    assert published_in_dateline(text) is None


def test_a_resignation_after_a_vote_is_not_dated_from_the_vote() -> None:
    """The issue's example: with no dateline the vote's date was taken as the publication
    date and "today" resolved from it; now the document has none and says so."""
    doc = timeline.parse(
        "On June 23, 2016, Britons voted to leave. Today Cameron announced his resignation.",
        infer_published=True,
    )
    assert doc.source.published is None
    assert doc.problems[0].code == "no-publication-date" and doc.problems[0].start is None
    today = next(t for t in doc.timexes if t.text == "Today")
    assert today.value is None


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "timeline", *args], capture_output=True, text=True, check=False
    )


def test_cli_warns_once_when_relative_dates_are_left_unresolved(tmp_path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("Strike\n\nDock workers walked out yesterday.")
    (src / "b.txt").write_text("Strike\n\nThey returned last week.")
    (src / "c.txt").write_text("Strike\nMarch 3, 2021\nThey returned yesterday.")
    (src / "d.txt").write_text("Strike\n\nIn 2019 they walked out.")  # nothing relative
    res = _run("build", str(src), "-o", str(tmp_path / "out"), "-q")
    assert res.returncode == 0, res.stderr
    warnings = [x for x in res.stderr.splitlines() if x.startswith("timeline: warning:")]
    assert warnings == [
        f"timeline: warning: {src / 'a.txt'} and 1 more: " + timeline.pipeline.NO_PUBLICATION_DATE
    ]
    res = _run("parse", str(src / "b.txt"))
    assert res.returncode == 0
    assert res.stderr.splitlines() == [
        f"timeline: warning: {src / 'b.txt'}: " + timeline.pipeline.NO_PUBLICATION_DATE
    ]
    assert _run("parse", str(src / "b.txt"), "--published", "2021-03-10").stderr == ""


def test_dateline_after_a_byline_line() -> None:
    text = "Valley remembers the flood\n\nBy Staff Reporter\n\nGLENMOOR, March 14, 2023 - Residents met."
    assert published_in_dateline(text) == "2023-03-14"
    # a byline does not open the body to the search: the fourth line is not read
    assert published_in_dateline("Headline\nBy Jane Doe\nSome sentence.\nMarch 14, 2023") is None


def test_dateline_place_with_its_region() -> None:
    assert (
        published_in_dateline("Title\nPASADENA, Calif., Sept. 12, 2024 - A crowd met.")
        == "2024-09-12"
    )
    assert (
        published_in_dateline("Title\nGLENMOOR, Scotland, August 21, 2022 - Bells rang.")
        == "2022-08-21"
    )
    assert published_in_dateline("Title\nIn Paris, France, on May 1, 2020 they met.") is None


def test_the_python_api_reads_the_dateline_as_the_cli_does() -> None:
    text = "WASHINGTON, March 5, 2022 (Reuters) - The United States said on Tuesday it would act."
    doc = timeline.parse(text)
    assert (doc.source.published, doc.source.published_from) == ("2022-03-05", "inferred")
    assert next(t.value for t in doc.timexes if t.text == "Tuesday") == "2022-03-01"
    off = timeline.parse(text, infer_published=False)
    assert off.source.published is None
    # the message says why there is no date, in the API's own terms (not --published)
    assert "infer_published=False" in off.problems[0].message
    assert "--published" not in off.problems[0].message
