"""Booking an appointment: who may, and the refusals a coordinator meets (past, double-booked),
each with a clear message and nothing half-saved."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from livingplan.accounts.models import Role
from livingplan.appointments import services
from livingplan.appointments.models import (
    Appointment,
    AppointmentParticipant,
    AppointmentStatus,
    AppointmentStatusChange,
)
from livingplan.core.models import AuditEvent
from livingplan.people import services as people
from livingplan.people.models import CareTeamMember
from tests.appointments.conftest import CONVERSATION, at, book_conversation
from tests.personas import World, make_staff

pytestmark = pytest.mark.usefixtures("september")
NOVEMBER_10 = dt.date(2026, 11, 10)


def refusal(error: ValidationError, field: str) -> str:
    return " ".join(error.message_dict[field])


def test_priya_books_the_conversation_for_alex_sam_and_dr_jones(world: World) -> None:
    appointment = book_conversation(world)
    names = list(appointment.participants.values_list("name", flat=True))
    assert names == ["Alex Carter", "Sam Carter", "Priya Shah", "Eleri Jones"]


def test_a_booking_is_a_status_row_and_an_audit_event(world: World) -> None:
    appointment = book_conversation(world)
    rows = list(AppointmentStatusChange.objects.filter(appointment=appointment).values_list("to_status", "sequence"))
    assert rows == [(AppointmentStatus.BOOKED, 0)]
    assert AuditEvent.objects.filter(action="appointments.appointment.booked", person_id=world.alex_record.pk).exists()


def test_dr_jones_on_the_care_team_cannot_book(world: World) -> None:
    with pytest.raises(PermissionDenied):
        services.book_appointment(
            world.alex_record,
            by=world.dr_jones,
            details=CONVERSATION,
            starts_at=at(NOVEMBER_10, 10),
            ends_at=at(NOVEMBER_10, 11),
        )
    assert not Appointment.objects.exists()


def test_a_team_administrator_on_the_care_team_can_book(world: World) -> None:
    bea = make_staff("bea", "Bea", "Khan", world.council_a, Role.ADMINISTRATOR)
    people.add_care_team_member(world.alex_record, by=world.priya, user=bea, organisation=world.council_a)
    appointment = services.book_appointment(
        world.alex_record, by=bea, details=CONVERSATION, starts_at=at(NOVEMBER_10, 10), ends_at=at(NOVEMBER_10, 11)
    )
    assert appointment.booked_by == bea


def test_an_appointment_in_the_past_is_refused_and_nothing_is_saved(world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        book_conversation(world, day=dt.date(2026, 9, 1))
    assert refusal(refused.value, "start_time") == "The appointment must start in the future"
    assert not AppointmentParticipant.objects.exists()


def test_an_end_before_the_start_is_refused(world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        services.book_appointment(
            world.alex_record,
            by=world.priya,
            details=CONVERSATION,
            starts_at=at(NOVEMBER_10, 11),
            ends_at=at(NOVEMBER_10, 10),
        )
    assert refusal(refused.value, "end_time") == "End time must be after the start time"


def test_a_clinic_needs_its_address(world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        services.book_appointment(
            world.alex_record,
            by=world.priya,
            details=services.Details(kind="REVIEW", place="CLINIC"),
            starts_at=at(NOVEMBER_10, 10),
            ends_at=at(NOVEMBER_10, 11),
        )
    assert refusal(refused.value, "where_details") == "Enter the address of the clinic or office"


def test_alex_cannot_be_double_booked(world: World) -> None:
    book_conversation(world, everyone=False)
    with pytest.raises(ValidationError) as refused:
        book_conversation(world, hour=10, everyone=False)
    assert refusal(refused.value, "start_time") == (
        "Alex Carter already has an appointment from 10am to 11am on Tuesday 10 November 2026. Choose a different time"
    )


def test_the_refused_booking_saves_nothing(world: World) -> None:
    book_conversation(world)
    with pytest.raises(ValidationError):
        book_conversation(world)
    assert Appointment.objects.count() == 1
    assert AppointmentParticipant.objects.count() == 4


def test_dr_jones_busy_with_someone_else_is_named_not_the_other_person(world: World) -> None:
    other = people.register_person(
        by=world.priya, given_name="Robin", family_name="Fletcher", date_of_birth=dt.date(1960, 1, 1),
        lead_organisation=world.council_a,
    )  # fmt: skip
    people.add_care_team_member(other, by=world.priya, user=world.priya, organisation=world.council_a,
                                is_coordinator=True)  # fmt: skip
    people.add_care_team_member(other, by=world.priya, user=world.dr_jones, organisation=world.gp_practice)
    services.book_appointment(
        other, by=world.priya, details=CONVERSATION, starts_at=at(NOVEMBER_10, 10, 30), ends_at=at(NOVEMBER_10, 11),
        care_team=list(CareTeamMember.objects.filter(person=other, user=world.dr_jones)),
    )  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        services.book_appointment(
            world.alex_record, by=world.priya, details=CONVERSATION, starts_at=at(NOVEMBER_10, 10),
            ends_at=at(NOVEMBER_10, 11), care_team=list(CareTeamMember.objects.filter(person=world.alex_record)),
        )  # fmt: skip
    message = refusal(refused.value, "start_time")
    assert message.startswith("Eleri Jones already has an appointment from 10:30am to 11am")
    assert "Robin" not in message


def test_back_to_back_appointments_do_not_clash(world: World) -> None:
    book_conversation(world, hour=10)
    assert book_conversation(world, hour=11).pk


def test_a_cancelled_appointment_frees_the_time(world: World) -> None:
    first = book_conversation(world)
    services.cancel_appointment(first, by=world.priya, reason="Alex is unwell")
    assert book_conversation(world).pk != first.pk


def test_a_change_keeps_the_uid_and_raises_the_sequence(world: World) -> None:
    appointment = book_conversation(world)
    changed = services.change_appointment(
        appointment, by=world.priya, details=CONVERSATION, starts_at=at(NOVEMBER_10, 14), ends_at=at(NOVEMBER_10, 15)
    )
    cancelled = services.cancel_appointment(changed, by=world.priya)
    assert (changed.uid, changed.sequence, cancelled.sequence) == (appointment.uid, 1, 2)
    statuses = list(appointment.status_changes.values_list("to_status", flat=True))
    assert statuses == [AppointmentStatus.BOOKED, AppointmentStatus.CHANGED, AppointmentStatus.CANCELLED]


def test_a_cancelled_appointment_cannot_be_cancelled_again(world: World) -> None:
    appointment = services.cancel_appointment(book_conversation(world), by=world.priya)
    with pytest.raises(ValidationError):
        services.cancel_appointment(appointment, by=world.priya)
    assert appointment.status_changes.count() == 2


def test_moving_an_appointment_onto_itself_is_not_a_clash(world: World) -> None:
    appointment = book_conversation(world)
    moved = services.change_appointment(
        appointment, by=world.priya, details=CONVERSATION, starts_at=at(NOVEMBER_10, 10, 30),
        ends_at=at(NOVEMBER_10, 11, 30),
    )  # fmt: skip
    assert moved.status == AppointmentStatus.CHANGED
