"""A practitioner's caseload: the people whose care team they are on, with the work on each.

One query whatever the caseload's size: each person's plan comes by a join, and the counts of
overdue actions, suggestions waiting and review requests by correlated subqueries, all within what the viewer may
see (`visible_to`). Sorting, filtering and the counts beside each filter then work on that list
in Python: a caseload is hundreds of people, not millions.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.core.presenters import date_long
from livingplan.people.models import CareTeamMember, Person
from livingplan.plans.models import (
    FINISHED_ACTION_STATUSES,
    Action,
    PlanNote,
    PlanStatus,
    PlanVersion,
    SharingChoice,
    Statement,
    StatementStatus,
)
from livingplan.plans.notes import NOTES, open_requests
from livingplan.plans.sections import SECTION_GROUP, SharingGroup
from livingplan.plans.sharing import LAYER_GROUP
from livingplan.reviews import schedule, targets
from livingplan.reviews.caseload import Waiting, chosen_months, decisions_waiting, requests_waiting
from livingplan.reviews.models import ReviewCompletion

REVIEW_SOON_DAYS = 28


@dataclass(frozen=True)
class CaseloadRow:
    person_id: int
    name: str
    sort_name: str  # family name first, as UK lists are ordered
    told_apart_by: str  # date of birth and the NHS number's last digits, for people who share a name
    role: str
    plan_status: str  # "" when there is no plan yet
    next_review_on: dt.date | None
    overdue_actions: int
    suggestions_waiting: int
    review_requests: int  # notes asking for a review that no review has followed yet (ADR-024)
    today: dt.date
    # Reviews (issue 13, ADR-040): changes waiting for a decision and requests waiting for an answer,
    # each with the clock that runs out first; None when there are none.
    decisions: Waiting | None = None
    requests: Waiting | None = None

    @property
    def waiting(self) -> list[Waiting]:
        return [w for w in (self.decisions, self.requests) if w is not None]

    @property
    def decision_overdue(self) -> bool:
        return self.decisions is not None and self.decisions.overdue

    @property
    def has_plan(self) -> bool:
        return bool(self.plan_status)

    @property
    def status_label(self) -> str:
        return PlanStatus(self.plan_status).label if self.plan_status else "No plan yet"

    @property
    def waiting_for_agreement(self) -> bool:
        return self.plan_status == PlanStatus.PROPOSED

    @property
    def review_overdue(self) -> bool:
        return self.next_review_on is not None and self.next_review_on < self.today

    @property
    def review_due_soon(self) -> bool:
        soon = self.today + dt.timedelta(days=REVIEW_SOON_DAYS)
        return self.next_review_on is not None and self.today <= self.next_review_on <= soon

    @property
    def next_review(self) -> str:
        return date_long(self.next_review_on) if self.next_review_on else "Not set"


@dataclass(frozen=True)
class Filter:
    key: str
    label: str
    keeps: Callable[[CaseloadRow], bool]


FILTERS = (
    Filter("all", "Everyone", lambda row: True),
    Filter("review", "Review overdue or due in 4 weeks", lambda row: row.review_overdue or row.review_due_soon),
    Filter("overdue-actions", "Actions overdue", lambda row: row.overdue_actions > 0),
    Filter("waiting", "Waiting for agreement", lambda row: row.waiting_for_agreement),
    Filter("suggestions", "Suggestions waiting", lambda row: row.suggestions_waiting > 0),
    Filter("review-requests", "Asked for a review", lambda row: row.review_requests > 0 or row.requests is not None),
    Filter("decisions", "Changes waiting for a decision", lambda row: row.decisions is not None),
    Filter("decisions-overdue", "Decisions overdue", lambda row: row.decision_overdue),
    Filter("no-plan", "No plan yet", lambda row: not row.has_plan),
)
NO_DATE = dt.date.max
SORTS: dict[str, tuple[str, Callable[[CaseloadRow], Any]]] = {
    "name": ("Family name", lambda row: row.sort_name),
    "review": ("Next review", lambda row: (row.next_review_on or NO_DATE, row.sort_name)),
    "overdue-actions": ("Most actions overdue", lambda row: (-row.overdue_actions, row.sort_name)),
    "status": ("Plan status", lambda row: (row.status_label, row.sort_name)),
    "decision": (
        "Decision due soonest",
        lambda row: (row.decisions.due if row.decisions else dt.datetime.max.replace(tzinfo=dt.UTC), row.sort_name),
    ),
}


@dataclass
class Caseload:
    rows: list[CaseloadRow]  # after filtering and sorting
    total: int
    counts: dict[str, int]  # people per filter, over the whole caseload
    filter: str
    sort: str
    filters: tuple[Filter, ...] = FILTERS

    @property
    def sorts(self) -> list[tuple[str, str]]:
        return [(key, label) for key, (label, _) in SORTS.items()]

    @property
    def filter_label(self) -> str:
        return next(f.label for f in self.filters if f.key == self.filter)


def _count(queryset: QuerySet[Any]) -> Coalesce:
    per_person = queryset.filter(person_id=OuterRef("pk")).order_by().values("person_id")
    return Coalesce(Subquery(per_person.annotate(n=Count("pk")).values("n")[:1]), 0, output_field=IntegerField())


def _role(is_coordinator: bool, role_description: str) -> str:
    return "Coordinator" if is_coordinator else role_description or "Care team member"


def _told_apart_by(born: dt.date | None, nhs_number: str | None) -> str:
    parts = [f"born {date_long(born)}"] if born else []
    if nhs_number:
        parts.append(f"NHS number ending {nhs_number[-4:]}")
    return ", ".join(parts)


CASELOAD_FIELDS = (
    "pk",
    "given_name",
    "family_name",
    "date_of_birth",
    "nhs_number",
    "plan__status",
    "plan__next_review_on",
    "overdue_actions",
    "suggestions_waiting",
    "review_requests",
    "first_agreed_at",
    "last_agreed_at",
    "last_reviewed_at",
    "first_review_weeks",
    "chosen_months",
    "is_coordinator",
    "role_description",
    "details_hidden",
)


def _hidden_from(user: User, group: str, person: str = "person_id") -> Exists:
    """The person (of the row this filters) chose not to share `group` with the viewer's organisation.

    The care team's default is every group (plans/sections.py), so only a choice can hide one; a
    viewer on the team for several organisations is shown a count only if none of them is refused.
    """
    viewers_org = CareTeamMember.objects.filter(
        user=user, person_id=OuterRef("person_id"), organisation_id=OuterRef("organisation_id"), ended_on__isnull=True
    )
    return Exists(
        SharingChoice.objects.filter(person_id=OuterRef(person), group=group, is_shared=False).filter(
            Exists(viewers_org)
        )
    )


def _shared_actions(user: User) -> QuerySet[Action]:
    """Actions counted for the viewer: under shared outcomes, and budget ones only with the budget."""
    shared = Action.objects.visible_to(user).exclude(_hidden_from(user, SharingGroup.OUTCOMES))
    for layer, group in LAYER_GROUP.items():
        shared = shared.exclude(Q(layer=layer) & _hidden_from(user, group))
    return shared


def _shared_statements(user: User) -> QuerySet[Statement]:
    statements = Statement.objects.visible_to(user)
    for group in SharingGroup:
        sections = [section for section, in_group in SECTION_GROUP.items() if in_group == group]
        statements = statements.exclude(Q(section__in=sections) & _hidden_from(user, group))
    return statements


def caseload_queryset(user: User, today: dt.date) -> QuerySet[Person, dict[str, Any]]:
    """The people whose care team `user` is on, with their plan and the counts: one query.

    The counts take in only what the person shares with the viewer's organisation: a count of
    budget actions would tell an organisation refused the budget that there is one.
    """
    overdue = (
        _shared_actions(user)
        .filter(due_on__lt=today, outcome__is_active=True)
        .exclude(status__in=FINISHED_ACTION_STATUSES)
    )
    suggestions = _shared_statements(user).filter(status=StatementStatus.PROPOSED)
    # Notes are shown with the REVIEW group, so a request counts only where that is shared.
    requests = open_requests(PlanNote.objects.visible_to(user)).exclude(_hidden_from(user, NOTES))
    mine = CareTeamMember.objects.filter(user=user, ended_on__isnull=True)
    return (
        Person.objects.visible_to(user)
        .filter(pk__in=mine.values("person_id"))
        .annotate(
            overdue_actions=_count(overdue),
            suggestions_waiting=_count(suggestions),
            review_requests=_count(requests),
            # When the review is due is worked out from these and the plan's date (reviews.schedule).
            first_agreed_at=Subquery(
                PlanVersion.objects.filter(person_id=OuterRef("pk")).order_by("agreed_at").values("agreed_at")[:1]
            ),
            last_agreed_at=Subquery(
                PlanVersion.objects.filter(person_id=OuterRef("pk")).order_by("-agreed_at").values("agreed_at")[:1]
            ),
            last_reviewed_at=Subquery(
                ReviewCompletion.objects.filter(person_id=OuterRef("pk"))
                .order_by("-completed_at")
                .values("completed_at")[:1]
            ),
            # The lead organisation's weeks to the first review and the person's chosen gap (reviews, ADR-049).
            first_review_weeks=targets.latest("lead_organisation_id", "first_review_weeks"),
            chosen_months=chosen_months(user, "pk"),
            # Told apart by date of birth and NHS number only where those are shared (ADR-023).
            details_hidden=_hidden_from(user, SharingGroup.PERSONAL_DETAILS, person="pk"),
            is_coordinator=Subquery(mine.filter(person_id=OuterRef("pk")).values("is_coordinator")[:1]),
            role_description=Subquery(mine.filter(person_id=OuterRef("pk")).values("role_description")[:1]),
        )
        .values(*CASELOAD_FIELDS)
    )


def _local_date(moment: dt.datetime | None) -> dt.date | None:
    return timezone.localtime(moment).date() if moment else None


def caseload_for(user: User, *, filter_key: str = "all", sort: str = "name") -> Caseload:
    now = timezone.now()
    today = timezone.localdate()
    people = caseload_queryset(user, today)
    mine = CareTeamMember.objects.filter(user=user, ended_on__isnull=True).values("person_id")
    decisions, requests = decisions_waiting(user, mine, now), requests_waiting(user, mine, now)
    rows = [
        CaseloadRow(
            person_id=person["pk"],
            name=f"{person['given_name']} {person['family_name']}",
            sort_name=f"{person['family_name']} {person['given_name']}".lower(),
            told_apart_by=""
            if person["details_hidden"]
            else _told_apart_by(person["date_of_birth"], person["nhs_number"]),
            role=_role(person["is_coordinator"], person["role_description"]),
            plan_status=person["plan__status"] or "",
            next_review_on=schedule.review_due_on(
                first_agreed_on=_local_date(person["first_agreed_at"]),
                last_agreed_on=_local_date(person["last_agreed_at"]),
                last_reviewed_on=_local_date(person["last_reviewed_at"]),
                plan_next_review_on=person["plan__next_review_on"],
                first_review_weeks=person["first_review_weeks"],
                every_months=person["chosen_months"],
            ),
            overdue_actions=person["overdue_actions"],
            suggestions_waiting=person["suggestions_waiting"],
            review_requests=person["review_requests"],
            today=today,
            decisions=decisions.get(person["pk"]),
            requests=requests.get(person["pk"]),
        )
        for person in people
    ]
    chosen = next((f for f in FILTERS if f.key == filter_key), FILTERS[0])
    sort = sort if sort in SORTS else "name"
    return Caseload(
        rows=sorted(filter(chosen.keeps, rows), key=SORTS[sort][1]),
        total=len(rows),
        counts={f.key: sum(1 for row in rows if f.keeps(row)) for f in FILTERS},
        filter=chosen.key,
        sort=sort,
    )
