"""The person's own voice (ADR-025): suggested outcomes, who may write for the person, and
changing or withdrawing words already written, each change kept.

The same shape as `services`: guard (who, lifecycle, stale revision) -> change -> audit. Statement
suggestions are decided by `services.decide_statement`; outcomes by `decide_outcome` here, with
the same rule (`services.decide_suggestion`).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.core.audit_context import AuditContext, context_for
from livingplan.core.services import auditor
from livingplan.core.viewer import Viewer
from livingplan.people.models import Person
from livingplan.plans import limits, rules, services
from livingplan.plans.models import (
    ContentEdit,
    EditKind,
    Outcome,
    Plan,
    Statement,
    StatementStatus,
    WritesForPerson,
)
from livingplan.plans.sections import OWN_VOICE_SECTIONS
from livingplan.plans.services.common import audit_plan, bump, guard_edit

Words = Statement | Outcome
WITHDRAWN = StatementStatus.REMOVED  # what a withdrawn item's status says: no longer in the plan


def about(item: Words) -> str:
    """How an item is named in `ContentEdit.about` and `Disagreement.about`."""
    return f"{'statement' if isinstance(item, Statement) else 'outcome'}:{item.pk}"


def is_own_voice(item: Words) -> bool:
    return isinstance(item, Outcome) or item.section in OWN_VOICE_SECTIONS


def may_change_words(user: Viewer, person: Person, item: Words, *, writes_direct: bool | None = None) -> bool:
    """Who may change or withdraw an item's words while the plan is open for change.

    A suggestion is its author's until it is decided. Once in the plan, words in the person's own
    voice are theirs: the person changes them, or whoever wrote them straight in for the person. In a
    practitioner's section the author keeps their own words up to date. A page working this out
    for many items passes `writes_direct` (`rules.writes_in_own_voice`), found once."""
    if item.status == StatementStatus.PROPOSED:
        return bool(item.contributed_by_id == user.pk)
    if item.status != StatementStatus.ACCEPTED:
        return False
    if is_own_voice(item):
        if rules.is_the_person(user, person):
            return True
        if item.contributed_by_id != user.pk:
            return False
        return rules.writes_in_own_voice(user, person)[0] if writes_direct is None else writes_direct
    return bool(item.contributed_by_id == user.pk)


def _guard_change(item: Words, by: User, audit: AuditContext | None) -> Plan:
    plan = item.plan
    guard_edit(plan, by)
    if not may_change_words(by, plan.person, item):
        raise PermissionDenied("Only the person, or whoever wrote these words, can change them.")
    limits.check_write_rate(by, audit)
    return plan


@transaction.atomic
def edit_words(
    item: Words, *, by: User, text: str, expected_revision: int | None = None, audit: AuditContext | None = None
) -> ContentEdit:
    """Change the words of a statement or an outcome; the words before are kept with who changed them."""
    text = text.strip()
    if not text:
        raise ValidationError({"text": "Enter the words you want it to say"})
    plan = _guard_change(item, by, audit)
    if text == item.text:
        raise ValidationError({"text": "The words are the same as before. Change them, or go back"})
    bump(plan, expected=expected_revision)
    edit = ContentEdit.objects.create(
        person_id=plan.person_id,
        plan=plan,
        about=about(item),
        kind=EditKind.EDITED,
        old_text=item.text,
        new_text=text,
        edited_by=by,
    )
    item.text = text
    item.save(update_fields=["text"])
    audit_plan(f"plans.{about(item).split(':')[0]}.edited", plan, by=by, obj=item, audit=audit)
    return edit


@transaction.atomic
def withdraw_words(
    item: Words, *, by: User, expected_revision: int | None = None, audit: AuditContext | None = None
) -> ContentEdit:
    """Take an item out of the plan. It is not deleted: its words and their history stay on record."""
    plan = _guard_change(item, by, audit)
    bump(plan, expected=expected_revision)
    edit = ContentEdit.objects.create(
        person_id=plan.person_id,
        plan=plan,
        about=about(item),
        kind=EditKind.WITHDRAWN,
        old_text=item.text,
        edited_by=by,
    )
    item.status = WITHDRAWN
    fields = ["status"]
    if isinstance(item, Outcome):
        item.is_active = False
        fields.append("is_active")
    item.save(update_fields=fields)
    audit_plan(f"plans.{about(item).split(':')[0]}.withdrawn", plan, by=by, obj=item, audit=audit)
    return edit


@transaction.atomic
def decide_outcome(
    outcome: Outcome,
    *,
    by: User,
    accept: bool,
    expected_revision: int | None = None,
    audit: AuditContext | None = None,
) -> Outcome:
    """The person (or their attorney or deputy) accepts a suggested outcome into the plan, or declines it."""
    services.decide_suggestion(outcome, by=by, accept=accept, expected_revision=expected_revision)
    action = "plans.outcome.accepted" if accept else "plans.outcome.declined"
    audit_plan(action, outcome.plan, by=by, obj=outcome, audit=audit)
    return outcome


# Who may write for the person ------------------------------------------------------------------


def possible_writers(person: Person) -> dict[int, str]:
    """Who the person may name: circle members who sign in, and the current care team, by user id."""
    found: dict[int, str] = {}
    for member in person.circle.filter(user__isnull=False, has_access=True):
        if member.user_id is not None:  # always, by the filter
            found[member.user_id] = f"{member.name} ({member.relationship.lower()})"
    for colleague in person.care_team.filter(ended_on__isnull=True).select_related("user", "organisation"):
        role = colleague.role_description or ("coordinator" if colleague.is_coordinator else "care team")
        found[colleague.user_id] = f"{colleague.user.display_name}, {role}, {colleague.organisation.name}"
    found.pop(person.user_id or 0, None)
    return found


def _guard_writers(person: Person, by: User) -> None:
    if not rules.may_decide_suggestions(by, person, fresh=True):
        raise PermissionDenied(
            "Only the person, or someone with authority to decide for them, chooses who may write for them."
        )


def _audit_writer(action: str, person: Person, grant: WritesForPerson, *, by: User, audit: AuditContext | None) -> None:
    auditor.record(
        action,
        audit=context_for(by, audit),
        person_id=person.pk,
        obj=grant,
        detail={"supporter": grant.supporter_id},
    )


@transaction.atomic
def name_writer(person: Person, *, by: User, supporter: User, audit: AuditContext | None = None) -> WritesForPerson:
    """The person chooses that `supporter`'s words go straight into their own-voice sections."""
    _guard_writers(person, by)
    if supporter.pk not in possible_writers(person):
        raise ValidationError({"supporter": "Choose someone from your circle of support or your care team"})
    if WritesForPerson.objects.filter(person=person, supporter=supporter, ended_at__isnull=True).exists():
        raise ValidationError({"supporter": "They can already write for you"})
    grant = WritesForPerson.objects.create(person=person, supporter=supporter, granted_by=by)
    _audit_writer("plans.writer.named", person, grant, by=by, audit=audit)
    return grant


@transaction.atomic
def end_writer(grant: WritesForPerson, *, by: User, audit: AuditContext | None = None) -> WritesForPerson:
    """From now on their words are suggestions again; what they already wrote stays, attributed to them."""
    person = grant.person
    _guard_writers(person, by)
    if grant.ended_at is not None:
        raise ValidationError("They already cannot write for you.")
    grant.ended_by, grant.ended_at = by, timezone.now()
    grant.save(update_fields=["ended_by", "ended_at"])
    _audit_writer("plans.writer.ended", person, grant, by=by, audit=audit)
    return grant
