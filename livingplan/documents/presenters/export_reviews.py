"""The person's reviews in the subject access export (ADR-040): `reviews.json`.

Read through `visible_to(viewer)` like the rest of the export, each kind of row fetched once:
requests for a review with their answers, changes that may affect the plan with their decisions,
handover answers, family feedback, reflection logs, and each review with its views, outcomes
looked at again, completion and ratings.
"""

from typing import Any

from django.db.models import Prefetch

from livingplan.core.viewer import Viewer
from livingplan.documents.presenters.export import iso, user_name
from livingplan.people.models import Person
from livingplan.reviews import targets
from livingplan.reviews.feedback import STATEMENTS
from livingplan.reviews.models import (
    FamilyFeedback,
    HandoverCheck,
    Perspective,
    ReflectionLog,
    RequestAnswer,
    Review,
    ReviewChoice,
    ReviewCompletion,
    ReviewOutcomeCheck,
    ReviewRating,
    ReviewRequest,
    Trigger,
    TriggerDecision,
)


def _answer(row: RequestAnswer | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {
        "accepted": row.accepted,
        "review_on": iso(row.review_on),
        "reason": row.reason,
        "answered_by": user_name(row.answered_by),
        "answered_at": iso(row.answered_at),
    }


def _request(row: ReviewRequest) -> dict[str, Any]:
    return {
        "asked_by": user_name(row.asked_by),
        "asked_as": row.get_asked_as_display(),
        "reason": row.reason,
        "asked_at": iso(row.asked_at),
        "asked_from_a_note": row.note.text if row.note else None,
        "answer": _answer(getattr(row, "answer", None)),
    }


def _decision(row: TriggerDecision | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {
        "decision": row.get_decision_display(),
        "reason": row.reason,
        "decided_by": user_name(row.decided_by),
        "decided_at": iso(row.decided_at),
    }


def _change(row: Trigger) -> dict[str, Any]:
    return {
        "category": row.get_category_display(),
        "what_happened": row.what_happened,
        "noticed_by": row.noticed_by,
        "noticed_on": iso(row.noticed_on),
        "source": row.get_source_display(),
        "raised_by": user_name(row.raised_by),
        "raised_at": iso(row.raised_at),
        "decision": _decision(getattr(row, "decision", None)),
    }


def _view(row: Perspective) -> dict[str, Any]:
    return {
        "kind": row.get_kind_display(),
        "whose": row.whose,
        "working": row.working,
        "not_working": row.not_working,
        "important_for_future": row.important_for_future,
        "may_use_anonymously": row.may_use_anonymously,
        "recorded_by": user_name(row.recorded_by),
        "recorded_at": iso(row.recorded_at),
    }


def _outcome(row: ReviewOutcomeCheck) -> dict[str, Any]:
    return {
        "outcome": row.outcome.text,
        "still_matters": row.still_matters,
        "progress": row.progress,
        "what_changed": row.what_changed,
        "recorded_by": user_name(row.recorded_by),
        "recorded_at": iso(row.recorded_at),
    }


def _completion(row: ReviewCompletion | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {
        "result": row.get_result_display(),
        "your_view": row.persons_view,
        "why_your_view_is_missing": row.no_view_reason,
        "took_part": row.took_part,
        "in_a_year": row.in_a_year,
        "next_review_on": iso(row.next_review_on),
        "completed_by": user_name(row.completed_by),
        "completed_at": iso(row.completed_at),
    }


def _rating(row: ReviewRating) -> dict[str, Any]:
    return {
        "statement": STATEMENTS.get(row.statement, row.statement),
        "score": row.score,
        "rated_by": user_name(row.rated_by),
        "rated_at": iso(row.rated_at),
    }


def _review(row: Review, reasons: dict[str, str]) -> dict[str, Any]:
    return {
        "kind": row.get_kind_display(),
        "unplanned_reason": reasons.get(row.unplanned_reason, row.unplanned_reason),
        "about": row.about,
        "asked_for_because": row.request.reason if row.request else None,
        "change_it_follows": row.trigger.what_happened if row.trigger else None,
        "plan": "your plan (plan.json)",
        "started_by": user_name(row.started_by),
        "started_at": iso(row.started_at),
        "views": [_view(v) for v in row.perspectives.all()],
        "outcomes_looked_at": [_outcome(o) for o in row.outcome_checks.all()],
        "completion": _completion(getattr(row, "completion", None)),
        "ratings": [_rating(r) for r in row.ratings.all()],
    }


def _reviews(person: Person, viewer: Viewer) -> list[dict[str, Any]]:
    found = (
        Review.objects.visible_to(viewer)
        .filter(person=person)
        .select_related("started_by", "request", "trigger", "completion__completed_by")
        .prefetch_related(
            Prefetch("perspectives", Perspective.objects.visible_to(viewer).select_related("recorded_by"))
        )
        .prefetch_related(
            Prefetch(
                "outcome_checks", ReviewOutcomeCheck.objects.visible_to(viewer).select_related("outcome", "recorded_by")
            )
        )
        .prefetch_related(Prefetch("ratings", ReviewRating.objects.visible_to(viewer).select_related("rated_by")))
        .order_by("started_at", "pk")
    )
    reasons = dict(targets.for_person(person).unplanned_reasons())
    return [_review(r, reasons) for r in found]


def reviews_json(person: Person, *, viewer: Viewer) -> dict[str, Any]:
    requests = (
        ReviewRequest.objects.visible_to(viewer)
        .filter(person=person)
        .select_related("asked_by", "answer__answered_by", "note")
        .order_by("asked_at", "pk")
    )
    changes = (
        Trigger.objects.visible_to(viewer)
        .filter(person=person)
        .select_related("raised_by", "decision__decided_by")
        .order_by("raised_at", "pk")
    )
    handovers = HandoverCheck.objects.visible_to(viewer).filter(person=person).select_related("answered_by", "trigger")
    feedback = FamilyFeedback.objects.visible_to(viewer).filter(person=person).select_related("given_by")
    reflections = ReflectionLog.objects.visible_to(viewer).filter(person=person).select_related("written_by")
    return {
        "requests_for_a_review": [_request(r) for r in requests],
        "changes_that_may_affect_the_plan": [_change(t) for t in changes],
        "handover_answers": [
            {
                "plan_needs_to_change": h.needs_change,
                "change": h.trigger.what_happened if h.trigger else None,
                "answered_by": user_name(h.answered_by),
                "answered_at": iso(h.answered_at),
            }
            for h in handovers
        ],
        "family_feedback": [
            {
                "feedback": f.text,
                "raises_a_concern": f.raises_concern,
                "given_by": user_name(f.given_by),
                "given_at": iso(f.given_at),
            }
            for f in feedback
        ],
        "reflections": [
            {
                "what_you_said": r.feedback,
                "what_changed": r.what_changed,
                "written_by": user_name(r.written_by),
                "written_at": iso(r.written_at),
            }
            for r in reflections
        ],
        "reviews": _reviews(person, viewer),
        "how_you_chose_to_be_reviewed": [
            {
                "how": c.get_how_display(),
                "every_months": c.every_months,
                "chosen_by": user_name(c.chosen_by),
                "chosen_at": iso(c.chosen_at),
            }
            for c in ReviewChoice.objects.visible_to(viewer).filter(person=person).select_related("chosen_by")
        ],
    }
