"""The team manager's and quality lead's view of reviews (ADR-040): decisions overdue (escalated to
the coordinator's manager), reviews overdue, and reviews completed without the person's own view.
For the people the viewer may see (`visible_to`: for oversight roles, those their organisation
leads on), in a fixed number of queries."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Max, Min, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone

from livingplan.core.presenters import date_long
from livingplan.core.viewer import Viewer
from livingplan.core.workdays import local_date
from livingplan.plans.models import Plan
from livingplan.reviews import clocks, schedule, targets
from livingplan.reviews.caseload import chosen_months
from livingplan.reviews.models import ReviewCompletion, Trigger
from livingplan.reviews.presenters.common import ClockView


@dataclass(frozen=True)
class OverdueRow:
    person: str
    url: str
    what: str
    since: str
    clock: ClockView | None = None


@dataclass
class OversightPage:
    decisions: list[OverdueRow] = field(default_factory=list)
    reviews: list[OverdueRow] = field(default_factory=list)
    without_view: list[OverdueRow] = field(default_factory=list)


def _hub(person_id: int) -> str:
    return reverse("reviews:reviews", args=[person_id])


def _decisions(viewer: Viewer, now: dt.datetime) -> list[OverdueRow]:
    rows = []
    waiting = Trigger.objects.visible_to(viewer).filter(decision__isnull=True).select_related("person")
    policies, default = targets.by_organisation(), targets.default()
    for trigger in waiting.order_by("raised_at"):
        policy = policies.get(trigger.person.lead_organisation_id or 0, default)
        clock = clocks.decision_clock(
            category=trigger.category, raised_at=trigger.raised_at, decided_at=None, policy=policy
        )
        if now >= clock.due:
            rows.append(
                OverdueRow(
                    person=trigger.person.full_name,
                    url=_hub(trigger.person_id),
                    what=trigger.get_category_display(),
                    since=date_long(trigger.raised_at),
                    clock=ClockView.of(clock, now),
                )
            )
    return rows


def _reviews(viewer: Viewer, today: dt.date) -> list[OverdueRow]:
    plans = (
        Plan.objects.visible_to(viewer)
        .filter(versions__isnull=False)
        .annotate(
            first_agreed=Min("versions__agreed_at"),
            last_agreed=Max("versions__agreed_at"),
            last_reviewed=Subquery(
                ReviewCompletion.objects.visible_to(viewer)
                .filter(person_id=OuterRef("person_id"))
                .order_by("-completed_at")
                .values("completed_at")[:1]
            ),
            first_review_weeks=targets.latest("person__lead_organisation_id", "first_review_weeks"),
            chosen_months=chosen_months(viewer, "person_id"),
        )
        .values_list(
            "person_id",
            "person__given_name",
            "person__family_name",
            "next_review_on",
            "first_agreed",
            "last_agreed",
            "last_reviewed",
            "first_review_weeks",
            "chosen_months",
        )
    )
    rows = []
    for person_id, given, family, next_on, first, last_agreed, last, weeks, months in plans:
        due = schedule.review_due_on(
            first_agreed_on=local_date(first),
            last_agreed_on=local_date(last_agreed),
            last_reviewed_on=local_date(last) if last else None,
            plan_next_review_on=next_on,
            first_review_weeks=weeks,
            every_months=months,
        )
        if due is not None and due < today:
            rows.append(
                OverdueRow(person=f"{given} {family}", url=_hub(person_id), what="Review", since=date_long(due))
            )
    return sorted(rows, key=lambda row: row.person)


def oversight_page(viewer: Viewer) -> OversightPage:
    now = timezone.now()
    flagged = (
        ReviewCompletion.objects.visible_to(viewer)
        .filter(persons_view="")
        .select_related("person")
        .order_by("-completed_at")
    )
    return OversightPage(
        decisions=_decisions(viewer, now),
        reviews=_reviews(viewer, local_date(now)),
        without_view=[
            OverdueRow(
                person=c.person.full_name,
                url=reverse("reviews:review", args=[c.person_id, c.review_id]),
                what=c.no_view_reason,
                since=date_long(c.completed_at),
            )
            for c in flagged
        ],
    )
