"""The person's reviews for the API, each kind of row read once through `visible_to(viewer)`."""

from livingplan.accounts.models import User
from livingplan.api.schemas_reviews import (
    AnswerOut,
    DecisionOut,
    ReviewHeldOut,
    ReviewRequestOut,
    ReviewsOut,
    TriggerOut,
)
from livingplan.core.viewer import Viewer
from livingplan.people.models import Person
from livingplan.reviews.models import RequestAnswer, Review, ReviewRequest, Trigger, TriggerDecision


def _name(user: User | None) -> str:
    return user.display_name if user is not None else ""


def request_out(row: ReviewRequest) -> ReviewRequestOut:
    answer: RequestAnswer | None = getattr(row, "answer", None)
    return ReviewRequestOut(
        id=row.pk,
        asked_by=_name(row.asked_by),
        asked_as=row.asked_as,
        reason=row.reason,
        asked_at=row.asked_at,
        answer=None
        if answer is None
        else AnswerOut(
            accepted=answer.accepted,
            review_on=answer.review_on,
            reason=answer.reason,
            answered_by=_name(answer.answered_by),
            answered_at=answer.answered_at,
        ),
    )


def decision_out(row: TriggerDecision) -> DecisionOut:
    return DecisionOut(
        decision=row.decision,  # type: ignore[arg-type]  # one of Decision's values
        reason=row.reason,
        decided_by=_name(row.decided_by),
        decided_at=row.decided_at,
    )


def trigger_out(row: Trigger) -> TriggerOut:
    decision: TriggerDecision | None = getattr(row, "decision", None)
    return TriggerOut(
        id=row.pk,
        category=row.category,
        what_happened=row.what_happened,
        noticed_by=row.noticed_by,
        noticed_on=row.noticed_on,
        source=row.source,
        raised_by=_name(row.raised_by),
        raised_at=row.raised_at,
        decision=None if decision is None else decision_out(decision),
    )


def _review_out(row: Review) -> ReviewHeldOut:
    completion = getattr(row, "completion", None)
    return ReviewHeldOut(
        id=row.pk,
        kind=row.kind,
        about=row.about,
        started_by=_name(row.started_by),
        started_at=row.started_at,
        completed=completion is not None,
        result=completion.result if completion is not None else None,
        next_review_on=completion.next_review_on if completion is not None else None,
    )


def reviews_out(person: Person, *, viewer: Viewer) -> ReviewsOut:
    requests = (
        ReviewRequest.objects.visible_to(viewer)
        .filter(person=person)
        .select_related("asked_by", "answer__answered_by")
        .order_by("asked_at", "pk")
    )
    triggers = (
        Trigger.objects.visible_to(viewer)
        .filter(person=person)
        .select_related("raised_by", "decision__decided_by")
        .order_by("raised_at", "pk")
    )
    reviews = (
        Review.objects.visible_to(viewer)
        .filter(person=person)
        .select_related("started_by", "completion")
        .order_by("started_at", "pk")
    )
    return ReviewsOut(
        requests=[request_out(r) for r in requests],
        triggers=[trigger_out(t) for t in triggers],
        reviews=[_review_out(r) for r in reviews],
    )
