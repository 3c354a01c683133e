"""Working-day clocks across weekends, bank holidays and the clock changes (England and Wales)."""

import datetime as dt

import pytest

from livingplan.core.workdays import (
    LONDON,
    Clock,
    ClockState,
    add_working_days,
    bank_holiday_name,
    due_at,
    is_working_day,
    working_days_between,
)


def london(year: int, month: int, day: int, hour: int, minute: int) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=LONDON)


def test_bank_holidays_of_england_and_wales_are_not_working_days() -> None:
    assert bank_holiday_name(dt.date(2027, 3, 29)) == "Easter Monday"
    assert not is_working_day(dt.date(2027, 3, 29))
    assert is_working_day(dt.date(2027, 3, 30))


def test_a_substitute_day_for_boxing_day_on_a_saturday_is_not_a_working_day() -> None:
    # 26 December 2026 is a Saturday, so Monday 28 December is the bank holiday.
    assert not is_working_day(dt.date(2026, 12, 28))


def test_two_working_days_from_the_thursday_before_easter_is_the_tuesday_after() -> None:
    # Good Friday 26 March 2027, Easter Monday 29 March 2027.
    assert add_working_days(dt.date(2027, 3, 25), 2) == dt.date(2027, 3, 31)


def test_ten_working_days_over_christmas_reach_into_january() -> None:
    # From Thursday 17 December 2026: 18, 21, 22, 23, 24, 29, 30, 31 December, 4 and 5 January.
    assert add_working_days(dt.date(2026, 12, 17), 10) == dt.date(2027, 1, 5)


def test_working_days_between_counts_days_after_the_start() -> None:
    assert working_days_between(dt.date(2026, 12, 4), dt.date(2026, 12, 7)) == 1  # Friday to Monday
    assert working_days_between(dt.date(2026, 12, 7), dt.date(2026, 12, 4)) == -1


def test_same_day_target_ends_at_midnight_even_at_a_weekend() -> None:
    assert due_at(london(2026, 12, 5, 14, 0), 0) == london(2026, 12, 6, 0, 0)


def test_a_clock_started_late_on_a_summer_friday_started_on_that_friday_in_london() -> None:
    # 23:30 on Friday 23 October 2026 in London is 22:30 UTC, the same date, but 00:30 on
    # Saturday 24 October would be 23:30 UTC on the Friday: it counts as Saturday here.
    late_friday = london(2026, 10, 23, 23, 30)
    just_after_midnight = london(2026, 10, 24, 0, 30).astimezone(dt.UTC)
    assert due_at(late_friday, 1) == london(2026, 10, 27, 0, 0)  # ends with Monday 26
    assert due_at(just_after_midnight, 1) == london(2026, 10, 27, 0, 0)


def test_a_target_across_the_october_clock_change_ends_at_local_midnight() -> None:
    # The clocks go back on Sunday 25 October 2026; Friday's two working days end at the
    # end of Tuesday 27 October, midnight GMT, which is 00:00 UTC.
    due = due_at(london(2026, 10, 23, 10, 0), 2)
    assert due.astimezone(dt.UTC) == dt.datetime(2026, 10, 28, 0, 0, tzinfo=dt.UTC)


def test_a_target_across_the_march_clock_change_ends_at_local_midnight() -> None:
    # The clocks go forward on Sunday 28 March 2027 (Easter Sunday): Good Friday and Easter Monday
    # are bank holidays, so one working day from Thursday 25 March ends with Tuesday 30 March, BST.
    due = due_at(london(2027, 3, 25, 16, 0), 1)
    assert due.astimezone(dt.UTC) == dt.datetime(2027, 3, 30, 23, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("now", "state", "left"),
    [
        (london(2026, 12, 7, 9, 0), ClockState.ON_TRACK, 2),  # Monday: due end of Wednesday
        (london(2026, 12, 9, 12, 0), ClockState.DUE_SOON, 0),  # Wednesday, the last day
        (london(2026, 12, 10, 0, 0), ClockState.OVERDUE, -1),  # Thursday, midnight
        (london(2026, 12, 14, 9, 0), ClockState.OVERDUE, -3),  # the next Monday
    ],
)
def test_a_clock_counts_down_then_shows_overdue(now: dt.datetime, state: ClockState, left: int) -> None:
    clock = Clock(started=london(2026, 12, 7, 9, 0), target_days=2)
    assert clock.state(now) == state
    assert clock.working_days_left(now) == left


def test_a_stopped_clock_says_whether_it_was_met_and_how_long_it_took() -> None:
    in_time = Clock(started=london(2026, 12, 7, 9, 0), target_days=2, stopped=london(2026, 12, 9, 17, 0))
    late = Clock(started=london(2026, 12, 7, 9, 0), target_days=2, stopped=london(2026, 12, 10, 9, 0))
    assert (
        in_time.met(),
        in_time.working_days_taken(london(2027, 1, 1, 9, 0)),
        in_time.state(london(2026, 12, 10, 9, 0)),
    ) == (
        True,
        2,
        ClockState.STOPPED,
    )
    assert late.met() is False


def test_a_running_clock_has_not_been_met_or_missed_yet() -> None:
    assert Clock(started=london(2026, 12, 7, 9, 0), target_days=2).met() is None


def test_a_negative_target_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        add_working_days(dt.date(2026, 12, 7), -1)
