"""The person's personal budgets in the subject access export (issue 14, ADR-042): `budgets.json`.

Read through `visible_to(viewer)` like the rest of the export, one query per kind of row for all
the person's budgets, and shaped into plain keys: the amounts (in pence, as held, and in pounds),
who funds it, how it is spent, every costed line with the outcomes it serves (ended lines too:
a change ends one line and starts another), each step of sign-off with its reason, who was asked
to decide, and when the first payment or service happened.
"""

from typing import Any

from django.db.models import Prefetch

from livingplan.budgets.models import (
    ApproverAssignment,
    Budget,
    BudgetStatus,
    BudgetStatusChange,
    DeploymentRoute,
    FirstPayment,
    FundingSource,
    LineOutcome,
    LineSuspension,
    SupportLine,
)
from livingplan.budgets.money import pounds
from livingplan.core.viewer import Viewer
from livingplan.documents.presenters.export import iso, user_name
from livingplan.people.models import Person


def _step(row: BudgetStatusChange) -> dict[str, Any]:
    return {
        "from": BudgetStatus(row.from_status).label if row.from_status else None,
        "to": row.get_to_status_display(),
        "tier": row.tier or None,
        "yearly_pence": row.yearly_pence,
        "reason": row.reason,
        "line": row.line.what if row.line else None,
        "changed_by": user_name(row.changed_by),
        "changed_at": iso(row.changed_at),
    }


def _line(line: SupportLine) -> dict[str, Any]:
    return {
        "what": line.what,
        "provider": line.provider,
        "unit": line.get_unit_display(),
        "unit_cost_pence": line.unit_cost_pence,
        "quantity": line.quantity,
        "yearly": pounds(line.yearly_pence),
        "starts_on": iso(line.starts_on),
        "ended_on": iso(line.ended_on),
        "replaces": line.replaces.what if line.replaces else None,
        "outcomes": [{"outcome": link.outcome.text} for link in line.outcome_links.all()],
        "suspensions": [
            {
                "from_on": iso(s.from_on),
                "resumed_on": iso(s.resumed_on),
                "reason": s.reason,
                "by": user_name(s.by),
                "at": iso(s.at),
            }
            for s in line.suspensions.all()
        ],
        "added_by": user_name(line.added_by),
        "added_at": iso(line.added_at),
    }


def _first(budget: Budget) -> dict[str, Any] | None:
    first: FirstPayment | None = getattr(budget, "first_payment", None)
    if first is None:
        return None
    return {
        "kind": first.get_kind_display(),
        "happened_on": iso(first.happened_on),
        "recorded_by": user_name(first.recorded_by),
        "recorded_at": iso(first.recorded_at),
    }


def _budget(budget: Budget) -> dict[str, Any]:
    return {
        "indicative_pence": budget.indicative_pence,
        "indicative_basis": budget.indicative_basis,
        "agreed_pence": budget.agreed_pence,
        "previous_yearly_pence": budget.previous_yearly_pence,
        "contribution_pence": budget.contribution_pence,
        "advice_given": budget.advice_given,
        "person_involvement": budget.person_involvement,
        "status": budget.get_status_display(),
        "drafted_by": user_name(budget.drafted_by),
        "created_at": iso(budget.created_at),
        "funding": [
            {
                "kind": f.get_kind_display(),
                "yearly_pence": f.yearly_pence,
                "added_by": user_name(f.added_by),
                "added_at": iso(f.added_at),
            }
            for f in budget.funding.all()
        ],
        "spending": [
            {
                "route": r.get_route_display(),
                "yearly_pence": r.yearly_pence,
                "managed_by": r.managed_by,
                "needs_met": r.needs_met,
                "payment_frequency": r.payment_frequency,
                "added_by": user_name(r.added_by),
                "added_at": iso(r.added_at),
            }
            for r in budget.routes.all()
        ],
        "lines": [_line(line) for line in budget.lines.all()],
        "sign_off": [_step(row) for row in budget.status_changes.all()],
        "approvers_asked": [
            {
                "tier": a.tier,
                "approver": user_name(a.approver),
                "assigned_by": user_name(a.assigned_by),
                "assigned_at": iso(a.assigned_at),
            }
            for a in budget.assignments.all()
        ],
        "first_payment_or_service": _first(budget),
    }


def budgets_json(person: Person, *, viewer: Viewer) -> list[dict[str, Any]]:
    """Every budget of the person's, newest first, with its lines, funding, spending and sign-off."""
    lines = (
        SupportLine.objects.visible_to(viewer)
        .select_related("added_by", "replaces")
        .prefetch_related(Prefetch("outcome_links", LineOutcome.objects.visible_to(viewer).select_related("outcome")))
        .prefetch_related(Prefetch("suspensions", LineSuspension.objects.visible_to(viewer).select_related("by")))
    )
    budgets = (
        Budget.objects.visible_to(viewer)
        .filter(person=person)
        .select_related("drafted_by", "first_payment__recorded_by")
        .prefetch_related(Prefetch("funding", FundingSource.objects.visible_to(viewer).select_related("added_by")))
        .prefetch_related(Prefetch("routes", DeploymentRoute.objects.visible_to(viewer).select_related("added_by")))
        .prefetch_related(Prefetch("lines", lines))
        .prefetch_related(
            Prefetch(
                "status_changes", BudgetStatusChange.objects.visible_to(viewer).select_related("changed_by", "line")
            )
        )
        .prefetch_related(
            Prefetch(
                "assignments", ApproverAssignment.objects.visible_to(viewer).select_related("approver", "assigned_by")
            )
        )
    )
    return [_budget(b) for b in budgets]
