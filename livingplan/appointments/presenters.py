"""What the appointment pages show, built from rows the view loaded through `visible_to`.

Times are UK clock times; statuses are tags; links appear only for what the viewer may do.
"""

from typing import Any

from django.urls import reverse
from django.utils import timezone

from livingplan.appointments import ics, rules, when
from livingplan.appointments.models import Appointment, AppointmentStatus, ChangeRequest, RequestStatus
from livingplan.core.presenters import datetime_short
from livingplan.core.viewer import Viewer
from livingplan.people import rules as people_rules
from livingplan.people.models import Person

STATUS_COLOURS = {
    AppointmentStatus.BOOKED: "blue",
    AppointmentStatus.CHANGED: "purple",
    AppointmentStatus.CANCELLED: "grey",
}
REQUEST_COLOURS = {RequestStatus.OPEN: "yellow", RequestStatus.ACCEPTED: "green", RequestStatus.DECLINED: "red"}


def _url(name: str, appointment: Appointment) -> str:
    return reverse(f"appointments:{name}", args=[appointment.person_id, appointment.pk])


def summary(appointment: Appointment) -> dict[str, Any]:
    """One appointment in a list or on a home page."""
    return {
        "title": appointment.get_kind_display(),
        "when": when.when_words(appointment.starts_at, appointment.ends_at),
        "where": ics.where_words(appointment),
        "status": appointment.get_status_display(),
        "status_colour": STATUS_COLOURS[AppointmentStatus(appointment.status)],
        "url": _url("appointment", appointment),
    }


def appointments_page(person: Person, viewer: Viewer) -> dict[str, Any]:
    now = timezone.now()
    rows = list(person.appointments.all())
    upcoming = [a for a in rows if not a.is_cancelled and a.ends_at >= now]
    others = [a for a in reversed(rows) if a.is_cancelled or a.ends_at < now]
    return {
        "person": person,
        "is_self": people_rules.is_the_person(viewer, person),
        "can_book": rules.can_book(viewer, person),
        "upcoming": [summary(a) for a in upcoming],
        "earlier": [summary(a) for a in others],
        "book_url": reverse("appointments:book", args=[person.pk]),
    }


def _request_row(request: ChangeRequest, viewer: Viewer) -> dict[str, Any]:
    proposed = ""
    if request.proposed_starts_at and request.proposed_ends_at:
        proposed = when.when_words(request.proposed_starts_at, request.proposed_ends_at)
    may_answer = request.is_open and rules.can_answer(viewer, request.appointment)
    return {
        "asked_at": datetime_short(request.asked_at),
        "proposed": proposed,
        "reason": request.reason,
        "status": request.get_status_display(),
        "status_colour": REQUEST_COLOURS[RequestStatus(request.status)],
        "answer": request.answer,
        "answered_at": datetime_short(request.answered_at),
        "answer_url": reverse(
            "appointments:answer", args=[request.appointment.person_id, request.appointment_id, request.pk]
        )
        if may_answer
        else "",
    }


def appointment_page(appointment: Appointment, viewer: Viewer) -> dict[str, Any]:
    person = appointment.person
    can_book = rules.can_book(viewer, person) and not appointment.is_cancelled
    history = [
        {
            "what": change.get_to_status_display(),
            "at": datetime_short(change.changed_at),
            "by": change.changed_by.display_name,
            "when": when.when_words(change.starts_at, change.ends_at),
            "note": change.note,
        }
        for change in appointment.status_changes.select_related("changed_by")
    ]
    return {
        "person": person,
        "appointment": summary(appointment),
        "is_self": people_rules.is_the_person(viewer, person),
        "is_cancelled": appointment.is_cancelled,
        "who": ", ".join(f"{p.name} ({p.get_kind_display().lower()})" for p in appointment.participants.all()),
        "access_needs": ics.access_words(appointment),
        "history": history,
        "requests": [_request_row(r, viewer) for r in appointment.requests.select_related("appointment")],
        "download_url": _url("download", appointment),
        "download_name": ics.filename(appointment),
        "change_url": _url("change", appointment) if can_book else "",
        "cancel_url": _url("cancel", appointment) if can_book else "",
        "ask_url": _url("ask", appointment) if rules.can_ask_to_change(viewer, appointment) else "",
        "list_url": reverse("appointments:list", args=[person.pk]),
    }


def next_appointment(person: Person) -> dict[str, Any] | None:
    """The person's next appointment that is going ahead, for their home page; None if there is none."""
    upcoming = person.appointments.exclude(status=AppointmentStatus.CANCELLED).filter(ends_at__gte=timezone.now())
    first = upcoming.order_by("starts_at").first()
    return summary(first) if first is not None else None


def request_words(request: ChangeRequest) -> str:
    """What the person asked, in a sentence, above the coordinator's answer."""
    parts = []
    if request.proposed_starts_at and request.proposed_ends_at:
        parts.append(f"They asked for {when.when_words(request.proposed_starts_at, request.proposed_ends_at)}.")
    if request.reason:
        parts.append(f"They said: \u201c{request.reason}\u201d")
    return " ".join(parts)
