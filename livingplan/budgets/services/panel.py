"""A funding panel deciding a budget together at the second tier, where the organisation says a
panel forms it (ADR-042). Recorded once, by a panel member, with who was present.

Separation of duties holds for everyone present: nobody who drafted or sent the budget, or
decided it at the first tier, may sit on the panel for it. The panel's limit is checked at the
moment of decision. Like a single approver's, the decision names the budget's revision and moves
it by a conditional update under a row lock, so of two recordings at once exactly one is made.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.budgets import policy, rules, telling
from livingplan.budgets.models import (
    Budget,
    BudgetStatus,
    BudgetStatusChange,
    Level,
    PanelDecision,
    PanelMember,
    SecondTier,
)
from livingplan.budgets.services.common import STALE, audit_event, current_totals, record
from livingplan.budgets.services.signoff import APPROVE, DECLINE, RETURN, first_tier_approver, submitters
from livingplan.core.audit_context import AuditContext

QUORUM = 3  # the fewest present for a panel to decide
NOT_PANEL = "Only a member of the funding panel can record the panel's decision."
NOT_A_PANEL_DECISION = "A senior manager decides at the second tier here, not the funding panel."
NO_QUORUM = f"At least {QUORUM} approvers must be present for the panel to decide"
CONFLICTED = "{name} drafted, sent or first agreed this budget, so cannot sit on the panel for it"
TO_STATUS = {APPROVE: BudgetStatus.APPROVED, RETURN: BudgetStatus.RETURNED, DECLINE: BudgetStatus.DECLINED}


@dataclass(frozen=True)
class PanelOutcome:
    decision: str  # APPROVE, RETURN or DECLINE
    met_on: dt.date
    reason: str = ""
    line_id: int | None = None


def _check_members(budget: Budget, members: Sequence[User]) -> None:
    if len({member.pk for member in members}) < QUORUM:
        raise ValidationError({"members": NO_QUORUM})
    barred = submitters(budget) | {first_tier_approver(budget)}
    for member in members:
        if rules.approver_level(member, budget.person) is None:
            raise ValidationError({"members": f"{member.display_name} is not an approver for this council"})
        if member.pk in barred:
            raise ValidationError({"members": CONFLICTED.format(name=member.display_name)})


def _check_outcome(budget: Budget, outcome: PanelOutcome) -> None:
    if outcome.decision not in TO_STATUS:
        raise ValidationError({"decision": "Choose approve, return or decline"})
    if outcome.decision != APPROVE and not outcome.reason.strip():
        raise ValidationError({"reason": "Give the reason, so the worker and the person know why"})
    if outcome.met_on > timezone.localdate():
        raise ValidationError({"met_on": "The date the panel met must be today or in the past"})
    if outcome.line_id is not None and not budget.lines.filter(pk=outcome.line_id, ended_on__isnull=True).exists():
        raise ValidationError({"line": "Choose a line of this budget"})


def _guard(budget: Budget, by: User, revision: int) -> policy.Policy:
    if budget.status != BudgetStatus.SECOND_TIER or budget.revision != revision:
        raise ValidationError(STALE)
    rules_now = policy.for_organisation(budget.person.lead_organisation_id)
    if rules_now.second_tier != SecondTier.PANEL:
        raise ValidationError(NOT_A_PANEL_DECISION)
    if rules.approver_level(by, budget.person) != Level.PANEL:
        raise PermissionDenied(NOT_PANEL)
    return rules_now


@transaction.atomic
def record_panel_decision(
    budget: Budget,
    *,
    by: User,
    members: Sequence[User],
    outcome: PanelOutcome,
    revision: int,
    audit: AuditContext | None = None,
) -> BudgetStatusChange:
    """The panel's one decision on the budget as it saw it; `by` (a panel member) records it."""
    budget = Budget.objects.select_for_update().select_related("person__lead_organisation", "plan").get(pk=budget.pk)
    rules_now = _guard(budget, by, revision)
    present = list({member.pk: member for member in [by, *members]}.values())
    _check_members(budget, present)
    _check_outcome(budget, outcome)
    yearly = current_totals(budget).yearly_pence
    if outcome.decision == APPROVE and not rules_now.within_limit(Level.PANEL, yearly):
        raise ValidationError(f"This budget costs {telling.pounds(yearly)} a year, which is over the panel's limit.")
    reason = outcome.reason.strip()
    row = record(budget, TO_STATUS[outcome.decision], by=by, tier=2, reason=reason, line_id=outcome.line_id)
    if row.to_status == BudgetStatus.APPROVED:
        Budget.objects.filter(pk=budget.pk).update(agreed_pence=yearly)
    decided = PanelDecision.objects.create(
        person_id=budget.person_id, budget=budget, status_change=row, met_on=outcome.met_on, recorded_by=by
    )
    PanelMember.objects.bulk_create(
        [PanelMember(person_id=budget.person_id, decision=decided, user=member) for member in present]
    )
    audit_event(
        f"budgets.budget.panel_{row.to_status.lower()}",
        budget,
        by=by,
        audit=audit,
        members=sorted(member.pk for member in present),
        met_on=outcome.met_on.isoformat(),
        reason=reason,
        yearly_pence=yearly,
    )
    telling.tell_person(budget, row)
    return row
