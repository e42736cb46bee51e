"""Entities: typing from gazetteers, patterns and context; alias merging within a document."""

from __future__ import annotations

import pytest

import timeline


def ents(text: str) -> dict[str, tuple[str, set[str]]]:
    """Entity name -> (type, the name and its aliases)."""
    doc = timeline.parse(text, published="2023-05-01")
    return {e.name: (e.type, {e.name, *e.aliases}) for e in doc.entities}


@pytest.mark.parametrize(
    ("text", "name", "surfaces"),
    [
        (
            "The US imposed tariffs. Washington said the United States would not back down.",
            "United States",
            {"US", "Washington", "United States"},
        ),
        (
            "Moscow denied it. The Kremlin said Russia was not involved.",
            "Russia",
            {"Moscow", "Kremlin", "Russia"},
        ),
        (
            "The Americans left. Americans were angry.",
            "United States",
            {"United States", "Americans"},
        ),
    ],
)
def test_entities_country_aliases_and_metonyms_merge(
    text: str, name: str, surfaces: set[str]
) -> None:
    found = ents(text)
    assert found[name][0] == "LOCATION"
    assert found[name][1] == surfaces


@pytest.mark.parametrize(
    ("text", "name", "typ", "surfaces"),
    [
        (
            "Brazilian President Luiz Inácio Lula da Silva arrived. Silva spoke briefly.",
            "Luiz Inácio Lula da Silva",
            "PERSON",
            {"Luiz Inácio Lula da Silva", "Silva"},
        ),
        (
            "Former Senator Jane Holloway of Ohio resigned. Holloway denied wrongdoing.",
            "Jane Holloway",
            "PERSON",
            {"Jane Holloway", "Holloway"},
        ),
        (
            "Officials at the Ministry of Finance declined to comment.",
            "Ministry of Finance",
            "ORGANIZATION",
            {"Ministry of Finance"},
        ),
        ("Shares of Kestrel Systems rose.", "Kestrel Systems", "ORGANIZATION", {"Kestrel Systems"}),
        (
            "It revived memories of the Suez Crisis. The crisis ended badly.",
            "Suez Crisis",
            "EVENT",
            {"Suez Crisis", "crisis"},
        ),
    ],
)
def test_entities_typed_by_patterns(text: str, name: str, typ: str, surfaces: set[str]) -> None:
    found = ents(text)
    assert found[name] == (typ, surfaces)


@pytest.mark.parametrize(
    "text",
    [
        "Oil is important. When prices fell, Furthermore nothing happened.\n\nRecommended For You\n\nRead More"
    ],
)
def test_entities_sentence_initial_and_boilerplate_words_are_not_names(text: str) -> None:
    assert ents(text) == {}


@pytest.mark.parametrize(
    ("text", "leader"),
    [
        (
            "He met Turkish President Recep Erdogan in Ankara. Later the Turkish president left.",
            "Recep Erdogan",
        )
    ],
)
def test_entities_role_phrase_refers_back_to_person(text: str, leader: str) -> None:
    found = ents(text)
    assert "Turkish president" in found[leader][1]


def test_entities_role_phrase_refers_to_the_person_introduced_last() -> None:
    """Two people introduced by the same role: "the Chilean president" is the later one
    (it was given to both)."""
    text = (
        "In 1990 Chilean President Patricio Aylwin took office. In 1994 Chilean President "
        "Eduardo Frei followed him. Later the Chilean president travelled to Lima."
    )
    doc = timeline.parse(text, published="2000-01-01")
    later = text.index("Chilean president")
    owners = [e.name for e in doc.entities for m in e.mentions if m.start <= later < m.end]
    assert owners == ["Eduardo Frei"]


@pytest.mark.parametrize("text", ["Putin met Maduro in Caracas."])
def test_entities_mentions_keep_offsets(text: str) -> None:
    doc = timeline.parse(text, published="2023-05-01")
    for e in doc.entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("text", "extent"),
    [
        ("Sales of the recently announced iPhone 4 began.", "the recently announced iPhone 4"),
        ("The figures lifted the United States and Canada.", "the United States"),
        ("Reporters asked the Kestrel Systems CEO Dana Lee about it.", "Kestrel Systems"),
        ("Analysts said that Kestrel Systems lost ground.", "Kestrel Systems"),
    ],
)
def test_entities_mention_extent_takes_in_determiner(text: str, extent: str) -> None:
    doc = timeline.parse(text, published="2023-05-01")
    assert extent in {m.text for e in doc.entities for m in e.mentions}


