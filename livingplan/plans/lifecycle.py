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


TRANSITIONS = {
    t.name: t
    for t in [
        Transition(
            "propose", frozenset({PlanStatus.DRAFT, PlanStatus.UNDER_REVIEW}), PlanStatus.PROPOSED, "Ask for agreement"
        ),
        Transition("withdraw", frozenset({PlanStatus.PROPOSED}), PlanStatus.DRAFT, "Take back to make changes"),
        Transition("agree", frozenset({PlanStatus.PROPOSED}), PlanStatus.AGREED, "Agree the plan"),
        Transition("activate", frozenset({PlanStatus.AGREED}), PlanStatus.ACTIVE, "Start using the plan"),
        Transition(
            "start_review",
            frozenset({PlanStatus.AGREED, PlanStatus.ACTIVE}),
            PlanStatus.UNDER_REVIEW,
            "Change the plan",
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
