"""After a review and between reviews: the person's rating against the I-statements, reflection logs."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from livingplan.accounts.models import User
from livingplan.core.audit_context import AuditContext
from livingplan.people.models import Person
from livingplan.reviews import feedback, rules
from livingplan.reviews.models import ReflectionLog, Review, ReviewCompletion, ReviewRating
from livingplan.reviews.services.common import record, words

RATED = "reviews.review.rated"
REFLECTED = "reviews.reflection.written"


@transaction.atomic
def rate_review(
    review: Review, *, by: User, scores: dict[str, int], audit: AuditContext | None = None
) -> list[ReviewRating]:
    """The person or family say how true each statement was of a completed review: once each."""
    if not rules.can_rate_review(by, review.person):
        raise PermissionDenied("Only the person and their family rate a review.")
    if not ReviewCompletion.objects.filter(review=review).exists():
        raise ValidationError("You can rate a review once it is complete")
    if ReviewRating.objects.filter(review=review, rated_by=by).exists():
        raise ValidationError("You have already rated this review. Thank you")
    chosen = {key: score for key, score in scores.items() if key in feedback.STATEMENTS}
    if not chosen:
        raise ValidationError("Choose an answer for at least one statement")
    if any(not 1 <= score <= 5 for score in chosen.values()):
        raise ValidationError("Choose one of the answers given")
    ratings = [
        ReviewRating.objects.create(person=review.person, review=review, statement=key, score=score, rated_by=by)
        for key, score in chosen.items()
    ]
    record(RATED, review, person_id=review.person_id, by=by, context=audit, statements=len(ratings))
    return ratings


@transaction.atomic
def write_reflection(
    person: Person, *, by: User, feedback_heard: str, what_changed: str, audit: AuditContext | None = None
) -> ReflectionLog:
    if not rules.can_write_reflection(by, person):
        raise PermissionDenied("Only the person's care team writes reflection logs.")
    heard = words(feedback_heard, field="feedback", missing="Enter what the person said")
    changed = words(what_changed, field="what_changed", missing="Enter what changed in everyday support")
    log = ReflectionLog.objects.create(person=person, feedback=heard, what_changed=changed, written_by=by)
    record(REFLECTED, log, person_id=person.pk, by=by, context=audit)
    return log
