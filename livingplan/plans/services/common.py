"""What every plan verb shares: the stale-edit check on the plan's revision, the edit guard,
status rows, adding one piece of content, and the audit row in the actor's context."""

from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import F

from livingplan.accounts.models import User
from livingplan.core.audit_context import AuditContext, context_for
from livingplan.core.conflicts import Conflict
from livingplan.core.services import auditor
from livingplan.people.models import Person
from livingplan.plans import lifecycle, limits, rules
from livingplan.plans.models import (
    Action,
    ContributorKind,
    Outcome,
    Plan,
    PlanStatusChange,
    Risk,
    Statement,
    StatementStatus,
)

C = TypeVar("C", Statement, Outcome, Action, Risk)
LIVE_STATEMENTS = (StatementStatus.ACCEPTED, StatementStatus.PROPOSED)


class StaleEdit(Conflict):
    """The plan changed since the editor loaded it."""

    def __init__(self, plan: Plan, expected: int) -> None:
        super().__init__(f"The plan has changed since you opened it (revision {expected}, now {plan.revision}).")
        self.plan = plan
        self.expected = expected


def contributor_kind(user: User, person: Person) -> str:
    if rules.is_the_person(user, person):
        return ContributorKind.PERSON
    if rules.is_in_circle(user, person):
        return ContributorKind.CIRCLE
    return ContributorKind.PRACTITIONER


def audit_plan(
    action: str, plan: Plan, *, by: User, obj: Any = None, audit: AuditContext | None = None, **detail: Any
) -> None:
    auditor.record(action, audit=context_for(by, audit), person_id=plan.person_id, obj=obj or plan, detail=detail)


def bump(plan: Plan, *, expected: int | None) -> None:
    """Move the plan to its next revision, or refuse if someone else got there first.

    A conditional UPDATE is atomic on both SQLite and PostgreSQL, so two editors holding the
    same revision cannot both succeed.
    """
    query = Plan.objects.filter(pk=plan.pk)
    if expected is not None:
        query = query.filter(revision=expected)
    if query.update(revision=F("revision") + 1) == 0:
        plan.refresh_from_db()
        raise StaleEdit(plan, expected or 0)
    plan.refresh_from_db(fields=["revision"])


def guard_edit(plan: Plan, by: User) -> None:
    if not rules.can_contribute(by, plan.person):
        raise PermissionDenied("Only the person, their circle and their care team can change this plan.")
    if plan.status not in lifecycle.EDITABLE:
        raise lifecycle.TransitionNotAllowed(
            "This plan has been agreed. Choose 'Change the plan' to start a review before changing it."
        )


def set_status(plan: Plan, to: str, *, by: User, note: str = "") -> None:
    PlanStatusChange.objects.create(
        person_id=plan.person_id, plan=plan, from_status=plan.status, to_status=to, changed_by=by, note=note
    )
    plan.status = to
    plan.save(update_fields=["status", "updated_at"])


def next_position(queryset: Any) -> int:
    last = queryset.order_by("-position").values_list("position", flat=True).first()
    return (last or 0) + 1


def add_content(
    model: type[C],
    plan: Plan,
    *,
    by: User,
    action: str,
    in_own_words: bool = False,
    kind: str | None = None,
    expected_revision: int | None,
    audit: AuditContext | None,
    detail: dict[str, Any] | None = None,
    room: tuple[str, Any],
    said_by: User | None = None,
    **fields: Any,
) -> C:
    """Add one piece of plan content with who contributed it: guard, validate, bump the revision, save, audit.

    `room` names the part's cap and what it holds now (`limits.check_room`). `said_by`: someone
    else whose words `by` is writing down (`guard_said_by`); the item is theirs, the audit row is `by`'s."""
    guard_edit(plan, by)
    said_by = guard_said_by(plan, by=by, said_by=said_by)
    limits.check_room(*room)
    limits.check_write_rate(by, audit)
    speaker = said_by or by
    kind = kind or contributor_kind(speaker, plan.person)
    item = model(
        person_id=plan.person_id,
        plan=plan,
        contributed_by=speaker,
        contributor_kind=kind,
        in_own_words=in_own_words or kind == ContributorKind.PERSON,
        **fields,
    )
    item.full_clean(exclude=["person", "plan", "outcome", "contributed_by", "owner"])
    bump(plan, expected=expected_revision)
    item.save()
    if said_by is not None:
        detail = {**(detail or {}), "said_by": said_by.pk}
    audit_plan(action, plan, by=by, obj=item, audit=audit, **(detail or {}))
    return item


def guard_said_by(plan: Plan, *, by: User, said_by: User | None) -> User | None:
    """Only someone on the care team writes down what another person said (at a planning
    conversation, ADR-035), and only the words of someone who writes this plan with them.
    Returns who said it when that is someone other than `by`."""
    if said_by is None or said_by.pk == by.pk:
        return None
    if not rules.is_on_care_team(by, plan.person):
        raise PermissionDenied("Only the care team can record what someone else said.")
    if not rules.can_contribute(said_by, plan.person):
        raise PermissionDenied("Choose the person, someone in their circle or someone on their care team.")
    return said_by
