"""Our own wording for every message: short, plain English, the recipient's first name, what
happened, what to do next, one link. A text carries no personal detail beyond a first name.

Notify holds one template per channel whose content is only `((subject))` and `((body))`
(the ids are settings), so the words live here, in the repository, reviewed and tested: `plan`
(the circle invitation and the plan's agreement) and `everyday` (the care team, suggestions,
notes, reviews asked for, actions due, password resets); `base` holds their shape.
"""

from collections.abc import Mapping

from livingplan.notifications.texts import (
    appointments,
    budgets,
    community,
    everyday,
    journeys,
    plan,
    reviews,
    selfassessment,
)
from livingplan.notifications.texts.base import _FIELDS, REMOVED, Template, Wording

TEMPLATES: dict[str, Template] = {
    t.key: t
    for t in (
        plan.CIRCLE_INVITATION,
        plan.PLAN_AGREED,
        plan.PLAN_READY,
        plan.PLAN_READY_ON_BEHALF,
        plan.PLAN_AGREED_FOR_OTHERS,
        plan.PLAN_VERSION,
        everyday.CARE_TEAM_ADDED,
        everyday.CARE_TEAM_ADDED_AWAITING_CONSENT,
        everyday.SUGGESTION_WAITING,
        everyday.SUGGESTION_WAITING_ON_BEHALF,
        everyday.NOTE_ADDED,
        everyday.REVIEW_REQUESTED,
        everyday.ACTION_DUE,
        everyday.ACTION_OVERDUE,
        everyday.PASSWORD_RESET,
        community.DID_IT_HELP,
        journeys.WHAT_TO_EXPECT,
        journeys.WHAT_TO_EXPECT_EASY_READ,
        journeys.COORDINATOR_REQUEST_ANSWERED,
        appointments.APPOINTMENT_BOOKED,
        appointments.APPOINTMENT_CHANGED,
        appointments.APPOINTMENT_CANCELLED,
        appointments.APPOINTMENT_CHANGE_ASKED,
        appointments.APPOINTMENT_REQUEST_ANSWERED,
        appointments.APPOINTMENT_REMINDER,
        plan.OWN_INVITATION,
        reviews.REVIEW_REQUEST_RECEIVED,
        reviews.REVIEW_REQUEST_ANSWERED,
        reviews.REVIEW_DUE,
        reviews.REVIEW_OVERDUE,
        reviews.DECISION_OVERDUE,
        budgets.BUDGET_SUBMITTED,
        budgets.BUDGET_RETURNED,
        budgets.BUDGET_RESUBMITTED,
        budgets.BUDGET_SECOND_TIER,
        budgets.BUDGET_APPROVED,
        budgets.BUDGET_DECLINED,
        budgets.BUDGET_SIGN_OFF_LATE,
        selfassessment.PRIORITY_DUE_SOON,
        selfassessment.PRIORITY_OVERDUE,
        selfassessment.RATER_INVITED,
        budgets.BUDGET_LINE_PAUSED,
        budgets.BUDGET_WITH_PANEL,
    )
}


def render(template_key: str, channel: str, personalisation: Mapping[str, str]) -> Wording:
    words = TEMPLATES[template_key].wording[channel]
    values = {name: str(personalisation.get(name, "")) for name in _FIELDS}
    values["what_changed"] = values["what_changed"] or "see the plan."
    return Wording(subject=words.subject.format(**values), body=words.body.format(**values))


__all__ = ["REMOVED", "TEMPLATES", "Template", "Wording", "render"]
