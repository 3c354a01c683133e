"""A person's record and the trail of who has looked at it. Thin: load, audit, present."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.core.models import AuditEvent
from livingplan.people import services
from livingplan.people.models import CareTeamMember, CircleMember, Person


def _person_for(request: AuthenticatedRequest, pk: int) -> Person:
    """The person, if this user may see them; otherwise a 404 that says nothing more."""
    return get_object_or_404(Person.objects.visible_to(request.user).select_related("lead_organisation"), pk=pk)


@login_required
def detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = _person_for(request, pk)
    services.record_person_viewed(person, by=request.user, request=request)
    context = {
        "person": person,
        "is_self": person.user_id == request.user.pk,
        "care_team": CareTeamMember.objects.visible_to(request.user)
        .filter(person=person, ended_on__isnull=True)
        .select_related("user", "organisation"),
        "circle": CircleMember.objects.visible_to(request.user).filter(person=person),
    }
    return render(request, "people/detail.jinja", context)


@login_required
def who_has_looked(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Only the person sees this list: it is about them, and it is theirs to read."""
    person = _person_for(request, pk)
    if person.user_id != request.user.pk:
        raise Http404
    events = AuditEvent.objects.visible_to(request.user).about_person(person.pk).select_related("actor")
    return render(request, "people/who_has_looked.jinja", {"person": person, "events": events[:200]})
