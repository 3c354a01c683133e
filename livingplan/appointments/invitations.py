"""Every participant's invitation, update or cancellation, queued in the outbox inside the change's
transaction (ADR-030, ADR-036): a refused or rolled-back change sends nothing; a committed one
always has its messages. Each goes through the participant's own channel (`people.messaging`).

The key is the appointment's UID, its sequence and the participant: a change reissued for the
same sequence (a retried request) queues nothing twice, and each new sequence is a new message.
"""

from django.urls import reverse

from livingplan.appointments import ics, when
from livingplan.appointments.models import (
    Appointment,
    AppointmentParticipant,
    AppointmentStatus,
    ChangeRequest,
    ParticipantKind,
    RequestStatus,
)
from livingplan.notifications import outbox
from livingplan.notifications.recipients import Recipient
from livingplan.people import messaging

TEMPLATE_FOR = {
    AppointmentStatus.BOOKED: "appointment_booked",
    AppointmentStatus.CHANGED: "appointment_changed",
    AppointmentStatus.CANCELLED: "appointment_cancelled",
}


def page_path(appointment: Appointment) -> str:
    return reverse("appointments:appointment", args=[appointment.person_id, appointment.pk])


def recipient_for(participant: AppointmentParticipant) -> Recipient:
    if participant.kind == ParticipantKind.PERSON:
        return messaging.recipient_for_person(participant.appointment.person)
    if participant.kind == ParticipantKind.CIRCLE and participant.circle_member is not None:
        return messaging.recipient_for_circle_member(participant.circle_member)
    if participant.user is not None:
        return messaging.recipient_for_staff(participant.user)
    return Recipient(first_name=messaging.first_name(participant.name), name=participant.name)


def personalisation(
    appointment: Appointment,
    participant: AppointmentParticipant,
    to: Recipient,
    participants: list[AppointmentParticipant],
) -> dict[str, str]:
    person = appointment.person
    is_the_person = participant.kind == ParticipantKind.PERSON
    link = messaging.link(page_path(appointment))
    calendar = ics.calendar_file(
        appointment,
        method=ics.method_for(appointment),
        participants=participants,
        link=link,
        attendee=ics.Attendee(to.name or to.first_name, to.email),
    )
    return {
        "first_name": to.first_name,
        "plan_of": "your" if is_the_person else f"{person.name_to_use}'s",
        "plan_of_capital": "Your" if is_the_person else f"{person.name_to_use}'s",
        "appointment_what": appointment.get_kind_display().lower(),
        "appointment_when": when.when_words(appointment.starts_at, appointment.ends_at),
        "appointment_where": ics.where_words(appointment),
        "appointment_who": ", ".join(p.name for p in participants),
        "access_needs": "; ".join(ics.access_words(appointment)) or "None recorded",
        "link": link,
        "calendar_file": calendar.decode(),
    }


def send(appointment: Appointment) -> None:
    """Queue this sequence's message for every participant."""
    template = TEMPLATE_FOR[AppointmentStatus(appointment.status)]
    participants = list(
        appointment.participants.select_related("circle_member__user", "user", "appointment__person__user")
    )
    for participant in participants:
        to = recipient_for(participant)
        outbox.queue(
            template=template,
            to=to,
            personalisation=personalisation(appointment, participant, to, participants),
            key=f"appointment-{appointment.uid}-{appointment.sequence}-{participant.pk}",
            person_id=appointment.person_id,
        )


def _about(appointment: Appointment) -> dict[str, str]:
    return {
        "appointment_what": appointment.get_kind_display().lower(),
        "appointment_when": when.when_words(appointment.starts_at, appointment.ends_at),
        "link": messaging.link(page_path(appointment)),
    }


def tell_coordinator(request: ChangeRequest) -> None:
    """The person's coordinator (or whoever booked it, if they have none) hears of the request by email."""
    appointment = request.appointment
    person = appointment.person
    coordinators = [m.user for m in person.care_team.filter(is_coordinator=True, ended_on__isnull=True)]
    for user in coordinators or [appointment.booked_by]:
        outbox.queue(
            template="appointment_change_asked",
            to=messaging.recipient_for_staff(user),
            personalisation={**messaging.pronoun_fields(person), **_about(appointment), "first_name": user.first_name},
            key=f"appointment-request-{request.pk}-asked-{user.pk}",
            person_id=person.pk,
        )


def tell_answer(request: ChangeRequest) -> None:
    """The person hears the answer through their own channel."""
    appointment = request.appointment
    to = messaging.recipient_for_person(appointment.person)
    if request.status == RequestStatus.ACCEPTED:
        said = "Your care coordinator has said yes." + (
            " Everyone invited has been sent the new time." if request.proposed_starts_at else ""
        )
    else:
        said = "Your care coordinator has said it is not possible."
    if request.answer:
        said += f" They said: {request.answer}"
    outbox.queue(
        template="appointment_request_answered",
        to=to,
        personalisation={**_about(appointment), "first_name": to.first_name, "request_answer": said},
        key=f"appointment-request-{request.pk}-answered",
        person_id=appointment.person_id,
    )
