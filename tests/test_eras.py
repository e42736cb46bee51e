"""Eras and long spans (issue 13, item 3): years before Christ and of our era, their months,
seasons, decades and centuries, and a narrative clock that counts down before Christ."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import timeline
from timeline.render.labels import date_label
from timeline.stages.day_numbers import chronological_key, date_of_day, day_number, day_span
from timeline.stages.values import (
    granularity_of,
    shift,
    truncate,
    year_number,
    year_part,
)


def _values(text: str) -> list[tuple[str, str | None, str | None]]:
    doc = timeline.parse(text, published="2021-05-01")
    return [(t.text, t.value, t.mod) for t in doc.timexes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The colony was founded in 733 BC by settlers.", [("733 BC", "BC0733", None)]),
        ("The dynasty ended in 1070 B.C. after a drought.", [("1070 B.C.", "BC1070", None)]),
        ("A tablet dated 612 BCE was found.", [("612 BCE", "BC0612", None)]),
        ("The city was sacked in AD 410.", [("AD 410", "0410", None)]),
        ("The wall was begun in 122 AD.", [("122 AD", "0122", None)]),
        ("The mosque dates from 1250 CE.", [("1250 CE", "1250", None)]),
        ("The bronze was cast c. 530 BC in Samos.", [("c. 530 BC", "BC0530", "APPROX")]),
        (
            "Trade grew from 660 to 640 BC along the coast.",
            [("660", "BC0660", None), ("640 BC", "BC0640", None)],
        ),
        (
            "The war of 431–404 BC ruined both.",
            [("431", "BC0431", None), ("404 BC", "BC0404", None)],
        ),
        ("In March 44 BC the dictator was killed.", [("March 44 BC", "BC0044-03", None)]),
        ("They sailed in the spring of 415 BC.", [("the spring of 415 BC", "BC0415-SP", None)]),
        ("In the 460s BC the port was walled.", [("the 460s BC", "BC046", None)]),
        ("Iron came in the 8th century BC.", [("the 8th century BC", "BC07", None)]),
        ("The abbey was rebuilt in the twelfth century.", [("the twelfth century", "11", None)]),
        ("It is a fine 18th-century house.", [("18th-century", "17", None)]),
        ("The church was built in the 1st century AD.", [("the 1st century AD", "00", None)]),
        ("Railways spread in the late 1800s.", [("the late 1800s", "18", "END")]),
        ("Cities grew in the 2000s.", [("the 2000s", "200", None)]),
    ],
)
def test_era_expressions_get_timeml_values(
    text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He kept 3 BC cards in a drawer.",  # a one-digit "year" with no preposition
        "The 3-4 BC units were sold.",  # not a range of years before Christ
    ],
)
def test_era_markers_that_are_not_years(text: str) -> None:
    assert not any(v and v.startswith("BC0003") for _, v, _ in _values(text))


def test_before_christ_counts_down_in_a_narrative() -> None:
    text = (
        "The league was formed in 478 BC. The following year its fleet sailed east. "
        "In the summer the allies met, and in October the treasury moved. "
        "Three years later the island revolted."
    )
    got = {t: v for t, v, _ in _values(text)}
    assert got["478 BC"] == "BC0478"
    assert got["The following year"] == "BC0477"
    assert got["the summer"] == "BC0477-SU"
    assert got["October"] == "BC0477-10"
    assert got["Three years later"] == "BC0474"


def test_events_before_christ_keep_their_value_not_the_publication_date() -> None:
    doc = timeline.parse(
        "The colony was founded in 733 BC. Its walls were built in AD 12.",
        published="2021-05-01",
    )
    times = {e.trigger.text: e.time for e in doc.events}
    assert times["founded"].value == "BC0733"
    assert times["founded"].basis == "explicit"
    assert times["founded"].start is None  # no day of our calendar stands for it
    assert times["built"].value == "0012"
    assert times["built"].start == "0012-01-01"
    assert not any(e.time.basis == "publication" for e in doc.events)


def test_era_markers_are_not_names() -> None:
    doc = timeline.parse("In the 5th century BC Sparta fought Athens.", published="2021-05-01")
    assert not any("BC" in e.name for e in doc.entities)


def test_shift_before_christ_has_no_year_zero() -> None:
    assert shift("BC0001", 1, "year") == "0001"
    assert shift("BC0493", 1, "year") == "BC0492"
    assert shift("BC0493", -10, "year") == "BC0503"
    assert shift("BC0480-12", 1, "month") == "BC0479-01"
    assert shift("BC0490", -1, "decade") == "BC050"
    assert shift("BC0490", 0, "century") == "BC04"
    assert shift("BC0490", 1, "day") is None  # no days before Christ
    assert truncate("BC0480-09", "year") == "BC0480"


@pytest.mark.parametrize(
    ("value", "granularity"),
    [
        ("BC0493", "year"),
        ("BC0480-SP", "season"),
        ("BC0480-09", "month"),
        ("BC048", "decade"),
        ("BC048X", "decade"),  # as some TBAQ files write it
        ("BC04", "century"),
    ],
)
def test_granularity_of_era_values(value: str, granularity: str) -> None:
    assert granularity_of(value) == granularity


@given(st.integers(min_value=1, max_value=9900), st.integers(min_value=-50, max_value=50))
def test_era_year_shifts_round_trip(year: int, n: int) -> None:
    value = f"BC{year:04d}"
    assert year_part(value) == value
    moved = shift(value, n, "year")
    assert moved is not None
    assert year_number(moved) == year_number(value) + n  # type: ignore[operator]
    assert shift(moved, -n, "year") == value


@pytest.mark.parametrize(
    ("value", "granularity", "label"),
    [
        ("BC0493", "year", "493 BC"),
        ("BC0480-09", "month", "Sep 480 BC"),
        ("BC0481-FA", "season", "autumn 481 BC"),
        ("BC047", "decade", "the 470s BC"),
        ("BC047X", "decade", "the 470s BC"),
        ("BC04", "century", "the 5th century BC"),
    ],
)
def test_era_dates_read_as_a_reader_says_them(value: str, granularity: str, label: str) -> None:
    assert date_label({"value": value, "start": None, "granularity": granularity}) == label


def test_page_lists_events_before_christ_first() -> None:
    doc = timeline.parse(
        "In 1962 the crisis broke out. The colony was founded in 733 BC. "
        "Its walls were built in AD 12.",
        published="2021-05-01",
    )
    page = timeline.render_html([doc])
    listed = page[page.index('<ol class="events"') :]
    order = [listed.index(f">{label}</time>") for label in ("733 BC", "AD 12", "1962")]
    assert order == sorted(order)
    assert 'datetime="BC' not in listed  # HTML has no years before Christ


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Around the turn of the 20th century cities grew.", "1900"),
        ("In 1897 the mill opened. By the turn of the century it employed 900 men.", "1900"),
        ("In 405 BC the fleet was lost. By the turn of the century the city was poor.", "BC0400"),
        ("Such mills have spread since the turn of the century.", "2000"),  # from 2021
    ],
)
def test_turn_of_the_century_is_the_nearest_boundary(text: str, value: str) -> None:
    turn = [(v, mod) for t, v, mod in _values(text) if "turn" in t]
    assert turn == [(value, "APPROX")]


def test_timelinejs_export_keeps_events_before_christ() -> None:
    from timeline.readwrite.exports import generate_timelinejs

    doc = timeline.parse("In September 480 BC the fleet was destroyed.", published="2021-05-01")
    dates = [e["start_date"] for e in generate_timelinejs([doc])["events"]]
    assert {"year": "-480", "month": "9"} in dates  # TimelineJS shows it "480 BCE"


@given(st.integers(1, 9999), st.integers(1, 9999), st.sampled_from(["", "-SP", "-03", "-FA"]))
def test_years_before_christ_sort_by_their_first_year(a: int, b: int, part: str) -> None:
    """A year, its decade and its century sort by the first year each covers (the 490s BC
    begin in 499 BC, the 5th century BC in 500 BC), and all before our era."""

    def first_year(value: str) -> int:
        return chronological_key(value, None)[1]

    year, decade, century = f"BC{a:04d}", f"BC{a // 10:03d}X", f"BC{a // 100:02d}"
    assert first_year(year) == 1 - a
    assert first_year(century) <= first_year(decade) <= first_year(year) <= 0
    earlier, later = sorted([a, b], reverse=True)
    keys = [chronological_key(f"BC{y:04d}{part}", None) for y in (earlier, later)]
    assert keys == sorted(keys)
    assert chronological_key(year + "-SP", None) < chronological_key(year + "-08", None)
    assert chronological_key(year, None) < chronological_key("0001", "0001-01-01")


@given(st.integers(-9998, 9999), st.integers(1, 12), st.integers(1, 28))
def test_day_numbers_run_on_through_year_zero(year: int, month: int, day: int) -> None:
    """The axis' day numbers: date.toordinal for our era, continued backwards before it."""
    n = day_number(year, month, day)
    assert date_of_day(n) == (year, month, day)
    assert day_number(*date_of_day(n - 1)) == n - 1  # no gap, no repeat
    if year >= 1:
        import datetime as dt

        assert n == dt.date(year, month, day).toordinal()


def test_values_before_christ_have_days_on_the_axis() -> None:
    year = day_span("BC0480", None, None)
    assert year == (day_number(-479), day_number(-478))
    month = day_span("BC0480-08", None, None)
    season = day_span("BC0480-SU", None, None)
    assert year[0] < season[0] <= month[0] < month[1] <= season[1] < year[1]  # type: ignore[index]
    # the 480s BC: 489 to 480 BC; the 5th century BC: 500 to 401 BC
    assert day_span("BC048X", None, None) == (day_number(-488), day_number(-478))
    assert day_span("BC04", None, None) == (day_number(-499), day_number(-399))
    assert day_span(None, None, None) is None and day_span("PRESENT_REF", None, None) is None


def test_relative_seasons_and_days_count_on_before_christ() -> None:
    doc = timeline.parse(
        "In the autumn of 428 BC the allies won at the ford. The city was besieged the "
        "following spring. On 3 October 480 BC the fleets met, and the next day they fought.",
        published="2019-11-05",
    )
    got = {t.text: t.value for t in doc.timexes}
    assert got["the following spring"] == "BC0427-SP"
    assert got["the next day"] == "BC0480-10-04"
