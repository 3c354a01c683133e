"""Domain verbs for the living plan: the one write path for every part of it.

Each verb: guard (who, lifecycle, stale revision) -> transaction -> change -> audit.
Edits name the revision they started from; if the plan moved on meanwhile, `StaleEdit`
is raised and nothing is written, so no one's change is silently lost.
"""

import datetime as dt
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from livingplan.accounts.models import Organisation, User
from livingplan.core import dates
from livingplan.core.conflicts import Conflict
from livingplan.core.services import auditor
from livingplan.people import capacity
from livingplan.people.models import CircleMember, LegalAuthority, Person
from livingplan.plans import lifecycle, limits, owners, rules
from livingplan.plans.models import (
    NEXT_REVIEW_DATE,
    START_DATE,
    Action,
    ActionStatus,
    AgreedAs,
    ContributorKind,
    Disagreement,
    LinkedPlan,
    Outcome,
    Plan,
    PlanStatus,
    PlanStatusChange,
    PlanVersion,
    ProgressScore,
    Risk,
    SharingChoice,
    Signature,
    Statement,
    StatementStatus,
)
from livingplan.plans.sections import OWN_VOICE_SECTIONS, Section, SharingGroup
from livingplan.plans.snapshot import snapshot

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


def _audit(
    action: str, plan: Plan, *, by: User, obj: Any = None, request: HttpRequest | None = None, **detail: Any
) -> None:
    auditor.record(action, actor=by, person_id=plan.person_id, obj=obj or plan, request=request, detail=detail)


def _bump(plan: Plan, *, expected: int | None) -> None:
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


def _guard_edit(plan: Plan, by: User) -> None:
    if not rules.can_contribute(by, plan.person):
        raise PermissionDenied("Only the person, their circle and their care team can change this plan.")
    if plan.status not in lifecycle.EDITABLE:
        raise lifecycle.TransitionNotAllowed(
            "This plan has been agreed. Choose 'Change the plan' to start a review before changing it."
        )


def _status(plan: Plan, to: str, *, by: User, note: str = "") -> None:
    PlanStatusChange.objects.create(
        person_id=plan.person_id, plan=plan, from_status=plan.status, to_status=to, changed_by=by, note=note
    )
    plan.status = to
    plan.save(update_fields=["status", "updated_at"])


@transaction.atomic
def start_plan(person: Person, *, by: User) -> Plan:
    """The person's one plan, made on first use."""
    plan, created = Plan.objects.get_or_create(person=person)
    if created:
        PlanStatusChange.objects.create(person=person, plan=plan, to_status=PlanStatus.DRAFT, changed_by=by)
        _audit("plans.plan.created", plan, by=by)
    return plan


def _next_position(queryset: Any) -> int:
    last = queryset.order_by("-position").values_list("position", flat=True).first()
    return (last or 0) + 1


def _add_content(
    model: type[C],
    plan: Plan,
    *,
    by: User,
    audit: str,
    in_own_words: bool = False,
    kind: str | None = None,
    expected_revision: int | None,
    request: HttpRequest | None,
    detail: dict[str, Any] | None = None,
    room: tuple[str, Any],
    **fields: Any,
) -> C:
    """Add one piece of plan content with who contributed it: guard, validate, bump the revision, save, audit.

    `room` names the part's cap and what it holds now (`limits.check_room`)."""
    _guard_edit(plan, by)
    limits.check_room(*room)
    limits.check_write_rate(by, request)
    kind = kind or contributor_kind(by, plan.person)
    item = model(
        person_id=plan.person_id,
        plan=plan,
        contributed_by=by,
        contributor_kind=kind,
        in_own_words=in_own_words or kind == ContributorKind.PERSON,
        **fields,
    )
    item.full_clean(exclude=["person", "plan", "outcome", "contributed_by", "owner"])
    _bump(plan, expected=expected_revision)
    item.save()
    _audit(audit, plan, by=by, obj=item, request=request, **(detail or {}))
    return item


