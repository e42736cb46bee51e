"""Entity-entity relations from cue words, with polarity and evidence."""

from __future__ import annotations

import pytest

import timeline
from timeline.stages.relations import RELATION_TYPES


def rels(text: str) -> set[tuple[str, str, str]]:
    doc = timeline.parse(text, published="2023-05-03")
    for r in doc.relations:
        assert text[r.evidence.start : r.evidence.end] == r.evidence.text
        assert r.polarity == RELATION_TYPES[r.type]
    return {(r.source, r.type, r.target) for r in doc.relations}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Canada cut diplomatic ties with Iran in 2012.", ("ent:canada", "cuts_ties", "ent:iran")),
        ("Japan expressed support for Ukraine.", ("ent:japan", "supports", "ent:ukraine")),
        ("Bolivia condemned the strikes by Israel.", None),
        (
            "Cuba is one of the closest allies of Venezuela.",
            ("ent:cuba", "ally_of", "ent:venezuela"),
        ),
        ("Egypt sanctioned Sudan last year.", ("ent:egypt", "sanctions", "ent:sudan")),
        (
            "Brazilian President Jair Bolsonaro visited Hungary.",
            ("ent:jair-bolsonaro", "leads", "ent:brazil"),
        ),
        (
            "India and Pakistan resumed talks with China.",
            ("ent:pakistan", "negotiates", "ent:china"),
        ),
    ],
)
def test_relations_typed_from_cues(text: str, expected: tuple[str, str, str] | None) -> None:
    found = rels(text)
    if expected is not None:
        assert expected in found


@pytest.mark.parametrize("text", ["Denmark, along with Norway, is one of Sweden's allies."])
def test_relations_possessive_allies_cover_conjuncts(text: str) -> None:
    found = rels(text)
    assert ("ent:denmark", "ally_of", "ent:sweden") in found
    assert ("ent:norway", "ally_of", "ent:sweden") in found


@pytest.mark.parametrize("text", ["Mexico is Chile's ally Peru's neighbour."])
def test_relations_do_not_link_entity_to_itself(text: str) -> None:
    assert all(s != t for s, _, t in rels(text))
