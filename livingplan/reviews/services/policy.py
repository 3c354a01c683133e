"""An organisation's review policy, set by its admin, and the person's choice of how and how often
their reviews happen. Both append a row (the newest is in force); neither ever edits one (ADR-049)."""

from collections.abc import Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify

from livingplan.accounts.models import Organisation, User
from livingplan.core.audit_context import AuditContext, context_for
from livingplan.core.services import auditor
from livingplan.people.models import Person
from livingplan.reviews import rules, targets
from livingplan.reviews.models import MOST_MONTHS, ReviewChoice, ReviewHow, ReviewPolicy, TriggerCategory
from livingplan.reviews.services.common import record, words

POLICY_SET = "reviews.policy.set"
CHOSEN = "reviews.choice.made"
TOO_LONG = f"Reviews must happen at least every {MOST_MONTHS} months: the law does not allow longer"


def _reason_pairs(extra_reasons: list[str]) -> list[list[str]]:
    """Each added reason as [value, label]: the value is made from the words, so it stays the same when
    the policy is set again and reviews recorded with it keep their reason."""
    pairs: dict[str, str] = {}
    for typed in extra_reasons:
        label = words(typed, field="extra_reasons", longest=100)
        value = f"ORG_{slugify(label).upper().replace('-', '_')}"[:40]
        if label and value not in pairs:
            pairs[value] = label
    return [[value, label] for value, label in pairs.items()]


def _check_days(decision_days: Mapping[str, int]) -> dict[str, int]:
    if set(decision_days) != set(TriggerCategory.values):
        raise ValidationError("Set a decision target for every kind of change")
    for category, days in decision_days.items():
        if not 0 <= int(days) <= 60:
            raise ValidationError({f"decide_{category}": "Enter a number of working days from 0 to 60"})
    return {category: int(days) for category, days in decision_days.items()}


@transaction.atomic
def set_policy(
    organisation: Organisation,
    *,
    by: User,
    every_months: int,
    first_review_weeks: int,
    decision_days: Mapping[str, int],
    answer_days: int,
    update_days: int,
    extra_reasons: list[str],
    audit: AuditContext | None = None,
) -> ReviewPolicy:
    """The organisation's admin sets how its reviews run; every open clock follows the new targets."""
    if not rules.is_organisation_admin(by, organisation):
        raise PermissionDenied("Only the organisation's admin can change how its reviews run.")
    if not 1 <= every_months <= MOST_MONTHS:
        raise ValidationError({"every_months": TOO_LONG if every_months > MOST_MONTHS else "Enter at least 1 month"})
    if not 0 <= first_review_weeks <= 52:
        raise ValidationError({"first_review_weeks": "Enter a number of weeks from 0 to 52"})
    if not 0 <= answer_days <= 60:
        raise ValidationError({"answer_days": "Enter a number of working days from 0 to 60"})
    if not 0 <= update_days <= 120:
        raise ValidationError({"update_days": "Enter a number of working days from 0 to 120"})
    policy = ReviewPolicy.objects.create(
        organisation=organisation,
        every_months=every_months,
        first_review_weeks=first_review_weeks,
        decision_days=_check_days(decision_days),
        answer_days=answer_days,
        update_days=update_days,
        extra_reasons=_reason_pairs(extra_reasons),
        set_by=by,
    )
    auditor.record(
        POLICY_SET,
        audit=context_for(by, audit),
        obj=policy,
        organisation=organisation.name,
        detail={"every_months": every_months, "first_review_weeks": first_review_weeks},
    )
    return policy


@transaction.atomic
def choose_how(
    person: Person, *, by: User, how: str, every_months: int, audit: AuditContext | None = None
) -> ReviewChoice:
    """The person (or their coordinator, with them) chooses how their planned reviews happen and how
    often, within their lead organisation's policy; the schedule follows (`schedule.review_due_on`)."""
    if not rules.can_choose_how(by, person):
        raise PermissionDenied("Only the person and their coordinator can choose how their reviews happen.")
    if how not in ReviewHow.values:
        raise ValidationError({"how": "Select how you would like your reviews to happen"})
    longest = targets.for_person(person).every_months
    if not 1 <= every_months <= longest:
        raise ValidationError({"every_months": f"Choose a review at least every {longest} months"})
    choice = ReviewChoice.objects.create(person=person, how=how, every_months=every_months, chosen_by=by)
    record(CHOSEN, choice, person_id=person.pk, by=by, context=audit, how=how, every_months=every_months)
    return choice
