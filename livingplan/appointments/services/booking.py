"""Booking, changing and cancelling an appointment: one guarded verb each (ADR-026, ADR-036).

Each verb guards (who may, what may follow what), checks the time (not past, nobody
double-booked), writes the appointment and an append-only status row, audits, and queues every
participant's invitation in the same transaction: refused input saves nothing, and a change that
commits always has its messages.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from livingplan.accounts.models import User
from livingplan.appointments import invitations, rules
from livingplan.appointments.models import (
    TRANSITIONS,
    Appointment,
    AppointmentParticipant,
    AppointmentStatus,
    AppointmentStatusChange,
    ParticipantKind,
)
from livingplan.appointments.services import checks
from livingplan.core.audit_context import AuditContext, context_for
from livingplan.core.services import auditor
from livingplan.people.models import CareTeamMember, CircleMember, Person

BOOKED = "appointments.appointment.booked"
CHANGED = "appointments.appointment.changed"
CANCELLED = "appointments.appointment.cancelled"
REFUSED = "Only the person's coordinator or a team administrator on their care team can book appointments."


@dataclass(frozen=True)
class Details:
    """What, where and the access needs: the parts of a booking besides its time and who comes."""

    kind: str
    place: str
    where_details: str = ""
    access_needs: Sequence[str] = field(default_factory=tuple)
    access_other: str = ""


def _participants(
    person: Person, circle: Sequence[CircleMember], care_team: Sequence[CareTeamMember]
) -> list[AppointmentParticipant]:
    if any(member.person_id != person.pk for member in circle) or any(
        member.person_id != person.pk or member.ended_on is not None for member in care_team
    ):
        raise ValidationError({"care_team": "Choose people from this person's circle and care team"})
    rows = [AppointmentParticipant(kind=ParticipantKind.PERSON, user_id=person.user_id, name=person.full_name)]
    rows += [
        AppointmentParticipant(kind=ParticipantKind.CIRCLE, circle_member=m, user_id=m.user_id, name=m.name)
        for m in circle
    ]
    seen: set[int] = set()
    for member in care_team:
        if member.user_id not in seen:  # one row per person, however many roles they hold on the team
            seen.add(member.user_id)
            rows.append(
                AppointmentParticipant(
                    kind=ParticipantKind.CARE_TEAM,
                    care_team_member=member,
                    user_id=member.user_id,
                    name=member.user.display_name,
                )
            )
    return rows


def _check_free(
    person: Person,
    rows: Sequence[AppointmentParticipant],
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    excluding: Appointment | None = None,
) -> None:
    user_ids = {row.user_id for row in rows if row.user_id is not None}
    checks.lock(person, user_ids)
    names: dict[int | str, str] = {row.user_id: row.name for row in rows if row.user_id is not None}
    names |= {row.circle_member_id: row.name for row in rows if row.circle_member_id is not None}
    checks.check_no_clash(
        person=person,
        users=user_ids,
        circle_member_ids=[row.circle_member_id for row in rows if row.circle_member_id is not None],
        starts_at=starts_at,
        ends_at=ends_at,
        names={**names, "person": person.full_name},
        excluding=excluding,
    )


def _record(appointment: Appointment, *, from_status: str, by: User, note: str = "") -> None:
    AppointmentStatusChange.objects.create(
        appointment=appointment,
        person_id=appointment.person_id,
        from_status=from_status,
        to_status=appointment.status,
        sequence=appointment.sequence,
        starts_at=appointment.starts_at,
        ends_at=appointment.ends_at,
        place=appointment.place,
        changed_by=by,
        note=note[:500],
    )


@transaction.atomic
def book_appointment(
    person: Person,
    *,
    by: User,
    details: Details,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    circle: Sequence[CircleMember] = (),
    care_team: Sequence[CareTeamMember] = (),
    audit: AuditContext | None = None,
) -> Appointment:
    """Book an appointment for `person` and send every participant an invitation."""
    if not rules.can_book(by, person):
        raise PermissionDenied(REFUSED)
    checks.check_details(
        kind=details.kind, place=details.place, where_details=details.where_details, access_needs=details.access_needs
    )
    checks.check_times(starts_at, ends_at)
    rows = _participants(person, circle, care_team)
    _check_free(person, rows, starts_at, ends_at)
    appointment = Appointment.objects.create(
        person=person,
        kind=details.kind,
        place=details.place,
        where_details=details.where_details.strip(),
        starts_at=starts_at,
        ends_at=ends_at,
        access_needs=sorted(set(details.access_needs)),
        access_other=details.access_other.strip(),
        uid=Appointment.new_uid(),
        booked_by=by,
    )
    for row in rows:
        row.appointment, row.person_id = appointment, person.pk
    AppointmentParticipant.objects.bulk_create(rows)
    _record(appointment, from_status="", by=by)
    auditor.record(
        BOOKED,
        audit=context_for(by, audit),
        person_id=person.pk,
        obj=appointment,
        detail={"kind": appointment.kind, "participants": len(rows)},
    )
    invitations.send(appointment)
    return appointment


def _move(appointment: Appointment, to_status: str) -> str:
    """Declared transitions only; a second cancel or a change to a cancelled appointment is refused."""
    if to_status not in TRANSITIONS[appointment.status]:
        raise ValidationError("This appointment has been cancelled. Book a new one instead")
    before = appointment.status
    appointment.status = to_status
    appointment.sequence += 1
    return before


@transaction.atomic
def change_appointment(
    appointment: Appointment,
    *,
    by: User,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    details: Details,
    note: str = "",
    audit: AuditContext | None = None,
) -> Appointment:
    """A new time, place or access needs: the same calendar event, reissued with the next sequence."""
    appointment = Appointment.objects.select_for_update().get(pk=appointment.pk)
    if not rules.can_book(by, appointment.person):
        raise PermissionDenied(REFUSED)
    checks.check_details(
        kind=details.kind, place=details.place, where_details=details.where_details, access_needs=details.access_needs
    )
    checks.check_times(starts_at, ends_at)
    _check_free(appointment.person, list(appointment.participants.all()), starts_at, ends_at, excluding=appointment)
    before = _move(appointment, AppointmentStatus.CHANGED)
    appointment.kind, appointment.place = details.kind, details.place
    appointment.where_details, appointment.access_other = details.where_details.strip(), details.access_other.strip()
    appointment.access_needs = sorted(set(details.access_needs))
    appointment.starts_at, appointment.ends_at = starts_at, ends_at
    appointment.save()
    _record(appointment, from_status=before, by=by, note=note)
    auditor.record(CHANGED, audit=context_for(by, audit), person_id=appointment.person_id, obj=appointment,
                   detail={"sequence": appointment.sequence})  # fmt: skip
    invitations.send(appointment)
    return appointment


@transaction.atomic
def cancel_appointment(
    appointment: Appointment, *, by: User, reason: str = "", audit: AuditContext | None = None
) -> Appointment:
    """Cancel it for everyone: each participant's calendar is told to remove the same event."""
    appointment = Appointment.objects.select_for_update().get(pk=appointment.pk)
    if not rules.can_book(by, appointment.person):
        raise PermissionDenied(REFUSED)
    before = _move(appointment, AppointmentStatus.CANCELLED)
    appointment.save(update_fields=["status", "sequence"])
    _record(appointment, from_status=before, by=by, note=reason)
    auditor.record(CANCELLED, audit=context_for(by, audit), person_id=appointment.person_id, obj=appointment,
                   detail={"sequence": appointment.sequence})  # fmt: skip
    invitations.send(appointment)
    return appointment
