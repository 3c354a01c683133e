"""Reviews (issue 13, ADR-040): every table carries `person_id`, every change is an append-only row,
and every clock is worked out from the rows (`clocks.py`), never stored."""

from livingplan.reviews.models.asking import RequestAnswer, ReviewRequest
from livingplan.reviews.models.between import FamilyFeedback, HandoverCheck, ReflectionLog, ReviewRating
from livingplan.reviews.models.policy import MOST_MONTHS, ReviewChoice, ReviewHow, ReviewPolicy
from livingplan.reviews.models.review import (
    Perspective,
    PerspectiveKind,
    Review,
    ReviewCompletion,
    ReviewKind,
    ReviewOutcomeCheck,
    ReviewResult,
    UnplannedReason,
)
from livingplan.reviews.models.triggers import Decision, Trigger, TriggerCategory, TriggerDecision

__all__ = [
    "MOST_MONTHS",
    "Decision",
    "FamilyFeedback",
    "HandoverCheck",
    "Perspective",
    "PerspectiveKind",
    "ReflectionLog",
    "RequestAnswer",
    "Review",
    "ReviewChoice",
    "ReviewCompletion",
    "ReviewHow",
    "ReviewKind",
    "ReviewOutcomeCheck",
    "ReviewPolicy",
    "ReviewRating",
    "ReviewRequest",
    "ReviewResult",
    "Trigger",
    "TriggerCategory",
    "TriggerDecision",
    "UnplannedReason",
]
