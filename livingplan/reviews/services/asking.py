"""Asking for a review, and answering: one guarded, audited verb each."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.core.audit_context import AuditContext
from livingplan.people import rules as people_rules
from livingplan.people.models import Person
from livingplan.plans import rules as plan_rules
from livingplan.plans.models import PlanNote
from livingplan.reviews import rules, telling
from livingplan.reviews.models import RequestAnswer, ReviewRequest
from livingplan.reviews.models.asking import AskedAs
from livingplan.reviews.services.common import record, words

ASKED = "reviews.request.made"
ANSWERED = "reviews.request.answered"
ALREADY_ANSWERED = "This request has already been answered"


def _asked_as(user: User, person: Person) -> str:
    if people_rules.is_the_person(user, person):
        return AskedAs.PERSON
    if plan_rules.is_in_circle(user, person):
        return AskedAs.CIRCLE
    return AskedAs.PRACTITIONER


@transaction.atomic
def request_review(
    person: Person, *, by: User, reason: str, note: PlanNote | None = None, audit: AuditContext | None = None
) -> ReviewRequest:
    """Someone asks for a review and says why, perhaps from a note between reviews that prompted it;
    the coordinator is told and must answer it."""
    if not rules.can_ask_for_review(by, person):
        raise PermissionDenied("Only the person, their circle and their care team can ask for a review.")
    if note is not None and note.person_id != person.pk:
        raise ValidationError("That note is about someone else")
    why = words(reason, field="reason", missing="Enter why you would like a review")
    request = ReviewRequest.objects.create(
        person=person, asked_by=by, asked_as=_asked_as(by, person), reason=why, note=note
    )
    record(
        ASKED, request, person_id=person.pk, by=by, context=audit, asked_as=request.asked_as, note_id=note and note.pk
    )
    telling.request_received(request)
    return request


@transaction.atomic
def answer_request(
    request: ReviewRequest,
    *,
    by: User,
    accept: bool,
    review_on: dt.date | None = None,
    reason: str = "",
    audit: AuditContext | None = None,
) -> RequestAnswer:
    """Yes with the date of the review, or no with a reason the person reads. Answered once."""
    person = request.person
    if not rules.runs_reviews(by, person):
        raise PermissionDenied("Only the person's coordinator can answer a request for a review.")
    why = words(reason, field="reason", missing="" if accept else "Enter why there will not be a review now")
    if accept and review_on is None:
        raise ValidationError({"review_on": "Enter the date of the review"})
    if accept and review_on is not None and review_on < timezone.localdate():
        raise ValidationError({"review_on": "The date of the review must be today or in the future"})
    if RequestAnswer.objects.filter(request=request).exists():
        raise ValidationError(ALREADY_ANSWERED)
    try:
        with transaction.atomic():
            answer = RequestAnswer.objects.create(
                person=person,
                request=request,
                accepted=accept,
                review_on=review_on if accept else None,
                reason=why,
                answered_by=by,
            )
    except IntegrityError as lost_race:  # answered at the same moment by someone else
        raise ValidationError(ALREADY_ANSWERED) from lost_race
    record(ANSWERED, answer, person_id=person.pk, by=by, context=audit, accepted=accept)
    telling.request_answered(answer, by=by)
    return answer
