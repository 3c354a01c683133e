"""The plan's lifecycle: starting it, proposing, agreeing (by the person, or on their behalf under
`people.capacity`), bringing a version into force, co-signing and reopening for review."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.core import dates
from livingplan.core.audit_context import AuditContext
from livingplan.people.models import LegalAuthority, Person
from livingplan.plans import lifecycle, rules
from livingplan.plans.models import (
    START_DATE,
    AgreedAs,
    Plan,
    PlanStatus,
    PlanStatusChange,
    PlanVersion,
    Signature,
    StatementStatus,
)
from livingplan.plans.sections import Section
from livingplan.plans.services.common import (
    audit_plan,
    bump,
    set_status,
)
from livingplan.plans.services.messages import tell_plan_agreed, tell_plan_ready
from livingplan.plans.snapshot import snapshot


@transaction.atomic
def start_plan(person: Person, *, by: User, audit: AuditContext | None = None) -> Plan:
    """The person's one plan, made on first use."""
    plan, created = Plan.objects.get_or_create(person=person)
    if created:
        PlanStatusChange.objects.create(person=person, plan=plan, to_status=PlanStatus.DRAFT, changed_by=by)
        audit_plan("plans.plan.created", plan, by=by, audit=audit)
    return plan


def missing_for_agreement(plan: Plan) -> list[str]:
    """What must be in a plan before the person is asked to agree it (kept short on purpose)."""
    missing = []
    if not plan.statements.filter(section=Section.WHAT_MATTERS, status=StatementStatus.ACCEPTED).exists():
        missing.append("Add what matters to the person")
    if not plan.outcomes.filter(is_active=True).exists():
        missing.append("Add at least one outcome")
    return missing


def _guard_step(plan: Plan, name: str, *, by: User) -> lifecycle.Transition:
    """The step is declared from the plan's status and, in the table, for someone this user is."""
    transition = lifecycle.check(name, plan.status)
    if not lifecycle.may_take(transition, rules.lifecycle_actors(by, plan.person, fresh=True)):
        raise PermissionDenied(lifecycle.refusal(transition))
    return transition


def _move(
    plan: Plan,
    name: str,
    *,
    by: User,
    audit: AuditContext | None,
    note: str = "",
    expected_revision: int | None = None,
) -> Plan:
    """Take one declared lifecycle step: check it is allowed from here and by this user, record it, audit it.

    A step is a change like any other: it names the revision it was offered at and moves the
    revision on, so nobody proposes or reopens a plan that changed under them."""
    transition = _guard_step(plan, name, by=by)
    bump(plan, expected=expected_revision)
    set_status(plan, transition.target, by=by, note=note)
    audit_plan(transition.audit_action, plan, by=by, audit=audit, **({"reason": note} if note else {}))
    return plan


@transaction.atomic
def propose_plan(
    plan: Plan, *, by: User, expected_revision: int | None = None, audit: AuditContext | None = None
) -> Plan:
    lifecycle.check("propose", plan.status)
    missing = missing_for_agreement(plan)
    if missing:
        raise ValidationError(missing)
    _move(plan, "propose", by=by, audit=audit, expected_revision=expected_revision)
    tell_plan_ready(plan, by=by)  # in this transaction: no proposal without its message (ADR-030)
    return plan


@transaction.atomic
def withdraw_plan(
    plan: Plan, *, by: User, expected_revision: int | None = None, audit: AuditContext | None = None
) -> Plan:
    return _move(plan, "withdraw", by=by, audit=audit, expected_revision=expected_revision)


AGREED_AS = {
    LegalAuthority.Kind.LPA_HEALTH_WELFARE: AgreedAs.ATTORNEY,
    LegalAuthority.Kind.DEPUTY_WELFARE: AgreedAs.DEPUTY,
}
BEST_INTERESTS_REQUIRED = "Enter what the person's wishes and feelings are and how you took them into account"


