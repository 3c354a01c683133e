"""The person asks to change their appointment, and their coordinator answers: one guarded verb each.

A request is a row answered once (a guarded update from OPEN). Accepting a proposed time changes
the appointment through `change_appointment`, with its own checks (still in the future, nobody
double-booked) and the updated invitation to everyone; the coordinator is told by email when a
request comes in, the person when it is answered.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.appointments import invitations, rules
from livingplan.appointments.models import Appointment, ChangeRequest, RequestStatus
from livingplan.appointments.services import checks
from livingplan.appointments.services.booking import Details, change_appointment
from livingplan.core.audit_context import AuditContext, context_for
from livingplan.core.services import auditor

ASKED = "appointments.change_request.made"
ANSWERED = "appointments.change_request.answered"


@transaction.atomic
def ask_to_change(
    appointment: Appointment,
    *,
    by: User,
    reason: str = "",
    starts_at: dt.datetime | None = None,
    ends_at: dt.datetime | None = None,
    audit: AuditContext | None = None,
) -> ChangeRequest:
    """The person proposes another time and/or says what they want changed."""
    if not rules.can_ask_to_change(by, appointment):
        raise PermissionDenied("Only the person can ask to change their appointment, while it is going ahead.")
    reason = reason.strip()
    if (starts_at is None) != (ends_at is None):
        raise ValidationError({"start_time": "Enter the date, start time and end time you would like"})
    if starts_at is not None and ends_at is not None:
        checks.check_times(starts_at, ends_at)
    elif not reason:
        raise ValidationError({"reason": "Enter what you would like to change, or a time that suits you better"})
    request = ChangeRequest.objects.create(
        appointment=appointment,
        person_id=appointment.person_id,
        asked_by=by,
        proposed_starts_at=starts_at,
        proposed_ends_at=ends_at,
        reason=reason,
    )
    auditor.record(ASKED, audit=context_for(by, audit), person_id=appointment.person_id, obj=request,
                   detail={"proposes_time": starts_at is not None})  # fmt: skip
    invitations.tell_coordinator(request)
    return request


@transaction.atomic
def answer_request(
    request: ChangeRequest, *, by: User, accept: bool, answer: str = "", audit: AuditContext | None = None
) -> ChangeRequest:
    """Yes (a proposed time becomes the appointment's time) or no, with why; answered once."""
    appointment = request.appointment
    if not rules.can_answer(by, appointment):
        raise PermissionDenied("Only the person's coordinator or a team administrator can answer this.")
    answer = answer.strip()
    if not accept and not answer:
        raise ValidationError({"answer": "Enter why the change is not possible"})
    status = RequestStatus.ACCEPTED if accept else RequestStatus.DECLINED
    answered = ChangeRequest.objects.filter(pk=request.pk, status=RequestStatus.OPEN).update(
        status=status, answered_by=by, answered_at=timezone.now(), answer=answer[:1000]
    )
    if not answered:
        raise ValidationError("This request has already been answered")
    request.refresh_from_db()
    if accept and request.proposed_starts_at is not None and request.proposed_ends_at is not None:
        change_appointment(
            appointment,
            by=by,
            starts_at=request.proposed_starts_at,
            ends_at=request.proposed_ends_at,
            details=Details(
                kind=appointment.kind,
                place=appointment.place,
                where_details=appointment.where_details,
                access_needs=tuple(appointment.access_needs),
                access_other=appointment.access_other,
            ),
            note="The time the person asked for",
            audit=audit,
        )
    auditor.record(ANSWERED, audit=context_for(by, audit), person_id=appointment.person_id, obj=request,
                   detail={"status": status})  # fmt: skip
    invitations.tell_answer(request)
    return request
