"""Past-tense event verbs found by construction, not only from the lexicon: regular "-ed"
forms where a verb stands, the closed class of irregular past forms, and a second verb
joined by "since", "after" or "before"."""

from __future__ import annotations

import pytest

import timeline


def _triggers(text: str) -> list[str]:
    doc = timeline.parse(text, published="2023-03-14")
    return [e.trigger.text for e in doc.events]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The bridge was completed in 1958.", "completed"),  # after an auxiliary
        ("Heavy rain filled the reservoir.", "filled"),  # a noun before, an object after
        ("They renamed the square in 1990.", "renamed"),  # after a subject pronoun
        ("Engineers had warned the council.", "warned"),
        ("Water swept through three villages.", "swept"),  # an irregular past
        ("The storm tore the roof off the school.", "tore"),
        ("Engineers last heard from the probe that August.", "heard"),
        ("The delegates made the decision in 1994.", "made"),
        ("She set a national record the following spring.", "set"),
        # a bare noun object after a plural noun or a name
        ("Surveys conducted in May showed support for the plan.", "showed"),
        ("Lenders tightened credit.", "tightened"),
        # after a participle modifying the subject: the main verb
        ("A sample drilled in Greenland matched the older record.", "matched"),
        # after an opening time, a subject and an apposition of names
        ("In 1902 two cousins, Ada Merrow and Lil Tate, leased a barn.", "leased"),
        # the verb of a free relative
        ("Nobody forgot what happened to the ferry.", "happened"),
        # after an adverb that follows its subject (not "the newly elected")
        ("The army eventually captured the town.", "captured"),
        ("The judges, appointed in May, unexpectedly ruled that it could go on.", "ruled"),
        # a participle on the subject after "when": the main verb after it
        ("It closed in 1970, when a team led by Ana Vos detected a signal.", "detected"),
        # a noun in "-ly" after its determiner is the subject, not an adverb
        ("Three years later the family floated the firm.", "floated"),
        ("The family rented a flat.", "rented"),
        ("The rally ended peacefully.", "ended"),
        # a quantifier as the object
        ("The paper attracted little attention.", "attracted"),
        # "found": the past of "find" (not the present of "found")
        ("A survey published in May by a charity found that prices rose.", "found"),
        # the verb after a subject opened by an adjective in "-ed" or "-ing"
        ("The newly elected mayor spoke at noon.", "spoke"),
        ("The funding gap emerged in April.", "emerged"),
    ],
)
def test_past_verbs_found_by_construction(text: str, trigger: str) -> None:
    assert trigger in _triggers(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The armed forces paraded in the capital.", "armed"),  # after a determiner
        ("He seemed surprised by the result.", "surprised"),  # after a linking verb
        ("The minister wanted a quick vote.", "wanted"),  # a state, not an event
        ("It came from a hundred miles away.", "hundred"),
        ("The newly elected mayor spoke at noon.", "elected"),  # an adjective after its adverb
        ("The funding gap emerged in April.", "funding"),  # a modifier after a determiner
    ],
)
def test_words_in_ed_that_are_not_events(text: str, word: str) -> None:
    assert word not in _triggers(text)


def test_a_verb_after_since_is_its_own_event() -> None:
    doc = timeline.parse(
        "Crowds gathered to mark thirty years since the bridge collapsed.", published="2019-11-09"
    )
    events = {e.trigger.text: e for e in doc.events}
    assert events["collapsed"].title == "The bridge collapsed"
    assert events["collapsed"].time.value == "1989"
    assert events["gathered"].title.startswith("Crowds gathered")


def test_after_a_joining_word_a_verb_needs_its_subject() -> None:
    assert _triggers("He resigned after the party lost the vote.") == ["resigned", "lost"]
    # "after launch": a noun, not a second event
    assert "launch" not in _triggers("Its twin had failed shortly after launch.")


@pytest.mark.parametrize(
    ("text", "noun", "title", "value"),
    [
        ("The 1997 flood killed 14 people.", "flood", "The 1997 flood", "1997"),
        ("They still talk about the flood of 1997.", "flood", "The flood of 1997", "1997"),
        (
            "Since the referendum in June 2016, trade has fallen.",
            "referendum",
            "The referendum in June 2016",
            "2016-06",
        ),
        (
            "The premier called an early election for June 2019.",
            "election",
            "Election for June 2019",
            "2019-06",
        ),
        (
            "Polls closed before Sunday's snap election.",
            "election",
            "Sunday's snap election",
            "2020-01-05",
        ),
    ],
)
def test_event_nouns_beside_a_date(text: str, noun: str, title: str, value: str) -> None:
    doc = timeline.parse(text, published="2020-01-08")
    ev = next(e for e in doc.events if e.trigger.text == noun)
    assert (ev.title, ev.time.value) == (title, value)