@transaction.atomic
def add_statement(
    plan: Plan,
    *,
    by: User,
    section: str,
    text: str,
    in_own_words: bool = False,
    expected_revision: int | None = None,
    request: HttpRequest | None = None,
) -> Statement:
    text = text.strip()
    if not text:
        raise ValidationError({"text": "Enter what you want to add"})
    kind = contributor_kind(by, plan.person)
    # In the person's own voice, other people suggest; the person decides what it says (ADR-025).
    direct, written_for = rules.writes_in_own_voice(by, plan.person) if section in OWN_VOICE_SECTIONS else (True, False)
    return _add_content(
        Statement,
        plan,
        by=by,
        kind=kind,
        in_own_words=in_own_words,
        audit="plans.statement.added",
        detail={"section": section},
        expected_revision=expected_revision,
        request=request,
        room=("statements_per_section", plan.statements.filter(section=section, status__in=LIVE_STATEMENTS)),
        section=Section(section),
        text=text,
        status=StatementStatus.ACCEPTED if direct else StatementStatus.PROPOSED,
        written_for=written_for,
        position=_next_position(plan.statements.filter(section=section)),
    )


@transaction.atomic
def decide_statement(
    statement: Statement,
    *,
    by: User,
    accept: bool,
    expected_revision: int | None = None,
    request: HttpRequest | None = None,
) -> Statement:
    """The person (or their attorney or deputy, if the person lacks capacity to agree the plan)
    accepts or declines text someone suggested for their own-voice sections (ADR-025)."""
    plan = statement.plan
    decide_suggestion(statement, by=by, accept=accept, expected_revision=expected_revision)
    _audit(
        "plans.statement.accepted" if accept else "plans.statement.declined",
        plan,
        by=by,
        obj=statement,
        request=request,
    )
    return statement


def decide_suggestion(item: Statement | Outcome, *, by: User, accept: bool, expected_revision: int | None) -> None:
    """Accept or decline one suggestion, statement or outcome: guard, bump, save (the caller audits)."""
    plan = item.plan
    if not rules.may_decide_suggestions(by, plan.person, fresh=True):
        raise PermissionDenied("Only the person, or someone with authority to decide for them, can accept suggestions.")
    if item.status != StatementStatus.PROPOSED:
        raise ValidationError("This suggestion has already been decided.")
    if plan.status not in lifecycle.EDITABLE:
        # Accepting changes the plan's content, so it waits, like any change, for the plan to be open.
        raise lifecycle.TransitionNotAllowed(
            "This plan has been agreed. Choose 'Change the plan' to start a review before accepting suggestions."
        )
    if accept and isinstance(item, Outcome):
        limits.check_room("outcomes", plan.outcomes.filter(is_active=True))
    _bump(plan, expected=expected_revision)
    item.status = StatementStatus.ACCEPTED if accept else StatementStatus.DECLINED
    item.decided_by, item.decided_at = by, timezone.now()
    fields = ["status", "decided_by", "decided_at"]
    if isinstance(item, Outcome):
        item.is_active = accept  # in the plan once accepted (Outcome's check constraint)
        fields.append("is_active")
    item.save(update_fields=fields)


@transaction.atomic
def remove_statement(
    statement: Statement, *, by: User, expected_revision: int | None = None, request: HttpRequest | None = None
) -> Statement:
    plan = statement.plan
    _guard_edit(plan, by)
    limits.check_write_rate(by, request)
    _bump(plan, expected=expected_revision)
    statement.status = StatementStatus.REMOVED
    statement.save(update_fields=["status"])
    _audit("plans.statement.removed", plan, by=by, obj=statement, request=request)
    return statement


