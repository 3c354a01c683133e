"""How the plan is going: actions towards an outcome, their status, and progress scores.
Status and progress may change on an agreed plan too: that is how it is kept honest."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction

from livingplan.accounts.models import User
from livingplan.core.audit_context import AuditContext
from livingplan.plans import limits, owners, rules
from livingplan.plans.models import (
    Action,
    ActionStatus,
    Outcome,
    ProgressScore,
)
from livingplan.plans.services.common import (
    add_content,
    audit_plan,
    bump,
)


@transaction.atomic
def record_progress(
    outcome: Outcome,
    *,
    by: User,
    score: int,
    on: dt.date,
    note: str = "",
    expected_revision: int | None = None,
    audit: AuditContext | None = None,
) -> ProgressScore:
    """Progress can be scored at any time, even on an agreed plan: it is how the plan is going."""
    plan = outcome.plan
    if not rules.can_contribute(by, plan.person):
        raise PermissionDenied("Only the person, their circle and their care team can score progress.")
    entry = ProgressScore(
        person_id=plan.person_id, outcome=outcome, score=score, recorded_on=on, recorded_by=by, note=note.strip()
    )
    entry.full_clean(exclude=["person", "outcome", "recorded_by"])
    limits.check_write_rate(by, audit)
    bump(plan, expected=expected_revision)
    entry.save()
    audit_plan("plans.outcome.progress_recorded", plan, by=by, obj=outcome, audit=audit, score=score)
    return entry


@transaction.atomic
def add_action(
    outcome: Outcome,
    *,
    by: User,
    what: str,
    owner_name: str,
    layer: str,
    due_on: dt.date | None = None,
    owner: User | None = None,
    expected_revision: int | None = None,
    audit: AuditContext | None = None,
    said_by: User | None = None,
) -> Action:
    owner, owner_name = owners.resolve_owner(outcome.plan.person, by=said_by or by, owner=owner, owner_name=owner_name)
    return add_content(
        Action,
        outcome.plan,
        by=by,
        said_by=said_by,
        action="plans.action.added",
        expected_revision=expected_revision,
        audit=audit,
        room=("actions", Action.objects.filter(plan=outcome.plan)),
        outcome=outcome,
        what=what.strip(),
        owner_name=owner_name,
        owner=owner,
        due_on=due_on,
        layer=layer,
    )


@transaction.atomic
def set_action_status(
    action: Action, *, by: User, status: str, expected_revision: int | None = None, audit: AuditContext | None = None
) -> Action:
    """Saying an action is done is how the plan is kept honest, so it is allowed on any live plan."""
    plan = action.plan
    if not rules.can_contribute(by, plan.person):
        raise PermissionDenied("Only the person, their circle and their care team can update actions.")
    new_status = ActionStatus(status)
    limits.check_write_rate(by, audit)
    bump(plan, expected=expected_revision)
    action.status = new_status
    action.save(update_fields=["status"])
    audit_plan("plans.action.status_changed", plan, by=by, obj=action, audit=audit, status=status)
    return action
