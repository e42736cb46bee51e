"""Date arithmetic on every TIMEX3 value the normaliser can write, from year 0 to 9999 and
every granularity: ranges, shifts and truncations never raise, and whatever they return is a
real day or a value with a range (issue 12, item 11)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline.stages.values import granularity_of, shift, truncate, value_range

YEAR = st.integers(0, 9999).map(lambda y: f"{y:04d}")
TWO = st.integers(0, 60).map(lambda n: f"{n:02d}")
VALUES = st.one_of(
    YEAR,
    st.tuples(YEAR, TWO).map("-".join),
    st.tuples(YEAR, TWO, TWO).map("-".join),
    st.tuples(YEAR, TWO, st.sampled_from(["", "-WE"])).map(lambda t: f"{t[0]}-W{t[1]}{t[2]}"),
    st.tuples(
        YEAR, st.sampled_from(["Q1", "Q2", "Q3", "Q4", "H1", "H2", "SP", "SU", "FA", "WI"])
    ).map("-".join),
    st.integers(0, 999).map(lambda d: f"{d:03d}X"),
    st.integers(0, 99).map(lambda c: f"{c:02d}"),
    st.tuples(YEAR, TWO, TWO, st.sampled_from(["TNI", "TMO", "T10:30", "T24:00"])).map(
        lambda t: f"{t[0]}-{t[1]}-{t[2]}{t[3]}"
    ),
    st.sampled_from(["PRESENT_REF", "PAST_REF", "P1Y", "PT2H", "", "XXXX-XX-XX", "2022-W"]),
)
UNITS = ["day", "week", "weekend", "fortnight", "month", "quarter", "year", "decade", "century"]
EDGES = [
    "0001",
    "0001-01",
    "0001-01-01",
    "0001-W01",
    "0001-Q1",
    "000",
    "000X",
    "00",
    "9999",
    "9999-12",
    "9999-12-31",
    "9999-W52",
    "9999-W52-WE",
    "9999-Q4",
    "9999-H2",
    "9999-WI",
    "999",
    "999X",
    "99",
    "0000",
    "0000-01-01",
]


def _is_day(iso: str) -> bool:
    return dt.date.fromisoformat(iso).isoformat() == iso


def _check(value: str, n: int, unit: str) -> None:
    granularity_of(value)
    rng = value_range(value)
    if rng is not None:
        assert _is_day(rng[0]) and _is_day(rng[1]) and rng[0] <= rng[1], (value, rng)
    moved = shift(value, n, unit)
    if moved is not None:  # a day range, or a year before Christ (which has no days)
        assert value_range(moved) is not None or (
            moved.startswith("BC") and granularity_of(moved) is not None
        ), (value, n, unit, moved)
    for g in ("century", "decade", "year", "quarter", "month", "week", "day"):
        cut = truncate(value, g)
        if cut is not None:
            assert value_range(cut) is not None, (value, g, cut)


@settings(max_examples=3000, deadline=None)
@given(VALUES, st.integers(-12000, 12000), st.sampled_from(UNITS))
def test_normalize_date_arithmetic_never_raises(value: str, n: int, unit: str) -> None:
    _check(value, n, unit)


@pytest.mark.parametrize("value", EDGES)
@pytest.mark.parametrize("n", [-1, 1, -10000, 10000])
@pytest.mark.parametrize("unit", UNITS)
def test_normalize_calendar_edges(value: str, n: int, unit: str) -> None:
    _check(value, n, unit)


def test_normalize_year_zero_century_starts_on_the_first_day() -> None:
    assert value_range("00") == ("0001-01-01", "0099-12-31")
    assert value_range("000") == value_range("000X") == ("0001-01-01", "0009-12-31")
    assert value_range("0000") is None
    assert value_range("9999-W52") == ("9999-12-27", "9999-12-31")


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The church was built in the 1st century.", ["00"]),
        ("The church was built in the 1st century BC.", ["BC00"]),
        ("It was founded in the 1st century AD and rebuilt in the 20th century.", ["00", "19"]),
        ("By 1200 BCE the city was gone; by 1200 it was rebuilt.", ["BC1200", "1200"]),
        ("In 44 B.C. Caesar died.", ["BC0044"]),
    ],
)
def test_normalize_early_centuries_parse_and_bc_has_its_own_values(text: str, values) -> None:
    doc = timeline.parse(text, published="2020-01-01")
    assert [t.value for t in doc.timexes] == values
    for ev in doc.events:
        if ev.time.start:
            assert ev.time.start >= "0001-01-01"
