"""What reviews add to a coordinator's caseload (`home.caseload`): changes waiting for a decision
and requests waiting for an answer, with the most urgent clock of each, per person.

Two queries whatever the caseload's size (one for triggers, one for requests), read through
`visible_to`; each row brings the target of the person's lead organisation's policy with it (a
subquery, `targets.latest`), and the clocks are worked out in Python (ADR-039, ADR-040, ADR-049).
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import OuterRef, QuerySet, Subquery

from livingplan.core.viewer import Viewer
from livingplan.core.workdays import Clock, ClockState
from livingplan.reviews import clocks, targets
from livingplan.reviews.models import ReviewChoice, ReviewRequest, Trigger, TriggerCategory
from livingplan.reviews.presenters.common import ClockView

LEAD = "person__lead_organisation_id"  # whose policy sets the targets: the organisation leading the care


@dataclass(frozen=True)
class Waiting:
    """One kind of work waiting for one person: how many, and the clock that runs out first."""

    count: int
    what: str  # "Medication" for a change; "Review asked for" for a request
    clock: ClockView
    due: dt.datetime

    @property
    def overdue(self) -> bool:
        return self.clock.state == ClockState.OVERDUE.value


def _most_urgent(found: list[tuple[str, Clock]], now: dt.datetime) -> Waiting | None:
    if not found:
        return None
    what, clock = min(found, key=lambda pair: pair[1].due)
    return Waiting(count=len(found), what=what, clock=ClockView.of(clock, now), due=clock.due)


def decisions_waiting(viewer: Viewer, people: "QuerySet[Any, Any]", now: dt.datetime) -> dict[int, Waiting]:
    """Per person in `people` (a subquery of ids): the changes not yet decided. One query."""
    rows = (
        Trigger.objects.visible_to(viewer)
        .filter(person_id__in=people, decision__isnull=True)
        .annotate(days=targets.latest(LEAD, "decision_days"))
        .values_list("person_id", "category", "raised_at", "days")
    )
    found: dict[int, list[tuple[str, Clock]]] = defaultdict(list)
    default = targets.default()
    for person_id, category, raised_at, days in rows:
        policy = default.with_values(decision_days=days)
        clock = clocks.decision_clock(category=category, raised_at=raised_at, decided_at=None, policy=policy)
        found[person_id].append((TriggerCategory(category).label, clock))
    return {person_id: w for person_id, pairs in found.items() if (w := _most_urgent(pairs, now))}


def requests_waiting(viewer: Viewer, people: "QuerySet[Any, Any]", now: dt.datetime) -> dict[int, Waiting]:
    """Per person in `people`: requests for a review not yet answered. One query."""
    rows = (
        ReviewRequest.objects.visible_to(viewer)
        .filter(person_id__in=people, answer__isnull=True)
        .annotate(days=targets.latest(LEAD, "answer_days"))
        .values_list("person_id", "asked_at", "days")
    )
    found: dict[int, list[tuple[str, Clock]]] = defaultdict(list)
    default = targets.default()
    for person_id, asked_at, days in rows:
        clock = clocks.answer_clock(asked_at=asked_at, answered_at=None, policy=default.with_values(answer_days=days))
        found[person_id].append(("Review asked for", clock))
    return {person_id: w for person_id, pairs in found.items() if (w := _most_urgent(pairs, now))}


def chosen_months(viewer: Viewer, person: str) -> Subquery:
    """For a query of people or plans: the person's chosen months between reviews (their newest
    `ReviewChoice`), NULL if they have not chosen; `person` is the lookup path to the person's id.
    With `targets.latest(..., "first_review_weeks")` it is all `schedule.review_due_on` needs beyond
    the plan's own dates, with no query per person."""
    chosen = ReviewChoice.objects.visible_to(viewer).filter(person_id=OuterRef(person)).order_by("-chosen_at", "-pk")
    return Subquery(chosen.values("every_months")[:1])