def test_a_noun_that_is_not_an_event_beside_a_date_is_not_one() -> None:
    assert "budget" not in _triggers("The 2019 budget ran to 400 pages.")


def test_the_end_of_a_war_is_not_the_war() -> None:
    doc = timeline.parse("The treaty ended the war in February 1873.", published="2020-01-08")
    assert "war" not in [e.trigger.text for e in doc.events]


def test_relative_and_subordinate_clauses_hold_events_of_their_own() -> None:
    doc = timeline.parse(
        "The store survived a fire in 1940, when German bombs destroyed the upper floors. "
        "In December 1976 the probe returned pictures of sulfur plains that stunned "
        "scientists. A crowd of retired engineers gathered in 2024. Officials said that "
        "prices rose in May 1990.",
        published="2024-09-12",
    )
    got = {e.trigger.text: e for e in doc.events}
    assert "destroyed" in got and "bombs" not in got  # "German bombs" is the subject
    assert got["stunned"].title == "Pictures of sulfur plains stunned scientists"
    assert "gathered" in got and "retired" not in got  # "retired engineers": an adjective
    assert got["rose"].time.value == "1990-05"
    assert got["said"].time.value != "1990-05"  # May is the rise's, not the saying's
    assert got["said"].title.startswith("Officials said that prices rose")


def test_an_inverted_attribution_after_a_quote_is_its_own_event() -> None:
    doc = timeline.parse(
        '"My father went down that morning and never came up," said Gwen Rhydderch, 81. '
        '"The names matter," the council chair said in a statement.',
        published="2022-11-03",
    )
    said = [e for e in doc.events if e.trigger.text == "said"]
    assert len(said) == 2
    assert said[0].title == (
        "Gwen Rhydderch said: My father went down that morning and never came up"
    )
    assert "went" in {e.trigger.text for e in doc.events}  # the quote keeps its own event


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ('"I was married in 1956," she said.', "She said: I was married in 1956"),
        ("``It helped us to win,'' Geremek said.", "Geremek said: It helped us to win"),
        ('"It is over," said the minister on Monday.', "The minister said: It is over"),
    ],
)
def test_the_attribution_after_a_quote_is_its_own_event(text: str, title: str) -> None:
    doc = timeline.parse(text, published="2021-02-08")
    said = [e for e in doc.events if e.trigger.text == "said"]
    assert [e.title for e in said] == [title]
    assert said[0].time is not None and "1956" not in said[0].time.value  # not the quote's date


@pytest.mark.parametrize(
    ("text", "trigger", "value"),
    [
        ("Rebels captured the town in 1861 and burned the bridge in 1862.", "burned", "1862"),
        ("In 1861 rebels captured the town and burned the bridge.", "burned", "1861"),
        ("She won the title in 1963 and defended it in 1966.", "won", "1963"),
    ],
)
def test_a_second_verb_takes_the_date_after_its_joining_word(
    text: str, trigger: str, value: str
) -> None:
    doc = timeline.parse(text, published="2023-03-14")
    got = {e.trigger.text: e.time.value if e.time else None for e in doc.events}
    assert got[trigger] == value


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a second verb after "and", with an object or adverbial after it
        ("The river burst its banks and carried away the old mill.", "carried"),
        ("Investors bought the firm in 2004 and sold off its shops.", "sold"),
        # a relative "that" after a noun: the verb of the relative clause
        ("They built a tower, a feat that drew crowds for weeks.", "drew"),
        # a demonstrative pronoun as the subject
        ("That changed in March 2018.", "changed"),
        # a number word starts the object or the adverbial
        ("The storm followed three days of rain.", "followed"),
        ("The club folded six years later.", "folded"),
    ],
)
def test_past_verbs_after_a_conjunction_or_pronoun(text: str, trigger: str) -> None:
    assert trigger in _triggers(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The tired and frightened were taken to hospital.", "frightened"),  # no object
        ("Rescuers reached the tired and frightened.", "frightened"),  # an adjective, then .
    ],
)
def test_after_and_a_participle_without_an_object_is_no_event(text: str, word: str) -> None:
    assert word not in _triggers(text)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # the verb after an insertion between the subject and it opens its clause
        (
            "The final report, released that spring, faulted the harbour board.",
            "The final report faulted the harbour board",
        ),
        (
            "Judge Ana Mori, who had sat on the bench for years, ordered a retrial.",
            "Judge Ana Mori ordered a retrial",
        ),
        (
            "A panel of experts, chaired by a retired admiral, recommended closing the base.",
            "A panel of experts recommended closing the base",
        ),
    ],
)
def test_the_verb_after_an_insertion_keeps_its_subject(text: str, title: str) -> None:
    doc = timeline.parse(text, published="2023-03-14")
    assert title in [e.title for e in doc.events]


