"""Thin views for drafting: load the person through `visible_to` and require the BUDGET part
(anyone else gets a 404), check the rule, call one service. Every form page is one `Spec` and a
`save` on `core/formpage.form_page`. Every page works without JavaScript."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.budgets import forms as budget_forms
from livingplan.budgets import rules, services
from livingplan.budgets.models import Budget, SupportLine
from livingplan.budgets.presenters.page import budget_page, current_budget
from livingplan.core.formpage import form_page
from livingplan.people.models import Person
from livingplan.plans.models import Outcome

Save = Callable[[dict[str, Any]], object]


@dataclass(frozen=True)
class Spec:
    """What a form page says: its heading, its button, what it says once saved, and a lead line."""

    title: str
    button: str
    done: str
    lead: str = ""
    template: str = "budgets/form.jinja"


def person_for(request: AuthenticatedRequest, person_pk: int) -> Person:
    people = Person.objects.visible_to(request.user).select_related("lead_organisation")
    person = get_object_or_404(people, pk=person_pk)
    if not rules.can_see(request.user, person):
        raise Http404
    return person


def drafting(request: AuthenticatedRequest, person_pk: int) -> tuple[Person, Budget]:
    person = person_for(request, person_pk)
    if not rules.can_draft(request.user, person):
        raise PermissionDenied
    budget = current_budget(person, request.user)
    if budget is None:
        raise Http404
    return person, budget


def page(
    request: AuthenticatedRequest,
    form: forms.Form,
    *,
    person: Person,
    spec: Spec,
    save: Save,
    back: str = "",
    context: dict[str, Any] | None = None,
) -> HttpResponse:
    """A budget's form page; saved, it goes back to the budget (or `back`)."""
    back = back or reverse("budgets:budget", args=[person.pk])
    shown = {
        "person": person,
        "caption": person.full_name,
        "title": spec.title,
        "lead": spec.lead,
        "back": back,
        "button_text": spec.button,
        **(context or {}),
    }
    return form_page(
        request, form, template=spec.template, save=save, success_url=back, success_message=spec.done, context=shown
    )


START = Spec("Start a personal budget", "Start the budget", "Budget started")
ADD_LINE = Spec("Add costed support", "Add the support", "Support added")
CHANGE_LINE_LEAD = (
    "The line as it is now ends today and the changed one starts today: both stay in the budget's history."
)
FUNDING = Spec("Add who funds it", "Add the funding", "Funding added")
ROUTE = Spec("Add how it is spent", "Add", "Added")
DETAILS = Spec("Contribution, advice and involvement", "Save", "Saved")


@login_required
@require_safe
def budget(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = person_for(request, person_pk)
    return render(request, "budgets/budget.jinja", budget_page(person, request.user))


@login_required
def start(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = person_for(request, person_pk)
    if not rules.can_draft(request.user, person):
        raise PermissionDenied
    form = budget_forms.StartForm(request.POST or None)

    def save(data: dict[str, Any]) -> Budget:
        return services.start_budget(
            person, by=request.user, indicative_pence=data["indicative"], basis=data["basis"], audit=request.audit
        )

    return page(request, form, person=person, spec=START, save=save)


def _outcome_choices(request: AuthenticatedRequest, budget: Budget) -> list[tuple[str, str]]:
    outcomes = Outcome.objects.visible_to(request.user).filter(plan_id=budget.plan_id, is_active=True)
    return [(str(o.pk), o.text) for o in outcomes]


def _line_details(data: dict[str, Any]) -> services.LineDetails:
    return services.LineDetails(
        what=data["what"],
        provider=data["provider"],
        unit=data["unit"],
        unit_cost_pence=data["unit_cost"],
        quantity=data["quantity"],
        outcome_ids=[int(pk) for pk in data["outcomes"]],
    )


@login_required
def add_line(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person, found = drafting(request, person_pk)
    form = budget_forms.LineForm(request.POST or None, outcomes=_outcome_choices(request, found))

    def save(data: dict[str, Any]) -> SupportLine:
        return services.add_line(found, by=request.user, details=_line_details(data), audit=request.audit)

    return page(request, form, person=person, spec=ADD_LINE, save=save)


@login_required
def change_line(request: AuthenticatedRequest, person_pk: int, pk: int) -> HttpResponse:
    person, found = drafting(request, person_pk)
    line = get_object_or_404(SupportLine.objects.visible_to(request.user).current(), budget=found, pk=pk)
    initial = {
        "what": line.what,
        "provider": line.provider,
        "unit": line.unit,
        "unit_cost": f"{line.unit_cost_pence / 100:.2f}",
        "quantity": line.quantity,
        "outcomes": [str(pk) for pk in line.outcome_links.values_list("outcome_id", flat=True)],
    }
    form = budget_forms.LineForm(request.POST or None, outcomes=_outcome_choices(request, found), initial=initial)

    def save(data: dict[str, Any]) -> SupportLine:
        return services.change_line(line, by=request.user, details=_line_details(data), audit=request.audit)

    spec = Spec(f"Change: {line.what}", "Save the change", "Support changed", lead=CHANGE_LINE_LEAD)
    return page(request, form, person=person, spec=spec, save=save)


@login_required
def set_funding(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person, found = drafting(request, person_pk)
    form = budget_forms.FundingForm(request.POST or None)

    def save(data: dict[str, Any]) -> object:
        return services.set_funding(
            found, by=request.user, kind=data["kind"], yearly_pence=data["yearly"], audit=request.audit
        )

    return page(request, form, person=person, spec=FUNDING, save=save)


@login_required
def set_route(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person, found = drafting(request, person_pk)
    form = budget_forms.RouteForm(request.POST or None)

    def save(data: dict[str, Any]) -> object:
        return services.set_route(found, by=request.user, yearly_pence=data.pop("yearly"), audit=request.audit, **data)

    return page(request, form, person=person, spec=ROUTE, save=save)


@login_required
def details(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person, found = drafting(request, person_pk)
    initial = {
        "contribution": f"{found.contribution_pence / 100:.2f}",
        "advice_given": found.advice_given,
        "person_involvement": found.person_involvement,
        "previous_yearly": "" if found.previous_yearly_pence is None else f"{found.previous_yearly_pence / 100:.2f}",
    }
    form = budget_forms.DetailsForm(request.POST or None, initial=initial)

    def save(data: dict[str, Any]) -> object:
        return services.set_details(
            found,
            by=request.user,
            contribution_pence=data["contribution"] or 0,
            advice_given=data["advice_given"],
            person_involvement=data["person_involvement"],
            previous_yearly_pence=data["previous_yearly"],
            audit=request.audit,
        )

    return page(request, form, person=person, spec=DETAILS, save=save)
