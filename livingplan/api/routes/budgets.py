"""The person's personal budget (ADR-042) for other systems: the budget with its lines in force and
where sign-off has got to. Only for callers the plan's budget part is shared with (else 404).
Writes are limited to what the budgets app's guarded verbs allow: here, sending it for sign-off."""

import datetime as dt
from typing import Annotated

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from pydantic import AfterValidator

from livingplan.accounts.models import User
from livingplan.api import auth, loaders
from livingplan.api.auth import ApiRequest
from livingplan.api.routes import READ_ERRORS, WRITE_ERRORS, PersonId
from livingplan.api.schemas import OutModel, _no_nul, _text
from livingplan.budgets import rules, services
from livingplan.budgets.models import Budget, SupportLine
from livingplan.core.services import auditor
from livingplan.people.models import Person

router = Router(tags=["budgets"])


class BudgetLineOut(OutModel):
    id: int
    what: str
    provider: str
    unit: str
    unit_cost_pence: int
    quantity: int
    weekly_pence: int
    yearly_pence: int
    starts_on: dt.date


class BudgetOut(OutModel):
    id: int
    status: str = Field(description="DRAFTED, SUBMITTED, RETURNED, RESUBMITTED, SECOND_TIER, APPROVED or DECLINED.")
    revision: int
    indicative_pence: int
    agreed_pence: int | None
    contribution_pence: int
    lines: list[BudgetLineOut]
    yearly_pence: int = Field(description="The lines in force, added up for a year.")


class SubmitIn(Schema):
    note: Annotated[str, _text(2000, required=False), AfterValidator(_no_nul)] = Field(
        "", description="Needed when answering a return: what you changed."
    )


def _budget_for(user: User, person_id: int) -> tuple[Person, Budget]:
    person = loaders.person_for(user, person_id)
    if not rules.can_see(user, person):
        raise Http404
    budgets = Budget.objects.visible_to(user).filter(person=person).order_by("-created_at", "-pk")
    return person, get_object_or_404(budgets[:1])


def _out(budget: Budget, viewer: User) -> BudgetOut:
    lines = SupportLine.objects.visible_to(viewer).filter(budget=budget).current().order_by("pk")
    shown = [
        BudgetLineOut(
            id=line.pk,
            what=line.what,
            provider=line.provider,
            unit=line.unit,
            unit_cost_pence=line.unit_cost_pence,
            quantity=line.quantity,
            weekly_pence=line.weekly_pence,
            yearly_pence=line.yearly_pence,
            starts_on=line.starts_on,
        )
        for line in lines
    ]
    return BudgetOut(
        id=budget.pk,
        status=budget.status,
        revision=budget.revision,
        indicative_pence=budget.indicative_pence,
        agreed_pence=budget.agreed_pence,
        contribution_pence=budget.contribution_pence,
        lines=shown,
        yearly_pence=sum(line.yearly_pence for line in shown),
    )


@router.get("/{id}/budget", response={200: BudgetOut, **READ_ERRORS}, summary="The personal budget")
def get_budget(request: ApiRequest, id: PersonId) -> BudgetOut:
    person, budget = _budget_for(request.auth, id)
    auditor.record("budgets.budget.viewed", audit=request.audit, person_id=person.pk, obj=budget, detail={"via": "api"})
    return _out(budget, request.auth)


@router.post(
    "/{id}/budget/submit",
    auth=auth.WRITE,
    response={200: BudgetOut, **WRITE_ERRORS},
    summary="Send the budget for sign-off",
    description="Refused with 422 naming each thing the Care Act check finds missing.",
)
def submit_budget(request: ApiRequest, id: PersonId, payload: SubmitIn) -> BudgetOut:
    _, budget = _budget_for(request.auth, id)
    submitted = services.submit_budget(budget, by=request.auth, note=payload.note, audit=request.audit)
    return _out(submitted, request.auth)
