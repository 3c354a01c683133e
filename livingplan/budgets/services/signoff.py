"""Sign-off: submit, assign an approver, decide (approve, return, decline), then the first payment.

Separation of duties is enforced here, not only on the page: whoever drafted or submitted a
budget cannot approve it, and the second tier is a different approver from the first. Approval
limits are checked when an approver is assigned and again at the moment of decision, on the cost
as it is then. A decision names the revision it was made on; a stale one is refused.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.budgets import policy, rules, telling
from livingplan.budgets.completeness import missing
from livingplan.budgets.models import (
    WAITING,
    Budget,
    BudgetStatus,
    BudgetStatusChange,
    FirstPayment,
    Level,
    StartKind,
)
from livingplan.budgets.models.settings import SecondTier
from livingplan.budgets.services.common import STALE, audit_event, check, current_totals, editable, record
from livingplan.core import workdays
from livingplan.core.audit_context import AuditContext

APPROVE, RETURN, DECLINE = "APPROVE", "RETURN", "DECLINE"
NOT_APPROVER = "Only an approver for the council that leads on this person's care can decide their budget."
OWN_BUDGET = "You drafted or submitted this budget, so someone else must decide it."
SAME_APPROVER = "You decided this budget at the first tier, so a different approver must decide at the second."
# Who may decide at the second tier, by who the organisation says forms it.
SECOND_TIER_LEVELS: dict[str, frozenset[str]] = {
    SecondTier.SENIOR_MANAGER: frozenset({Level.SENIOR_MANAGER, Level.PANEL}),
    SecondTier.PANEL: frozenset(),  # only the panel together (`record_panel_decision`)
}
NOT_SECOND_TIER: dict[str, str] = {
    SecondTier.SENIOR_MANAGER: "A senior manager decides at the second tier.",
    SecondTier.PANEL: "The funding panel decides at the second tier: record the panel's decision.",
}


def _over_limit(yearly_pence: int) -> str:
    return f"This budget costs {telling.pounds(yearly_pence)} a year, which is over your approval limit."


@transaction.atomic
def submit_budget(budget: Budget, *, by: User, note: str = "", audit: AuditContext | None = None) -> Budget:
    """Send it for sign-off once nothing the Care Act asks for is missing; a return is answered the same way."""
    budget = editable(budget, by=by)
    gaps = missing(check(budget))
    if gaps:
        raise ValidationError([f"{item.name}: {item.missing}" for item in gaps])
    again = budget.status == BudgetStatus.RETURNED
    if again and not note.strip():
        raise ValidationError({"note": "Say what you changed in answer to the return"})
    row = record(budget, BudgetStatus.RESUBMITTED if again else BudgetStatus.SUBMITTED, by=by, reason=note.strip())
    audit_event("budgets.budget.submitted", budget, by=by, audit=audit, again=again, yearly_pence=row.yearly_pence)
    telling.tell_person(budget, row)
    return budget


def submitters(budget: Budget) -> set[int]:
    rows = BudgetStatusChange.objects.filter(
        budget=budget, to_status__in=[BudgetStatus.SUBMITTED, BudgetStatus.RESUBMITTED]
    )
    return {budget.drafted_by_id, *rows.values_list("changed_by_id", flat=True)}


def first_tier_approver(budget: Budget) -> int | None:
    row = BudgetStatusChange.objects.filter(budget=budget, to_status=BudgetStatus.SECOND_TIER).last()
    return row.changed_by_id if row else None


def _guard_approver(budget: Budget, approver: User, *, tier: int, rules_now: policy.Policy) -> str:
    """The approver's level, once they may decide this budget at this tier (or a clear refusal)."""
    level = rules.approver_level(approver, budget.person)
    if level is None:
        raise PermissionDenied(NOT_APPROVER)
    if approver.pk in submitters(budget):
        raise ValidationError(OWN_BUDGET)
    if tier == 2 and approver.pk == first_tier_approver(budget):
        raise ValidationError(SAME_APPROVER)
    if tier == 2 and level not in SECOND_TIER_LEVELS[rules_now.second_tier]:
        raise ValidationError(NOT_SECOND_TIER[rules_now.second_tier])
    return level


def _needs_second_tier(budget: Budget, level: str, yearly_pence: int, rules_now: policy.Policy) -> bool:
    if not rules_now.within_limit(level, yearly_pence):
        return True
    increased = budget.previous_yearly_pence is None or yearly_pence > budget.previous_yearly_pence
    return increased and rules_now.second_tier_for_new_or_increased


