"""What each kind of user sees first when they sign in."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from livingplan.accounts.models import Membership, Role, User
from livingplan.appointments import presenters as appointment_presenters
from livingplan.budgets.presenters import home as budget_presenters
from livingplan.core.org_settings import SettingsPage, settings_pages
from livingplan.core.presenters import date_long, datetime_short
from livingplan.home.caseload import Caseload, caseload_for
from livingplan.journeys.presenters.journey import Journey, journey_for
from livingplan.people.models import CareTeamMember, CircleMember, CoordinatorTask, Person, TaskKind
from livingplan.people.stats import people_led_by
from livingplan.people.task_words import task_words
from livingplan.plans.models import (
    FINISHED_ACTION_STATUSES,
    Action,
    Plan,
    PlanStatus,
    Statement,
    StatementStatus,
)
from livingplan.plans.notes import NoteRow, note_rows

CASELOAD_ROLES = {Role.COORDINATOR, Role.PRACTITIONER, Role.ADMINISTRATOR}
OVERSIGHT_ROLES = {Role.APPROVER, Role.QUALITY_LEAD}
HOME_NOTES = 3


@dataclass(frozen=True)
class MyAction:
    person_id: int
    person_name: str
    what: str
    due: str
    is_overdue: bool


def my_actions(user: User) -> list[MyAction]:
    """Open actions that belong to `user` on the plans they may see, overdue first, then by date."""
    today = timezone.localdate()
    actions = (
        Action.objects.visible_to(user)
        .filter(owner=user, outcome__is_active=True)
        .exclude(status__in=FINISHED_ACTION_STATUSES)
        .select_related("person")
        .order_by(F("due_on").asc(nulls_last=True), "pk")[:50]
    )
    return [
        MyAction(
            person_id=a.person_id,
            person_name=a.person.full_name,
            what=a.what,
            due=date_long(a.due_on) if a.due_on else "No date set",
            is_overdue=bool(a.due_on and a.due_on < today),
        )
        for a in actions
    ]


@dataclass(frozen=True)
class ThingToDo:
    id: int
    person_id: int
    person_name: str
    what: str
    since: str
    # Where it is done, for a task its own verb closes (a request to answer); "" for "Mark as done".
    answer_url: str = ""


# Tasks closed by answering something, and the page where it is answered.
_ANSWERED_AT: dict[str, str] = {TaskKind.COORDINATOR_CHANGE: "journeys:coordinator"}

THINGS_TO_DO_SHOWN = 100


@dataclass(frozen=True)
class ThingsToDo:
    rows: list[ThingToDo]
    total: int  # all that are open, which may be more than are shown


def things_to_do(user: User) -> ThingsToDo:
    """Open tasks about the people `user` coordinates now, oldest first: one query, or two when
    there are more than are shown (ADR-032)."""
    open_tasks = CoordinatorTask.objects.visible_to(user).for_coordinator(user).open()
    # One more than is shown, so the count is asked for only when there are more.
    tasks = list(open_tasks.select_related("person").order_by("created_at", "pk")[: THINGS_TO_DO_SHOWN + 1])
    total = open_tasks.count() if len(tasks) > THINGS_TO_DO_SHOWN else len(tasks)
    return ThingsToDo(rows=_rows(tasks[:THINGS_TO_DO_SHOWN]), total=total)


def _rows(tasks: list[CoordinatorTask]) -> list[ThingToDo]:
    return [
        ThingToDo(
            id=task.pk,
            person_id=task.person_id,
            person_name=task.person.full_name,
            what=task_words(
                kind=task.kind,
                about=task.about,
                name=task.person.name_to_use,
                pronouns=task.person.pronoun,
                recipient_name=task.recipient_name,
                channel=task.channel,
                language=task.language,
            ),
            since=datetime_short(task.created_at),
            answer_url=reverse(_ANSWERED_AT[task.kind], args=[task.person_id]) if task.kind in _ANSWERED_AT else "",
        )
        for task in tasks
    ]


@dataclass
class StaffHome:
    user: User
    memberships: list[Membership]
    actions: list[MyAction] = field(default_factory=list)
    things_to_do: ThingsToDo = field(default_factory=lambda: ThingsToDo(rows=[], total=0))
    caseload: Caseload | None = None
    figures: list[dict[str, Any]] = field(default_factory=list)
    colleagues: list[Membership] = field(default_factory=list)
    budgets_waiting: int | None = None  # for approvers: budgets waiting for sign-off (issue 14)
    template: str = "home/staff.jinja"

    @property
    def settings_pages(self) -> list[SettingsPage]:
        """The organisation settings pages other apps registered (shown to organisation admins)."""
        return settings_pages()

    @property
    def roles(self) -> set[str]:
        return {m.role for m in self.memberships}

    @property
    def role_summary(self) -> str:
        return ", ".join(f"{m.get_role_display().lower()} at {m.organisation.name}" for m in self.memberships)


@dataclass
class PersonHome:
    person: Person
    coordinator: CareTeamMember | None
    care_team: list[CareTeamMember]
    circle: list[CircleMember]
    plan: Plan | None = None
    actions_overdue: list[Action] = field(default_factory=list)
    actions_coming_up: list[Action] = field(default_factory=list)
    suggestions_waiting: int = 0
    notes: list[NoteRow] = field(default_factory=list)  # the newest few
    journey: Journey | None = None  # where they are on their planning journey (issue 12)
    next_appointment: dict[str, Any] | None = None  # appointments.presenters.summary
    budget: dict[str, Any] | None = None  # budgets.presenters.home.for_person (issue 14)
    template: str = "home/person.jinja"

    @property
    def plan_status(self) -> str:
        return PlanStatus(self.plan.status).label if self.plan else "Not started"

    @property
    def next_review(self) -> str:
        return date_long(self.plan.next_review_on) if self.plan and self.plan.next_review_on else ""


@dataclass
class CircleHome:
    supporting: list[CircleMember]
    actions: list[MyAction] = field(default_factory=list)
    template: str = "home/circle.jinja"


def home_for(user: User, *, filter_key: str = "all", sort: str = "name") -> StaffHome | PersonHome | CircleHome:
    person = Person.objects.visible_to(user).filter(user=user).first()
    if person is not None:
        team = list(
            CareTeamMember.objects.visible_to(user)
            .filter(person=person, ended_on__isnull=True)
            .select_related("user", "organisation")
        )
        plan = Plan.objects.visible_to(user).filter(person=person).first()
        # What the person needs to act on: open actions overdue, and those due in the next four weeks.
        today = timezone.localdate()
        open_actions = (
            Action.objects.visible_to(user)
            .filter(person=person, due_on__isnull=False, outcome__is_active=True)
            .exclude(status__in=FINISHED_ACTION_STATUSES)
            .order_by("due_on", "pk")
        )
        overdue = list(open_actions.filter(due_on__lt=today))
        coming_up = list(open_actions.filter(due_on__gte=today, due_on__lte=today + dt.timedelta(days=28)))
        waiting = Statement.objects.visible_to(user).filter(person=person, status=StatementStatus.PROPOSED).count()
        return PersonHome(
            person=person,
            coordinator=next((m for m in team if m.is_coordinator), None),
            care_team=team,
            circle=list(CircleMember.objects.visible_to(user).filter(person=person)),
            plan=plan,
            actions_overdue=overdue,
            actions_coming_up=coming_up,
            suggestions_waiting=waiting,
            notes=note_rows(plan, user, limit=HOME_NOTES) if plan else [],
            journey=journey_for(user, person),
            next_appointment=appointment_presenters.next_appointment(person),
            budget=budget_presenters.for_person(person, user),
        )
    memberships = list(user.memberships.select_related("organisation", "team"))
    if not memberships:
        supporting = CircleMember.objects.visible_to(user).filter(user=user, has_access=True).select_related("person")
        return CircleHome(supporting=list(supporting), actions=my_actions(user))
    return _staff_home(user, memberships, filter_key=filter_key, sort=sort)


def _staff_home(user: User, memberships: list[Membership], *, filter_key: str, sort: str) -> StaffHome:
    home = StaffHome(user=user, memberships=memberships, budgets_waiting=budget_presenters.waiting_for(user))
    if home.roles & CASELOAD_ROLES:
        home.actions = my_actions(user)
        home.things_to_do = things_to_do(user)
        home.caseload = caseload_for(user, filter_key=filter_key, sort=sort)
    for membership in memberships:
        if membership.role == Role.COMMISSIONER:
            home.figures.append({"organisation": membership.organisation, **people_led_by(membership.organisation)})
        if membership.role == Role.ORGANISATION_ADMIN:
            home.colleagues.extend(
                Membership.objects.filter(organisation=membership.organisation)
                .select_related("user", "team")
                .order_by("user__last_name", "user__first_name")
            )
    return home