@pytest.mark.parametrize(
    ("text", "name", "not_names"),
    [
        # an initial and its dot inside a name
        ("Senator Mary K. Osgood voted against it.", "Mary K. Osgood", {"Mary K", "Osgood"}),
        # a title with a modifier: the modifier is no organisation
        ("Prime Minister Ana Brel resigned.", "Ana Brel", {"Prime"}),
        ("First Minister Rhodri Vale spoke.", "Rhodri Vale", {"First"}),
        # a month as a surname after a given name
        ("Theresa May resigned in 2019.", "Theresa May", {"Theresa"}),
    ],
)
def test_names_with_initials_title_modifiers_and_months(
    text: str, name: str, not_names: set[str]
) -> None:
    found = ents(text)
    assert found[name][0] == "PERSON"
    assert not not_names & set(found)


def test_a_month_before_a_date_number_is_not_a_surname() -> None:
    found = ents("Theresa said the vote is due on May 5.")
    assert "Theresa May" not in found


@pytest.mark.parametrize(
    ("text", "name", "typ"),
    [
        ("Crowds climbed the Hollow Wall in 1989.", "Hollow Wall", "LOCATION"),
        ("The Berlin Wall fell in 1989.", "Berlin Wall", "LOCATION"),  # not Berlin, not Germany
        ("They met at Kestrel Station.", "Kestrel Station", "LOCATION"),
        ("Ana Wall, a nurse, said she saw it.", "Ana Wall", "PERSON"),  # a given name first
    ],
)
def test_landmarks_and_facilities_are_places(text: str, name: str, typ: str) -> None:
    assert ents(text)[name][0] == typ


@pytest.mark.parametrize("text", ["April Ryan asked a question.", "Reporter June Osei said no."])
def test_a_month_that_is_a_given_name_starts_a_person_not_a_date(text: str) -> None:
    doc = timeline.parse(text, published="2023-05-01")
    assert [e.type for e in doc.entities] == ["PERSON"]
    assert not doc.timexes


def test_a_month_after_a_date_word_stays_a_date() -> None:
    doc = timeline.parse("In April Congress passed the bill.", published="2023-05-01")
    assert [t.value for t in doc.timexes] == ["2023-04"]


@pytest.mark.parametrize(
    "text",
    [
        "Shares of Harrowgate Instruments fell.",
        "Dana Electronics, founded in 1987, cut 400 jobs.",  # a given name first
        "Analysts downgraded Vela Systems.",
    ],
)
def test_a_name_ending_in_a_collective_plural_is_an_organisation(text: str) -> None:
    assert [e.type for e in timeline.parse(text, published="2023-05-01").entities] == [
        "ORGANIZATION"
    ]


@pytest.mark.parametrize(
    ("text", "city", "country"),
    [
        ("Officials in Berlin said Germany would help.", "Berlin", "Germany"),
        ("The embassy in Caracas closed. Venezuela protested.", "Caracas", "Venezuela"),
        ("The Lisbon treaty gave Portugal a say.", "Lisbon", "Portugal"),  # a modifier
    ],
)
def test_a_capital_as_a_place_is_the_city_located_in_its_country(
    text: str, city: str, country: str
) -> None:
    doc = timeline.parse(text, published="2023-05-01")
    by_name = {e.name: e for e in doc.entities}
    assert by_name[city].type == "LOCATION" and city not in by_name[country].aliases
    located = {(r.source, r.type, r.target) for r in doc.relations}
    assert (by_name[city].id, "located_in", by_name[country].id) in located


@pytest.mark.parametrize(
    ("text", "name", "typ"),
    [
        (
            "The European Investment Bank agreed to lend money.",
            "European Investment Bank",
            "ORGANIZATION",
        ),
        ("Engineers inspected the Corvalo Alto bridge.", "Corvalo Alto bridge", "LOCATION"),
    ],
)
def test_names_opening_with_a_nationality_or_before_a_landmark_noun(
    text: str, name: str, typ: str
) -> None:
    assert ents(text)[name][0] == typ


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Shares in Norvik Foods fell after frozen food sales slowed.",
            "Norvik Foods",
            "ORGANIZATION",
        ),
        ("The store chain Harrow & Pike said it would close.", "Harrow & Pike", "ORGANIZATION"),
        ("Astronomers at Sallow Ridge photographed the comet.", "Sallow Ridge", "LOCATION"),
        ("The water reached Lower Carrow before dawn.", "Lower Carrow", "LOCATION"),
        ("Ana Hill said the plan would work.", "Ana Hill", "PERSON"),  # a given name first
    ],
)
def test_unknown_names_typed_by_their_shape(text: str, name: str, kind: str) -> None:
    doc = timeline.parse(text, published="2024-01-01")
    assert [e.type for e in doc.entities if e.name == name] == [kind]
