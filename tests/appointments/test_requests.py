"""Alex proposes another time or asks for a change; Priya answers, once. Accepting a time moves the
appointment (with its checks and everyone's update); a refused answer saves nothing."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from livingplan.appointments import services
from livingplan.appointments.models import Appointment, AppointmentStatus, ChangeRequest, RequestStatus
from livingplan.notifications.models import OutboxMessage
from tests.appointments.conftest import at, book_conversation
from tests.personas import World

pytestmark = pytest.mark.usefixtures("september")
NOVEMBER_12 = dt.date(2026, 11, 12)


def alex_proposes(world: World, appointment: Appointment, hour: int = 14) -> ChangeRequest:
    return services.ask_to_change(
        appointment,
        by=world.alex,
        starts_at=at(NOVEMBER_12, hour),
        ends_at=at(NOVEMBER_12, hour + 1),
        reason="Mornings are hard for me.",
    )


def test_alex_proposes_a_time_and_priya_is_told_by_email(world: World) -> None:
    alex_proposes(world, book_conversation(world))
    told = OutboxMessage.objects.get(template_key="appointment_change_asked")
    assert (told.to_address, told.personalisation["person_first_name"]) == ("priya@example.org", "Alex")


def test_alex_may_ask_in_his_own_words_without_a_time(world: World) -> None:
    request = services.ask_to_change(book_conversation(world), by=world.alex, reason="Can Sam come too?")
    assert (request.status, request.proposed_starts_at) == (RequestStatus.OPEN, None)


def test_asking_for_nothing_is_refused(world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        services.ask_to_change(book_conversation(world), by=world.alex, reason="  ")
    assert refused.value.message_dict["reason"] == [
        "Enter what you would like to change, or a time that suits you better"
    ]


def test_a_proposed_time_in_the_past_is_refused(world: World) -> None:
    with pytest.raises(ValidationError, match="must start in the future"):
        services.ask_to_change(
            book_conversation(world),
            by=world.alex,
            starts_at=at(dt.date(2026, 9, 1), 10),
            ends_at=at(dt.date(2026, 9, 1), 11),
        )
    assert not ChangeRequest.objects.exists()


def test_sam_cannot_ask_to_change_alexs_appointment(world: World) -> None:
    with pytest.raises(PermissionDenied):
        services.ask_to_change(book_conversation(world), by=world.sam, reason="Later, please")


def test_priya_accepts_and_the_appointment_moves_to_alexs_time(world: World) -> None:
    appointment = book_conversation(world)
    services.answer_request(alex_proposes(world, appointment), by=world.priya, accept=True)
    appointment.refresh_from_db()
    assert (appointment.status, appointment.sequence, appointment.starts_at) == (
        AppointmentStatus.CHANGED,
        1,
        at(NOVEMBER_12, 14),
    )


def test_accepting_sends_everyone_the_update_and_alex_the_answer(world: World) -> None:
    services.answer_request(alex_proposes(world, book_conversation(world)), by=world.priya, accept=True)
    assert OutboxMessage.objects.filter(template_key="appointment_changed").count() == 4
    answer = OutboxMessage.objects.get(template_key="appointment_request_answered").personalisation["request_answer"]
    assert answer == "Your care coordinator has said yes. Everyone invited has been sent the new time."


def test_declining_needs_a_reason_and_tells_alex_it(world: World) -> None:
    request = alex_proposes(world, book_conversation(world))
    with pytest.raises(ValidationError):
        services.answer_request(request, by=world.priya, accept=False)
    services.answer_request(request, by=world.priya, accept=False, answer="Dr Jones is in clinic that afternoon.")
    answer = OutboxMessage.objects.get(template_key="appointment_request_answered").personalisation["request_answer"]
    assert answer.endswith("They said: Dr Jones is in clinic that afternoon.")


def test_a_request_is_answered_once(world: World) -> None:
    request = alex_proposes(world, book_conversation(world))
    services.answer_request(request, by=world.priya, accept=False, answer="Not that day.")
    with pytest.raises(ValidationError, match="already been answered"):
        services.answer_request(request, by=world.priya, accept=True)


def test_accepting_a_time_someone_is_busy_is_refused_and_the_request_stays_open(world: World) -> None:
    appointment = book_conversation(world)
    book_conversation(world, day=NOVEMBER_12, hour=14, everyone=False)  # Alex is busy then
    request = alex_proposes(world, appointment)
    with pytest.raises(ValidationError, match="already has an appointment"):
        services.answer_request(request, by=world.priya, accept=True)
    request.refresh_from_db()
    assert request.status == RequestStatus.OPEN


def test_dr_jones_cannot_answer(world: World) -> None:
    request = alex_proposes(world, book_conversation(world))
    with pytest.raises(PermissionDenied):
        services.answer_request(request, by=world.dr_jones, accept=True)
