"""Priya books Alex's planning conversation and everyone receives an invitation through their own
channel, drained through the real GOV.UK Notify client against the loopback stub: an email with the
calendar link (and, on the plain email channel, the .ics itself), a text with only a first name and
when, a letter in words. Changes and cancellations reuse the same UID with a rising SEQUENCE."""

import datetime as dt
import re
from collections.abc import Callable

import icalendar
import pytest
from django.core import mail
from django.test import Client
from pytest_django.fixtures import Settings as SettingsWrapper

from livingplan.appointments import services
from livingplan.appointments.models import Appointment
from livingplan.notifications import outbox
from livingplan.notifications.models import OutboxMessage
from livingplan.people import services as people
from livingplan.people.models import ContactChannel
from tests.appointments.conftest import CONVERSATION, at, book_conversation
from tests.notifications.notify_stub import Accepted, NotifyStub
from tests.personas import World

pytestmark = pytest.mark.usefixtures("september")
WHEN = "Tuesday 10 November 2026, 10am to 11am"


def alex_by(world: World, channel: str) -> None:
    people.update_person_details(
        world.alex_record,
        by=world.priya,
        phone="07700 900123",
        address="14 Mill Lane\nNorthbridge",
        postcode="NB1 4QT",
    )
    people.set_communication_needs(world.alex_record, by=world.alex, preferred_channel=channel)


def sent(stub: NotifyStub) -> dict[str, Accepted]:
    """What Notify took, by address (an email address, a mobile number, or a letter's first line)."""
    found = {}
    for accepted in stub.accepted:
        payload = accepted.payload
        address = payload.get("email_address") or payload.get("phone_number")
        found[address or payload["personalisation"]["address_line_1"]] = accepted
    return found


def calendar_for(appointment: Appointment, email: str) -> icalendar.Calendar:
    row = OutboxMessage.objects.get(template_key="appointment_booked", to_address=email)
    return icalendar.Calendar.from_ical(row.personalisation["calendar_file"])


def event(calendar: icalendar.Calendar) -> icalendar.Component:
    return calendar.walk("VEVENT")[0]


def test_priya_books_the_conversation_and_everyone_receives_it(world: World, notify_stub: NotifyStub) -> None:
    alex_by(world, ContactChannel.TEXT)
    book_conversation(world)
    outbox.deliver_due()
    assert sorted(sent(notify_stub)) == ["07700900123", "drjones@example.org", "priya@example.org", "sam@example.org"]


def test_alexs_text_says_only_his_first_name_and_when(world: World, notify_stub: NotifyStub) -> None:
    alex_by(world, ContactChannel.TEXT)
    book_conversation(world)
    outbox.deliver_due()
    text = sent(notify_stub)["07700900123"].payload["personalisation"]["body"]
    assert text == f"Hello Alex. You have an appointment on {WHEN}. Sign in to Living Plan for the details."


@pytest.mark.parametrize("email", ["sam@example.org", "priya@example.org", "drjones@example.org"])
def test_each_email_says_what_when_where_who_and_links_to_the_calendar_file(
    world: World, notify_stub: NotifyStub, email: str
) -> None:
    alex_by(world, ContactChannel.TEXT)
    appointment = book_conversation(world)
    outbox.deliver_due()
    words = sent(notify_stub)[email].payload["personalisation"]
    assert words["subject"] == "Invitation: Alex's planning conversation"
    assert (
        f"When: {WHEN}\nWhere: At home, 14 Mill Lane, Northbridge NB1 4QT\n"
        "Who is coming: Alex Carter, Sam Carter, Priya Shah, Eleri Jones\nAccess needs: Step-free access"
    ) in words["body"]
    assert f"/people/{appointment.person_id}/appointments/{appointment.pk}/" in words["body"]


@pytest.mark.parametrize("email", ["sam@example.org", "priya@example.org", "drjones@example.org"])
def test_each_participants_calendar_file_is_the_event_addressed_to_them(
    world: World, notify_stub: NotifyStub, email: str
) -> None:
    appointment = book_conversation(world)
    outbox.deliver_due()
    calendar = calendar_for(appointment, email)
    found = event(calendar)
    start = found.decoded("dtstart")
    said = (str(calendar["method"]), str(found["uid"]), found["sequence"], str(found["attendee"]))
    assert said == ("REQUEST", appointment.uid, 0, f"mailto:{email}")
    assert (start.date(), start.time(), found["dtstart"].params["TZID"]) == (
        dt.date(2026, 11, 10),
        dt.time(10, 0),
        "Europe/London",
    )