@transaction.atomic
def add_outcome(
    plan: Plan,
    *,
    by: User,
    text: str,
    why_it_matters: str = "",
    importance: int = 3,
    in_own_words: bool = False,
    expected_revision: int | None = None,
    request: HttpRequest | None = None,
) -> Outcome:
    # Outcomes are in the person's words: anyone else's is a suggestion, not yet in the plan (ADR-025).
    direct, written_for = rules.writes_in_own_voice(by, plan.person)
    status = StatementStatus.ACCEPTED if direct else StatementStatus.PROPOSED
    return _add_content(
        Outcome,
        plan,
        by=by,
        in_own_words=in_own_words,
        audit="plans.outcome.added",
        expected_revision=expected_revision,
        request=request,
        room=("outcomes", plan.outcomes.filter(status__in=LIVE_STATEMENTS)),
        text=text.strip(),
        why_it_matters=why_it_matters.strip(),
        importance=importance,
        status=status,
        is_active=direct,
        written_for=written_for,
        position=_next_position(plan.outcomes.all()),
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
    request: HttpRequest | None = None,
) -> ProgressScore:
    """Progress can be scored at any time, even on an agreed plan: it is how the plan is going."""
    plan = outcome.plan
    if not rules.can_contribute(by, plan.person):
        raise PermissionDenied("Only the person, their circle and their care team can score progress.")
    entry = ProgressScore(
        person_id=plan.person_id, outcome=outcome, score=score, recorded_on=on, recorded_by=by, note=note.strip()
    )
    entry.full_clean(exclude=["person", "outcome", "recorded_by"])
    limits.check_write_rate(by, request)
    _bump(plan, expected=expected_revision)
    entry.save()
    _audit("plans.outcome.progress_recorded", plan, by=by, obj=outcome, request=request, score=score)
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
    request: HttpRequest | None = None,
) -> Action:
    owner, owner_name = owners.resolve_owner(outcome.plan.person, by=by, owner=owner, owner_name=owner_name)
    return _add_content(
        Action,
        outcome.plan,
        by=by,
        audit="plans.action.added",
        expected_revision=expected_revision,
        request=request,
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
    action: Action, *, by: User, status: str, expected_revision: int | None = None, request: HttpRequest | None = None
) -> Action:
    """Saying an action is done is how the plan is kept honest, so it is allowed on any live plan."""
    plan = action.plan
    if not rules.can_contribute(by, plan.person):
        raise PermissionDenied("Only the person, their circle and their care team can update actions.")
    new_status = ActionStatus(status)
    limits.check_write_rate(by, request)
    _bump(plan, expected=expected_revision)
    action.status = new_status
    action.save(update_fields=["status"])
    _audit("plans.action.status_changed", plan, by=by, obj=action, request=request, status=status)
    return action


@transaction.atomic
def add_risk(
    plan: Plan,
    *,
    by: User,
    what_could_go_wrong: str,
    what_we_agree: str,
    decided_by: str,
    persons_view: str = "",
    expected_revision: int | None = None,
    request: HttpRequest | None = None,
) -> Risk:
    return _add_content(
        Risk,
        plan,
        by=by,
        audit="plans.risk.added",
        expected_revision=expected_revision,
        request=request,
        room=("risks", plan.risks.all()),
        what_could_go_wrong=what_could_go_wrong.strip(),
        what_we_agree=what_we_agree.strip(),
        decided_by=decided_by.strip(),
        persons_view=persons_view.strip(),
        position=_next_position(plan.risks.all()),
    )


@transaction.atomic
def record_disagreement(
    plan: Plan,
    *,
    by: User,
    about: str,
    view: str,
    how_handled: str = "",
    expected_revision: int | None = None,
    request: HttpRequest | None = None,
) -> Disagreement:
    if not rules.can_contribute(by, plan.person):
        raise PermissionDenied("Only the person, their circle and their care team can record a different view.")
    disagreement = Disagreement(
        person_id=plan.person_id,
        plan=plan,
        about=about,
        view=view.strip(),
        raised_by=by,
        how_handled=how_handled.strip(),
    )
    disagreement.full_clean(exclude=["person", "plan", "raised_by"])
    limits.check_room("disagreements", plan.disagreements.all())
    limits.check_write_rate(by, request)
    _bump(plan, expected=expected_revision)
    disagreement.save()
    _audit("plans.disagreement.recorded", plan, by=by, obj=disagreement, request=request, about=about)
    return disagreement


