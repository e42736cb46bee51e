"""The narrative clock: dates without a year take the year the story is in, deictic words
speak from the publication date, and a past-tense clause is not dated after publication.

The texts are written for these tests (a war chronology, an obituary, an anniversary piece,
a news article with a history paragraph); each date was worked out by hand first."""

from __future__ import annotations

import calendar
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import timeline


def values(text: str, published: str | None) -> dict[str, str | None]:
    doc = timeline.parse(text, published=published)
    return {t.text: t.value for t in doc.timexes}


def test_a_year_less_date_after_a_written_one_is_not_in_the_future() -> None:
    got = values(
        "On June 23, 2016, Britons voted to leave. On June 24, Cameron announced his resignation.",
        "2017-03-14",
    )
    assert got["June 24"] == "2016-06-24"


def test_war_chronology() -> None:
    text = (
        "The war began in 1914. On 28 June the archduke was shot in the capital. Twelve "
        "days later the ministers met. In the winter the armies dug in along the river. "
        "The following year the navy lost two ships in May, and by December the front had "
        "barely moved."
    )
    got = values(text, "2014-06-28")
    assert got["28 June"] == "1914-06-28"
    assert got["Twelve days later"] == "1914-07-10"
    assert got["the winter"] == "1914-WI"
    assert got["The following year"] == "1915"
    assert got["May"] == "1915-05"
    assert got["December"] == "1915-12"


def test_a_look_back_inside_a_sentence_does_not_move_the_story() -> None:
    text = (
        "The rebels took the port in March 1952. The army held most of the ground it had "
        "won during the previous year. In June the rebels attacked again. The previous year, "
        "the rebels lost every battle. In October they lost the port."
    )
    got = values(text, "2020-01-01")
    assert got["the previous year"] == "1951"
    assert got["June"] == "1952-06"  # the story is still in 1952
    # opening its sentence, "The previous year" does set the story
    assert got["The previous year"] == "1951"
    assert got["October"] == "1951-10"


def test_a_year_heading_sets_the_story_of_its_section() -> None:
    text = (
        "1936\n\nThe general was killed in a plane crash on 20 July. On 21 July the rebels "
        "took the north.\n\nSummer 1937\n\nIn August the front moved east.\n\n"
        "1938: The last offensive\n\nIn March the front broke."
    )
    got = values(text, "2009-12-19")
    assert got["20 July"] == "1936-07-20"
    assert got["21 July"] == "1936-07-21"
    assert got["August"] == "1937-08"
    assert got["March"] == "1938-03"


def test_a_clock_time_is_not_a_return_to_today() -> None:
    """ "5:34 AM" holds the letters of "am", a present-tense verb; it is not one."""
    text = (
        "The invasion was planned in 2002. The strikes began at 5:34 AM on March 20, 2003 "
        "(9:34 p.m., March 19 in Washington). Officers met at 6 AM and 7 AM on the first "
        "day. On April 9 the capital fell."
    )
    got = values(text, "2009-12-19")
    assert got["April 9"] == "2003-04-09"


def test_the_previous_and_following_month_count_from_the_story() -> None:
    got = values(
        "In September 1918 the army gave up the salient it seized the previous April. "
        "The following April the treaty was signed.",
        "2009-12-19",
    )
    assert got["the previous April"] == "1918-04"
    assert got["The following April"] == "1919-04"
    # from a year told, the month of the year before or after it
    got = values("In 1918 the army lost. The following April the peace was signed.", "2009-12-19")
    assert got["The following April"] == "1919-04"
    assert values("Sales will rise next April.", "2009-12-19")["next April"] == "2010-04"


def test_a_planned_year_does_not_become_the_story() -> None:
    got = values(
        "On 10 March 1975 the general attacked the town. If it fell, the coast would be open "
        "for a planned campaign in 1976. The defenders collapsed on 11 March.",
        "2009-12-19",
    )
    assert got["11 March"] == "1975-03-11"


def test_a_year_modifying_the_subject_sets_the_scene_but_not_an_aside() -> None:
    got = values(
        "The army wintered at Valley Forge in February 1776. The first of the 1777 campaigns "
        "was an expedition from Quebec. The general set off in June.",
        "2009-12-19",
    )
    assert got["June"] == "1777-06"
    got = values(
        "The two men were charged in the Dec. 21, 1988, bombing of the airliner. They were "
        "removed from the list after the leader agreed in April to hand them over.",
        "1999-06-07",
    )
    assert got["April"] == "1999-04"


