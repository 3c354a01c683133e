"""Telling the person at each step of sign-off, and the next manager when it runs late.

Queued in the outbox inside the change's transaction (ADR-030): a step that commits always has
its message, and a refused one has none. Keys make a second queueing of the same step harmless.
"""

import datetime as dt

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


def due_on(budget: Budget, person: Person) -> str:
    rows = list(BudgetStatusChange.objects.filter(budget=budget))
    found = clock.sign_off_clock(rows, target_days=policy.target_days(person.lead_organisation), now=timezone.now())
    if found.clock is None:
        return ""
    last_day = found.clock.due.astimezone(workdays.LONDON).date() - dt.timedelta(days=1)
    return f"{last_day:%A} {last_day.day} {last_day:%B %Y}"


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


def escalate_late_sign_offs() -> int:
    """Tell the senior managers of the lead organisation about each budget due soon or overdue,
    once per budget and state. Run by `livingplan db_worker` (registered in apps.py)."""
    now, queued = timezone.now(), 0
    waiting = Budget.objects.filter(status__in=WAITING).select_related("person__lead_organisation")
    for budget in waiting:
        person = budget.person
        rows = list(BudgetStatusChange.objects.filter(budget=budget))
        found = clock.sign_off_clock(rows, target_days=policy.target_days(person.lead_organisation), now=now)
        if found.clock is None:
            continue
        state = found.clock.state(now)
        if state not in (workdays.ClockState.DUE_SOON, workdays.ClockState.OVERDUE):
            continue
        managers = ApproverLevel.objects.filter(
            organisation_id=person.lead_organisation_id, level__in=[Level.SENIOR_MANAGER, Level.PANEL]
        ).select_related("user")
        for manager in managers:
            to = messaging.recipient_for_staff(manager.user)
            outbox.queue(
                template="budget_sign_off_late",
                to=to,
                personalisation={
                    "first_name": to.first_name,
                    "person_name": person.full_name,
                    "what_changed": str(state),
                    "due_on": due_on(budget, person),
                    "link": messaging.link(reverse("budgets_staff:queue")),
                },
                key=f"budget-{budget.pk}-late-{state.name}-{manager.user_id}",
                person_id=person.pk,
            )
            queued += 1
    return queued
