"""Wall-clock times in Europe/London, where the clocks change twice a year.

A time is typed as it reads on a clock in the UK ("10:30 on 10 November"); it is stored in UTC
and always shown and sent back as that same wall-clock time, whatever the offset was when it
was booked. Two hours are refused, with what to type instead: on the last Sunday in March
1:00am to 1:59am never happens; on the last Sunday in October it happens twice, and calendars
do not agree which one a file means (RFC 5545 says the first; dateutil reads the second).
"""

import datetime as dt
import re
import zoneinfo

LONDON = zoneinfo.ZoneInfo("Europe/London")

_TIME = re.compile(r"(?P<hour>[0-9]{1,2})(?:[:.](?P<minute>[0-9]{2}))?\s*(?P<half>am|pm)?")


class NoSuchTime(ValueError):
    """The clocks skip this time on this date, or show it twice."""


def parse_time(text: str) -> dt.time | None:
    """'14:30', '2:30pm', '2pm', '9.15' as a time of day; None if it is not one."""
    match = _TIME.fullmatch(text.strip().lower().replace(" ", ""))
    if match is None:
        return None
    hour, minute, half = int(match["hour"]), int(match["minute"] or 0), match["half"]
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    elif match["minute"] is None:
        return None  # '14' alone could be anything
    if hour > 23 or minute > 59:
        return None
    return dt.time(hour, minute)


def local_datetime(day: dt.date, time: dt.time) -> dt.datetime:
    """The moment a UK clock shows `time` on `day`, as an aware datetime (Europe/London)."""
    moment = dt.datetime.combine(day, time, tzinfo=LONDON)
    # A time the clocks skip comes back from a round trip through UTC as a different wall-clock time.
    round_trip = moment.astimezone(dt.UTC).astimezone(LONDON)
    if round_trip.replace(tzinfo=None) != moment.replace(tzinfo=None):
        raise NoSuchTime(
            f"The clocks go forward at 1am on {day.day} {day:%B %Y}, so {time:%H:%M} does not happen that day. "
            "Enter a time from 2am"
        )
    if moment.utcoffset() != moment.replace(fold=1).utcoffset():
        raise NoSuchTime(
            f"The clocks go back at 2am on {day.day} {day:%B %Y}, so {time:%H:%M} happens twice that day. "
            "Enter a time from 2am"
        )
    return moment


def in_london(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(LONDON)


def clock(moment: dt.datetime) -> str:
    """'10am', '2:30pm' on a UK clock."""
    local = in_london(moment)
    hour = local.hour % 12 or 12
    suffix = "am" if local.hour < 12 else "pm"
    return f"{hour}{suffix}" if local.minute == 0 else f"{hour}:{local:%M}{suffix}"


def when_words(starts_at: dt.datetime, ends_at: dt.datetime) -> str:
    """'Tuesday 10 November 2026, 10am to 11:30am' in UK time."""
    start = in_london(starts_at)
    return f"{start:%A} {start.day} {start:%B %Y}, {clock(starts_at)} to {clock(ends_at)}"