@pytest.mark.parametrize(
    ("text", "trigger", "not_trigger"),
    [
        ("The turning point came in 1862.", "came", "point"),
        ("The ruling party collapsed in May.", "collapsed", "ruling"),
        ("Rescue teams from the next valley reached the mine.", "reached", "Rescue"),
    ],
)
def test_a_present_form_in_the_subject_is_no_verb(
    text: str, trigger: str, not_trigger: str
) -> None:
    found = _triggers(text)
    assert trigger in found
    assert not_trigger not in found


def test_a_participle_after_a_finished_clause_is_not_the_main_verb() -> None:
    # the sentence has its verb before the comma: "followed by" is no new subject's verb
    doc = timeline.parse("The mayor spoke first, followed by the bishop.", published="2023-03-14")
    assert not any(e.title.startswith("The mayor followed") for e in doc.events)


@pytest.mark.parametrize(
    ("text", "noun", "value"),
    [
        ("The storm followed a week of heat in July 1911.", "storm", "1911-07"),
        ("When the banking crisis struck in 2008, the mill closed.", "crisis", "2008"),
        ("Construction finally began in 1966.", "Construction", "1966"),
    ],
)
def test_an_event_noun_heading_the_subject_is_dated_as_its_verb(
    text: str, noun: str, value: str
) -> None:
    doc = timeline.parse(text, published="2023-03-14")
    dated = {e.trigger.text: e.time.value for e in doc.events if e.time}
    assert dated.get(noun) == value


def test_a_noun_inside_a_longer_subject_is_not_taken_as_its_head() -> None:
    # "the war" is inside "Prices after the war", not the subject of "rose"
    assert "war" not in _triggers("Prices after the war rose in 1946.")


def test_a_participle_after_the_verb_is_not_a_main_verb() -> None:
    assert _triggers("She opened the door locked by a guard.") == ["opened"]


def test_an_event_noun_in_a_dated_clause_is_dated_with_it() -> None:
    doc = timeline.parse(
        "A bribery scandal forced the resignation of the minister in March 2018. "
        "She attended the award ceremony last month in a wheelchair.",
        published="2023-03-14",
    )
    got = {e.trigger.text: e for e in doc.events}
    assert got["resignation"].time.value == "2018-03"
    assert got["resignation"].title == "The resignation"
    assert got["ceremony"].time.value == "2023-02"


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("Her death was announced on Sunday.", "death"),  # told on Sunday, not then
        ("The war between Arvel and Tosk began on 3 March 1871.", "war"),  # its start
        ("The union will hold a vote on the agreement next month.", "agreement"),
        ("She said last night that she would call a referendum.", "referendum"),
    ],
)
def test_an_event_noun_is_not_dated_by_a_time_that_is_not_its_own(text: str, noun: str) -> None:
    doc = timeline.parse(text, published="2023-03-14")
    assert noun not in [e.trigger.text for e in doc.events]


def test_a_date_before_a_new_noun_phrase_does_not_make_a_dated_noun_title() -> None:
    doc = timeline.parse("In 1962 the crisis began.", published="2023-03-14")
    assert not [e.title for e in doc.events if e.title.startswith("1962")]


@pytest.mark.parametrize(
    ("text", "trigger", "title"),
    [
        (
            "Her father, who worked at the mill, died in 1950.",
            "worked",
            "Her father worked at the mill",
        ),
        (
            "Edda Vorn, 86, who drove trams for years, said on Thursday that it was cold.",
            "said",
            "Edda Vorn said on Thursday that it was cold",
        ),
        (
            "The plan, which was shelved in 2000, revived in 2019.",
            "shelved",
            "The plan was shelved in 2000",
        ),
    ],
)
def test_a_relative_clause_and_the_verb_after_it_are_titled_with_their_subject(
    text: str, trigger: str, title: str
) -> None:
    doc = timeline.parse(text, published="2023-03-14")
    assert {e.trigger.text: e.title for e in doc.events}[trigger] == title