@transaction.atomic
def set_review_arrangements(
    plan: Plan,
    *,
    by: User,
    next_review_on: dt.date | None,
    review_lead: User | None,
    early_review_triggers: str,
    expected_revision: int | None = None,
    request: HttpRequest | None = None,
) -> Plan:
    _guard_edit(plan, by)
    dates.validate_fields(next_review_on=(next_review_on, dates.PLANNED, NEXT_REVIEW_DATE))
    limits.check_write_rate(by, request)
    _bump(plan, expected=expected_revision)
    plan.next_review_on = next_review_on
    plan.review_lead = review_lead
    plan.early_review_triggers = early_review_triggers.strip()
    plan.save(update_fields=["next_review_on", "review_lead", "early_review_triggers", "updated_at"])
    _audit("plans.review_arrangements.changed", plan, by=by, request=request)
    return plan


@transaction.atomic
def add_linked_plan(
    plan: Plan,
    *,
    by: User,
    kind: str,
    description: str,
    held_by: str = "",
    expected_revision: int | None = None,
    request: HttpRequest | None = None,
) -> LinkedPlan:
    _guard_edit(plan, by)
    linked = LinkedPlan(
        person_id=plan.person_id, plan=plan, kind=kind, description=description.strip(), held_by=held_by.strip()
    )
    linked.full_clean(exclude=["person", "plan"])
    limits.check_room("linked_plans", plan.linked_plans.all())
    limits.check_write_rate(by, request)
    _bump(plan, expected=expected_revision)
    linked.save()
    _audit("plans.linked_plan.added", plan, by=by, obj=linked, request=request)
    return linked


# Lifecycle -----------------------------------------------------------------------------


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
    request: HttpRequest | None,
    note: str = "",
    expected_revision: int | None = None,
) -> Plan:
    """Take one declared lifecycle step: check it is allowed from here and by this user, record it, audit it.

    A step is a change like any other: it names the revision it was offered at and moves the
    revision on, so nobody proposes or reopens a plan that changed under them."""
    transition = _guard_step(plan, name, by=by)
    _bump(plan, expected=expected_revision)
    _status(plan, transition.target, by=by, note=note)
    _audit(transition.audit_action, plan, by=by, request=request, **({"reason": note} if note else {}))
    return plan


@transaction.atomic
def propose_plan(
    plan: Plan, *, by: User, expected_revision: int | None = None, request: HttpRequest | None = None
) -> Plan:
    lifecycle.check("propose", plan.status)
    missing = missing_for_agreement(plan)
    if missing:
        raise ValidationError(missing)
    return _move(plan, "propose", by=by, request=request, expected_revision=expected_revision)


