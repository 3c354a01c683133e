"""Loading helpers every plan view uses: through visible_to, or a 404 that says nothing more;
and the page for a change refused because the plan moved on."""

import datetime as dt

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.people.models import Person
from livingplan.plans.models import Plan
from livingplan.plans.sharing import groups_visible_to


def person_for(request: AuthenticatedRequest, person_pk: int) -> Person:
    """The person, with their plan, through the one visibility rule."""
    people = Person.objects.visible_to(request.user).select_related("lead_organisation", "communication_needs", "plan")
    return get_object_or_404(people, pk=person_pk)


def plan_for(request: AuthenticatedRequest, person_pk: int) -> Plan:
    return get_object_or_404(Plan.objects.visible_to(request.user).select_related("person"), person_id=person_pk)


def require_group(request: AuthenticatedRequest, plan: Plan, group: str) -> frozenset[str]:
    """The viewer's sharing groups; a part of the plan not shared with them does not exist for them."""
    groups = groups_visible_to(request.user, plan.person)
    if group not in groups:
        raise Http404
    return groups


def today() -> dt.date:
    return timezone.localdate()


def stale_edit_page(request: AuthenticatedRequest, plan: Plan, *, back: str | None = None) -> HttpResponse:
    """409 for a button (not a form with words to keep) pressed on a plan that changed since it was shown."""
    context = {"person": plan.person, "plan": plan, "back": back or reverse("plans:plan", args=[plan.person_id])}
    return render(request, "plans/stale.jinja", context, status=409)
