"""Events: triggers, dates with their basis, participants, event links."""

from __future__ import annotations

import pytest

import timeline


def by_trigger(doc: timeline.Document) -> dict[str, timeline.model.Event]:
    return {e.trigger.text: e for e in doc.events}


@pytest.mark.parametrize(
    ("text", "trigger", "value", "basis"),
    [
        ("In 2011, the company opened a plant in Ohio.", "opened", "2011", "explicit"),
        (
            "The firm closed its office in 2015, the year after its founder's resignation.",
            "resignation",
            "2014",
            "derived",
        ),
        (
            "In March 2020, about two months before the election, the party split.",
            "election",
            "2020-05",
            "derived",
        ),
        ("The minister resigned on Monday.", "resigned", "2023-05-01", "deictic"),
        ("The bank raised interest rates.", "raised", "2023-05-03", "publication"),
    ],
)
def test_events_dated_with_basis(text: str, trigger: str, value: str, basis: str) -> None:
    doc = timeline.parse(text, published="2023-05-03")
    ev = by_trigger(doc)[trigger]
    assert (ev.time.value, ev.time.basis) == (value, basis)
    assert ev.time.start is not None and ev.time.start <= ev.time.end


@pytest.mark.parametrize(
    "text",
    [
        "In 1989, the wall fell. The following year, after the protests ended, the two states signed a treaty."
    ],
)
def test_events_after_clause_links_before(text: str) -> None:
    doc = timeline.parse(text, published="2023-05-03")
    ev = by_trigger(doc)
    ended, reunified = ev["ended"], ev["signed"]
    assert reunified.time.value == "1990"
    assert ended.time.value == "1989" and ended.time.basis == "derived"
    links = {(lk.source, lk.target, lk.type) for lk in doc.event_links}
    assert (ended.id, reunified.id, "before") in links


@pytest.mark.parametrize("text", ["The drought led to a famine in 1984."])
def test_events_causal_cue_links_causes(text: str) -> None:
    doc = timeline.parse(text, published="2023-05-03")
    assert doc.event_links == () or all(lk.evidence is not None for lk in doc.event_links)


@pytest.mark.parametrize("text", ["Chile signed a deal with Peru in 2018."])
def test_events_participants_have_roles(text: str) -> None:
    doc = timeline.parse(text, published="2023-05-03")
    ev = by_trigger(doc)["signed"]
    roles = {p.entity: p.role for p in ev.participants}
    assert roles == {"ent:chile": "agent", "ent:peru": "patient"}


@pytest.mark.parametrize("text", ["Analysts fear the sanctions. In the end, nothing changed."])
def test_events_nouns_after_determiners_are_not_verbs(text: str) -> None:
    doc = timeline.parse(text, published="2023-05-03")
    assert {"sanctions", "end"}.isdisjoint(by_trigger(doc))


def test_a_passive_agent_after_by_is_the_agent_and_a_recipient_after_to_is_no_patient() -> None:
    doc = timeline.parse(
        "The mill was founded in 1987 by Margaret Ellison and sold in 2015 to Delvane Industries.",
        published="2023-05-01",
    )
    roles = {e.trigger.text: {p.entity: p.role for p in e.participants} for e in doc.events}
    assert roles["founded"].get("ent:margaret-ellison") == "agent"
    assert roles["sold"].get("ent:delvane-industries") != "patient"
