"""Fuzzing with hypothesis: arbitrary text, bytes and mutated documents never cause an
unhandled exception, every span stays inside its text, every output is schema-valid.

CI runs a short pass; ``make fuzz`` runs the long one (TIMELINE_FUZZ_EXAMPLES=100000).
"""

from __future__ import annotations

import contextlib
import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import timeline
from timeline.errors import TimelineError
from timeline.ingest import decode_article
from timeline.readwrite.document import parse_document
from timeline.schema import check, check_offsets

N = int(os.environ.get("TIMELINE_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=N, deadline=None, suppress_health_check=list(HealthCheck))

# text that looks a little like news: words, names, dates, punctuation, odd characters
_PIECES = st.sampled_from(
    [
        "In 1962 ",
        "the following year ",
        "Last Tuesday (1st) ",
        "Washington ",
        "Moscow ",
        "said ",
        "cut ties with ",
        "the Missile Crisis ",
        "March 3, 2021 ",
        "two years later ",
        "U.S. ",
        "Mr. ",
        "( ",
        ") ",
        ", ",
        ". ",
        "\n\n",
        "\u200f",
        "\u202e",
        "\x00",
        "\x0b",
        "é",
        "中文 ",
        "🙂 ",
        "'s ",
        "— ",
        "“",
        "”",
        "<script>",
        "&amp;",
        "\ufeff",
        "Inc. ",
    ]
)
NEWSY = st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=60).map("".join)


def _assert_sound(doc: timeline.Document) -> None:
    d = doc.to_dict()
    assert check(d) == [] and check_offsets(d) == []
    n = len(doc.text)
    for t in doc.timexes:
        assert 0 <= t.start < t.end <= n
    for e in doc.entities:
        assert all(0 <= m.start < m.end <= n for m in e.mentions)


@FUZZ
@given(
    text=st.one_of(NEWSY, st.text(max_size=400)), published=st.sampled_from([None, "2022-03-05"])
)
def test_fuzz_parser_never_crashes(text: str, published: str | None) -> None:
    try:
        doc = timeline.parse(text, published=published, infer_published=True)
    except TimelineError:
        return  # a clear, named error (e.g. empty text) is the right outcome
    _assert_sound(doc)


@FUZZ
@given(data=st.binary(max_size=300), name=st.sampled_from(["a.txt", "a.md", "a.html", "-"]))
def test_fuzz_ingest_only_raises_input_errors(data: bytes, name: str) -> None:
    try:
        art = decode_article(data, name)
    except TimelineError:
        return
    assert isinstance(art.text, str) and art.text.strip()


_BASE = timeline.parse(
    "In 1962, Washington cut ties with Havana. Castro condemned it.", published="2022-03-05"
).to_dict()


@st.composite
def _mutated(draw: st.DrawFn) -> str:
    doc = json.loads(json.dumps(_BASE))
    for _ in range(draw(st.integers(1, 4))):
        section = draw(st.sampled_from(["timexes", "entities", "events", "relations", "source"]))
        value = draw(
            st.one_of(
                st.none(),
                st.integers(-5, 10_000),
                st.text(max_size=5),
                st.lists(st.integers(), max_size=2),
            )
        )
        if section == "source":
            doc["source"][draw(st.sampled_from(list(doc["source"])))] = value
        elif doc[section]:
            item = doc[section][0]
            item[draw(st.sampled_from(list(item)))] = value
    text = json.dumps(doc)
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(text)))
        text = text[:cut]
    return text


@FUZZ
@given(text=_mutated())
def test_fuzz_document_loader_only_raises_timeline_errors(text: str) -> None:
    with contextlib.suppress(TimelineError):  # anything else fails the test
        parse_document(text, "fuzz.json")


def test_fuzz_many_dates_in_one_paragraph() -> None:
    text = " ".join(f"On March {1 + i % 28}, {1990 + i % 30} talks resumed" for i in range(10_000))
    doc = timeline.parse(text, published="2022-03-05")
    assert len(doc.timexes) == 10_000
    _assert_sound(doc)
