"""Thin views: load through `visible_to` (anyone else gets a 404), check the rule, call one service.

Every page works without JavaScript: plain forms that post and redirect.
"""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.appointments import ics, presenters, rules, services, when
from livingplan.appointments.forms import ACCEPT, AnswerForm, AskForm, BookingForm, CancelForm, DetailsForm
from livingplan.appointments.models import Appointment, ChangeRequest
from livingplan.core.formpage import form_page
from livingplan.people import messaging
from livingplan.people.models import CareTeamMember, CircleMember, Person

FORM = "appointments/form.jinja"


def _person(request: AuthenticatedRequest, person_pk: int) -> Person:
    people = Person.objects.visible_to(request.user).select_related("communication_needs")
    return get_object_or_404(people, pk=person_pk)


def _appointment(request: AuthenticatedRequest, person_pk: int, pk: int) -> Appointment:
    found = Appointment.objects.visible_to(request.user).select_related("person__user")
    return get_object_or_404(found, person_id=person_pk, pk=pk)


def _bookable(request: AuthenticatedRequest, person_pk: int, pk: int) -> Appointment:
    appointment = _appointment(request, person_pk, pk)
    if not rules.can_book(request.user, appointment.person):
        raise PermissionDenied
    return appointment


def _details(data: dict[str, Any]) -> services.Details:
    return services.Details(
        kind=data["kind"],
        place=data["place"],
        where_details=data.get("where_details") or "",
        access_needs=tuple(data.get("access_needs") or ()),
        access_other=data.get("access_other") or "",
    )


def _page(
    request: AuthenticatedRequest,
    form: forms.Form,
    *,
    person: Person,
    title: str,
    save: Callable[[dict[str, Any]], object],
    done: str,
    back: str,
    button: str,
    lead: str = "",
) -> HttpResponse:
    context = {"person": person, "title": title, "back": back, "button_text": button, "lead": lead}
    return form_page(request, form, template=FORM, save=save, success_url=back, success_message=done, context=context)


