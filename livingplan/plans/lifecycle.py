"""The plan's lifecycle as declared transitions, and who may take each step. Pure: no ORM, so it
is easy to read and test.

DRAFT -> PROPOSED -> AGREED, in force (ACTIVE) at once -> UNDER_REVIEW -> PROPOSED -> AGREED (a new version) ...

The table is the one statement of the rules: the service enforces it (`services.agreement._move`), the
plan page and the API offer only the steps it gives the viewer, and the tests are generated
from it (ADR-021).
"""

from dataclasses import dataclass
from enum import StrEnum

from livingplan.plans.models import PlanStatus


class Actor(StrEnum):
    """The standing a user has towards one person's plan, as far as moving the plan goes.

    The circle of support and care team members other than the coordinator have none of
    these: they suggest, add and comment, but they do not move the plan."""

    PERSON = "the person"
    ATTORNEY = "their attorney or deputy"
    COORDINATOR = "their coordinator"


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset[str]
    target: str
    label: str
    audit_action: str
    who: frozenset[Actor]
    # The step in words after "Only ... can", for a refusal.
    verb: str
    # A second move taken at once, in the same step: agreeing puts the plan in force.
    then: str | None = None


DRAFT, PROPOSED, AGREED = PlanStatus.DRAFT, PlanStatus.PROPOSED, PlanStatus.AGREED
ACTIVE, UNDER_REVIEW = PlanStatus.ACTIVE, PlanStatus.UNDER_REVIEW
PERSON_OR_COORDINATOR = frozenset({Actor.PERSON, Actor.COORDINATOR})

TRANSITIONS = {
    t.name: t
    for t in [
        Transition(
            "propose",
            frozenset({DRAFT, UNDER_REVIEW}),
            PROPOSED,
            "Ask for agreement",
            "plans.plan.proposed",
            PERSON_OR_COORDINATOR,
            "ask for agreement",
        ),
        Transition(
            "withdraw",
            frozenset({PROPOSED}),
            DRAFT,
            "Take back to make changes",
            "plans.plan.withdrawn",
            PERSON_OR_COORDINATOR,
            "take the plan back to make changes",
        ),
        # The capacity rule narrows this further (`people.capacity`): the person agrees unless
        # assessed as lacking capacity to; only then does their attorney or deputy.
        Transition(
            "agree",
            frozenset({PROPOSED}),
            AGREED,
            "Agree the plan",
            "plans.plan.agreed",
            frozenset({Actor.PERSON, Actor.ATTORNEY}),
            "agree the plan",
            then=ACTIVE,
        ),
        # Only for a plan left agreed but not yet in force (agreed before agreeing put it in force).
        Transition(
            "activate",
            frozenset({AGREED}),
            ACTIVE,
            "Start using the plan",
            "plans.plan.activated",
            PERSON_OR_COORDINATOR,
            "start using the plan",
        ),
        Transition(
            "start_review",
            frozenset({AGREED, ACTIVE}),
            UNDER_REVIEW,
            "Change the plan",
            "plans.plan.review_started",
            PERSON_OR_COORDINATOR,
            "start a review of the plan",
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


def may_take(transition: Transition, actors: frozenset[Actor]) -> bool:
    return bool(transition.who & actors)


def refusal(transition: Transition) -> str:
    """The table's rule in words, for the refusal a user sees."""
    names = " or ".join(a.value for a in Actor if a in transition.who)
    return f"Only {names} can {transition.verb}."


def available(current: str, actors: frozenset[Actor]) -> list[Transition]:
    """The steps this viewer may take from here: nothing is offered that would be refused."""
    return [t for t in TRANSITIONS.values() if current in t.sources and may_take(t, actors)]