def test_the_end_of_a_span_does_not_move_the_story() -> None:
    got = values(
        "In September 1944 the army began a siege that lasted until the fall of the city in "
        "February 1945. In October the rains came.",
        "2009-12-19",
    )
    assert got["October"] == "1944-10"


def test_that_same_day_and_the_next_spring_count_from_the_story() -> None:
    got = values(
        "The war began on May 10, 1940. On that same day the army crossed the river. "
        "That same spring the fleet sailed. The next spring, however, the army emerged.",
        "2009-12-19",
    )
    assert got["that same day"] == "1940-05-10"
    assert got["That same spring"] == "1940-SP"
    assert got["The next spring"] == "1941-SP"


def test_what_is_said_today_of_the_past_keeps_the_story() -> None:
    got = values(
        "The mosque was bombed on February 22, 2006. The bomb is believed to have been planted "
        "by militants. Bodies were found on February 23, and at least 165 people are thought "
        "to have been killed.",
        "2009-12-19",
    )
    assert got["February 23"] == "2006-02-23"


def test_an_opening_date_takes_the_tense_of_the_main_clause_after_its_subject() -> None:
    got = values(
        "Meanwhile, on 10 October 1950, the 89th Tank Battalion was attached to the division. "
        "On 15 October the regiment captured the city.",
        "2009-12-19",
    )
    assert got["15 October"] == "1950-10-15"


def test_until_opening_a_clause_is_not_a_deadline() -> None:
    got = values(
        "Relations deteriorated rapidly until in March 1980, Iran downgraded its ties. The "
        "tension increased in April. Iraq blamed Iran, and in September, attacked.",
        "2009-12-19",
    )
    assert (got["April"], got["September"]) == ("1980-04", "1980-09")


def test_a_date_of_that_year_is_one_expression() -> None:
    got = values(
        "It reopened in March 1946, and on November 2 of that year it installed an escalator. "
        "In August of the following year the roof was replaced.",
        "2023-01-20",
    )
    assert got["November 2 of that year"] == "1946-11-02"
    assert got["August of the following year"] == "1947-08"


def test_a_long_past_date_whose_verb_is_far_off_still_sets_the_story() -> None:
    got = values(
        "The armistice came in November 1918.\n\nIn the east, the Russian armies were driven "
        "back from the frontier by the two generals at the lakes and the forests of the north "
        "in September 1914. In May the Central Powers broke through in the south.",
        "2009-12-19",
    )
    assert got["May"] == "1915-05"


def test_the_past_perfect_of_a_coordinated_clause_stays_in_it() -> None:
    got = values(
        "The armies met in September 1914. By the spring of 1915 the Russians had retreated, "
        "and in May the Central Powers broke through.",
        "2009-12-19",
    )
    assert got["May"] == "1915-05"


def test_by_a_date_in_the_past_perfect_moves_the_story_there() -> None:
    got = values(
        "The offensive began in June 1942. By mid-November the Germans had nearly taken the "
        "city. By early February 1943, the army had taken tremendous losses; the front had "
        "been pushed back beyond its position before the summer offensive. In mid-February, "
        "after the push had tapered off, the enemy attacked again.",
        "2009-12-19",
    )
    assert got["mid-February"] == "1943-02"


def test_deictic_words_quoted_from_the_story_speak_from_its_time() -> None:
    got = values(
        'In a speech on September 10, 2001, the general "envisioned the withdrawal of 30,000 '
        'troops by next summer," and the minister promised "a new law tomorrow."',
        "2009-12-19",
    )
    assert got["next summer"] == "2002-SU"
    assert got["tomorrow"] == "2001-09-11"


def test_n_years_ago_opening_a_sentence_sets_the_story() -> None:
    got = values(
        "HAVERLY, April 4, 2024 - Thirty years ago this spring, the Kestrels were the worst "
        "team in the league. By October they were champions. In 1994, the coach moved Tommy "
        "Okonkwo, a backup catcher born in 1971, to shortstop. In July the team won again.",
        "2024-04-04",
    )
    assert got["Thirty years ago"] == "1994"
    assert got["October"] == "1994-10"
    assert got["July"] == "1994-07"  # the apposition's 1971 is not the story's year
    # at the end of a relative clause it is an aside: the story stays where it was
    got = values(
        "The crowds were the largest since the revolution that brought him to power 41 years "
        "ago. The boy was found on Nov. 25 off the coast.",
        "2000-01-15",
    )
    assert got["Nov. 25"] == "1999-11-25"


