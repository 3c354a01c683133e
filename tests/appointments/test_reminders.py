"""The day before Alex's planning conversation, everyone invited whom we can reach by email or text
is reminded, once; nobody is reminded before 9am, by post, or about a cancelled appointment."""

import datetime as dt

import pytest
import time_machine

from livingplan.appointments import reminders, services
from livingplan.notifications import texts
from livingplan.notifications.models import OutboxMessage
from livingplan.people import services as people
from livingplan.people.models import ContactChannel, CoordinatorTask
from tests.appointments.conftest import CONVERSATION, book_conversation
from tests.personas import World

pytestmark = pytest.mark.usefixtures("september")
CONVERSATION_DAY = dt.date(2026, 11, 10)  # a Tuesday, after the clocks went back on 25 October


def _on_monday(hour: int, minute: int = 0) -> time_machine.travel:
    return time_machine.travel(dt.datetime(2026, 11, 9, hour, minute, tzinfo=dt.UTC), tick=False)


def _reminded() -> dict[str, OutboxMessage]:
    return {m.to_address: m for m in OutboxMessage.objects.filter(template_key="appointment_reminder")}


def test_everyone_invited_is_reminded_the_day_before_once(world: World) -> None:
    people.update_person_details(world.alex_record, by=world.priya, email="alex@example.org")
    book_conversation(world, CONVERSATION_DAY)

    with _on_monday(10):
        first = reminders.remind_about_appointments()
        again = reminders.remind_about_appointments()

    sent = _reminded()
    assert "alex@example.org" in sent
    assert world.priya.email in sent
    assert first == len(sent)
    assert again == 0, "never twice"
    message = sent["alex@example.org"]
    words = texts.render("appointment_reminder", message.channel, message.personalisation)
    assert words.subject == "Tomorrow: your planning conversation"
    assert "When: Tuesday 10 November 2026, 10am to 11am" in words.body


def test_nobody_is_reminded_before_nine_in_the_morning(world: World) -> None:
    book_conversation(world, CONVERSATION_DAY)

    with _on_monday(8, 59):
        assert reminders.remind_about_appointments() == 0

    assert not _reminded()


def test_a_cancelled_appointment_is_not_reminded(world: World) -> None:
    appointment = book_conversation(world, CONVERSATION_DAY)
    services.cancel_appointment(appointment, by=world.priya, reason="Alex is in hospital")

    with _on_monday(10):
        assert reminders.remind_about_appointments() == 0


def test_someone_who_chose_letters_is_not_reminded_by_email_and_nobody_is_asked_to_call(world: World) -> None:
    people.update_person_details(
        world.alex_record, by=world.priya, address="14 Mill Lane\nNorthbridge", postcode="NB1 4QT"
    )
    people.set_communication_needs(world.alex_record, by=world.alex, preferred_channel=ContactChannel.LETTER)
    book_conversation(world, CONVERSATION_DAY)

    with _on_monday(10):
        reminders.remind_about_appointments()

    reminders_sent = OutboxMessage.objects.filter(template_key="appointment_reminder")
    assert reminders_sent.exists(), "the others invited were reminded"
    assert not reminders_sent.filter(recipient_user_id=world.alex.pk).exists(), "Alex chose letters: not by email"
    assert not reminders_sent.exclude(channel__in=["EMAIL", "SMS"]).exists(), "nothing by post, nothing undeliverable"
    assert not CoordinatorTask.objects.filter(person=world.alex_record).exists()


def test_a_time_moved_after_the_reminder_is_reminded_again(world: World) -> None:
    people.update_person_details(world.alex_record, by=world.priya, email="alex@example.org")
    appointment = book_conversation(world, CONVERSATION_DAY)
    with _on_monday(10):
        reminders.remind_about_appointments()
        moved = services.change_appointment(
            appointment,
            by=world.priya,
            details=CONVERSATION,
            starts_at=appointment.starts_at + dt.timedelta(hours=3),
            ends_at=appointment.ends_at + dt.timedelta(hours=3),
        )
        reminders.remind_about_appointments()

    to_alex = OutboxMessage.objects.filter(template_key="appointment_reminder", to_address="alex@example.org")
    assert to_alex.count() == 2
    latest = to_alex.order_by("-pk").first()
    assert latest is not None
    assert "1pm to 2pm" in texts.render("appointment_reminder", latest.channel, latest.personalisation).body
    assert moved.sequence == 1