@transaction.atomic
def withdraw_plan(
    plan: Plan, *, by: User, expected_revision: int | None = None, request: HttpRequest | None = None
) -> Plan:
    return _move(plan, "withdraw", by=by, request=request, expected_revision=expected_revision)


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
    request: HttpRequest | None = None,
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
    _bump(plan, expected=expected_revision)
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
    _status(plan, transition.target, by=by, note=f"Version {number}")
    if later_start is not None:
        from livingplan.plans.tasks import schedule_start  # the task module imports this one

        transaction.on_commit(lambda: schedule_start(plan.pk, number, later_start))
    elif transition.then:
        # In force at once: its own row, so the history shows when it was agreed and when it
        # came into force, the same as for a plan with a later start date.
        _status(plan, transition.then, by=by, note=f"Version {number} in force")
    # The same declared action either way, so every count of agreements stays right; the detail
    # says when it was not the person who agreed, as whom, and under which authority.
    on_behalf = {"on_behalf": True, "agreed_as": agreed_as.label, "authority": standing.authority_id}
    _audit(
        lifecycle.TRANSITIONS["agree"].audit_action,
        plan,
        by=by,
        obj=version,
        request=request,
        version=number,
        **(on_behalf if standing.on_behalf else {}),
    )
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
def bring_into_force(plan: Plan, number: int) -> bool:
    """On its start date, the version agreed for later comes into force, in the name of whoever
    agreed it (it was their choice of day). Nothing happens if the plan has moved on since: a
    review started, or a newer version was agreed. Returns whether it came into force."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    version = plan.versions.order_by("-number").first()
    if plan.status != PlanStatus.AGREED or version is None or version.number != number:
        return False
    if version.starts_on is not None and version.starts_on > timezone.localdate():
        return False
    _bump(plan, expected=None)
    _status(plan, PlanStatus.ACTIVE, by=version.agreed_by, note=f"Version {number} in force, as agreed")
    _audit("plans.plan.activated", plan, by=version.agreed_by, version=number, started_on_the_day_chosen=True)
    return True


@transaction.atomic
def sign_version(version: PlanVersion, *, by: User, role: str, request: HttpRequest | None = None) -> Signature:
    plan = version.plan
    if rules.is_the_person(by, plan.person) or not rules.can_contribute(by, plan.person):
        raise PermissionDenied("Co-signatures come from the circle of support or the care team.")
    signature, _ = Signature.objects.get_or_create(
        person_id=plan.person_id, version=version, signed_by=by, defaults={"role": role}
    )
    _audit("plans.version.signed", plan, by=by, obj=version, request=request)
    return signature


@transaction.atomic
def activate_plan(
    plan: Plan, *, by: User, expected_revision: int | None = None, request: HttpRequest | None = None
) -> Plan:
    return _move(plan, "activate", by=by, request=request, expected_revision=expected_revision)


@transaction.atomic
def start_review(
    plan: Plan,
    *,
    by: User,
    reason: str = "",
    expected_revision: int | None = None,
    request: HttpRequest | None = None,
) -> Plan:
    note = reason.strip()[:300]
    return _move(plan, "start_review", by=by, request=request, note=note, expected_revision=expected_revision)


# Sharing --------------------------------------------------------------------------------


def _sharing_decider(by: User, person: Person) -> capacity.Standing:
    """Who decides sharing, judged on what is true now rather than on what a page read earlier."""
    standing = rules.sharing_standing(by, person, fresh=True)
    if not standing.may_decide:
        raise PermissionDenied(
            "Only the person, or someone with authority to decide for them, decides who sees their plan."
        )
    return standing


def _share(
    person: Person,
    standing: capacity.Standing,
    *,
    by: User,
    group: str,
    is_shared: bool,
    circle_member: CircleMember | None,
    organisation: Organisation | None,
    request: HttpRequest | None,
) -> SharingChoice:
    if (circle_member is None) == (organisation is None):
        raise ValueError("Choose either a circle member or an organisation.")
    choice, _ = SharingChoice.objects.update_or_create(
        person=person,
        group=group,
        circle_member=circle_member,
        organisation=organisation,
        defaults={"is_shared": is_shared},
    )
    audience = circle_member.name if circle_member else organisation.name  # type: ignore[union-attr]
    auditor.record(
        "plans.sharing.changed",
        actor=by,
        person_id=person.pk,
        obj=choice,
        request=request,
        detail={
            "group": group,
            "audience": audience,
            "shared": is_shared,
            **({"on_behalf": True, "acting_as": standing.acting_as} if standing.on_behalf else {}),
        },
    )
    return choice


@transaction.atomic
def set_sharing(
    person: Person,
    *,
    by: User,
    group: str,
    is_shared: bool,
    circle_member: CircleMember | None = None,
    organisation: Organisation | None = None,
    request: HttpRequest | None = None,
) -> SharingChoice:
    standing = _sharing_decider(by, person)
    return _share(
        person,
        standing,
        by=by,
        group=group,
        is_shared=is_shared,
        circle_member=circle_member,
        organisation=organisation,
        request=request,
    )


@transaction.atomic
def choose_sharing(
    person: Person,
    *,
    by: User,
    groups: set[str],
    circle_member: CircleMember | None = None,
    organisation: Organisation | None = None,
    request: HttpRequest | None = None,
) -> None:
    """Record, for one audience, exactly which groups of the plan they may see (one check of who decides)."""
    standing = _sharing_decider(by, person)
    for group in SharingGroup:
        _share(
            person,
            standing,
            by=by,
            group=group,
            is_shared=group in groups,
            circle_member=circle_member,
            organisation=organisation,
            request=request,
        )


def record_plan_viewed(plan: Plan, *, by: User, request: HttpRequest | None = None, what: str = "plan") -> None:
    _audit(f"plans.{what}.viewed", plan, by=by, request=request)
