"""Shared pieces of the reviews pages: clock tags, the next review date, who is who."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Max, Min

from livingplan.core.presenters import date_long
from livingplan.core.viewer import Viewer
from livingplan.core.workdays import LONDON, Clock, ClockState, local_date
from livingplan.people.models import Person
from livingplan.plans.models import Plan, PlanVersion
from livingplan.reviews import clocks, schedule
from livingplan.reviews.models import ReviewChoice, ReviewCompletion
from livingplan.reviews.targets import Policy

STATE_COLOUR = {
    ClockState.ON_TRACK: "green",
    ClockState.DUE_SOON: "yellow",
    ClockState.OVERDUE: "red",
    ClockState.STOPPED: "grey",
}


@dataclass(frozen=True)
class ClockView:
    state: str
    colour: str
    words: str  # "2 working days left", "Overdue by 1 working day"
    due: str  # "Due by the end of Tuesday 2 June 2026"

    @classmethod
    def of(cls, clock: Clock, now: dt.datetime) -> "ClockView":
        state = clock.state(now)
        last_day = (clock.due - dt.timedelta(seconds=1)).astimezone(LONDON).date()
        return cls(
            state=state.value,
            colour=STATE_COLOUR[state],
            words=clocks.left_words(clock, now),
            due=f"{last_day:%A} {date_long(last_day)}",
        )


def current_choice(person: Person, viewer: Viewer) -> ReviewChoice | None:
    """How the person chose to have their reviews: the newest choice, or None if they have not chosen."""
    return ReviewChoice.objects.visible_to(viewer).filter(person=person).first()


def review_due_on(person: Person, viewer: Viewer, *, policy: Policy, choice: ReviewChoice | None) -> dt.date | None:
    """When the person's next planned review is due (`schedule.review_due_on`): three small queries."""
    plan = Plan.objects.visible_to(viewer).filter(person=person).first()
    if plan is None:
        return None
    agreed = (
        PlanVersion.objects.visible_to(viewer)
        .filter(plan=plan)
        .aggregate(first=Min("agreed_at"), last=Max("agreed_at"))
    )
    last = (
        ReviewCompletion.objects.visible_to(viewer)
        .filter(person=person)
        .order_by("-completed_at")
        .values_list("completed_at", flat=True)
        .first()
    )
    return schedule.review_due_on(
        first_agreed_on=local_date(agreed["first"]) if agreed["first"] else None,
        last_reviewed_on=local_date(last) if last else None,
        last_agreed_on=local_date(agreed["last"]) if agreed["last"] else None,
        plan_next_review_on=plan.next_review_on,
        first_review_weeks=policy.first_review_weeks,
        every_months=choice.every_months if choice else None,
    )
