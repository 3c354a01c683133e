"""Domain verbs for the person's preparation and the planning conversation (ADR-035): the one
write path here. Callers write `services.save_answers(...)`, `services.record_outcome(...)`."""

from livingplan.conversations.services.conversation import (
    IDEA_SECTIONS,
    record_going_well,
    record_idea,
    record_next_step,
    record_outcome,
    record_review_trigger,
    record_risk,
    record_what_matters,
    speakers,
    start_conversation,
)
from livingplan.conversations.services.preparation import (
    DESTINATIONS,
    TRANSITIONS,
    current_answers,
    finish_preparation,
    put_answers_in_plan,
    save_answers,
    waiting_for_plan,
)

__all__ = [
    "DESTINATIONS",
    "IDEA_SECTIONS",
    "TRANSITIONS",
    "current_answers",
    "finish_preparation",
    "put_answers_in_plan",
    "record_going_well",
    "record_idea",
    "record_next_step",
    "record_outcome",
    "record_review_trigger",
    "record_risk",
    "record_what_matters",
    "save_answers",
    "speakers",
    "start_conversation",
    "waiting_for_plan",
]
