"""Domain verbs for the living plan: the one write path for every part of it.

Each verb: guard (who, lifecycle, stale revision) -> transaction -> change -> audit, in the
actor's `AuditContext` (`audit=`, ADR-029). Edits name the revision they started from; if the
plan moved on meanwhile, `StaleEdit` is raised and nothing is written, so no one's change is
silently lost.

One module per domain: `content` (what the plan says), `actions` (how it is going),
`agreement` (its lifecycle, from its start), `sharing` (who sees which part); `common` holds what they share.
Callers keep using `from livingplan.plans import services` and the names below.
"""

from livingplan.plans.services.actions import add_action, record_progress, set_action_status
from livingplan.plans.services.agreement import (
    AGREED_AS,
    BEST_INTERESTS_REQUIRED,
    activate_plan,
    agree_plan,
    bring_into_force,
    missing_for_agreement,
    propose_plan,
    sign_version,
    start_plan,
    start_review,
    withdraw_plan,
)
from livingplan.plans.services.common import StaleEdit, contributor_kind
from livingplan.plans.services.content import (
    add_linked_plan,
    add_outcome,
    add_risk,
    add_statement,
    decide_statement,
    decide_suggestion,
    record_disagreement,
    record_plan_viewed,
    remove_statement,
    set_review_arrangements,
)
from livingplan.plans.services.sharing import AudienceChoice, exactly, save_sharing_choices, set_sharing

__all__ = [
    "AGREED_AS",
    "BEST_INTERESTS_REQUIRED",
    "AudienceChoice",
    "StaleEdit",
    "activate_plan",
    "add_action",
    "add_linked_plan",
    "add_outcome",
    "add_risk",
    "add_statement",
    "agree_plan",
    "bring_into_force",
    "contributor_kind",
    "decide_statement",
    "decide_suggestion",
    "exactly",
    "missing_for_agreement",
    "propose_plan",
    "record_disagreement",
    "record_plan_viewed",
    "record_progress",
    "remove_statement",
    "save_sharing_choices",
    "set_action_status",
    "set_review_arrangements",
    "set_sharing",
    "sign_version",
    "start_plan",
    "start_review",
    "withdraw_plan",
]
