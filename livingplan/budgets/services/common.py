"""What every budget verb shares: the guards, the status row, the audit and the facts it checks."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.budgets import completeness, rules
from livingplan.budgets.models import (
    TRANSITIONS,
    Budget,
    BudgetStatusChange,
    DeploymentRoute,
    FundingSource,
    LineOutcome,
    SupportLine,
)
from livingplan.budgets.totals import Totals, totals
from livingplan.core.audit_context import AuditContext, context_for
from livingplan.core.services import auditor
from livingplan.plans.models import Outcome, Statement, StatementStatus
from livingplan.plans.sections import Section

NOT_DRAFTER = "Only someone on the person's care team at the council that leads on their care can draft their budget."
NOT_EDITABLE = "This budget is waiting for sign-off or has been decided. It can be changed only when returned."
STALE = "Someone else has changed or decided this budget since you opened it. Check it again before you go on."


def audit_event(action: str, budget: Budget, *, by: User, audit: AuditContext | None, **detail: Any) -> None:
    auditor.record(action, audit=context_for(by, audit), person_id=budget.person_id, obj=budget, detail=detail)


def editable(budget: Budget, *, by: User) -> Budget:
    """The budget, locked, if `by` may change it now; bumps its revision so open pages go stale."""
    locked = Budget.objects.select_for_update().select_related("person", "plan").get(pk=budget.pk)
    if not rules.can_draft(by, locked.person):
        raise PermissionDenied(NOT_DRAFTER)
    if not locked.is_editable:
        raise ValidationError(NOT_EDITABLE)
    locked.revision += 1
    locked.save(update_fields=["revision"])
    return locked


def current_totals(budget: Budget) -> Totals:
    return totals(
        SupportLine.objects.filter(budget=budget).current(),
        FundingSource.objects.filter(budget=budget),
        DeploymentRoute.objects.filter(budget=budget),
    )


def record(
    budget: Budget, to_status: str, *, by: User, tier: int = 0, reason: str = "", line_id: int | None = None
) -> BudgetStatusChange:
    """Move along a declared transition and write its row: the row is the truth, `status` its cache."""
    if to_status not in TRANSITIONS[budget.status]:
        raise ValidationError(STALE)
    before, seen = budget.status, budget.revision
    # Conditional on what this transaction read: of two approvers deciding at once, exactly one
    # moves it (on PostgreSQL the row lock already queues the second; this holds on any database).
    moved = Budget.objects.filter(pk=budget.pk, status=before, revision=seen).update(
        status=to_status, revision=seen + 1
    )
    if moved != 1:
        raise ValidationError(STALE)
    budget.status, budget.revision = to_status, seen + 1
    return BudgetStatusChange.objects.create(
        person_id=budget.person_id,
        budget=budget,
        from_status=before,
        to_status=to_status,
        tier=tier,
        yearly_pence=current_totals(budget).yearly_pence,
        reason=reason,
        line_id=line_id,
        changed_by=by,
        changed_at=timezone.now(),
    )


def facts(budget: Budget) -> completeness.Facts:
    plan = budget.plan
    sections = set(
        Statement.objects.filter(plan=plan, status=StatementStatus.ACCEPTED).values_list("section", flat=True)
    )
    lines = list(SupportLine.objects.filter(budget=budget).current())
    linked = set(LineOutcome.objects.filter(line__in=lines, outcome__is_active=True).values_list("line_id", flat=True))
    return completeness.Facts(
        has_needs=Section.NEEDS in sections,
        has_eligible_needs=Section.ELIGIBLE_NEEDS in sections,
        outcomes=Outcome.objects.filter(plan=plan, is_active=True).count(),
        lines=len(lines),
        lines_without_outcome=[line.what for line in lines if line.pk not in linked],
        totals=current_totals(budget),
        contribution_pence=budget.contribution_pence,
        routes=DeploymentRoute.objects.filter(budget=budget).count(),
        advice_given=budget.advice_given,
        person_involvement=budget.person_involvement,
        next_review_on=plan.next_review_on,
    )


def check(budget: Budget) -> list[completeness.Item]:
    return completeness.check(facts(budget), today=timezone.localdate())
