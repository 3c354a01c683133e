"""UK wall-clock times across the clock changes (last Sunday in March and in October)."""

import datetime as dt

import pytest

from livingplan.appointments import when


def test_a_november_time_is_greenwich_mean_time() -> None:
    moment = when.local_datetime(dt.date(2026, 11, 10), dt.time(10, 0))
    assert moment.astimezone(dt.UTC).hour == 10


def test_a_september_time_is_british_summer_time() -> None:
    moment = when.local_datetime(dt.date(2026, 9, 29), dt.time(10, 0))
    assert moment.astimezone(dt.UTC).hour == 9


def test_a_time_the_clocks_skip_in_march_is_refused() -> None:
    with pytest.raises(when.NoSuchTime, match=r"Enter a time from 2am"):
        when.local_datetime(dt.date(2027, 3, 28), dt.time(1, 30))


def test_a_time_that_happens_twice_in_october_is_refused() -> None:
    with pytest.raises(when.NoSuchTime, match=r"happens twice that day\. Enter a time from 2am"):
        when.local_datetime(dt.date(2026, 10, 25), dt.time(1, 30))


@pytest.mark.parametrize(("typed", "expected"), [("14:30", dt.time(14, 30)), ("2:30pm", dt.time(14, 30)),
                                                 ("2pm", dt.time(14, 0)), ("9.15", dt.time(9, 15)),
                                                 ("12am", dt.time(0, 0))])  # fmt: skip
def test_times_are_read_as_people_type_them(typed: str, expected: dt.time) -> None:
    assert when.parse_time(typed) == expected


@pytest.mark.parametrize("typed", ["14", "25:00", "13pm", "noonish", "10:75"])
def test_what_is_not_a_time_is_not_read_as_one(typed: str) -> None:
    assert when.parse_time(typed) is None


def test_the_words_for_a_time_are_uk_clock_time() -> None:
    starts = when.local_datetime(dt.date(2026, 11, 10), dt.time(10, 0))
    ends = when.local_datetime(dt.date(2026, 11, 10), dt.time(11, 30))
    assert when.when_words(starts, ends) == "Tuesday 10 November 2026, 10am to 11:30am"
