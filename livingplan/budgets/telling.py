"""Telling the person at each step of sign-off, and the next manager when it runs late.

Queued in the outbox inside the change's transaction (ADR-030): a step that commits always has
its message, and a refused one has none. Keys make a second queueing of the same step harmless.
"""

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from livingplan.budgets import clock, policy
from livingplan.budgets.models import (
    WAITING,
    ApproverLevel,
    Budget,
    BudgetStatus,
    BudgetStatusChange,
    Level,
    LineSuspension,
    SecondTier,
)
from livingplan.budgets.money import pounds
from livingplan.core import workdays
from livingplan.notifications import outbox
from livingplan.notifications.models import OutboxMessage
from livingplan.people import messaging
from livingplan.people.models import Person

__all__ = ["escalate_late_sign_offs", "pounds", "tell_paused", "tell_person"]

EVERY_SECONDS = 15 * 60
_TEMPLATE: dict[str, str] = {
    BudgetStatus.SUBMITTED: "budget_submitted",
    BudgetStatus.RETURNED: "budget_returned",
    BudgetStatus.RESUBMITTED: "budget_resubmitted",
    BudgetStatus.SECOND_TIER: "budget_second_tier",
    BudgetStatus.APPROVED: "budget_approved",
    BudgetStatus.DECLINED: "budget_declined",
}


def _last_day(found: workdays.Clock) -> str:
    last_day = found.due.astimezone(workdays.LONDON).date() - dt.timedelta(days=1)
    return f"{last_day:%A} {last_day.day} {last_day:%B %Y}"


def due_on(budget: Budget, person: Person) -> str:
    rows = list(BudgetStatusChange.objects.filter(budget=budget))
    found = clock.sign_off_clock(rows, target_days=policy.target_days(person.lead_organisation), now=timezone.now())
    return "" if found.clock is None else _last_day(found.clock)


def _coordinator_name(budget: Budget) -> str:
    return budget.drafted_by.display_name


def tell_person(budget: Budget, row: BudgetStatusChange) -> None:
    person = Person.objects.select_related("user", "communication_needs", "lead_organisation").get(pk=budget.person_id)
    to = messaging.recipient_for_person(person)
    template = _TEMPLATE[row.to_status]
    second = row.to_status == BudgetStatus.SECOND_TIER
    if second and policy.for_organisation(person.lead_organisation_id).second_tier == SecondTier.PANEL:
        template = "budget_with_panel"
    outbox.queue(
        template=template,
        to=to,
        personalisation={
            "first_name": to.first_name,
            "by_name": _coordinator_name(budget),
            "due_on": due_on(budget, person),
            "link": messaging.link(reverse("budgets:budget", args=[person.pk])),
        },
        key=f"budget-{budget.pk}-step-{row.pk}",
        person_id=person.pk,
    )


def tell_paused(budget: Budget, row: LineSuspension) -> None:
    """Some support is paused: the person is told (the date and reason are on their page)."""
    person = Person.objects.select_related("user", "communication_needs").get(pk=budget.person_id)
    to = messaging.recipient_for_person(person)
    outbox.queue(
        template="budget_line_paused",
        to=to,
        personalisation={
            "first_name": to.first_name,
            "by_name": row.by.display_name,
            "link": messaging.link(reverse("budgets:budget", args=[person.pk])),
        },
        key=f"budget-{budget.pk}-paused-{row.pk}",
        person_id=person.pk,
    )


@dataclass(frozen=True)
class _Late:
    budget: Budget
    due_on: str
    state: workdays.ClockState


def _late(now: dt.datetime) -> list[_Late]:
    """Every budget waiting for sign-off that is due soon or overdue, in three queries in all."""
    waiting = list(
        Budget.objects.filter(status__in=WAITING)
        .select_related("person__lead_organisation")
        .prefetch_related("status_changes")
    )
    policies = policy.for_organisations({budget.person.lead_organisation_id for budget in waiting})
    late: list[_Late] = []
    for budget in waiting:
        target = policies[budget.person.lead_organisation_id].target_days
        found = clock.sign_off_clock(list(budget.status_changes.all()), target_days=target, now=now)
        if found.clock is None:
            continue
        state = found.clock.state(now)
        if state in (workdays.ClockState.DUE_SOON, workdays.ClockState.OVERDUE):
            late.append(_Late(budget=budget, due_on=_last_day(found.clock), state=state))
    return late


def escalate_late_sign_offs() -> int:
    """Tell the senior managers of the lead organisation about each budget due soon or overdue,
    once per budget and state. Run by `livingplan db_worker` (registered in apps.py) every 15
    minutes, so its cost must not grow with the number of budgets: a fixed number of queries
    finds what is late, whom to tell and what was already sent; only a new message costs more."""
    late = _late(timezone.now())
    if not late:
        return 0
    managers: dict[int, list[ApproverLevel]] = {}
    rows = ApproverLevel.objects.filter(
        organisation_id__in={item.budget.person.lead_organisation_id for item in late},
        level__in=[Level.SENIOR_MANAGER, Level.PANEL],
    ).select_related("user")
    for row in rows:
        managers.setdefault(row.organisation_id, []).append(row)
    wanted = [
        (item, manager, f"budget-{item.budget.pk}-late-{item.state.name}-{manager.user_id}")
        for item in late
        for manager in managers.get(item.budget.person.lead_organisation_id, [])
    ]
    sent = set(
        OutboxMessage.objects.filter(idempotency_key__in=[key for *_, key in wanted]).values_list(
            "idempotency_key", flat=True
        )
    )
    queued = 0
    for item, manager, key in wanted:
        if key in sent:
            continue
        to = messaging.recipient_for_staff(manager.user)
        outbox.queue(
            template="budget_sign_off_late",
            to=to,
            personalisation={
                "first_name": to.first_name,
                "person_name": item.budget.person.full_name,
                "what_changed": str(item.state),
                "due_on": item.due_on,
                "link": messaging.link(reverse("budgets_staff:queue")),
            },
            key=key,
            person_id=item.budget.person_id,
        )
        queued += 1
    return queued
