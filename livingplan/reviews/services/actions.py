"""SMART actions agreed during a review: added to one of the plan's outcomes through the plan's own
verb (`plans.services.add_action`), never by writing the plan's tables here (ADR-040, ADR-049).

A review's action must say who will do it and by when: the plan allows an action without either,
a review does not, because "someone will look into it" is how actions are lost between reviews.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.core.audit_context import AuditContext
from livingplan.plans import services as plans
from livingplan.plans.models import Action, Layer, Outcome
from livingplan.reviews import rules
from livingplan.reviews.models import Review, ReviewCompletion
from livingplan.reviews.services.common import words

NO_OWNER = "Enter who will do it"
NO_DATE = "Enter the date it will be done by"


def _check(what: str, owner_name: str, due_on: dt.date | None, layer: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not what:
        errors["what"] = "Enter what will be done"
    if not owner_name:
        errors["owner_name"] = NO_OWNER
    if due_on is None:
        errors["due_on"] = NO_DATE
    elif due_on < timezone.localdate():
        errors["due_on"] = "The date it will be done by must be today or in the future"
    if layer not in Layer.values:
        errors["layer"] = "Select who will give this support"
    return errors


@transaction.atomic
def add_review_action(
    review: Review,
    outcome: Outcome,
    *,
    by: User,
    what: str,
    owner_name: str,
    due_on: dt.date | None,
    layer: str,
    expected_revision: int | None = None,
    audit: AuditContext | None = None,
) -> Action:
    """The coordinator adds an action agreed at the review to an outcome: what, who, by when."""
    if not rules.runs_reviews(by, review.person):
        raise PermissionDenied("Only the person's coordinator records the review.")
    if ReviewCompletion.objects.filter(review=review).exists():
        raise ValidationError("This review has already been completed")
    if outcome.plan_id != review.plan_id or not outcome.is_active:
        raise ValidationError({"outcome": "Choose one of the outcomes in the plan"})
    what = words(what, field="what")
    owner_name = words(owner_name, field="owner_name", longest=200)
    errors = _check(what, owner_name, due_on, layer)
    if errors:
        raise ValidationError(errors)
    return plans.add_action(
        outcome,
        by=by,
        what=what,
        owner_name=owner_name,
        layer=layer,
        due_on=due_on,
        expected_revision=expected_revision,
        audit=audit,
    )
