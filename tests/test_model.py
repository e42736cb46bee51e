from __future__ import annotations

import dataclasses

import pytest

import timeline
from timeline.model import Document, Mention


@pytest.mark.parametrize(
    "text", ["In 1962, the Soviet Union placed missiles in Cuba. The following year it ended."]
)
def test_model_round_trip(text: str) -> None:
    doc = timeline.parse(text, published="2022-03-05")
    assert Document.from_dict(doc.to_dict()) == doc


@pytest.mark.parametrize("text", ["Washington cut ties with Caracas in 2019."])
def test_model_is_immutable(text: str) -> None:
    doc = timeline.parse(text, published="2022-03-05")
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.text = "x"  # type: ignore[misc]
    assert isinstance(doc.timexes, tuple)


@pytest.mark.parametrize("text", ["Putin met Maduro in Moscow on Tuesday, officials said."])
def test_model_ids_are_derived_and_stable(text: str) -> None:
    a = timeline.parse(text, published="2022-03-05")
    b = timeline.parse(text, published="2022-03-05")
    assert a.to_dict() == b.to_dict()
    for t in a.timexes:
        assert t.id == f"t{t.start}-{t.end}"
    for e in a.events:
        assert e.id == f"e{e.trigger.start}-{e.trigger.end}"
    assert all(e.id.startswith("ent:") for e in a.entities)


@pytest.mark.parametrize("text", ["abc"])
def test_model_mention_of_keeps_text(text: str) -> None:
    m = Mention.of(text, 1, 3)
    assert (m.start, m.end, m.text) == (1, 3, "bc")
