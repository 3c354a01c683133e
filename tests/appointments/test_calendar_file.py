"""The .ics file: UK wall-clock time kept across the October and March clock changes, read back
through the file's own VTIMEZONE (as a calendar in another time zone would), and one UID whose
SEQUENCE rises with each update and cancellation."""

import datetime as dt

import icalendar
import pytest
import time_machine

from livingplan.appointments import ics, services
from livingplan.appointments.models import Appointment
from tests.appointments.conftest import CONVERSATION, at, book_conversation
from tests.personas import World

LINK = "https://livingplan.example/appointments/1/"


def parsed(
    appointment: Appointment, method: str = ics.REQUEST, attendee: ics.Attendee | None = None
) -> icalendar.Calendar:
    data = ics.calendar_file(
        appointment, method=method, participants=list(appointment.participants.all()), link=LINK, attendee=attendee
    )
    return icalendar.Calendar.from_ical(data)


def utc_by_the_files_own_rules(calendar: icalendar.Calendar, name: str = "dtstart") -> dt.datetime:
    """What a calendar that knows nothing of Europe/London makes of the time: the VTIMEZONE decides."""
    event = calendar.walk("VEVENT")[0]
    assert event[name].params["TZID"] == "Europe/London"
    rules = zone_rules(calendar)
    wall_clock = event.decoded(name).replace(tzinfo=None)
    return wall_clock.replace(tzinfo=rules).astimezone(dt.UTC)


def event_of(calendar: icalendar.Calendar) -> icalendar.Event:
    event = calendar.walk("VEVENT")[0]
    assert isinstance(event, icalendar.Event)
    return event


def zone_rules(calendar: icalendar.Calendar) -> dt.tzinfo:
    """The file's own VTIMEZONE as rules (dateutil's reading), not Python's Europe/London."""
    zone = calendar.walk("VTIMEZONE")[0]
    assert isinstance(zone, icalendar.Timezone)
    rules: dt.tzinfo = zone.to_tz(lookup_tzid=False)
    return rules


@pytest.mark.usefixtures("september")
def test_booked_in_summer_time_for_november_keeps_ten_oclock(world: World) -> None:
    calendar = parsed(book_conversation(world, day=dt.date(2026, 11, 10), hour=10))
    start = event_of(calendar).decoded("dtstart")
    assert (start.date(), start.time()) == (dt.date(2026, 11, 10), dt.time(10, 0))


@pytest.mark.usefixtures("september")
def test_after_the_october_change_ten_oclock_is_ten_utc(world: World) -> None:
    calendar = parsed(book_conversation(world, day=dt.date(2026, 11, 10), hour=10))
    assert utc_by_the_files_own_rules(calendar) == dt.datetime(2026, 11, 10, 10, 0, tzinfo=dt.UTC)


@pytest.mark.usefixtures("september")
def test_on_the_day_the_clocks_go_back_ten_oclock_is_ten_utc(world: World) -> None:
    calendar = parsed(book_conversation(world, day=dt.date(2026, 10, 25), hour=10))
    assert utc_by_the_files_own_rules(calendar) == dt.datetime(2026, 10, 25, 10, 0, tzinfo=dt.UTC)


@pytest.mark.usefixtures("september")
def test_the_day_before_the_clocks_go_back_ten_oclock_is_nine_utc(world: World) -> None:
    calendar = parsed(book_conversation(world, day=dt.date(2026, 10, 24), hour=10))
    assert utc_by_the_files_own_rules(calendar) == dt.datetime(2026, 10, 24, 9, 0, tzinfo=dt.UTC)


def test_booked_in_winter_for_after_the_march_change_keeps_ten_oclock(world: World) -> None:
    with time_machine.travel(dt.datetime(2027, 2, 10, 12, 0, tzinfo=dt.UTC), tick=True):
        calendar = parsed(book_conversation(world, day=dt.date(2027, 3, 29), hour=10))
    assert utc_by_the_files_own_rules(calendar) == dt.datetime(2027, 3, 29, 9, 0, tzinfo=dt.UTC)


def test_the_friday_before_the_march_change_is_still_greenwich_time(world: World) -> None:
    with time_machine.travel(dt.datetime(2027, 2, 10, 12, 0, tzinfo=dt.UTC), tick=True):
        calendar = parsed(book_conversation(world, day=dt.date(2027, 3, 26), hour=10))
    assert utc_by_the_files_own_rules(calendar, "dtend") == dt.datetime(2027, 3, 26, 11, 0, tzinfo=dt.UTC)


@pytest.mark.usefixtures("september")
def test_the_timezone_says_both_summer_and_winter_offsets(world: World) -> None:
    zone = parsed(book_conversation(world)).walk("VTIMEZONE")[0]
    offsets = {(part.name, str(part["TZOFFSETTO"].to_ical())) for part in zone.subcomponents}
    assert {("STANDARD", "+0000"), ("DAYLIGHT", "+0100")} <= offsets


@pytest.mark.usefixtures("september")
def test_an_update_is_the_same_event_with_the_next_sequence(world: World) -> None:
    appointment = book_conversation(world)
    changed = services.change_appointment(
        appointment,
        by=world.priya,
        details=CONVERSATION,
        starts_at=at(dt.date(2026, 11, 12), 14),
        ends_at=at(dt.date(2026, 11, 12), 15),
    )
    event = event_of(parsed(changed))
    assert (str(event["uid"]), event["sequence"]) == (appointment.uid, 1)


@pytest.mark.usefixtures("september")
def test_a_cancellation_is_the_same_event_cancelled(world: World) -> None:
    appointment = book_conversation(world)
    cancelled = services.cancel_appointment(appointment, by=world.priya, reason="Alex is in hospital")
    calendar = parsed(cancelled, method=ics.method_for(cancelled))
    event = event_of(calendar)
    said = (str(calendar["method"]), str(event["status"]), str(event["uid"]), event["sequence"])
    assert said == ("CANCEL", "CANCELLED", appointment.uid, 1)


@pytest.mark.usefixtures("september")
def test_a_participants_file_names_them_and_lists_the_others_by_name_only(world: World) -> None:
    calendar = parsed(book_conversation(world), attendee=ics.Attendee("Sam Carter", "sam@example.org"))
    event = event_of(calendar)
    assert str(event["attendee"]) == "mailto:sam@example.org"
    assert "Who: Alex Carter, Sam Carter, Priya Shah, Eleri Jones" in str(event["description"])


@pytest.mark.usefixtures("september")
def test_the_file_says_where_and_the_access_needs(world: World) -> None:
    event = event_of(parsed(book_conversation(world)))
    assert "Access needs: Step-free access" in str(event["description"])
    assert str(event["location"]) == "At home, 14 Mill Lane, Northbridge NB1 4QT"


@pytest.mark.usefixtures("september")
def test_the_files_timezone_agrees_with_the_uk_clock_every_half_hour_around_both_changes(world: World) -> None:
    rules = zone_rules(parsed(book_conversation(world)))
    disagreements = []
    for saturday in (dt.date(2026, 10, 24), dt.date(2027, 3, 27)):
        for step in range(2 * 24 * 2):
            day, hour, minute = saturday + dt.timedelta(days=step // 48), step % 48 // 2, 30 * (step % 2)
            wall_clock = dt.datetime.combine(day, dt.time(hour, minute), tzinfo=rules)
            try:
                expected = at(day, hour, minute)
            except ValueError:  # 1am to 2am on those Sundays: skipped in March, twice in October; refused
                continue
            if wall_clock.astimezone(dt.UTC) != expected:
                disagreements.append(wall_clock)
    assert disagreements == []
