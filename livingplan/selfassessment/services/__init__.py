"""The one write path of the self-assessment: a guarded, audited verb per change (ADR-026, ADR-046)."""

from livingplan.selfassessment.services.actions import PlanDetails, add_priority, can_move, move_priority
from livingplan.selfassessment.services.instruments import import_instrument, shipped_version, versions_for
from livingplan.selfassessment.services.rounds import (
    NOT_INVITED,
    ROUND_CLOSED,
    agree_level,
    close_round,
    invite_rater,
    save_rating,
    start_round,
)

__all__ = [
    "NOT_INVITED",
    "ROUND_CLOSED",
    "PlanDetails",
    "add_priority",
    "agree_level",
    "can_move",
    "close_round",
    "import_instrument",
    "invite_rater",
    "move_priority",
    "save_rating",
    "shipped_version",
    "start_round",
    "versions_for",
]