@pytest.mark.parametrize(
    ("text", "trigger", "title", "value"),
    [
        # a bare verb after a modal is an event, dated forward from the publication day
        ("The choir will perform in the cathedral on Saturday.", "perform", None, "2023-03-18"),
        ("Officials said the bridge would reopen in May.", "reopen", None, "2023-05"),
        # a pronoun subject opens a clause of its own without "that"
        (
            "The firm said on Friday it will shut its plant in April.",
            "shut",
            "It will shut its plant in April",
            "2023-04",
        ),
    ],
)
def test_verbs_after_a_modal_and_in_a_clause_without_that(
    text: str, trigger: str, title: str | None, value: str
) -> None:
    doc = timeline.parse(text, published="2023-03-14")
    (ev,) = [e for e in doc.events if e.trigger.text == trigger]
    assert ev.time is not None and ev.time.value == value
    if title is not None:
        assert ev.title == title


@pytest.mark.parametrize(
    "text",
    [
        "On 14 May its cavalry broke through.",  # the month, not the modal
        "The ministers would like to expand the programme.",  # wanting: "expand" is the event
    ],
)
def test_not_a_verb_after_something_like_a_modal(text: str) -> None:
    assert "its" not in _triggers(text) and "like" not in _triggers(text)


def test_reporting_verb_with_a_complement_clause_keeps_what_was_said_in_its_title() -> None:
    doc = timeline.parse("Ana Ruiz said she cried when the mill closed.", published="2023-03-14")
    said = next(e for e in doc.events if e.trigger.text == "said")
    assert said.title.startswith("Ana Ruiz said she cried")
    assert "cried" in _triggers("Ana Ruiz said she cried when the mill closed.")


@pytest.mark.parametrize(
    ("text", "trigger", "title_start", "value"),
    [
        # a participle after the sentence's verb adds an event at that verb's time
        (
            "The court ended the case on Tuesday, ruling that the firm must pay.",
            "ruling",
            "The court ruling that",
            "2023-03-07",
        ),
        ("A bid failed in 2003, falling four votes short.", "falling", "A bid falling", "2003"),
        # after "by", "while", "after": the same
        (
            "The rebels answered in 1871 by seizing the port.",
            "seizing",
            "The rebels seizing",
            "1871",
        ),
        (
            "In 2019 a student found the paper while sorting old files.",
            "sorting",
            "A student sorting",
            "2019",
        ),
        # a progressive after "was"
        (
            "On 2 May 1986 she was checking the plates.",
            "checking",
            "She was checking",
            "1986-05-02",
        ),
    ],
)
def test_participles_are_events_at_the_time_of_their_clause(
    text: str, trigger: str, title_start: str, value: str
) -> None:
    doc = timeline.parse(text, published="2023-03-09")
    (ev,) = [e for e in doc.events if e.trigger.text == trigger]
    assert ev.title.startswith(title_start)
    assert ev.time is not None and ev.time.value == value


@pytest.mark.parametrize(
    "text",
    [
        "The accident delayed the opening by two years.",  # a noun after "the"
        "Rain fell during the morning, including the evening.",  # prepositions
        "The ruling party won in 2019.",  # an adjective
    ],
)
def test_ing_words_that_are_not_participle_events(text: str) -> None:
    triggers = _triggers(text)
    assert not any(t.endswith("ing") for t in triggers), triggers


def test_a_verb_after_to_is_a_planned_event_titled_with_to() -> None:
    doc = timeline.parse("Officials decided in 1969 to close the mine.", published="2023-03-09")
    (close,) = [e for e in doc.events if e.trigger.text == "close"]
    assert close.title == "Officials to close the mine"
    assert close.time is not None and close.time.value == "1969"
    # "to" before a noun is no verb's
    assert _triggers("He went to school in Paris.") == ["went"]


def test_an_adverb_after_a_determiner_makes_an_adjective_not_a_verb() -> None:
    assert "renovated" not in _triggers("The newly renovated hall reopened.")
    assert "used" not in _triggers("It is a widely used tool.")
