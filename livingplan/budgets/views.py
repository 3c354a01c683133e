"""Thin views: load the person through `visible_to` and require the BUDGET part (anyone else gets
a 404), check the rule, call one service. Every page works without JavaScript."""

from collections.abc import Callable
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

FORM = "budgets/form.jinja"


def _person(request: AuthenticatedRequest, person_pk: int) -> Person:
    people = Person.objects.visible_to(request.user).select_related("lead_organisation")
    person = get_object_or_404(people, pk=person_pk)
    if not rules.can_see(request.user, person):
        raise Http404
    return person


def _drafting(request: AuthenticatedRequest, person_pk: int) -> tuple[Person, Budget]:
    person = _person(request, person_pk)
    if not rules.can_draft(request.user, person):
        raise PermissionDenied
    budget = current_budget(person, request.user)
    if budget is None:
        raise Http404
    return person, budget


def _page(
    request: AuthenticatedRequest,
    form: forms.Form,
    *,
    person: Person,
    title: str,
    save: Callable[[dict[str, Any]], object],
    done: str,
    button: str,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    back = reverse("budgets:budget", args=[person.pk])
    context = {
        "person": person,
        "caption": person.full_name,
        "title": title,
        "back": back,
        "button_text": button,
        **(extra or {}),
    }
    return form_page(request, form, template=FORM, save=save, success_url=back, success_message=done, context=context)


@login_required
@require_safe
def budget(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = _person(request, person_pk)
    return render(request, "budgets/budget.jinja", budget_page(person, request.user))


@login_required
def start(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = _person(request, person_pk)
    if not rules.can_draft(request.user, person):
        raise PermissionDenied
    form = budget_forms.StartForm(request.POST or None)

    def save(data: dict[str, Any]) -> Budget:
        return services.start_budget(
            person, by=request.user, indicative_pence=data["indicative"], basis=data["basis"], audit=request.audit
        )

    return _page(
        request,
        form,
        person=person,
        title="Start a personal budget",
        save=save,
        done="Budget started",
        button="Start the budget",
    )


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
    person, found = _drafting(request, person_pk)
    form = budget_forms.LineForm(request.POST or None, outcomes=_outcome_choices(request, found))

    def save(data: dict[str, Any]) -> SupportLine:
        return services.add_line(found, by=request.user, details=_line_details(data), audit=request.audit)

    return _page(
        request,
        form,
        person=person,
        title="Add costed support",
        save=save,
        done="Support added",
        button="Add the support",
    )


@login_required
def change_line(request: AuthenticatedRequest, person_pk: int, pk: int) -> HttpResponse:
    person, found = _drafting(request, person_pk)
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

    lead = "The line as it is now ends today and the changed one starts today: both stay in the budget's history."
    return _page(
        request,
        form,
        person=person,
        title=f"Change: {line.what}",
        save=save,
        done="Support changed",
        button="Save the change",
        extra={"lead": lead},
    )


@login_required
def set_funding(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person, found = _drafting(request, person_pk)
    form = budget_forms.FundingForm(request.POST or None)

    def save(data: dict[str, Any]) -> object:
        return services.set_funding(
            found, by=request.user, kind=data["kind"], yearly_pence=data["yearly"], audit=request.audit
        )

    return _page(
        request,
        form,
        person=person,
        title="Add who funds it",
        save=save,
        done="Funding added",
        button="Add the funding",
    )


@login_required
def set_route(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person, found = _drafting(request, person_pk)
    form = budget_forms.RouteForm(request.POST or None)

    def save(data: dict[str, Any]) -> object:
        return services.set_route(
            found,
            by=request.user,
            route=data["route"],
            yearly_pence=data["yearly"],
            managed_by=data["managed_by"],
            needs_met=data["needs_met"],
            payment_frequency=data["payment_frequency"],
            audit=request.audit,
        )

    return _page(request, form, person=person, title="Add how it is spent", save=save, done="Added", button="Add")


@login_required
def details(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person, found = _drafting(request, person_pk)
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

    return _page(
        request,
        form,
        person=person,
        title="Contribution, advice and involvement",
        save=save,
        done="Saved",
        button="Save",
    )


@login_required
def submit(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person, found = _drafting(request, person_pk)
    form = budget_forms.SubmitForm(request.POST or None)

    def save(data: dict[str, Any]) -> object:
        return services.submit_budget(found, by=request.user, note=data["note"], audit=request.audit)

    lead = "The Care Act checks run again when you send it. A manager will sign it off, and the person is told."
    return _page(
        request,
        form,
        person=person,
        title="Send the budget for sign-off",
        save=save,
        done="Sent for sign-off",
        button="Send for sign-off",
        extra={"lead": lead},
    )


@login_required
def decide(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = _person(request, person_pk)
    if not rules.can_decide(request.user, person):
        raise PermissionDenied
    page = budget_page(person, request.user)
    found = page["budget"]
    if found is None or not page["is_waiting"]:
        raise Http404
    lines = [(str(line["id"]), line["what"]) for line in page["lines"]]
    form = budget_forms.DecideForm(request.POST or None, lines=lines, initial={"revision": found.revision})

    def save(data: dict[str, Any]) -> object:
        return services.decide_budget(
            found,
            by=request.user,
            decision=data["decision"],
            revision=data["revision"],
            reason=data["reason"],
            line_id=int(data["line"]) if data["line"] else None,
            audit=request.audit,
        )

    back = reverse("budgets_staff:queue")
    context = {
        **page,
        "title": f"Decide {person.full_name}'s budget",
        "back": back,
        "button_text": "Record the decision",
    }
    return form_page(
        request,
        form,
        template="budgets/decide.jinja",
        save=save,
        success_url=back,
        success_message="Decision recorded",
        context=context,
    )


@login_required
def first_payment(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = _person(request, person_pk)
    found = current_budget(person, request.user)
    if found is None:
        raise Http404
    if not rules.can_record_start(request.user, found):
        raise PermissionDenied
    form = budget_forms.FirstPaymentForm(request.POST or None)

    def save(data: dict[str, Any]) -> object:
        return services.record_first_payment(
            found, by=request.user, kind=data["kind"], happened_on=data["happened_on"], audit=request.audit
        )

    return _page(
        request,
        form,
        person=person,
        title="Record the first payment or service",
        save=save,
        done="Recorded",
        button="Record it",
    )
