"""The planning page (where the person is, and their preparation) and starting to plan."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.core.formpage import form_page
from livingplan.journeys import rules, services
from livingplan.journeys.forms import StartPlanningForm
from livingplan.journeys.presenters.planning import PlanningPage
from livingplan.journeys.views._load import person_for


@login_required
@require_safe
def planning(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = person_for(request, person_pk)
    page = PlanningPage.build(request.user, person)
    return render(request, "journeys/planning.jinja", {"person": person, "page": page})


@login_required
def start(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = person_for(request, person_pk)
    if not rules.may_start_planning(request.user, person):
        raise PermissionDenied
    initial = {"conversation_by": StartPlanningForm.suggested_date()}
    form = StartPlanningForm(request.POST if request.method == "POST" else None, initial=initial)

    def save(data: dict[str, Any]) -> object:
        return services.start_planning(person, by=request.user, audit=request.audit, **data)

    return form_page(
        request,
        form,
        template="journeys/start.jinja",
        save=save,
        success_url=reverse("journeys:planning", args=[person.pk]),
        success_message=f"Planning has started. {person.name_to_use} has been sent what to expect.",
        context={"person": person},
    )