@login_required
@require_safe
def appointment_list(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = _person(request, person_pk)
    return render(request, "appointments/list.jinja", presenters.appointments_page(person, request.user))


@login_required
@require_safe
def appointment(request: AuthenticatedRequest, person_pk: int, pk: int) -> HttpResponse:
    found = _appointment(request, person_pk, pk)
    return render(request, "appointments/appointment.jinja", presenters.appointment_page(found, request.user))


@login_required
@require_safe
def download(request: AuthenticatedRequest, person_pk: int, pk: int) -> HttpResponse:
    """The same event as the invitations (UID, SEQUENCE), published for anyone to add to a calendar."""
    found = _appointment(request, person_pk, pk)
    link = messaging.link(reverse("appointments:appointment", args=[person_pk, pk]))
    content = ics.calendar_file(found, method=ics.PUBLISH, participants=list(found.participants.all()), link=link)
    response = HttpResponse(content, content_type=f"{ics.MIME_TYPE}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{ics.filename(found)}"'
    return response


@login_required
def book(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = _person(request, person_pk)
    if not rules.can_book(request.user, person):
        raise PermissionDenied
    circle = {str(m.pk): m for m in CircleMember.objects.visible_to(request.user).filter(person=person)}
    team = {
        str(m.pk): m
        for m in CareTeamMember.objects.visible_to(request.user)
        .filter(person=person, ended_on__isnull=True)
        .select_related("user")
    }
    form = BookingForm(
        request.POST or None,
        circle=[(pk, f"{m.name} ({m.relationship})") for pk, m in circle.items()],
        care_team=[(pk, m.user.display_name) for pk, m in team.items()],
        initial={"care_team": [pk for pk, m in team.items() if m.user_id == request.user.pk]},
    )

    def save(data: dict[str, Any]) -> Appointment:
        return services.book_appointment(
            person,
            by=request.user,
            details=_details(data),
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            circle=[circle[pk] for pk in data.get("circle") or []],
            care_team=[team[pk] for pk in data.get("care_team") or []],
            audit=request.audit,
        )

    lead = f"{person.full_name} is always invited. Everyone invited gets an invitation the way they hear from us."
    back = reverse("appointments:list", args=[person.pk])
    done = "The appointment is booked. Everyone invited has been sent an invitation."
    return _page(request, form, person=person, title="Book an appointment", save=save, done=done, back=back,
                 button="Book and send invitations", lead=lead)  # fmt: skip


@login_required
def change(request: AuthenticatedRequest, person_pk: int, pk: int) -> HttpResponse:
    found = _bookable(request, person_pk, pk)
    start, end = when.in_london(found.starts_at), when.in_london(found.ends_at)
    initial = {"kind": found.kind, "place": found.place, "where_details": found.where_details,
               "access_needs": found.access_needs, "access_other": found.access_other, "day": start.date(),
               "start_time": start.strftime("%H:%M"), "end_time": end.strftime("%H:%M")}  # fmt: skip
    form = DetailsForm(request.POST or None, initial=initial)

    def save(data: dict[str, Any]) -> Appointment:
        return services.change_appointment(found, by=request.user, details=_details(data), starts_at=data["starts_at"],
                                           ends_at=data["ends_at"], audit=request.audit)  # fmt: skip

    done = "The appointment has changed. Everyone invited has been sent the update."
    back = reverse("appointments:appointment", args=[person_pk, pk])
    return _page(request, form, person=found.person, title="Change the appointment", save=save, done=done, back=back,
                 button="Save and send updates")  # fmt: skip


@login_required
def cancel(request: AuthenticatedRequest, person_pk: int, pk: int) -> HttpResponse:
    found = _bookable(request, person_pk, pk)

    def save(data: dict[str, Any]) -> Appointment:
        return services.cancel_appointment(found, by=request.user, reason=data["reason"], audit=request.audit)

    done = "The appointment is cancelled. Everyone invited has been told."
    back = reverse("appointments:appointment", args=[person_pk, pk])
    return _page(request, CancelForm(request.POST or None), person=found.person, title="Cancel the appointment",
                 save=save, done=done, back=back, button="Cancel the appointment")  # fmt: skip


@login_required
def ask(request: AuthenticatedRequest, person_pk: int, pk: int) -> HttpResponse:
    found = _appointment(request, person_pk, pk)
    if not rules.can_ask_to_change(request.user, found):
        raise PermissionDenied

    def save(data: dict[str, Any]) -> ChangeRequest:
        return services.ask_to_change(found, by=request.user, reason=data.get("reason") or "",
                                      starts_at=data.get("starts_at"), ends_at=data.get("ends_at"),
                                      audit=request.audit)  # fmt: skip

    done = "Your request has been sent. Your care coordinator will answer it."
    back = reverse("appointments:appointment", args=[person_pk, pk])
    lead = "Suggest a time that suits you better, tell us what you would like changed, or both."
    return _page(request, AskForm(request.POST or None), person=found.person, title="Ask to change your appointment",
                 save=save, done=done, back=back, button="Send my request", lead=lead)  # fmt: skip


@login_required
def answer(request: AuthenticatedRequest, person_pk: int, pk: int, request_pk: int) -> HttpResponse:
    found = _bookable(request, person_pk, pk)
    asked = get_object_or_404(ChangeRequest.objects.visible_to(request.user), appointment=found, pk=request_pk)

    def save(data: dict[str, Any]) -> ChangeRequest:
        return services.answer_request(asked, by=request.user, accept=data["decision"] == ACCEPT,
                                       answer=data.get("answer") or "", audit=request.audit)  # fmt: skip

    back = reverse("appointments:appointment", args=[person_pk, pk])
    return _page(request, AnswerForm(request.POST or None), person=found.person, title="Answer the request",
                 save=save, done="Your answer has been sent.", back=back, button="Send the answer",
                 lead=presenters.request_words(asked))  # fmt: skip
