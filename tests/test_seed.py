"""The acceptance checks of issue 2 on the seed article (examples/us-mission-venezuela.md).

These assert what the parser must find; the parser itself has no rule that names anything
in this article (the same rules are exercised on other texts in the other test files).
"""

from __future__ import annotations

import pytest

import timeline


def _events_with(doc: timeline.Document, value: str) -> list[timeline.model.Event]:
    return [e for e in doc.events if e.time.value and e.time.value.startswith(value)]


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("1962", ("respond", "placing", "Missile Crisis")),
        ("1963", ("hotline",)),
        ("2019", ("ties", "embassy")),
        ("2018", ("re-election",)),
        ("2022-03-01", ("discussed",)),
        ("2022-01", ("suggested",)),
        ("2022-03-04", ("spoke",)),
        ("2022-W09-WE", ("heading",)),
    ],
)
def test_seed_events_dated(seed_doc: timeline.Document, value: str, words: tuple[str, ...]) -> None:
    events = _events_with(seed_doc, value)
    text = " ".join(
        seed_doc.text[e.sentence.start : e.sentence.end] + " " + e.title for e in events
    )
    assert events, f"no event dated {value}"
    assert any(w in text for w in words)


def test_seed_reelection_is_derived_2018(seed_doc: timeline.Document) -> None:
    (ev,) = [e for e in seed_doc.events if e.trigger.text == "re-election"]
    assert (ev.time.value, ev.time.basis) == ("2018", "derived")


def test_seed_link_from_crisis_to_hotline(seed_doc: timeline.Document) -> None:
    ids = {e.id: e for e in seed_doc.events}
    assert any(
        ids[lk.source].time.value == "1962"
        and ids[lk.target].time.value == "1963"
        and "hotline" in ids[lk.target].title
        and lk.type in ("before", "causes")
        for lk in seed_doc.event_links
    )


@pytest.mark.parametrize(
    ("name", "aliases"),
    [
        ("United States", {"US", "Washington"}),
        ("Venezuela", {"Caracas"}),
        ("Russia", {"Kremlin"}),
        ("Nicolás Maduro", {"Maduro"}),
        ("Vladimir Putin", {"Putin"}),
        ("Scott Taylor", set()),
        ("NATO", set()),
        ("Cuba", set()),
        ("Soviet Union", set()),
        ("Turkey", set()),
        ("Ukraine", set()),
        ("Missile Crisis", set()),
    ],
)
def test_seed_entities_with_aliases(
    seed_doc: timeline.Document, name: str, aliases: set[str]
) -> None:
    ent = next(e for e in seed_doc.entities if e.name == name)
    assert aliases <= set(ent.aliases)


@pytest.mark.parametrize(
    ("sources", "typ", "targets"),
    [
        ({"ent:venezuela", "ent:nicolas-maduro"}, "ally_of", {"ent:russia", "ent:vladimir-putin"}),
        ({"ent:united-states"}, "cuts_ties", {"ent:venezuela"}),
    ],
)
def test_seed_relations(
    seed_doc: timeline.Document, sources: set[str], typ: str, targets: set[str]
) -> None:
    def matches(r: timeline.model.Relation) -> bool:
        pair = {r.source, r.target}
        return r.type == typ and bool(pair & sources) and bool(pair & targets)

    assert any(matches(r) for r in seed_doc.relations)
