"""The one write path for reviews: one guarded, audited verb per change (ADR-026, ADR-040)."""

from livingplan.reviews.services.actions import add_review_action
from livingplan.reviews.services.asking import answer_request, request_review
from livingplan.reviews.services.between import rate_review, write_reflection
from livingplan.reviews.services.policy import choose_how, set_policy
from livingplan.reviews.services.review import (
    check_outcome,
    complete_review,
    open_review,
    record_perspective,
    start_review,
)
from livingplan.reviews.services.triggers import answer_handover, decide_trigger, give_family_feedback, raise_trigger

__all__ = [
    "add_review_action",
    "answer_handover",
    "answer_request",
    "check_outcome",
    "choose_how",
    "complete_review",
    "decide_trigger",
    "give_family_feedback",
    "open_review",
    "raise_trigger",
    "rate_review",
    "record_perspective",
    "request_review",
    "set_policy",
    "start_review",
    "write_reflection",
]
