"""Loading for routes: always through `visible_to(user)`, and a 404 that says nothing more.

A part of the plan not shared with the caller does not exist for them (404), exactly as on
the web pages. Someone who may see a part but not change it gets a 403 (PermissionDenied).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404

from livingplan.accounts.models import User
from livingplan.api.errors import PlanNotStarted
from livingplan.people.models import Person
from livingplan.plans import rules
from livingplan.plans.models import Action, Outcome, Plan, PlanVersion
from livingplan.plans.sharing import action_is_shared, groups_visible_to, shared_actions


def person_for(user: User, person_id: int) -> Person:
    people = Person.objects.visible_to(user).select_related("plan", "communication_needs")
    return get_object_or_404(people, pk=person_id)


def plan_for(user: User, person_id: int) -> Plan:
    """The person's plan, with the person loaded alongside it, in one query."""
    person = get_object_or_404(Person.objects.visible_to(user).select_related("plan__review_lead"), pk=person_id)
    try:
        return person.plan
    except Plan.DoesNotExist:
        raise PlanNotStarted from None


def shared_plan_for(user: User, person_id: int, group: str) -> tuple[Plan, frozenset[str]]:
    """The plan and the caller's sharing groups; 404 unless `group` is shared with them."""
    plan = plan_for(user, person_id)
    groups = groups_visible_to(user, plan.person)
    if group not in groups:
        raise Http404
    return plan, groups


def editable_plan_for(user: User, person_id: int, group: str) -> Plan:
    plan, _ = shared_plan_for(user, person_id, group)
    if not rules.can_contribute(user, plan.person):
        raise PermissionDenied("Only the person, their circle and their care team can change this plan.")
    return plan


def outcome_for(user: User, plan: Plan, outcome_id: int) -> Outcome:
    outcomes = Outcome.objects.visible_to(user).filter(plan=plan, is_active=True).select_related("plan__person")
    return get_object_or_404(outcomes, pk=outcome_id)


def action_for(user: User, plan: Plan, action_id: int) -> Action:
    """An action the caller may see: a budget action with the budget not shared is not there (404)."""
    actions = Action.objects.visible_to(user).filter(plan=plan, outcome__is_active=True).select_related("plan__person")
    return get_object_or_404(shared_actions(actions, groups_visible_to(user, plan.person)), pk=action_id)


def require_shared_layer(user: User, plan: Plan, layer: str) -> None:
    """Nobody adds an action to a part of the plan not shared with them, such as the personal budget."""
    if not action_is_shared(layer, groups_visible_to(user, plan.person)):
        raise ValidationError({"layer": "Choose where the support comes from, from the parts of the plan you can see"})


def version_for(user: User, plan: Plan, number: int) -> PlanVersion:
    versions = PlanVersion.objects.visible_to(user).filter(plan=plan).select_related("agreed_by")
    return get_object_or_404(versions, number=number)
