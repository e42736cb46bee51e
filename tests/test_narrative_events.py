"""Events without a time of their own (issue 13, item 5): dated from the time the story is
in (basis ``narrative``), before it in the past perfect, from the publication date in the
reporting frame; "N years since X" and "the Nth anniversary of X" date X."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline.model import EventTime

PUB = "2023-03-14"


def _times(text: str, published: str = PUB) -> dict[str, EventTime]:
    doc = timeline.parse(text, published=published)
    return {e.trigger.text: e.time for e in doc.events}


HISTORY = (
    "The reservoir was opened in 1958. Engineers had warned the council about the spillway. "
    "In the spring of 1973 the rains began. On March 11 the wall collapsed, and the water "
    "destroyed three villages. Forty people died.\n\n"
    '"We remember them every day," said the mayor, who will unveil a memorial next year.'
)


def test_past_clauses_take_the_time_the_story_is_in() -> None:
    t = _times(HISTORY)
    assert (t["died"].value, t["died"].basis) == ("1973-03-11", "narrative")
    assert t["died"].timex is not None  # the expression it was taken from
    assert "March 11" in (t["died"].note or "")


def test_past_perfect_is_before_the_story() -> None:
    warned = _times(HISTORY)["warned"]
    assert warned.basis == "narrative"
    assert warned.value is None and warned.start is None
    assert warned.end == "1957-12-31"  # before the 1958 the story is in


def test_the_reporting_frame_speaks_from_the_publication_date() -> None:
    t = _times(HISTORY)
    assert (t["said"].value, t["said"].basis) == ("2023-03-14", "publication")
    assert t["unveil"].value == "2024"  # a plan: "next year" from today


@pytest.mark.parametrize(
    ("text", "trigger", "value"),
    [
        # a reporting verb the lexicon does not list is still told from today
        ("The probe was launched in 1966. She recalled that it had failed.", "recalled", PUB),
        ("The firm was founded in 1893. She added that it would close.", "added", PUB),
        # the time after "said" + a subject is what was said, not when
        ("Its chairman said the reunion on Friday would raise money.", "said", PUB),
        ("He said on Monday that the talks would resume.", "said", "2023-03-13"),
        ("The minister said in an interview last week that it was over.", "said", "2023-W10"),
        # "told" names its listener first
        ('"No," she told this newspaper in 2012.', "told", "2012"),
        ('"Never," he told the Marlow Gazette last week.', "told", "2023-W10"),
        ('"Wind," she told an interviewer in 2010.', "told", "2010"),
        # a saying told in the past is not after the publication date
        ("Tenders will open on Monday, the ministry said.", "said", PUB),
    ],
)
def test_the_time_of_a_saying(text: str, trigger: str, value: str) -> None:
    assert _times(text, published=PUB)[trigger].value == value


def test_a_period_told_from_today_holds_for_the_next_sentence_only() -> None:
    text = (
        "Prices rose sharply last month. Shops raised their fees. "
        "The club has a long history. Its founders opened a bar. Members voted against it."
    )
    t = _times(text)
    assert t["raised"].value == "2023-02"  # the next sentence: last month's story
    assert t["voted"].basis == "publication"  # three sentences on: today's frame


def test_the_day_of_a_news_report_holds_through_the_report() -> None:
    text = (
        "Police arrested two men yesterday after a raid.\n"
        "Officers found weapons in a van.\n"
        "The men were released on bail.\n"
        "A spokesman said the inquiry continued."
    )
    t = _times(text)
    assert (t["released"].value, t["released"].basis) == ("2023-03-13", "narrative")
    assert t["said"].value == "2023-03-13"  # "said" in the day's report is that day's


def test_a_story_date_does_not_run_into_later_paragraphs() -> None:
    text = (
        "In 1921 the mill opened.\n\n"
        + ("The town is quiet now. " * 25)
        + "\n\nA fire destroyed a barn."
    )
    assert _times(text)["destroyed"].basis == "publication"


def test_years_since_and_anniversaries_count_back_from_the_publication_year() -> None:
    t = _times("Crowds gathered to mark thirty years since the bridge collapsed.", "2019-11-09")
    assert (t["collapsed"].value, t["collapsed"].basis) == ("1989", "derived")
    t = _times("The town marks the 50th anniversary of the day the mine closed.", "2021-06-01")
    assert t["closed"].value == "1971"


# ---- property: a past-tense clause is never dated after the publication date ---------------
_SENTENCES = [
    "In {year} the council opened a school.",
    "The army captured the port in {month} {year}.",
    "Two years later the rebels attacked the city.",
    "In {month} the government resigned.",
    "The following spring the treaty was signed.",
    "The strike ended on {month} {day}.",
    "Officials said the talks had failed.",
    "The minister will visit the region next month.",
    "Yesterday police arrested a suspect.",
    "Protesters gathered outside the parliament.",
    "He died a decade earlier.",
]
_MONTHS = ["January", "March", "June", "September", "November", "December"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(_SENTENCES), min_size=2, max_size=8),
    st.integers(1950, 2022),
    st.sampled_from(_MONTHS),
    st.integers(1, 28),
    st.dates(min_value=__import__("datetime").date(2000, 1, 1)),
)
def test_no_past_tense_clause_is_dated_after_publication(sentences, year, month, day, published):
    text = " ".join(s.format(year=year, month=month, day=day) for s in sentences)
    doc = timeline.parse(text, published=published.isoformat())
    for ev in doc.events:
        sentence = doc.text[ev.sentence.start : ev.sentence.end]
        if "will" in sentence or str(year) in sentence and year > published.year:
            continue  # a plan, or a date the text itself writes after publication
        if ev.time.basis == "anaphoric" and year > published.year:
            continue  # counted from such a date: "In 2011 ... He died a decade earlier"
        if ev.time.start is not None:
            assert ev.time.start <= published.isoformat(), (sentence, ev.time)


def test_the_page_says_what_each_date_was_counted_from() -> None:
    doc = timeline.parse(
        "The crisis broke out in 1962. The following year the two capitals installed a hotline.",
        published="2022-10-16",
    )
    installed = next(e for e in doc.events if e.trigger.text == "installed")
    assert installed.time.value == "1963"
    page = timeline.render_html([doc])
    assert "dated from &#x27;The following year&#x27;, counted from &#x27;1962&#x27; (1962)" in page


def test_a_story_told_in_order_moves_on_into_the_next_year() -> None:
    text = (
        "In 1941 the army crossed the river. In December it reached the capital. "
        "In January the siege began, and by March the city was cut off."
    )
    doc = timeline.parse(text, published="2020-05-01")
    values = {t.text: t.value for t in doc.timexes}
    assert values["December"] == "1941-12"
    assert values["January"] == "1942-01"  # after December 1941, not January 1941
    assert values["March"] == "1942-03"


def test_the_next_day_counts_from_the_last_day_told() -> None:
    doc = timeline.parse(
        "The army crossed the border on 5 May 1915. The next day it took the town; "
        "the previous day it had rested.",
        published="2020-05-01",
    )
    values = {t.text: t.value for t in doc.timexes}
    assert values["The next day"] == "1915-05-06"
    assert values["the previous day"] == "1915-05-05"  # counted from the day just told
    # with no day told before it, a past clause's "next day" is left unresolved
    doc = timeline.parse("The following day the talks resumed.", published="2020-05-01")
    assert [t.value for t in doc.timexes] == [None]


def test_a_war_chronology_of_our_own_is_dated_as_a_reader_dates_it() -> None:
    golden = Path(__file__).parent / "golden" / "narrative-war-chronology.txt"
    doc = timeline.parse(golden.read_text(encoding="utf-8"), published="1998-06-01")
    got = {e.trigger.text: e.time.value for e in doc.events}
    assert got == {
        "began": "1871-03-03",
        "crossed": "1871-03-03",
        "taken": "1871-03-03",  # "within a week": counted forward, not before the story
        "stalled": "1871-04",
        "dug": "1871-WI",
        "tried": "1872-SP",
        "broke": "1872-05-14",
        "fled": "1872-05-17",  # three days later
        "fell": "1872-06-02",
        "signed": "1872-FA",  # that autumn
        "ended": "1873-02",
        "say": "1998-06-01",  # historians say today
    }


def test_times_anchored_on_events() -> None:
    t = _times("New walls were completed in 2001, two years after work began.")
    assert (t["began"].value, t["began"].basis) == ("1999", "derived")
    t = _times("The army retreated in June 1915, a month after the offensive failed.")
    assert t["failed"].value == "1915-05"
    # the anchor event told earlier with its own date dates the event counted from it
    doc = timeline.parse(
        "The talks opened on 3 May 1990. Three weeks after the talks opened, they signed a deal.",
        published="2020-01-01",
    )
    signed = next(e for e in doc.events if e.trigger.text == "signed")
    assert (signed.time.start, signed.time.basis) == ("1990-05-21", "derived")  # that week
    assert "Three weeks after 'opened'" in (signed.time.note or "")


def test_a_quotation_in_a_story_speaks_from_the_story_time() -> None:
    text = (
        "In August 1917 the front collapsed. The general wrote to the king: "
        '"Our situation is grave; it is possible that a catastrophe will come over the winter."'
    )
    doc = timeline.parse(text, published="2009-12-19")
    assert {t.text: t.value for t in doc.timexes}["the winter"] == "1917-WI"


def test_a_relative_opening_restated_by_a_date_takes_the_date() -> None:
    text = (
        "The landings came in June 1944. The following spring, in April 1945, the army "
        "crossed the river. Two days later, on 2 May, the garrison surrendered. Saaret, a "
        "teacher born in 1960, won the vote on May 30."
    )
    t = _times(text)
    assert t["crossed"].value == "1945-04"  # not the season "the following spring" names
    assert t["surrendered"].value == "1945-05-02"  # the day, not "two days later" alone
    # an apposition before the verb does not set the story: May 30 is still 1945's
    assert t["won"].value == "1945-05-30"


def test_the_past_perfect_of_another_clause_is_before_the_date() -> None:
    t = _times(
        "In 1964 she noticed that a compound broke down dyes that had resisted every "
        "treatment. By 1975 the chain ran 34 stores, but it had already begun to lose ground."
    )
    assert (t["resisted"].value, t["resisted"].end) == (None, "1963-12-31")
    assert t["begun"].end == "1974-12-31"
    t = _times("In January the ministry had suggested a merger.")
    assert t["suggested"].value == "2023-01"  # its own date, fronted: in January


def test_n_units_after_an_event_named_by_a_noun() -> None:
    t = _times(
        "Rebel forces attacked the fort on April 12, 1861. Eight days after the attack on the "
        "fort, the colonel resigned his commission. Two weeks after the attack, the president "
        "called for volunteers."
    )
    assert (t["resigned"].value, t["resigned"].basis) == ("1861-04-20", "derived")
    assert t["called"].value == "1861-04-26"
    assert "after the attack" in (t["resigned"].note or "")


def test_not_until_a_date_is_at_that_date() -> None:
    t = _times(
        "Water first reached the city in 1748. The full network of pipes was not finished "
        "until 1799. The war went on until 1945."
    )
    assert t["finished"].value == "1799"
    assert t["went"].value != "1945"  # going on until a date is not happening at it


def test_an_anniversary_kept_on_a_named_day_dates_its_event_to_that_day() -> None:
    doc = timeline.parse(
        "Veterans met today to mark the 40th anniversary of the crash of Flight 12, which "
        "is still unexplained.",
        published="2021-03-09",
    )
    crash = next(e for e in doc.events if e.trigger.text == "crash")
    assert crash.time is not None and crash.time.value == "1981-03-09"


def test_an_anniversary_dates_its_noun_phrase_not_the_clause_after_it() -> None:
    doc = timeline.parse(
        "On Sunday, the 50th anniversary of the opening, the city will offer free rides.",
        published="2025-04-25",
    )
    values = {e.trigger.text: e.time.value if e.time else None for e in doc.events}
    assert values["opening"] == "1975-04-27"
    assert values["offer"] != "1975"  # the city's offer is this Sunday's, not 1975's


def test_a_date_in_a_relative_clause_insertion_does_not_date_the_main_verb() -> None:
    doc = timeline.parse(
        "The mill announced on Tuesday that it would close. Dana Holt, who retired in 2009, "
        "called the decision a betrayal. Shares rose after the announcement.",
        published="2025-03-06",
    )
    dated = {e.trigger.text: e.time.value if e.time else None for e in doc.events}
    assert dated["retired"] == "2009"
    assert dated["called"] != "2009"
    assert dated["rose"] != "2009"


def test_a_clause_without_a_time_takes_the_time_of_its_when_clause() -> None:
    t = _times("She moved to the coast in 1970, retiring when the yard closed in 1984.")
    assert t["retiring"].value == "1984"


def test_a_time_looked_back_to_in_the_past_perfect_does_not_move_the_story() -> None:
    t = _times(
        "She won the final on 4 June 1971. Her bike had broken two days earlier, and she "
        "rode a borrowed one. She crossed the line alone.",
        published="2021-06-04",
    )
    assert t["broken"].value == "1971-06-02"
    assert t["rode"].value == "1971-06-04"
    assert t["crossed"].value == "1971-06-04"


def test_a_year_modifying_a_noun_is_not_the_time_of_the_clause() -> None:
    t = _times(
        "Last year, a student came across Marsh's 1962 survey while sorting an archive. "
        "She wrote to him that summer.",
        published="2021-06-04",
    )
    assert t["came"].value == "2020"
    assert t["wrote"].value == "2020-SU"


def test_years_since_marked_on_a_named_day_dates_the_event_to_that_day() -> None:
    t = _times(
        "Hundreds gathered on Sunday to mark forty years since the pier collapsed.",
        published="2021-06-09",
    )
    assert t["collapsed"].value == "1981-06-06"  # the Sunday before publication, 40 years back
    t = _times("It has been forty years since the pier collapsed.", published="2021-06-09")
    assert t["collapsed"].value == "1981"


@pytest.mark.parametrize(
    "text",
    [
        "By the time the mill shut on 3 May 1988, it had already sold its looms.",
        "The mill shut on 3 May 1988, after the owners had sold its looms.",
    ],
)
def test_the_past_perfect_after_a_dated_clause_is_before_its_date(text: str) -> None:
    sold = _times(text, published="2021-06-04")["sold"]
    assert sold.value is None and sold.end == "1988-05-02"


def test_the_present_perfect_is_told_from_today_not_from_the_story() -> None:
    t = _times(
        "In 2019 the firm opened a plant in Poland. Its chief has made four acquisitions.",
        published="2025-03-03",
    )
    assert t["opened"].value == "2019"
    assert t["made"].value == "2025-03-03"
