"""A person's record and the trail of who has looked at it. Thin: load, audit, present."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.core.formpage import form_page
from livingplan.core.models import AuditEvent
from livingplan.people import services
from livingplan.people.forms import (
    AdvocacyForm,
    CapacityForm,
    CommunicationNeedsForm,
    LegalAuthorityForm,
    PersonDetailsForm,
)
from livingplan.people.models import (
    Advocacy,
    CapacityAssessment,
    CareTeamMember,
    CircleMember,
    CommunicationNeeds,
    LegalAuthority,
    Person,
)
from livingplan.people.presenters import RecordPage


def _person_for(request: AuthenticatedRequest, pk: int) -> Person:
    """The person, if this user may see them; otherwise a 404 that says nothing more."""
    return get_object_or_404(
        Person.objects.visible_to(request.user).select_related("lead_organisation", "gp_practice"), pk=pk
    )


def _editable_person(request: AuthenticatedRequest, pk: int) -> Person:
    person = _person_for(request, pk)
    if not services.can_edit_record(person, request.user):
        raise PermissionDenied
    return person


@login_required
def detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = _person_for(request, pk)
    services.record_person_viewed(person, by=request.user, request=request)
    user = request.user
    page = RecordPage(
        person=person,
        is_self=person.user_id == user.pk,
        can_edit=services.can_edit_record(person, request.user),
        care_team=list(
            CareTeamMember.objects.visible_to(user)
            .filter(person=person, ended_on__isnull=True)
            .select_related("user", "organisation")
        ),
        circle=list(CircleMember.objects.visible_to(user).filter(person=person)),
        communication=CommunicationNeeds.objects.visible_to(user).filter(person=person).first(),
        capacity=list(CapacityAssessment.objects.visible_to(user).filter(person=person).select_related("assessed_by")),
        advocacy=Advocacy.objects.visible_to(user).filter(person=person).first(),
        legal=list(LegalAuthority.objects.visible_to(user).filter(person=person)),
    )
    return render(request, "people/detail.jinja", {"person": person, "page": page})


@login_required
def who_has_looked(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Only the person sees this list: it is about them, and it is theirs to read."""
    person = _person_for(request, pk)
    if person.user_id != request.user.pk:
        raise Http404
    events = AuditEvent.objects.visible_to(request.user).about_person(person.pk).select_related("actor")
    return render(request, "people/who_has_looked.jinja", {"person": person, "events": events[:200]})


def _record_form(request: AuthenticatedRequest, person: Person, form: Any, *, title: str, save: Any) -> HttpResponse:
    return form_page(
        request,
        form,
        template="people/form.jinja",
        save=save,
        success_url=reverse("people:detail", args=[person.pk]),
        success_message=f"{title}: saved.",
        context={"person": person, "title": title},
    )


@login_required
def edit_details(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = _editable_person(request, pk)
    initial = {name: getattr(person, name) for name in services.PERSON_DETAIL_FIELDS if name != "gp_practice"}
    form = PersonDetailsForm(request.POST or None, initial=initial)

    def save(data: dict[str, Any]) -> Person:
        return services.update_person_details(person, by=request.user, request=request, **data)

    return _record_form(request, person, form, title="Personal details", save=save)


@login_required
def edit_communication(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = _editable_person(request, pk)
    current = CommunicationNeeds.objects.visible_to(request.user).filter(person=person).first() or CommunicationNeeds()
    initial = {f: getattr(current, f) for f in CommunicationNeedsForm.base_fields}
    form = CommunicationNeedsForm(request.POST or None, initial=initial)

    def save(data: dict[str, Any]) -> CommunicationNeeds:
        return services.set_communication_needs(person, by=request.user, request=request, **data)

    return _record_form(request, person, form, title="Communication and information needs", save=save)


@login_required
def add_capacity(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = _editable_person(request, pk)
    form = CapacityForm(request.POST or None)

    def save(data: dict[str, Any]) -> CapacityAssessment:
        return services.record_capacity_assessment(person, by=request.user, request=request, **data)

    return _record_form(request, person, form, title="Record a capacity assessment", save=save)


@login_required
def edit_advocacy(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = _editable_person(request, pk)
    current = Advocacy.objects.visible_to(request.user).filter(person=person).first() or Advocacy()
    form = AdvocacyForm(request.POST or None, initial={f: getattr(current, f) for f in AdvocacyForm.base_fields})

    def save(data: dict[str, Any]) -> Advocacy:
        return services.set_advocacy(person, by=request.user, request=request, **data)

    return _record_form(request, person, form, title="Advocacy", save=save)


@login_required
def add_legal_authority(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = _editable_person(request, pk)
    form = LegalAuthorityForm(request.POST or None)

    def save(data: dict[str, Any]) -> LegalAuthority:
        return services.add_legal_authority(person, by=request.user, request=request, **data)

    return _record_form(request, person, form, title="Add an attorney or deputy", save=save)
