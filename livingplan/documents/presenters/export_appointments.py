"""The person's appointments in the subject access export (ADR-036): `appointments.json`.

Read through `visible_to(viewer)` like the rest of the export, in a fixed number of queries (the
appointments, then their participants, history rows and change requests, each fetched once for
all of them), and shaped into plain keys: what each appointment is, where and when, access needs,
who was invited, how it changed, the calendar invitation's identity, and what the person asked to
change with the answer they were given.
"""

from typing import Any

from django.db.models import Prefetch

from livingplan.appointments.models import (
    AccessNeed,
    Appointment,
    AppointmentParticipant,
    AppointmentStatus,
    AppointmentStatusChange,
    ChangeRequest,
    Place,
)
from livingplan.core.viewer import Viewer
from livingplan.documents.presenters.export import iso, user_name
from livingplan.people.models import Person


def _participant(row: AppointmentParticipant) -> dict[str, Any]:
    return {"name": row.name, "kind": row.get_kind_display(), "signs_in_as": user_name(row.user)}


def _status_label(value: str) -> str | None:
    # The first row of every appointment has no "from": it is the booking.
    return AppointmentStatus(value).label if value else None


def _change(row: AppointmentStatusChange) -> dict[str, Any]:
    return {
        "from": _status_label(row.from_status),
        "to": _status_label(row.to_status),
        "calendar_sequence": row.sequence,
        "starts_at": iso(row.starts_at),
        "ends_at": iso(row.ends_at),
        "place": Place(row.place).label,
        "changed_by": user_name(row.changed_by),
        "changed_at": iso(row.changed_at),
        "note": row.note,
    }


def _request(row: ChangeRequest) -> dict[str, Any]:
    return {
        "asked_by": user_name(row.asked_by),
        "asked_at": iso(row.asked_at),
        "proposed_starts_at": iso(row.proposed_starts_at),
        "proposed_ends_at": iso(row.proposed_ends_at),
        "reason": row.reason,
        "status": row.get_status_display(),
        "answered_by": user_name(row.answered_by),
        "answered_at": iso(row.answered_at),
        "answer": row.answer,
    }


def _appointment(a: Appointment) -> dict[str, Any]:
    return {
        "kind": a.get_kind_display(),
        "place": a.get_place_display(),
        "where": a.where_details,
        "starts_at": iso(a.starts_at),
        "ends_at": iso(a.ends_at),
        "access_needs": [AccessNeed(need).label for need in a.access_needs],
        "other_access_needs": a.access_other,
        "status": a.get_status_display(),
        "booked_by": user_name(a.booked_by),
        "booked_at": iso(a.booked_at),
        # What a calendar knows the event by, and how many times it has been reissued.
        "calendar_uid": a.uid,
        "calendar_sequence": a.sequence,
        "who_was_invited": [_participant(p) for p in a.participants.all()],
        "status_history": [_change(c) for c in a.status_changes.all()],
        "asked_to_change": [_request(r) for r in a.requests.all()],
    }


def appointments_json(person: Person, *, viewer: Viewer) -> list[dict[str, Any]]:
    """Every appointment of the person's, oldest first, each with its people, history and requests."""
    appointments = (
        Appointment.objects.visible_to(viewer)
        .filter(person=person)
        .select_related("booked_by")
        # One call each: mixed Prefetch types in one call defeat the type checker's inference.
        .prefetch_related(
            Prefetch("participants", AppointmentParticipant.objects.visible_to(viewer).select_related("user"))
        )
        .prefetch_related(
            Prefetch(
                "status_changes",
                AppointmentStatusChange.objects.visible_to(viewer).select_related("changed_by"),
            )
        )
        .prefetch_related(
            Prefetch("requests", ChangeRequest.objects.visible_to(viewer).select_related("asked_by", "answered_by"))
        )
        .order_by("starts_at", "pk")
    )
    return [_appointment(a) for a in appointments]