@transaction.atomic
def assign_approver(budget: Budget, *, by: User, approver: User, audit: AuditContext | None = None) -> None:
    """Ask someone to decide at the budget's current tier; their limit is checked now and again later."""
    from livingplan.budgets.models import ApproverAssignment

    budget = Budget.objects.select_for_update().select_related("person__lead_organisation").get(pk=budget.pk)
    if not (rules.can_draft(by, budget.person) or rules.can_decide(by, budget.person)):
        raise PermissionDenied(NOT_APPROVER)
    if budget.status not in WAITING:
        raise ValidationError("Only a budget waiting for sign-off can be given an approver")
    tier = 2 if budget.status == BudgetStatus.SECOND_TIER else 1
    rules_now = policy.for_organisation(budget.person.lead_organisation_id)
    level = _guard_approver(budget, approver, tier=tier, rules_now=rules_now)
    yearly = current_totals(budget).yearly_pence
    # At the first tier a budget over the approver's limit goes on to the second; at the second
    # (the last word) someone whose limit is below its cost could only refuse it, so is refused now.
    if tier == 2 and not rules_now.within_limit(level, yearly):
        raise ValidationError(f"{approver.display_name}'s approval limit is below this budget's yearly cost")
    ApproverAssignment.objects.create(
        person_id=budget.person_id, budget=budget, tier=tier, approver=approver, assigned_by=by
    )
    audit_event("budgets.approver.assigned", budget, by=by, audit=audit, approver=approver.pk, tier=tier)


def _approve(
    budget: Budget, *, by: User, level: str, tier: int, reason: str, rules_now: policy.Policy
) -> BudgetStatusChange:
    yearly = current_totals(budget).yearly_pence
    if tier == 1 and _needs_second_tier(budget, level, yearly, rules_now):
        return record(budget, BudgetStatus.SECOND_TIER, by=by, tier=1, reason=reason)
    if not rules_now.within_limit(level, yearly):
        raise ValidationError(_over_limit(yearly))
    row = record(budget, BudgetStatus.APPROVED, by=by, tier=tier, reason=reason)
    Budget.objects.filter(pk=budget.pk).update(agreed_pence=yearly)
    budget.agreed_pence = yearly
    return row


@transaction.atomic
def decide_budget(
    budget: Budget,
    *,
    by: User,
    decision: str,
    revision: int,
    reason: str = "",
    line_id: int | None = None,
    audit: AuditContext | None = None,
) -> BudgetStatusChange:
    """One approver's decision on the budget as they saw it (`revision`); exactly one of two at once wins."""
    budget = Budget.objects.select_for_update().select_related("person__lead_organisation", "plan").get(pk=budget.pk)
    if budget.status not in WAITING or budget.revision != revision:
        raise ValidationError(STALE)
    tier = 2 if budget.status == BudgetStatus.SECOND_TIER else 1
    # The organisation's settings as they are at this moment: a limit lowered since assignment counts.
    rules_now = policy.for_organisation(budget.person.lead_organisation_id)
    level = _guard_approver(budget, by, tier=tier, rules_now=rules_now)
    if decision in (RETURN, DECLINE) and not reason.strip():
        raise ValidationError({"reason": "Give the reason, so the worker and the person know why"})
    if decision == APPROVE:
        row = _approve(budget, by=by, level=level, tier=tier, reason=reason.strip(), rules_now=rules_now)
    elif decision == RETURN:
        if line_id is not None and not budget.lines.filter(pk=line_id, ended_on__isnull=True).exists():
            raise ValidationError({"line": "Choose a line of this budget"})
        row = record(budget, BudgetStatus.RETURNED, by=by, tier=tier, reason=reason.strip(), line_id=line_id)
    elif decision == DECLINE:
        row = record(budget, BudgetStatus.DECLINED, by=by, tier=tier, reason=reason.strip())
    else:
        raise ValidationError({"decision": "Choose approve, return or decline"})
    audit_event(
        f"budgets.budget.{row.to_status.lower()}",
        budget,
        by=by,
        audit=audit,
        tier=tier,
        reason=reason.strip(),
        yearly_pence=row.yearly_pence,
    )
    telling.tell_person(budget, row)
    return row


@transaction.atomic
def record_first_payment(
    budget: Budget, *, by: User, kind: str, happened_on: dt.date, audit: AuditContext | None = None
) -> FirstPayment:
    """Finance or the provider confirms the money or the support started: the clock after approval stops."""
    budget = Budget.objects.select_for_update().select_related("person").get(pk=budget.pk)
    if not rules.can_record_start(by, budget):
        raise PermissionDenied("Only finance or the care team can record this, once the budget is approved")
    if kind not in StartKind.values:
        raise ValidationError({"kind": "Select whether a payment was made or a service started"})
    approved = BudgetStatusChange.objects.filter(budget=budget, to_status=BudgetStatus.APPROVED).first()
    if approved is None or happened_on < workdays.local_date(approved.changed_at):
        raise ValidationError({"happened_on": "The date must be on or after the day the budget was approved"})
    if happened_on > timezone.localdate():
        raise ValidationError({"happened_on": "The date must be today or in the past"})
    if FirstPayment.objects.filter(budget=budget).exists():
        raise ValidationError("The first payment or service has already been recorded")
    row = FirstPayment.objects.create(
        person_id=budget.person_id, budget=budget, kind=kind, happened_on=happened_on, recorded_by=by
    )
    audit_event("budgets.budget.first_payment", budget, by=by, audit=audit, kind=kind, on=happened_on.isoformat())
    return row