@pytest.mark.parametrize("persona", ["alex", "sam", "priya", "dr.jones"])
def test_everyone_invited_can_download_the_calendar_file_from_the_link(
    world: World, notify_stub: NotifyStub, client_for: Callable[[str], Client], persona: str
) -> None:
    alex_by(world, ContactChannel.EMAIL)
    appointment = book_conversation(world)
    outbox.deliver_due()
    mine = OutboxMessage.objects.get(template_key="appointment_booked", recipient_user_id=world.persona(persona).pk)
    body = mine.personalisation["link"]
    page = client_for(persona).get(re.sub(r"^https?://[^/]+", "", body))
    download = re.search(r'href="([^"]+\.ics)"', page.content.decode())
    assert download is not None
    calendar = icalendar.Calendar.from_ical(client_for(persona).get(download.group(1)).content)
    assert str(event(calendar)["uid"]) == appointment.uid


def test_on_the_plain_email_channel_the_ics_is_attached(world: World, settings: SettingsWrapper) -> None:
    settings.NOTIFICATIONS_PROVIDER = "email"
    book_conversation(world)
    outbox.deliver_due()
    attached = {message.to[0]: message.attachments[0] for message in mail.outbox if message.attachments}
    name, content, mime_type = attached["sam@example.org"]
    assert (name, mime_type) == ("invitation.ics", "text/calendar; method=REQUEST")
    assert 'ATTENDEE;CN="Sam Carter";ROLE=REQ-PARTICIPANT:mailto:sam@example.org' in content.replace("\r\n ", "")


def test_alex_who_asked_for_letters_gets_the_words_by_post(world: World, notify_stub: NotifyStub) -> None:
    alex_by(world, ContactChannel.LETTER)
    book_conversation(world)
    outbox.deliver_due()
    letter = sent(notify_stub)["Alex Carter"].payload["personalisation"]
    assert letter["body"].startswith(f"Dear Alex,\n\nYou are invited to your planning conversation.\n\nWhen: {WHEN}")


def test_a_change_is_sent_to_everyone_as_the_same_event_with_the_next_sequence(
    world: World, notify_stub: NotifyStub
) -> None:
    appointment = book_conversation(world)
    services.change_appointment(
        appointment,
        by=world.priya,
        details=CONVERSATION,
        starts_at=at(dt.date(2026, 11, 12), 14),
        ends_at=at(dt.date(2026, 11, 12), 15),
    )
    outbox.deliver_due()
    changed = [a for a in notify_stub.accepted if a.payload["personalisation"].get("subject", "").startswith("Changed")]
    assert len(changed) == 4  # all four by email: Alex at the address he signs in with
    found = event(icalendar.Calendar.from_ical(
        OutboxMessage.objects.get(template_key="appointment_changed", to_address="sam@example.org")
        .personalisation["calendar_file"]
    ))  # fmt: skip
    assert (str(found["uid"]), found["sequence"]) == (appointment.uid, 1)


def test_a_cancellation_tells_calendars_to_remove_the_same_event(world: World, notify_stub: NotifyStub) -> None:
    appointment = book_conversation(world)
    services.cancel_appointment(appointment, by=world.priya, reason="Alex is in hospital")
    outbox.deliver_due()
    row = OutboxMessage.objects.get(template_key="appointment_cancelled", to_address="sam@example.org")
    calendar = icalendar.Calendar.from_ical(row.personalisation["calendar_file"])
    said = (str(calendar["method"]), str(event(calendar)["uid"]), event(calendar)["sequence"])
    assert said == ("CANCEL", appointment.uid, 1)


def test_the_cancellation_does_not_say_why(world: World, notify_stub: NotifyStub) -> None:
    appointment = book_conversation(world)
    services.cancel_appointment(appointment, by=world.priya, reason="Alex is in hospital")
    outbox.deliver_due()
    words = [str(a.payload["personalisation"]) for a in notify_stub.accepted]
    assert not [w for w in words if "hospital" in w]


def test_a_refused_booking_queues_nothing(world: World) -> None:
    book_conversation(world)
    queued = OutboxMessage.objects.count()
    with pytest.raises(Exception, match="already has an appointment"):
        book_conversation(world)
    assert OutboxMessage.objects.count() == queued
