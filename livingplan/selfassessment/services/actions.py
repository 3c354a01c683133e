"""The action plan: priorities chosen from the results, with owners, dates and a status that moves on."""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from livingplan.accounts.models import User
from livingplan.core.audit_context import AuditContext, context_for
from livingplan.core.services import auditor
from livingplan.selfassessment import rules
from livingplan.selfassessment.models import PRIORITY_TRANSITIONS, Priority, PriorityStatus, PriorityStatusChange, Round
from livingplan.selfassessment.services.rounds import NOT_ADMIN

ADDED = "selfassessment.priority.added"
MOVED = "selfassessment.priority.status_changed"


@dataclass(frozen=True)
class PlanDetails:
    """Everything the detailed action plan asks about one priority."""

    area_id: str
    priority: str
    why: str
    first_steps: str
    owner: User
    by_when: dt.date
    how_we_will_know: str
    who_else: str = ""
    getting_help: str = ""
    support_inside: str = ""
    support_outside: str = ""


def _check(round_: Round, details: PlanDetails) -> None:
    if round_.instrument.instrument.area(details.area_id) is None:
        raise ValidationError({"area_id": "Choose an area of the self-assessment"})
    if not round_.organisation.memberships.filter(user=details.owner).exists():
        raise ValidationError({"owner": "Choose someone who works for the organisation to own this"})


def add_priority(round_: Round, *, by: User, details: PlanDetails, audit: AuditContext | None = None) -> Priority:
    if not rules.can_manage(by, round_):
        raise PermissionDenied(NOT_ADMIN)
    _check(round_, details)
    with transaction.atomic():
        found = Priority.objects.create(
            round=round_,
            area_id=details.area_id,
            priority=details.priority.strip(),
            why=details.why.strip(),
            first_steps=details.first_steps.strip(),
            owner=details.owner,
            by_when=details.by_when,
            who_else=details.who_else.strip(),
            getting_help=details.getting_help.strip(),
            support_inside=details.support_inside.strip(),
            support_outside=details.support_outside.strip(),
            how_we_will_know=details.how_we_will_know.strip(),
            created_by=by,
        )
        PriorityStatusChange.objects.create(priority=found, to_status=PriorityStatus.NOT_STARTED, changed_by=by)
        auditor.record(ADDED, audit=context_for(by, audit), obj=found, detail={"area": details.area_id})
    return found


def can_move(user: User, priority: Priority) -> bool:
    """The owner keeps their priority up to date; the organisation's admins may too."""
    return priority.owner_id == user.pk or rules.can_manage(user, priority.round)


def move_priority(
    priority: Priority, *, by: User, to: str, note: str = "", audit: AuditContext | None = None
) -> Priority:
    if not can_move(by, priority):
        raise PermissionDenied("Only the owner of this priority or an organisation admin can change its status.")
    with transaction.atomic():
        locked = Priority.objects.select_for_update().get(pk=priority.pk)
        if to not in PRIORITY_TRANSITIONS.get(locked.status, set()):
            raise ValidationError({"status": f"It cannot go from {locked.get_status_display().lower()} to that"})
        PriorityStatusChange.objects.create(
            priority=locked, from_status=locked.status, to_status=to, note=note.strip(), changed_by=by
        )
        locked.status = to
        locked.save(update_fields=["status"])
        auditor.record(MOVED, audit=context_for(by, audit), obj=locked, detail={"to": to})
    priority.refresh_from_db()
    return priority
