"""What reviews add to a coordinator's caseload (`home.caseload`): changes waiting for a decision
and requests waiting for an answer, with the most urgent clock of each, per person.

Two queries whatever the caseload's size (one for triggers, one for requests), read through
`visible_to`; the clocks are worked out in Python from the rows (ADR-039, ADR-040).
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from livingplan.core.viewer import Viewer
from livingplan.core.workdays import Clock, ClockState
from livingplan.reviews import clocks
from livingplan.reviews.models import ReviewRequest, Trigger, TriggerCategory
from livingplan.reviews.presenters.common import ClockView


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
        .values_list("person_id", "category", "raised_at")
    )
    found: dict[int, list[tuple[str, Clock]]] = defaultdict(list)
    for person_id, category, raised_at in rows:
        clock = clocks.decision_clock(category=category, raised_at=raised_at, decided_at=None)
        found[person_id].append((TriggerCategory(category).label, clock))
    return {person_id: w for person_id, pairs in found.items() if (w := _most_urgent(pairs, now))}


def requests_waiting(viewer: Viewer, people: "QuerySet[Any, Any]", now: dt.datetime) -> dict[int, Waiting]:
    """Per person in `people`: requests for a review not yet answered. One query."""
    rows = (
        ReviewRequest.objects.visible_to(viewer)
        .filter(person_id__in=people, answer__isnull=True)
        .values_list("person_id", "asked_at")
    )
    found: dict[int, list[tuple[str, Clock]]] = defaultdict(list)
    for person_id, asked_at in rows:
        found[person_id].append(("Review asked for", clocks.answer_clock(asked_at=asked_at, answered_at=None)))
    return {person_id: w for person_id, pairs in found.items() if (w := _most_urgent(pairs, now))}
