"""The calendar file (.ics, RFC 5545 with iTIP methods) for one appointment, made with `icalendar`.

Times are written as UK wall-clock times (`DTSTART;TZID=Europe/London:20261110T100000`) with the
`VTIMEZONE` that says when the clocks change, so a calendar anywhere shows the time the UK clock
will show on the day, whatever the offset was when it was booked. The `UID` never changes and
`SEQUENCE` is the appointment's: a calendar replaces the event it holds on an update
(`METHOD:REQUEST`) and removes it on a cancellation (`METHOD:CANCEL`). The file downloaded from the
appointment page is the same event published (`METHOD:PUBLISH`), so importing it after an
invitation changes nothing.

Each participant's file names them as the one attendee: the others are listed by name in the
description, so nobody's email address is handed to everyone else.
"""

import datetime as dt
from dataclasses import dataclass
from email.utils import parseaddr

import icalendar
from django.conf import settings
from django.utils import timezone

from livingplan.appointments import when
from livingplan.appointments.models import AccessNeed, Appointment, AppointmentParticipant

REQUEST, CANCEL, PUBLISH = "REQUEST", "CANCEL", "PUBLISH"
PRODID = "-//Living Plan//Appointments//EN"
MIME_TYPE = "text/calendar"


@dataclass(frozen=True)
class Attendee:
    name: str
    email: str = ""


def filename(appointment: Appointment) -> str:
    return f"appointment-{when.in_london(appointment.starts_at):%Y-%m-%d}.ics"


def method_for(appointment: Appointment) -> str:
    return CANCEL if appointment.is_cancelled else REQUEST


def where_words(appointment: Appointment) -> str:
    """'At home, 14 Mill Lane': the kind of place and how to get there."""
    return ", ".join(filter(None, [appointment.get_place_display(), appointment.where_details]))


def access_words(appointment: Appointment) -> list[str]:
    needs = [AccessNeed(value).label for value in appointment.access_needs if value in AccessNeed.values]
    return needs + ([appointment.access_other] if appointment.access_other else [])


def _description(appointment: Appointment, participants: list[AppointmentParticipant], link: str) -> str:
    lines = [f"Who: {', '.join(p.name for p in participants)}"]
    if appointment.where_details:
        lines.append(f"Where: {appointment.get_place_display()}, {appointment.where_details}")
    if needs := access_words(appointment):
        lines.append(f"Access needs: {'; '.join(needs)}")
    lines.append(f"Details and changes: {link}")
    return "\n".join(lines)


def calendar_file(
    appointment: Appointment,
    *,
    method: str,
    participants: list[AppointmentParticipant],
    link: str,
    attendee: Attendee | None = None,
    now: dt.datetime | None = None,
) -> bytes:
    """The whole file, as bytes with CRLF line endings (what RFC 5545 and mail clients expect)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", method)
    event = icalendar.Event()
    event.add("uid", appointment.uid)
    event.add("sequence", appointment.sequence)
    event.add("dtstamp", (now or timezone.now()).astimezone(dt.UTC))
    event.add("dtstart", when.in_london(appointment.starts_at))
    event.add("dtend", when.in_london(appointment.ends_at))
    event.add("summary", f"{appointment.get_kind_display()} (Living Plan)")
    event.add("location", where_words(appointment))
    event.add("description", _description(appointment, participants, link))
    event.add("status", "CANCELLED" if appointment.is_cancelled else "CONFIRMED")
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)  # "Living Plan <no-reply@...>"
    organiser = icalendar.vCalAddress(f"mailto:{address}")
    organiser.params["cn"] = icalendar.vText(name or "Living Plan")
    event.add("organizer", organiser)
    if attendee is not None and attendee.email:
        address = icalendar.vCalAddress(f"mailto:{attendee.email}")
        address.params["cn"] = icalendar.vText(attendee.name)
        address.params["role"] = icalendar.vText("REQ-PARTICIPANT")
        event.add("attendee", address)
    calendar.add_component(event)
    # Only the clock changes around the appointment: a short VTIMEZONE that every client reads.
    year = when.in_london(appointment.starts_at).year
    calendar.add_missing_timezones(first_date=dt.date(year - 1, 1, 1), last_date=dt.date(year + 2, 1, 1))
    data: bytes = calendar.to_ical()
    return data
