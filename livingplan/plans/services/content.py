"""Writing the plan's content: what matters, outcomes, risks, different views, review
arrangements and linked plans, and deciding suggestions in the person's own voice (ADR-025)."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.core import dates
from livingplan.core.audit_context import AuditContext
from livingplan.plans import lifecycle, limits, rules, telling
from livingplan.plans.models import (
    NEXT_REVIEW_DATE,
    Disagreement,
    LinkedPlan,
    Outcome,
    Plan,
    Risk,
    Statement,
    StatementStatus,
)
from livingplan.plans.sections import OWN_VOICE_SECTIONS, Section
from livingplan.plans.services.common import (
    LIVE_STATEMENTS,
    add_content,
    audit_plan,
    bump,
    contributor_kind,
    guard_edit,
    next_position,
)


@transaction.atomic
def add_statement(
    plan: Plan,
    *,
    by: User,
    section: str,
    text: str,
    in_own_words: bool = False,
    expected_revision: int | None = None,
    audit: AuditContext | None = None,
    said_by: User | None = None,
) -> Statement:
    """`said_by`: someone whose words a care-team member writes down for them (ADR-035)."""
    text = text.strip()
    if not text:
        raise ValidationError({"text": "Enter what you want to add"})
    speaker = said_by or by
    kind = contributor_kind(speaker, plan.person)
    # In the person's own voice, other people suggest; the person decides what it says (ADR-025).
    own_voice = section in OWN_VOICE_SECTIONS
    direct, written_for = rules.writes_in_own_voice(speaker, plan.person) if own_voice else (True, False)
    statement = add_content(
        Statement,
        plan,
        by=by,
        said_by=said_by,
        kind=kind,
        in_own_words=in_own_words,
        action="plans.statement.added",
        detail={"section": section},
        expected_revision=expected_revision,
        audit=audit,
        room=("statements_per_section", plan.statements.filter(section=section, status__in=LIVE_STATEMENTS)),
        section=Section(section),
        text=text,
        status=StatementStatus.ACCEPTED if direct else StatementStatus.PROPOSED,
        written_for=written_for,
        position=next_position(plan.statements.filter(section=section)),
    )
    if statement.status == StatementStatus.PROPOSED:
        telling.suggestion_waiting(statement, by=speaker)
    return statement


@transaction.atomic
def decide_statement(
    statement: Statement,
    *,
    by: User,
    accept: bool,
    expected_revision: int | None = None,
    audit: AuditContext | None = None,
) -> Statement:
    """The person (or their attorney or deputy, if the person lacks capacity to agree the plan)
    accepts or declines text someone suggested for their own-voice sections (ADR-025)."""
    plan = statement.plan
    decide_suggestion(statement, by=by, accept=accept, expected_revision=expected_revision)
    audit_plan(
        "plans.statement.accepted" if accept else "plans.statement.declined",
        plan,
        by=by,
        obj=statement,
        audit=audit,
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
    bump(plan, expected=expected_revision)
    item.status = StatementStatus.ACCEPTED if accept else StatementStatus.DECLINED
    item.decided_by, item.decided_at = by, timezone.now()
    fields = ["status", "decided_by", "decided_at"]
    if isinstance(item, Outcome):
        item.is_active = accept  # in the plan once accepted (Outcome's check constraint)
        fields.append("is_active")
    item.save(update_fields=fields)


@transaction.atomic
def remove_statement(
    statement: Statement, *, by: User, expected_revision: int | None = None, audit: AuditContext | None = None
) -> Statement:
    plan = statement.plan
    guard_edit(plan, by)
    limits.check_write_rate(by, audit)
    bump(plan, expected=expected_revision)
    statement.status = StatementStatus.REMOVED
    statement.save(update_fields=["status"])
    audit_plan("plans.statement.removed", plan, by=by, obj=statement, audit=audit)
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
    audit: AuditContext | None = None,
    said_by: User | None = None,
) -> Outcome:
    # Outcomes are in the person's words: anyone else's is a suggestion, not yet in the plan (ADR-025).
    speaker = said_by or by
    direct, written_for = rules.writes_in_own_voice(speaker, plan.person)
    status = StatementStatus.ACCEPTED if direct else StatementStatus.PROPOSED
    outcome = add_content(
        Outcome,
        plan,
        by=by,
        said_by=said_by,
        in_own_words=in_own_words,
        action="plans.outcome.added",
        expected_revision=expected_revision,
        audit=audit,
        room=("outcomes", plan.outcomes.filter(status__in=LIVE_STATEMENTS)),
        text=text.strip(),
        why_it_matters=why_it_matters.strip(),
        importance=importance,
        status=status,
        is_active=direct,
        written_for=written_for,
        position=next_position(plan.outcomes.all()),
    )
    if status == StatementStatus.PROPOSED:
        telling.suggestion_waiting(outcome, by=speaker)
    return outcome


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
    audit: AuditContext | None = None,
    said_by: User | None = None,
) -> Risk:
    return add_content(
        Risk,
        plan,
        by=by,
        said_by=said_by,
        action="plans.risk.added",
        expected_revision=expected_revision,
        audit=audit,
        room=("risks", plan.risks.all()),
        what_could_go_wrong=what_could_go_wrong.strip(),
        what_we_agree=what_we_agree.strip(),
        decided_by=decided_by.strip(),
        persons_view=persons_view.strip(),
        position=next_position(plan.risks.all()),
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
    audit: AuditContext | None = None,
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
    limits.check_write_rate(by, audit)
    bump(plan, expected=expected_revision)
    disagreement.save()
    audit_plan("plans.disagreement.recorded", plan, by=by, obj=disagreement, audit=audit, about=about)
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
    audit: AuditContext | None = None,
) -> Plan:
    guard_edit(plan, by)
    dates.validate_fields(next_review_on=(next_review_on, dates.PLANNED, NEXT_REVIEW_DATE))
    limits.check_write_rate(by, audit)
    bump(plan, expected=expected_revision)
    plan.next_review_on = next_review_on
    plan.review_lead = review_lead
    plan.early_review_triggers = early_review_triggers.strip()
    plan.save(update_fields=["next_review_on", "review_lead", "early_review_triggers", "updated_at"])
    audit_plan("plans.review_arrangements.changed", plan, by=by, audit=audit)
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
    audit: AuditContext | None = None,
) -> LinkedPlan:
    guard_edit(plan, by)
    linked = LinkedPlan(
        person_id=plan.person_id, plan=plan, kind=kind, description=description.strip(), held_by=held_by.strip()
    )
    linked.full_clean(exclude=["person", "plan"])
    limits.check_room("linked_plans", plan.linked_plans.all())
    limits.check_write_rate(by, audit)
    bump(plan, expected=expected_revision)
    linked.save()
    audit_plan("plans.linked_plan.added", plan, by=by, obj=linked, audit=audit)
    return linked


def record_plan_viewed(plan: Plan, *, by: User, audit: AuditContext | None = None, what: str = "plan") -> None:
    audit_plan(f"plans.{what}.viewed", plan, by=by, audit=audit)
