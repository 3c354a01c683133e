"""Triggers: recorded by the care team, from a handover prompt or from family feedback, and the one
decision about each. Nothing is half-saved: each verb is one transaction that refuses before writing."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.core.audit_context import AuditContext
from livingplan.people.models import Person
from livingplan.reviews import rules
from livingplan.reviews.models import Decision, FamilyFeedback, HandoverCheck, Trigger, TriggerCategory, TriggerDecision
from livingplan.reviews.models.triggers import TriggerSource
from livingplan.reviews.services.common import record, words

RAISED = "reviews.trigger.raised"
DECIDED = "reviews.trigger.decided"
HANDOVER = "reviews.handover.answered"
FEEDBACK = "reviews.family_feedback.given"
ALREADY_DECIDED = "A decision about this has already been recorded"


def _check_trigger(category: str, noticed_on: dt.date | None) -> None:
    errors = {}
    if category not in TriggerCategory.values:
        errors["category"] = "Choose what kind of change this is"
    if noticed_on is None:
        errors["noticed_on"] = "Enter the date it was noticed"
    elif noticed_on > timezone.localdate():
        errors["noticed_on"] = "The date it was noticed must be today or in the past"
    if errors:
        raise ValidationError(errors)


def _create_trigger(
    person: Person,
    *,
    by: User,
    category: str,
    what_happened: str,
    noticed_by: str,
    noticed_on: dt.date | None,
    source: str,
    audit: AuditContext | None,
) -> Trigger:
    _check_trigger(category, noticed_on)
    assert noticed_on is not None  # checked just above
    what = words(what_happened, field="what_happened", missing="Enter what happened")
    who = words(noticed_by, field="noticed_by", longest=200) or by.display_name
    trigger = Trigger.objects.create(
        person=person,
        category=category,
        what_happened=what,
        noticed_by=who,
        noticed_on=noticed_on,
        source=source,
        raised_by=by,
    )
    record(RAISED, trigger, person_id=person.pk, by=by, context=audit, category=category, source=source)
    return trigger


@transaction.atomic
def raise_trigger(
    person: Person,
    *,
    by: User,
    category: str,
    what_happened: str,
    noticed_on: dt.date | None,
    noticed_by: str = "",
    audit: AuditContext | None = None,
) -> Trigger:
    """Something happened that may mean the plan must change: its decision clock starts now."""
    if not rules.can_raise_trigger(by, person):
        raise PermissionDenied("Only the person's care team can record a change that may affect the plan.")
    return _create_trigger(
        person,
        by=by,
        category=category,
        what_happened=what_happened,
        noticed_by=noticed_by,
        noticed_on=noticed_on,
        source=TriggerSource.RECORDED,
        audit=audit,
    )


@transaction.atomic
def answer_handover(
    person: Person,
    *,
    by: User,
    needs_change: bool,
    category: str = "",
    what_happened: str = "",
    audit: AuditContext | None = None,
) -> HandoverCheck:
    """ "Does anything today mean the plan needs to change?" Yes raises a trigger, noticed today by whoever answered."""
    if not rules.can_raise_trigger(by, person):
        raise PermissionDenied("Only the person's care team answers the handover prompt.")
    trigger = None
    if needs_change:
        trigger = _create_trigger(
            person,
            by=by,
            category=category,
            what_happened=what_happened,
            noticed_by=by.display_name,
            noticed_on=timezone.localdate(),
            source=TriggerSource.HANDOVER,
            audit=audit,
        )
    check = HandoverCheck.objects.create(person=person, needs_change=needs_change, trigger=trigger, answered_by=by)
    record(HANDOVER, check, person_id=person.pk, by=by, context=audit, needs_change=needs_change)
    return check


@transaction.atomic
def give_family_feedback(
    person: Person, *, by: User, text: str, raises_concern: bool, audit: AuditContext | None = None
) -> FamilyFeedback:
    """Family say how things are; feedback that raises a concern becomes a trigger the coordinator must decide."""
    if not rules.can_give_family_feedback(by, person):
        raise PermissionDenied("Only the person's family and circle of support can give family feedback.")
    said = words(text, field="text", missing="Enter your feedback")
    trigger = None
    if raises_concern:
        trigger = _create_trigger(
            person,
            by=by,
            category=TriggerCategory.FAMILY_FEEDBACK,
            what_happened=said,
            noticed_by=by.display_name,
            noticed_on=timezone.localdate(),
            source=TriggerSource.FAMILY_FEEDBACK,
            audit=audit,
        )
    feedback = FamilyFeedback.objects.create(
        person=person, text=said, raises_concern=raises_concern, trigger=trigger, given_by=by
    )
    record(FEEDBACK, feedback, person_id=person.pk, by=by, context=audit, raises_concern=raises_concern)
    return feedback


@transaction.atomic
def decide_trigger(
    trigger: Trigger, *, by: User, decision: str, reason: str, audit: AuditContext | None = None
) -> TriggerDecision:
    """Update the plan, or no change needed, with the reason: once. The decision clock stops here."""
    person = trigger.person
    if not rules.runs_reviews(by, person):
        raise PermissionDenied("Only the person's coordinator decides whether the plan needs to change.")
    if decision not in Decision.values:
        raise ValidationError({"decision": "Choose whether the plan needs to change"})
    why = words(reason, field="reason", missing="Enter the reason for your decision")
    if TriggerDecision.objects.filter(trigger=trigger).exists():
        raise ValidationError(ALREADY_DECIDED)
    try:
        with transaction.atomic():
            made = TriggerDecision.objects.create(
                person=person, trigger=trigger, decision=decision, reason=why, decided_by=by
            )
    except IntegrityError as lost_race:  # decided at the same moment by someone else
        raise ValidationError(ALREADY_DECIDED) from lost_race
    record(DECIDED, made, person_id=person.pk, by=by, context=audit, decision=decision)
    return made
