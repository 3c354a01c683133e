"""Working days in England and Wales, and the clocks that count them (ADR-039).

Targets in care are set in working days: decide about a trigger within 2 working days, sign off
a budget within 10. A working day is Monday to Friday and not a bank holiday. England and Wales
share one list of bank holidays; it comes from the maintained `holidays` library (which follows
the government's announcements, including one-off days such as a coronation), not a table we
would have to remember to update.

Dates are the person's and the team's: a clock started at 23:30 on a Friday in British Summer
Time started on that Friday in London, whatever the UTC date was. A target of N working days
ends at midnight at the end of the Nth working day after the day it started; N = 0 means the
end of the day it started (safeguarding: "the same day", weekend or not).
"""

import datetime as dt
import functools
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo

import holidays

LONDON = ZoneInfo("Europe/London")


@functools.cache
def _bank_holidays(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def bank_holiday_name(day: dt.date) -> str:
    """The bank holiday's name ("Easter Monday"), or "" on any other day."""
    if day not in _bank_holidays(day.year):
        return ""
    return str(holidays.country_holidays("GB", subdiv="ENG", years=day.year).get(day))


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The day `days` working days after `start` (0: `start` itself, working day or not)."""
    if days < 0:
        raise ValueError("A target cannot be a negative number of working days")
    day = start
    while days:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            days -= 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after `start` up to and including `end`; negative when `end` is earlier.

    Friday to the next Monday is 1; Friday to Friday is 0.
    """
    if end < start:
        return -working_days_between(end, start)
    count = 0
    day = start
    while day < end:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count


def local_date(moment: dt.datetime) -> dt.date:
    return moment.astimezone(LONDON).date()


def end_of_day(day: dt.date) -> dt.datetime:
    """Midnight at the end of `day` in London, aware (a clock-change day is 23 or 25 hours long)."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=LONDON)


def due_at(started: dt.datetime, working_days: int) -> dt.datetime:
    """When a target of `working_days` from `started` runs out."""
    return end_of_day(add_working_days(local_date(started), working_days))


class ClockState(StrEnum):
    ON_TRACK = "on track"
    DUE_SOON = "due soon"
    OVERDUE = "overdue"
    STOPPED = "stopped"


@dataclass(frozen=True)
class Clock:
    """A target in working days from a start, stopped (or not yet) by what ended it.

    `due_soon_days`: how many working days before the end it starts to show as "due soon"
    (on the last working day, with the default 1).
    """

    started: dt.datetime
    target_days: int
    stopped: dt.datetime | None = None
    due_soon_days: int = 1

    @property
    def due(self) -> dt.datetime:
        return due_at(self.started, self.target_days)

    def working_days_left(self, now: dt.datetime) -> int:
        """Whole working days after today before it is due: 0 on the last day, negative once overdue."""
        due_day = self.due.astimezone(LONDON).date() - dt.timedelta(days=1)
        if now >= self.due:
            return -max(1, working_days_between(due_day, local_date(now)))
        return working_days_between(local_date(now), due_day)

    def working_days_taken(self, now: dt.datetime) -> int:
        """Working days from the start to when it stopped (or to now)."""
        return working_days_between(local_date(self.started), local_date(self.stopped or now))

    def state(self, now: dt.datetime) -> ClockState:
        if self.stopped is not None:
            return ClockState.STOPPED
        if now >= self.due:
            return ClockState.OVERDUE
        if self.working_days_left(now) < self.due_soon_days:
            return ClockState.DUE_SOON
        return ClockState.ON_TRACK

    def met(self) -> bool | None:
        """Whether it stopped in time; None while it is still running."""
        if self.stopped is None:
            return None
        return self.stopped < self.due
