"""The plan's lifecycle as declared transitions. Pure: no ORM, so it is easy to read and test.

DRAFT -> PROPOSED -> AGREED -> ACTIVE -> UNDER_REVIEW -> PROPOSED -> AGREED (a new version) ...
"""

from dataclasses import dataclass

from livingplan.plans.models import PlanStatus


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset[str]
    target: str
    label: str
    audit_action: str


DRAFT, PROPOSED, AGREED = PlanStatus.DRAFT, PlanStatus.PROPOSED, PlanStatus.AGREED
ACTIVE, UNDER_REVIEW = PlanStatus.ACTIVE, PlanStatus.UNDER_REVIEW

TRANSITIONS = {
    t.name: t
    for t in [
        Transition("propose", frozenset({DRAFT, UNDER_REVIEW}), PROPOSED, "Ask for agreement", "plans.plan.proposed"),
        Transition("withdraw", frozenset({PROPOSED}), DRAFT, "Take back to make changes", "plans.plan.withdrawn"),
        Transition("agree", frozenset({PROPOSED}), AGREED, "Agree the plan", "plans.plan.agreed"),
        Transition("activate", frozenset({AGREED}), ACTIVE, "Start using the plan", "plans.plan.activated"),
        Transition(
            "start_review", frozenset({AGREED, ACTIVE}), UNDER_REVIEW, "Change the plan", "plans.plan.review_started"
        ),
    ]
}

# Content may change only while the plan is open for discussion; an agreed or active plan
# is changed by starting a review, so every change leads to a new agreed version.
EDITABLE = frozenset({PlanStatus.DRAFT, PlanStatus.PROPOSED, PlanStatus.UNDER_REVIEW})


class TransitionNotAllowed(Exception):
    pass


def check(name: str, current: str) -> Transition:
    transition = TRANSITIONS[name]
    if current not in transition.sources:
        label = PlanStatus(current).label.lower()
        raise TransitionNotAllowed(f"You cannot {transition.label.lower()} while the plan is {label}.")
    return transition


def available(current: str) -> list[Transition]:
    return [t for t in TRANSITIONS.values() if current in t.sources]