@transaction.atomic
def agree_plan(
    plan: Plan,
    *,
    by: User,
    expected_revision: int | None = None,
    summary: str = "",
    best_interests_note: str = "",
    starts_on: dt.date | None = None,
    audit: AuditContext | None = None,
) -> PlanVersion:
    """The plan as it stands now is frozen as the next version.

    The person agrees it, unless they have been assessed as lacking capacity to make this
    decision; then only their health and welfare attorney or deputy may, on their behalf, and
    must say how the person's wishes and feelings were taken into account.

    It is in force at once, unless they chose a later start date: then it stays agreed, the
    version before it (if any) stays in force, and the worker brings it into force that day.
    """
    transition = _guard_step(plan, "agree", by=by)
    later_start = _later_start(starts_on)
    standing = rules.agreement_standing(by, plan.person, fresh=True)  # decide on what is true now
    if not standing.may_decide:
        raise PermissionDenied("Only the person, or someone with authority to decide for them, can agree their plan.")
    note = best_interests_note.strip() if standing.on_behalf else ""
    if standing.on_behalf and not note:
        raise ValidationError({"best_interests_note": BEST_INTERESTS_REQUIRED})
    bump(plan, expected=expected_revision)
    number = (plan.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    agreed_as = AGREED_AS[LegalAuthority.Kind(standing.authority_kind)] if standing.on_behalf else AgreedAs.PERSON
    version = PlanVersion.objects.create(
        person_id=plan.person_id,
        plan=plan,
        number=number,
        agreed_by=by,
        agreed_as=agreed_as,
        acting_authority_id=standing.authority_id if standing.on_behalf else None,
        best_interests_note=note,
        starts_on=later_start,
        snapshot=snapshot(plan),
        summary_of_changes=summary.strip()[:300],
    )
    set_status(plan, transition.target, by=by, note=f"Version {number}")
    if later_start is not None:
        from livingplan.plans.tasks import schedule_start  # the task module imports this one

        transaction.on_commit(lambda: schedule_start(plan.pk, number, later_start))
    elif transition.then:
        # In force at once: its own row, so the history shows when it was agreed and when it
        # came into force, the same as for a plan with a later start date.
        set_status(plan, transition.then, by=by, note=f"Version {number} in force")
    # The same declared action either way, so every count of agreements stays right; the detail
    # says when it was not the person who agreed, as whom, and under which authority.
    on_behalf = {"on_behalf": True, "agreed_as": agreed_as.label, "authority": standing.authority_id}
    audit_plan(
        lifecycle.TRANSITIONS["agree"].audit_action,
        plan,
        by=by,
        obj=version,
        audit=audit,
        version=number,
        **(on_behalf if standing.on_behalf else {}),
    )
    tell_plan_agreed(version, by=by)
    return version


def _later_start(starts_on: dt.date | None) -> dt.date | None:
    """A start date after today, checked; today or none means in force at once."""
    if starts_on is None:
        return None
    if starts_on < timezone.localdate():
        raise ValidationError({"starts_on": f"{START_DATE} must be today or in the future"})
    dates.validate_fields(starts_on=(starts_on, dates.PLANNED, START_DATE))
    return starts_on if starts_on > timezone.localdate() else None


@transaction.atomic
def bring_into_force(plan: Plan, number: int, *, audit: AuditContext | None = None) -> bool:
    """On its start date, the version agreed for later comes into force, in the name of whoever
    agreed it (it was their choice of day; the worker's `audit` context is in their name too).
    Nothing happens if the plan has moved on since: a review started, or a newer version was
    agreed. Returns whether it came into force."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    version = plan.versions.order_by("-number").first()
    if plan.status != PlanStatus.AGREED or version is None or version.number != number:
        return False
    if version.starts_on is not None and version.starts_on > timezone.localdate():
        return False
    bump(plan, expected=None)
    set_status(plan, PlanStatus.ACTIVE, by=version.agreed_by, note=f"Version {number} in force, as agreed")
    audit_plan(
        "plans.plan.activated",
        plan,
        by=version.agreed_by,
        audit=audit,
        version=number,
        started_on_the_day_chosen=True,
    )
    return True


@transaction.atomic
def sign_version(version: PlanVersion, *, by: User, role: str, audit: AuditContext | None = None) -> Signature:
    plan = version.plan
    if rules.is_the_person(by, plan.person) or not rules.can_contribute(by, plan.person):
        raise PermissionDenied("Co-signatures come from the circle of support or the care team.")
    signature, _ = Signature.objects.get_or_create(
        person_id=plan.person_id, version=version, signed_by=by, defaults={"role": role}
    )
    audit_plan("plans.version.signed", plan, by=by, obj=version, audit=audit)
    return signature


@transaction.atomic
def activate_plan(
    plan: Plan, *, by: User, expected_revision: int | None = None, audit: AuditContext | None = None
) -> Plan:
    return _move(plan, "activate", by=by, audit=audit, expected_revision=expected_revision)


@transaction.atomic
def start_review(
    plan: Plan,
    *,
    by: User,
    reason: str = "",
    expected_revision: int | None = None,
    audit: AuditContext | None = None,
) -> Plan:
    note = reason.strip()[:300]
    return _move(plan, "start_review", by=by, audit=audit, note=note, expected_revision=expected_revision)
