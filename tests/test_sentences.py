from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.stages.sentences import find_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Smith went to Washington. He met the U.S. envoy.",
            ["Mr. Smith went to Washington.", "He met the U.S. envoy."],
        ),
        ("“We will win,” she said. Then she left.", ["“We will win,” she said.", "Then she left."]),
        (
            "Headline without a stop\n\nBody text here. More.",
            ["Headline without a stop", "Body text here.", "More."],
        ),
        ("It rose 3.5 percent in Jan. 2020 alone.", ["It rose 3.5 percent in Jan. 2020 alone."]),
        # an opening quote typed as two back-ticks (wire copy, TimeBank)
        ("``We won,'' he said. ``It is over.''", ["``We won,'' he said.", "``It is over.''"]),
    ],
)
def test_sentences_split(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in find_sentences(text)] == expected


@given(st.text(max_size=400))
def test_sentences_are_ordered_trimmed_and_inside(text: str) -> None:
    last = 0
    for s in find_sentences(text):
        assert last <= s.start < s.end <= len(text)
        assert not text[s.start].isspace() and not text[s.end - 1].isspace()
        last = s.end
