"""Drafting a budget: start it from the plan, cost the support, say who funds it and how it is
spent. One guarded, audited verb each (ADR-026); refused input raises and saves nothing."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.budgets import money, rules, telling
from livingplan.budgets.models import (
    PAUSABLE,
    Budget,
    BudgetStatus,
    BudgetStatusChange,
    Deployment,
    DeploymentRoute,
    FundingKind,
    FundingSource,
    LineOutcome,
    LineSuspension,
    SupportLine,
    Unit,
)
from livingplan.budgets.services.common import NOT_DRAFTER, audit_event, editable
from livingplan.core.audit_context import AuditContext
from livingplan.people.models import Person
from livingplan.plans.models import Outcome, Plan, Statement, StatementStatus
from livingplan.plans.sections import Section

NO_PLAN_YET = "A budget comes after the plan: record what matters to the person and at least one outcome first"
MAX_QUANTITY: dict[str, int] = {Unit.HOUR: 168, Unit.WEEK: 1, Unit.ONE_OFF: 100}  # 168 hours is every hour of a week


def _amount(pence: int, field: str, *, most: int = money.MAX_YEARLY_PENCE) -> None:
    if pence < 0:
        raise ValidationError({field: "Enter an amount of £0 or more"})
    if pence > most:
        raise ValidationError({field: f"Enter an amount of {money.pounds(most)} or less"})


@transaction.atomic
def start_budget(
    person: Person, *, by: User, indicative_pence: int, basis: str, audit: AuditContext | None = None
) -> Budget:
    """An indicative budget for the plan; only once it says what matters and has an outcome."""
    if not rules.can_draft(by, person):
        raise PermissionDenied(NOT_DRAFTER)
    plan = Plan.objects.filter(person=person).first()
    ready = plan is not None and (
        Statement.objects.filter(plan=plan, section=Section.WHAT_MATTERS, status=StatementStatus.ACCEPTED).exists()
        and Outcome.objects.filter(plan=plan, is_active=True).exists()
    )
    if plan is None or not ready:
        raise ValidationError(NO_PLAN_YET)
    _amount(indicative_pence, "indicative")
    if not basis.strip():
        raise ValidationError({"basis": "Say how the indicative amount was worked out"})
    budget = Budget.objects.create(
        person=person, plan=plan, indicative_pence=indicative_pence, indicative_basis=basis.strip(), drafted_by=by
    )
    # The first row starts the history; the sign-off clock starts at submission, not here.
    BudgetStatusChange.objects.create(
        person_id=person.pk,
        budget=budget,
        to_status=BudgetStatus.DRAFTED,
        yearly_pence=0,
        changed_by=by,
        changed_at=timezone.now(),
    )
    audit_event("budgets.budget.started", budget, by=by, audit=audit, indicative_pence=indicative_pence)
    return budget


@dataclass(frozen=True)
class LineDetails:
    what: str
    provider: str
    unit: str
    unit_cost_pence: int
    quantity: int
    outcome_ids: Sequence[int]
    starts_on: dt.date | None = None


def _check_line(budget: Budget, details: LineDetails) -> list[Outcome]:
    if details.unit not in Unit.values:
        raise ValidationError({"unit": "Select the unit: an hour, a week or one-off"})
    _amount(details.unit_cost_pence, "unit_cost", most=money.MAX_UNIT_PENCE)
    if details.unit_cost_pence == 0:
        raise ValidationError({"unit_cost": "Enter what one unit costs"})
    if not 1 <= details.quantity <= MAX_QUANTITY[details.unit]:
        raise ValidationError({"quantity": f"Enter a number from 1 to {MAX_QUANTITY[details.unit]}"})
    if details.unit_cost_pence * details.quantity * 52 > money.MAX_YEARLY_PENCE:
        raise ValidationError({"unit_cost": "This line costs more in a year than any budget could: check the amount"})
    if not details.what.strip() or not details.provider.strip():
        raise ValidationError({"what": "Say what the support is and who provides it"})
    outcomes = list(Outcome.objects.filter(plan=budget.plan, is_active=True, pk__in=details.outcome_ids))
    if not outcomes or len(outcomes) != len(set(details.outcome_ids)):
        raise ValidationError({"outcomes": "Select the outcomes this support is for"})
    return outcomes


def _create_line(budget: Budget, details: LineDetails, *, by: User, replaces: SupportLine | None = None) -> SupportLine:
    outcomes = _check_line(budget, details)
    line = SupportLine.objects.create(
        person_id=budget.person_id,
        budget=budget,
        what=details.what.strip(),
        provider=details.provider.strip(),
        unit=details.unit,
        unit_cost_pence=details.unit_cost_pence,
        quantity=details.quantity,
        starts_on=details.starts_on or timezone.localdate(),
        replaces=replaces,
        added_by=by,
    )
    LineOutcome.objects.bulk_create(
        [LineOutcome(person_id=budget.person_id, line=line, outcome=outcome) for outcome in outcomes]
    )
    return line


@transaction.atomic
def add_line(budget: Budget, *, by: User, details: LineDetails, audit: AuditContext | None = None) -> SupportLine:
    budget = editable(budget, by=by)
    line = _create_line(budget, details, by=by)
    audit_event("budgets.line.added", budget, by=by, audit=audit, line=line.pk, yearly_pence=line.yearly_pence)
    return line


@transaction.atomic
def change_line(line: SupportLine, *, by: User, details: LineDetails, audit: AuditContext | None = None) -> SupportLine:
    """End the line the day before the new one starts and start the new one: what was, stays true."""
    budget = editable(line.budget, by=by)
    line = SupportLine.objects.select_for_update().get(pk=line.pk, budget=budget)
    if line.ended_on is not None:
        raise ValidationError("This line has already been changed or ended")
    starts_on = details.starts_on or timezone.localdate()
    if starts_on < line.starts_on:
        raise ValidationError({"starts_on": "The change must start on or after the day the line started"})
    line.ended_on = starts_on
    line.save(update_fields=["ended_on"])
    new = _create_line(budget, details, by=by, replaces=line)
    audit_event("budgets.line.changed", budget, by=by, audit=audit, ended=line.pk, started=new.pk)
    return new


LONGEST_BACKDATE = dt.timedelta(days=92)  # a pause recorded late, but not a typing slip of years


@transaction.atomic
def suspend_line(
    line: SupportLine, *, by: User, from_on: dt.date, reason: str, audit: AuditContext | None = None
) -> LineSuspension:
    """Pause a line from a day (a stay in hospital): it stays in the package that was signed off,
    and what is being spent now leaves it out. The person is told; the reason is on their page."""
    line = SupportLine.objects.select_for_update().select_related("budget", "person").get(pk=line.pk)
    if not rules.can_draft(by, line.person):
        raise PermissionDenied(NOT_DRAFTER)
    if line.budget.status not in PAUSABLE:
        raise ValidationError("Support cannot be paused while the budget is waiting for sign-off or was not approved")
    if line.ended_on is not None:
        raise ValidationError("This line has already been changed or ended")
    if LineSuspension.objects.filter(line=line, resumed_on__isnull=True).exists():
        raise ValidationError("This support is already paused")
    today = timezone.localdate()
    if not today - LONGEST_BACKDATE <= from_on <= today + LONGEST_BACKDATE:
        raise ValidationError({"from_on": "The date must be within 3 months of today"})
    if from_on < line.starts_on:
        raise ValidationError({"from_on": "The date must be on or after the day the support started"})
    if not reason.strip():
        raise ValidationError({"reason": "Say why the support is paused"})
    row = LineSuspension.objects.create(
        person_id=line.person_id, line=line, from_on=from_on, reason=reason.strip(), by=by
    )
    audit_event("budgets.line.suspended", line.budget, by=by, audit=audit, line=line.pk, from_on=from_on.isoformat())
    telling.tell_paused(line.budget, row)
    return row


@transaction.atomic
def set_funding(
    budget: Budget, *, by: User, kind: str, yearly_pence: int, audit: AuditContext | None = None
) -> FundingSource:
    budget = editable(budget, by=by)
    if kind not in FundingKind.values:
        raise ValidationError({"kind": "Select who funds it"})
    _amount(yearly_pence, "yearly")
    # Drafting: a funder's share is set again, not added twice (the budget's history is its status rows).
    source, _ = FundingSource.objects.update_or_create(
        budget=budget, kind=kind, defaults={"person_id": budget.person_id, "yearly_pence": yearly_pence, "added_by": by}
    )
    audit_event("budgets.funding.added", budget, by=by, audit=audit, kind=kind, yearly_pence=yearly_pence)
    return source


@transaction.atomic
def set_route(
    budget: Budget,
    *,
    by: User,
    route: str,
    yearly_pence: int,
    managed_by: str = "",
    needs_met: str = "",
    payment_frequency: str = "",
    audit: AuditContext | None = None,
) -> DeploymentRoute:
    budget = editable(budget, by=by)
    if route not in Deployment.values:
        raise ValidationError({"route": "Select how this part is spent"})
    _amount(yearly_pence, "yearly")
    if route == Deployment.DIRECT_PAYMENT and not (managed_by.strip() and needs_met.strip()):
        raise ValidationError({"managed_by": "For a direct payment, say who manages it and which needs it meets"})
    row, _ = DeploymentRoute.objects.update_or_create(
        budget=budget,
        route=route,
        defaults={
            "person_id": budget.person_id,
            "yearly_pence": yearly_pence,
            "managed_by": managed_by.strip(),
            "needs_met": needs_met.strip(),
            "payment_frequency": payment_frequency.strip(),
            "added_by": by,
        },
    )
    audit_event("budgets.route.added", budget, by=by, audit=audit, route=route, yearly_pence=yearly_pence)
    return row


@transaction.atomic
def set_details(
    budget: Budget,
    *,
    by: User,
    contribution_pence: int,
    advice_given: str,
    person_involvement: str,
    previous_yearly_pence: int | None = None,
    audit: AuditContext | None = None,
) -> Budget:
    """The person's contribution, the advice given, how they were involved, and the package it replaces."""
    budget = editable(budget, by=by)
    _amount(contribution_pence, "contribution")
    if previous_yearly_pence is not None:
        _amount(previous_yearly_pence, "previous_yearly")
    budget.contribution_pence = contribution_pence
    budget.advice_given, budget.person_involvement = advice_given.strip(), person_involvement.strip()
    budget.previous_yearly_pence = previous_yearly_pence
    budget.save()
    audit_event("budgets.budget.details_set", budget, by=by, audit=audit, contribution_pence=contribution_pence)
    return budget