def test_a_clock_time_takes_the_full_date_after_it() -> None:
    got = values(
        "The explosion tore through the mine shortly after 6 a.m. on November 3, 1957. At "
        "5:34 AM Baghdad time on March 20, 2003 the invasion began. The blast came at 6.10 "
        "a.m. on 3 November 1957.",
        "2022-11-03",
    )
    assert got["6 a.m."] == "1957-11-03T06:00"
    assert got["November 3, 1957"] == "1957-11-03"  # still an expression of its own
    assert got["5:34 AM"] == "2003-03-20T05:34"
    assert got["6.10 a.m."] == "1957-11-03T06:10"


def test_the_nth_weekday_of_a_month() -> None:
    got = values(
        "In 1994 the team clinched the division on the last Sunday of September. The new "
        "law took effect on the first Monday in May 2020.",
        "2024-04-04",
    )
    assert got["the last Sunday of September"] == "1994-09-25"
    assert got["the first Monday in May 2020"] == "2020-05-04"


def test_the_day_a_quote_was_given_does_not_end_the_story() -> None:
    got = values(
        "In July 1994 the rookie hit safely in 27 straight games.\n\n"
        '"We thought that was it," the catcher said in a phone interview last week.\n\n'
        "The rookie returned on August 15, and the team won the title on October 13.",
        "2024-04-04",
    )
    assert got["last week"] == "2024-W13"
    assert (got["August 15"], got["October 13"]) == ("1994-08-15", "1994-10-13")


def test_obituary() -> None:
    text = (
        "Maria Ortega, the architect, has died at 91, her family said on Tuesday. Born in "
        "Valencia, she moved to Mexico City in 1958. In March she won her first contract, "
        "and that autumn she married the painter Luis Vega. She retired in 1995."
    )
    got = values(text, "2021-11-18")
    assert got["Tuesday"] == "2021-11-16"  # the reporting frame speaks from publication
    assert got["March"] == "1958-03"
    assert got["1995"] == "1995"


def test_anniversary_piece_keeps_deictic_words_on_publication() -> None:
    text = (
        "Thirty years ago this week the border opened. The crowds gathered in 1989 after an "
        "announcement on the radio. In November, guards stood aside. Today the city marks "
        "the day with concerts, and on Saturday the mayor will lay a wreath."
    )
    got = values(text, "2019-11-09")
    assert got["November"] == "1989-11"
    assert got["Today"] == "2019-11-09"
    assert got["Saturday"] == "2019-11-09"  # publication day is a Saturday, told ahead


def test_news_with_a_history_paragraph() -> None:
    text = (
        "The port reopened on Monday after a week-long strike, officials said. The "
        "harbour was built in 1871. In March it flooded and in the summer it was rebuilt. "
        "The union will meet again in June."
    )
    got = values(text, "2024-02-14")
    assert got["March"] == "1871-03"
    assert got["the summer"] == "1871-SU"
    assert got["June"] == "2024-06"  # a plan from today, not the story's June
    assert got["Monday"] == "2024-02-12"


def test_present_tense_facts_do_not_set_the_story() -> None:
    text = "Apple passes Best Buy as the No. 2 retailer in 2007. According to an April 2 report, sales rose."
    got = values(text, "2008-04-09")
    assert got["April 2"] == "2008-04-02"


def test_results_period_and_obligations_speak_from_publication() -> None:
    got = values(
        "The company was founded in 1970. It declared a dividend payable Dec. 15 and for the "
        "six months ended Aug. 12 it earned $5 million.",
        "1989-10-26",
    )
    assert got["Dec. 15"] == "1989-12-15"
    assert got["Aug. 12"] == "1989-08-12"


def test_a_named_weekday_settles_the_year() -> None:
    got = values("The match was played on Saturday, April 25.", "1998-04-24")
    assert got["Saturday, April 25"] == "1998-04-25"


def test_year_less_dates_have_an_anchor_a_reader_can_follow() -> None:
    doc = timeline.parse("The dam was finished in 1936. In May it flooded.", published="2020-01-01")
    by_text = {t.text: t for t in doc.timexes}
    assert by_text["May"].anchor == by_text["1936"].id
    assert by_text["May"].basis == "anaphoric"


_MONTHS = list(calendar.month_name)[1:]
_PAST = ["resigned", "announced his resignation", "signed the deal", "was arrested"]


