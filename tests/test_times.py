"""Time expressions: recognition spans, TIMEX3 values and anchoring, one case per construction."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.stages.sentences import find_sentences
from timeline.stages.times import find_times, resolve_times
from timeline.stages.values import shift, value_range


def tag(text: str, dct: str | None = "2022-03-05"):
    timexes, problems = resolve_times(text, find_times(text), tuple(find_sentences(text)), dct)
    return timexes, problems


def pairs(text: str, dct: str | None = "2022-03-05") -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in tag(text, dct)[0]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It happened on March 1, 2022.", [("March 1, 2022", "2022-03-01")]),
        ("It happened on 1 March 2022.", [("1 March 2022", "2022-03-01")]),
        ("It opened in March 2015.", [("March 2015", "2015-03")]),
        ("The treaty was signed in 1963.", [("1963", "1963")]),
        ("Prices rose in the 1990s.", [("the 1990s", "199")]),
        ("It was built in the 20th century.", [("the 20th century", "19")]),
        ("Sales fell in the first quarter of 2021.", [("the first quarter of 2021", "2021-Q1")]),
        ("The report came out on 2021-11-30.", [("2021-11-30", "2021-11-30")]),
        ("They met in spring 2019.", [("spring 2019", "2019-SP")]),
        ("They met in the summer of 2019.", [("the summer of 2019", "2019-SU")]),
        # year ranges name both years; a shared year belongs to both months
        ("The 1990-91 recession hurt.", [("1990", "1990"), ("91", "1991")]),
        ("The war of 1939–45 ended.", [("1939", "1939"), ("45", "1945")]),
        ("He served between March and May 2019.", [("March", "2019-03"), ("May 2019", "2019-05")]),
        ("Computers failed in the year 2000.", [("the year 2000", "2000")]),
        ("Prices rose in the 1990's.", [("the 1990's", "199")]),
    ],
)
def test_times_absolute(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # DCT 2022-03-05 is a Saturday in ISO week 9
        ("A mission is heading there this weekend.", [("this weekend", "2022-W09-WE")]),
        ("Last Tuesday (1st), they talked.", [("Last Tuesday", "2022-03-01")]),
        ("Last Tuesday (22nd), they talked.", [("Last Tuesday", "2022-02-22")]),
        ("He spoke on Friday night.", [("Friday night", "2022-03-04TNI")]),
        ("In January, the Kremlin suggested it.", [("January", "2022-01")]),
        ("In November, the vote was held.", [("November", "2021-11")]),
        ("The vote will be held in November.", [("November", "2022-11")]),
        ("Two years ago, it failed.", [("Two years ago", "2020")]),
        ("Next month the talks resume.", [("Next month", "2022-04")]),
        ("Last year the company lost money.", [("Last year", "2021")]),
        ("The market fell yesterday.", [("yesterday", "2022-03-04")]),
        ("It will arrive next week.", [("next week", "2022-W10")]),
        ("Prices have risen in recent years.", [("recent years", "PXY")]),
        ("The company is now profitable.", [("now", "PRESENT_REF")]),
    ],
)
def test_times_deictic_from_publication_date(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        (
            "Profit rose in the third quarter from a year ago.",
            "1989-10-26",
            [("the third quarter", "1989-Q3"), ("a year ago", "1988-Q3")],
        ),
        ("Third-quarter sales fell.", "1989-10-26", [("Third-quarter", "1989-Q3")]),
        ("Revenue for the quarter rose.", "1989-11-02", [("the quarter", "1989-Q3")]),
        ("Results for fiscal 1988 were restated.", "1989-11-02", [("fiscal 1988", "1988")]),
        (
            "The Times said in an editorial on Monday, Oct. 26: ...",
            "1998-10-25",
            [("Monday, Oct. 26", "1998-10-26")],
        ),
        (
            "The vote ends at 5 p.m. EST Nov. 9.",
            "1998-11-03",
            [("5 p.m. EST Nov. 9", "1998-11-09T17:00")],
        ),
        ("He left on Christmas Eve.", "2021-12-28", [("Christmas Eve", "2021-12-24")]),
        ("Shops close on Thanksgiving Day.", "2021-11-01", [("Thanksgiving Day", "2021-11-25")]),
        ("Easter 2024 falls early.", "2023-06-01", [("Easter 2024", "2024-03-31")]),
        (
            "Shoppers spent $9 billion on Black Friday and $11 billion on Cyber Monday.",
            "2023-11-30",
            [("Black Friday", "2023-11-24"), ("Cyber Monday", "2023-11-27")],
        ),
        ("Juneteenth became a federal holiday.", "2021-06-20", [("Juneteenth", "2021-06-19")]),
        ("It was founded in nineteen ninety-six.", "2001-01-01", [("nineteen ninety-six", "1996")]),
        (
            "Cuba predicted Wednesday that exiles will appeal.",
            "2000-01-07",
            [("Wednesday", "2000-01-05")],
        ),
        (
            "The memorial planned for Saturday was cancelled.",
            "1999-10-24",
            [("Saturday", "1999-10-23")],
        ),
        ("The ruling is due on Jan. 14.", "2000-01-07", [("Jan. 14", "2000-01-14")]),
        # tense from the clause: intentions and deadlines point forward
        (
            "The delegation planned to leave Harare on Thursday.",
            "2011-05-10",
            [("Thursday", "2011-05-12")],
        ),
        ("The loan must be repaid by February.", "2011-10-10", [("February", "2012-02")]),
        (
            "Until Thursday, the police had not named a suspect.",
            "2011-05-13",
            [("Thursday", "2011-05-12")],
        ),
        (
            "Lawyers vowed to appeal Wednesday's ruling.",
            "2011-05-13",
            [("Wednesday", "2011-05-11")],
        ),
        (
            "Seven people died in the fires next to the depot on Friday.",
            "2011-05-14",
            [("Friday", "2011-05-13")],
        ),
        (
            "The offer had been scheduled to expire Friday.",
            "2011-05-16",
            [("Friday", "2011-05-13")],
        ),
        ("The ferry sank last February.", "2011-03-20", [("last February", "2010-02")]),
        (
            "She said the envoy would be flying to the United States Thursday.",
            "2011-05-10",
            [("Thursday", "2011-05-12")],  # "United" is a name, not a past tense
        ),
        (
            "The fair opens this coming Sunday.",
            "2011-05-10",
            [("this coming Sunday", "2011-05-15")],
        ),
        ("Sales for the full year rose 4%.", "2011-10-20", [("the full year", "2011")]),
        (
            "In 1962 the crisis began; by the end of the year it had cooled.",
            "2022-03-05",
            [("1962", "1962"), ("the end of the year", "1962")],
        ),
        ("The Year of the Dragon begins.", "2012-01-10", []),
        ("Troops could arrive within weeks.", "2012-01-10", [("weeks", "PXW")]),
        ("Prices will rise in the near term.", "2012-01-10", [("the near term", "FUTURE_REF")]),
        ("Sales rose over the summer.", "1989-11-01", [("the summer", "1989-SU")]),
        # a month alone: the nearest one, the tense counting for a few months
        (
            "The kingdom told buyers of a cutback in supply in September.",
            "1990-08-16",
            [("September", "1990-09")],
        ),
        ("The deal closed in March.", "1990-08-16", [("March", "1990-03")]),
        (
            "Shares rose this year through August.",
            "1989-10-27",
            [("this year", "1989"), ("August", "1989-08")],
        ),
        ("It happened this past spring.", "1989-02-01", [("this past spring", "1988-SP")]),
        ("After the fall of Saigon, they left.", "1989-11-01", []),
        (
            "Revenue for the year ended March 31 rose.",
            "1989-11-01",
            [("the year", "P1Y"), ("March 31", "1989-03-31")],
        ),
        (
            "Sales for the third quarter rose. For the nine months, profit fell from a year "
            "earlier.",
            "2011-10-20",
            [
                ("the third quarter", "2011-Q3"),
                ("the nine months", "P9M"),
                ("a year earlier", "2010"),
            ],
        ),
        # a results story: "a year earlier" is the same quarter a year back
        (
            "Net income for the third quarter rose 8%. A year earlier, the company lost money.",
            "2011-10-20",
            [("the third quarter", "2011-Q3"), ("A year earlier", "2010-Q3")],
        ),
        (
            "Net income for the third quarter rose 8%. Last year, the company had charges.",
            "2011-10-20",
            [("the third quarter", "2011-Q3"), ("Last year", "2010")],
        ),
        (
            "Sales in the quarter ended Sept. 30 rose, up from the year-ago quarter. "
            "In the 2010 period, it lost money.",
            "2011-10-20",
            [
                ("the quarter", "2011-Q3"),
                ("Sept. 30", "2011-09-30"),
                ("the year-ago quarter", "2010-Q3"),
                ("the 2010 period", "2010-Q3"),
            ],
        ),
        # parts of a day without a number, from the date in focus or the publication date
        (
            "On March 3 he appeared at midday and left the next morning.",
            "2022-03-05",
            [
                ("March 3", "2022-03-03"),
                ("midday", "2022-03-03T12:00"),
                ("the next morning", "2022-03-04TMO"),
            ],
        ),
        (
            "Shares fell by mid-afternoon yesterday.",
            "2022-03-05",
            [("mid-afternoon yesterday", "2022-03-04TAF")],
        ),
        # year-end after a preposition; "since" looks back to the last one
        (
            "The deal should close by year-end. Shares are up 5% since year end.",
            "2022-03-05",
            [("year-end", "2022"), ("year end", "2021")],
        ),
        (
            "A hearing is set for the week of March 8. Troops arrive by the end of the month.",
            "2022-02-24",
            [("the week of March 8", "2022-W10"), ("the end of the month", "2022-03")],
        ),
        (
            "Sales rose in the second half of 1989 and the first two quarters of 1990.",
            "1990-10-05",
            [("the second half of 1989", "1989-H2"), ("the first two quarters of 1990", "1990-H1")],
        ),
        ("The parade marches each July.", "2022-03-05", [("each July", "XXXX-07")]),
        ("He died within weeks or months.", "2022-03-05", [("weeks or months", "PXW")]),
        # a verb right by a month settles its year: a past "hit" in March points back
        (
            "Inflation hit a 40-year high in June.",
            "2023-03-22",
            [("40-year", "P40Y"), ("June", "2022-06")],
        ),
        ("He said the plant will open in June.", "2023-03-22", [("June", "2023-06")]),
        # a scheduled event told in the present is ahead
        ("The summit takes place in November.", "2023-03-22", [("November", "2023-11")]),
        ("The festival begins on Saturday.", "2023-03-22", [("Saturday", "2023-03-25")]),
        # "is set to begin": the plan points forward even after an auxiliary
        ("The trial is set to begin on Wednesday.", "2006-03-28", [("Wednesday", "2006-03-29")]),
        ("The president travels to Brazil on Monday.", "2023-06-14", [("Monday", "2023-06-19")]),
        # past a comma is another clause, unless the expression opens the sentence
        (
            "The law, which took effect in January, will be reviewed in December.",
            "2023-06-14",
            [("January", "2023-01"), ("December", "2023-12")],
        ),
        (
            "Protesters are planning a march on Saturday, organisers said.",
            "2023-06-14",
            [("Saturday", "2023-06-17")],
        ),
        ("On Friday, the company will report.", "2023-06-14", [("Friday", "2023-06-16")]),
        # the tense after "and" belongs to another clause
        (
            "The bill passed late Tuesday night and will take effect soon.",
            "2023-03-22",
            [("late Tuesday night", "2023-03-21TNI")],
        ),
        ("Kyiv needs air defence before winter.", "2022-12-23", [("winter", "2022-WI")]),
        # company-report shorthand
        (
            "Sales rose in Q3 2023 and 3Q22; H1 2024 looks better, FY23 was flat, in Q4 they fall.",
            "2023-10-26",
            [
                ("Q3 2023", "2023-Q3"),
                ("3Q22", "2022-Q3"),
                ("H1 2024", "2024-H1"),
                ("FY23", "2023"),
                ("Q4", "2023-Q4"),
            ],
        ),
        (
            "The third quarter of last year was weak.",
            "2023-10-26",
            [("The third quarter of last year", "2022-Q3")],
        ),
        # TimeML writes midnight as the end of its day
        (
            "The deadline passed at midnight Friday.",
            "2023-10-26",
            [("midnight Friday", "2023-10-20T24:00")],
        ),
        # an anchor coarser than the amount keeps what every reading shares
        (
            "The government criticised both sides last week. Two days later, talks resumed.",
            "2024-06-14",
            [("last week", "2024-W23"), ("Two days later", "2024-06")],
        ),
        (
            "The day before yesterday it rained; the week before last it snowed.",
            "2023-06-14",
            [("The day before yesterday", "2023-06-12"), ("the week before last", "2023-W22")],
        ),
        (
            "A fortnight ago he left; over the past fortnight cases doubled.",
            "2023-06-14",
            [("A fortnight ago", "2023-W22"), ("the past fortnight", "P2W")],
        ),
        (
            "The bill expires three weeks from today.",
            "2023-06-14",
            [("three weeks from today", "2023-W27")],
        ),
        # a month without a year belongs to the year the story is telling...
        (
            "The crisis began in 1962. In October, missiles were found. By November they were gone.",
            "2023-06-14",
            [("1962", "1962"), ("October", "1962-10"), ("November", "1962-11")],
        ),
        # ... unless that year is a range's end, a modifier, or the month is a plan ahead
        (
            "Attacks dating to 1994 went unsolved. In January, a doctor died.",
            "2023-06-14",
            [("1994", "1994"), ("January", "2023-01")],
        ),
        (
            "Downloads rose since its launch in 2003, and as of February it leads.",
            "2008-04-09",
            [("2003", "2003"), ("February", "2008-02")],
        ),
        (
            "The firm was founded in 2015. In January, it will relaunch.",
            "2023-06-14",
            [("2015", "2015"), ("January", "2024-01")],
        ),
        # a weekday right after a dated sentence of another week is in that week
        (
            "On March 3, 2019, the strike began. On Tuesday, talks collapsed.",
            "2023-06-14",
            [("March 3, 2019", "2019-03-03"), ("Tuesday", "2019-03-05")],
        ),
        (
            "Sales fell in the first week of March and rose in the last week of June.",
            "2023-07-14",  # (said in mid-June, a past "last week of June" is 2022's)
            [("the first week of March", "2023-W09"), ("the last week of June", "2023-W26")],
        ),
        (
            "The vote is on the 15th; payment is due by the 1st. He won the 15th round.",
            "2023-06-14",
            [("the 15th", "2023-06-15"), ("the 1st", "2023-07-01")],
        ),
        # ranges are one duration of unknown length
        (
            "Repairs take two to three weeks; sales rise over the next 12 to 18 months.",
            "2022-03-05",
            [("two to three weeks", "PXW"), ("the next 12 to 18 months", "PXM")],
        ),
        # vague amounts back: the coarsest period holding every reading, else the direction
        (
            "A few years ago he left; two to three months ago he returned.",
            "2009-06-05",
            [("A few years ago", "200"), ("two to three months ago", "2009")],
        ),
        ("Several years ago he left.", "2023-03-05", [("Several years ago", "PAST_REF")]),
        ("It grew in the late 1970s.", "2022-03-05", [("the late 1970s", "197")]),
        (
            "A year-end bonus ended the decades-long feud after a day-long meeting.",
            "2022-03-05",
            [("decades-long", "PXY"), ("day-long", "P1D")],
        ),
    ],
)
def test_times_news_constructions(text: str, dct: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text, dct) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In 1962 the crisis began. The following year, a hotline was installed.",
            [("1962", "1962"), ("The following year", "1963")],
        ),
        (
            "They split in 2019, the year after the election.",
            [("2019", "2019"), ("the year after", "2019")],
        ),
        (
            "The port closed in 2002. Five years later, it reopened.",
            [("2002", "2002"), ("Five years later", "2007")],
        ),
        (
            "The firm was founded in May 2010. That year, it hired 40 people.",
            [("May 2010", "2010-05"), ("That year", "2010")],
        ),
        (
            "On 3 June 2020 the talks began. Two days later, they collapsed.",
            [("3 June 2020", "2020-06-03"), ("Two days later", "2020-06-05")],
        ),
    ],
)
def test_times_anaphoric_from_previous_date(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was elected to a six-year term.", [("six-year", "P6Y", None)]),
        # TimeBank keeps approximators outside the extent but the mod records them
        ("The talks lasted roughly a month.", [("a month", "P1M", "APPROX")]),
        ("They meet every year.", [("every year", "P1Y", None)]),
        # fractions are written in the next smaller unit, as TimeML does
        ("The flight took 5 1/2 hours.", [("5 1/2 hours", "PT5H30M", None)]),
        ("It took two and a half years.", [("two and a half years", "P2Y6M", None)]),
        ("He spoke for a minute and a half.", [("a minute and a half", "PT1M30S", None)]),
        ("The queue moved after half an hour.", [("half an hour", "PT30M", None)]),
        # the longest text before a key word still falls inside the search window
        (
            "It took twenty-seven to twenty-nine and a half years.",
            [("twenty-seven to twenty-nine and a half years", "PXY", None)],
        ),
        # 24-hour clock times need a zone, or a colon after a preposition
        (
            "The blast came at 0735 GMT; talks ran until 21:30. The team won 3:1.",
            [("0735 GMT", "2022-03-05T07:35", None), ("21:30", "2022-03-05T21:30", None)],
        ),
        # a time restated in another zone is the same instant: tagged once
        (
            "The blast came at 10:35 a.m. (0735 GMT).",
            [("10:35 a.m.", "2022-03-05T10:35", None)],
        ),
        # dates written day first or year first
        (
            "Riots broke out on 6 January; the memo dated 2021/01/06 and 06.01.2021 says so.",
            [
                ("6 January", "2022-01-06", None),
                ("2021/01/06", "2021-01-06", None),
                ("06.01.2021", "2021-01-06", None),
            ],
        ),
        ("At present there is no deal.", [("present", "PRESENT_REF", None)]),
        # "one day" as an unknown time ahead, unless it measures something
        ("One day, she said, peace will come.", [("One day", "FUTURE_REF", None)]),
        ("He had only been in the job one day.", [("one day", "P1D", None)]),
        ("It was a one-day visit.", [("one-day", "P1D", None)]),
        # "or so", "or more", "or later" stay inside the extent and set the mod
        ("Plants close over the next year or so.", [("the next year or so", "P1Y", "APPROX")]),
        ("It lasted five hours or more.", [("five hours or more", "PT5H", "EQUAL_OR_MORE")]),
        ("No profit until 1994 or later.", [("1994 or later", "1994", "ON_OR_AFTER")]),
        ("Plans for 1990 and beyond.", [("1990 and beyond", "1990", "ON_OR_AFTER")]),
    ],
)
def test_times_durations_sets_and_modifiers(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    got = [(t.text, t.value, t.mod) for t in tag(text)[0]]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "value", "mod"),
    [
        ("It grew in the late 1990s.", "199", "END"),
        ("It began in early 2020.", "2020", "START"),
        ("It began in early-2020.", "2020", "START"),
        ("It ends in Mid-2011.", "2011", "MID"),
    ],
)
def test_times_fuzzy_modifiers(text: str, value: str, mod: str) -> None:
    (t,), _ = tag(text)
    assert (t.value, t.mod) == (value, mod)
    assert t.text.lower().startswith(("late", "early", "mid-", "the "))


@pytest.mark.parametrize(
    "text",
    [
        "You may also like this.",
        "The march drew 2000 people.",
        "He scored 2019 points.",
        "It cost $1962.",
        "The plan saves $500 million a year.",  # rates are not durations
        "The airline runs four flights a week.",
        "Sales should rise 8.5% annually.",
        "The Communist Party daily Granma said so.",  # a newspaper
        'Speaking on ABC\'s "This Week," the minister said so.',  # a programme
        "He told This Week that he would stay.",
        "This is VOA Today.",  # names ending in "Today"
        "For today's youth the case matters.",  # the present in general, not a day
        "He quoted the film High Noon and said high noon had come.",
        "Saudi Vision 2030 was discussed on Flight 1549 under Resolution 1441.",  # names
        "The Audi Q3 sold well.",
        "Version 1.2.2020 of the app is out.",
        "The March on Washington drew crowds.",
        "It sold at present prices.",
        "The Dow fell 1300 points.",
    ],
)
def test_times_false_positives_are_not_tagged(text: str) -> None:
    assert [t.text for t in tag(text)[0]] == []


@pytest.mark.parametrize(
    "text", ["Last Tuesday the minister resigned. Two years ago he was elected."]
)
def test_times_without_publication_date_leave_relative_values_null(text: str) -> None:
    timexes, problems = tag(text, dct=None)
    assert [t.value for t in timexes] == [None, None]
    assert [p.code for p in problems] == ["no-publication-date", "no-publication-date"]
    assert all(t.basis == "none" for t in timexes)


@pytest.mark.parametrize("text", ["It ended in 1962, and the following year a hotline was set up."])
def test_times_anchor_is_recorded(text: str) -> None:
    timexes, _ = tag(text)
    assert timexes[1].anchor == timexes[0].id and timexes[1].basis == "anaphoric"


# --------------------------------------------------------------------------- properties
_DAYS = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))
_MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@settings(max_examples=200, deadline=None)
@given(day=_DAYS, style=st.sampled_from(["mdy", "dmy", "my", "y", "iso"]))
def test_times_absolute_date_normalizes_to_itself_at_its_granularity(
    day: dt.date, style: str
) -> None:
    month = _MONTH_NAMES[day.month - 1]
    surface, value = {
        "mdy": (f"{month} {day.day}, {day.year}", day.isoformat()),
        "dmy": (f"{day.day} {month} {day.year}", day.isoformat()),
        "my": (f"{month} {day.year}", f"{day.year:04d}-{day.month:02d}"),
        "y": (f"{day.year}", f"{day.year:04d}"),
        "iso": (day.isoformat(), day.isoformat()),
    }[style]
    text = f"The agreement was signed in {surface} by both sides."
    timexes, _ = tag(text)
    assert [(t.text, t.value) for t in timexes] == [(surface, value)]


@settings(max_examples=200, deadline=None)
@given(
    dct=st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 1, 1)),
    n=st.integers(min_value=2, max_value=9),
    unit=st.sampled_from(["day", "week", "month", "year"]),
)
def test_times_relative_phrase_moves_anchor_by_its_amount(dct: dt.date, n: int, unit: str) -> None:
    words = {
        2: "two",
        3: "three",
        4: "four",
        5: "five",
        6: "six",
        7: "seven",
        8: "eight",
        9: "nine",
    }
    (t,), _ = tag(f"It happened {words[n]} {unit}s ago.", dct.isoformat())
    assert t.value == shift(dct.isoformat(), -n, unit)
    lo, _hi = value_range(t.value)
    back = {"day": dt.timedelta(days=n), "week": dt.timedelta(weeks=n)}.get(unit)
    if back is not None:
        assert dt.date.fromisoformat(lo) <= dct - back


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_times_spans_are_inside_text_and_match(text: str) -> None:
    for t in tag(text)[0]:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text


@pytest.mark.parametrize(
    "text",
    [
        "Last Tuesday the minister resigned. In January, two years ago, prices rose. "
        "Next month talks resume; the vote is on March 3. Tonight, it rains."
    ],
)
@pytest.mark.parametrize("dct", [None, "2022-03-05"])
def test_times_output_does_not_depend_on_the_clock(text: str, dct: str | None) -> None:
    import time_machine

    import timeline

    outputs = []
    for now in ("1999-12-31 23:00", "2031-07-04 12:00"):
        with time_machine.travel(now, tick=False):
            outputs.append(timeline.parse(text, published=dct).to_dict())
    assert outputs[0] == outputs[1]


def test_times_denser_than_any_article_stop_at_the_limit_with_a_problem() -> None:
    import timeline
    from timeline.settings import Settings

    text = " ".join(
        f"{1 + i % 28} May {1950 + i % 60}, {i % 9 + 2} weeks ago;" for i in range(3000)
    )
    settings = Settings(max_timexes_per_1000=10, min_cap=100)
    doc = timeline.parse(text, published="2020-01-01", settings=settings)
    cap = settings.cap(len(text), 10)
    (problem,) = [p for p in doc.problems if p.code == "too-dense"]
    assert len(doc.timexes) == cap and problem.start == doc.timexes[-1].end + 2
    assert all(t.end <= problem.start for t in doc.timexes)
    # under the limit nothing is dropped, and a long text is read in pieces without seams
    calm = " ".join(
        f"On {1 + i % 28} May {1950 + i % 60} the council met again in the hall"
        for i in range(3000)
    )
    full = timeline.parse(calm, published="2020-01-01")
    assert len(calm) > 2 * 65_536 and not [p for p in full.problems if p.code == "too-dense"]
    assert [t.text for t in full.timexes] == [
        f"{1 + i % 28} May {1950 + i % 60}" for i in range(3000)
    ]