@settings(max_examples=150, deadline=None)
@given(
    pub=st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)),
    month=st.integers(1, 12),
    day=st.integers(1, 28),
    verb=st.sampled_from(_PAST),
    year_back=st.one_of(st.none(), st.integers(0, 40)),
)
def test_a_past_tense_clause_is_not_dated_after_publication(
    pub: dt.date, month: int, day: int, verb: str, year_back: int | None
) -> None:
    lead = "" if year_back is None else f"On May 3, {pub.year - year_back}, talks began. "
    text = f"{lead}On {_MONTHS[month - 1]} {day}, the minister {verb}."
    doc = timeline.parse(text, published=pub.isoformat())
    dated = [t for t in doc.timexes if t.start >= len(lead)]
    assert len(dated) == 1 and dated[0].value
    assert dated[0].value <= pub.isoformat(), (text, pub, dated[0].value)


def test_a_year_in_brackets_after_a_name_is_not_the_story() -> None:
    text = (
        "In 1793 peasants revolted in the west. They resented the Church Law (1790) and "
        "broke into open revolt. On 17 August the assembly voted for conscription."
    )
    assert values(text, "2009-12-19")["17 August"] == "1793-08-17"


def test_commentary_from_today_does_not_end_the_story_of_a_history() -> None:
    history = (
        "The duchy was founded in 1701. Its army grew in 1712, and the river forts were "
        "built in 1718. In 1720 the duke raised taxes. Historians have called the tax a "
        "disaster, and the name has become a byword. On 3 May the peasants marched."
    )
    assert values(history, "2009-12-19")["3 May"] == "1720-05-03"
    # the same paragraph after a word from today is news: its year-less date is this year's
    news = history.replace("In 1720", "Yesterday the duke spoke of 1720. Then")
    assert values(news, "2009-12-19")["3 May"] == "2009-05-03"


def test_the_first_date_of_a_range_takes_the_year_written_at_its_end() -> None:
    got = values(
        "The general won the battle (July 1 to July 3, 1863). The siege lasted from "
        "December 28 - January 3, 1863.",
        "2009-12-19",
    )
    assert got["July 1"] == "1863-07-01"
    assert got["December 28"] == "1862-12-28"  # the reading on or before the range's end


def test_a_quotation_ending_in_the_future_does_not_make_the_next_sentence_a_plan() -> None:
    text = (
        'In 1918 the marshal wrote: "I fear a catastrophe will come soon." On 10 September '
        "the marshal urged peace."
    )
    assert values(text, "2009-12-19")["10 September"] == "1918-09-10"


def test_in_a_history_a_present_tense_comment_keeps_the_story_but_a_plan_does_not() -> None:
    history = (
        "The republic was founded in 1801. Its fleet grew in 1805 and 1808, and in 1812 "
        "the war began. The charge on July 3 is often called the turning point."
    )
    assert values(history, "2009-12-19")["July 3"] == "1812-07-03"
    plan = history.replace(
        "The charge on July 3 is often called the turning point.",
        "A summit is expected in July.",
    )
    assert values(plan, "2009-12-19")["July"] == "2010-07"


def test_a_birth_year_in_apposition_is_not_what_the_next_year_counts_from() -> None:
    text = (
        "In 1995 the club signed Okonkwo. Okonkwo, a catcher born in 1971, moved to "
        "shortstop. The next year he won the league."
    )
    assert values(text, "2020-01-01")["The next year"] == "1996"


def test_an_apposition_in_the_previous_sentence_does_not_make_a_date_an_aside() -> None:
    text = (
        "He praised Glenn, who at 77 is about to fly again. On May 22, 1995, he was made a "
        "general, and the following year he was sent to Washington."
    )
    assert values(text, "1998-04-18")["the following year"] == "1996"


def test_by_a_date_in_the_simple_past_moves_the_story_there() -> None:
    got = values(
        "The mills merged in 1951. By 1988 only two sites remained. That May, the board "
        "closed the older one.",
        "2024-02-01",
    )
    assert got["May"] == "1988-05"


def test_the_start_of_a_span_reaching_the_story_is_not_counted_from() -> None:
    got = values(
        "Orvia left the union in March 1990, a union it had belonged to since 1922. "
        "Elections followed that autumn.",
        "2024-02-01",
    )
    assert got["that autumn"] == "1990-FA"


def test_n_units_after_that_counts_from_the_last_date() -> None:
    got = values(
        "She won the national title in 1966. An injury ended her career two years after that.",
        "2024-02-01",
    )
    assert got["two years after that"] == "1968"
