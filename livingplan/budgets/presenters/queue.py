"""The approvers' queue: every budget waiting for sign-off that the approver may see, oldest
first, with working days waiting (time back with the worker shown apart), yearly cost and tier."""

import datetime as dt
from typing import Any

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from livingplan.budgets import clock, policy
from livingplan.budgets.models import ApproverLevel, Budget, BudgetStatus, BudgetStatusChange, SecondTier
from livingplan.budgets.money import pounds
from livingplan.core import workdays
from livingplan.core.presenters import date_long
from livingplan.core.viewer import Viewer

_COLOURS = {"on track": "blue", "due soon": "orange", "overdue": "red", "stopped": "grey"}


def _panel(budget: Budget, rules_now: policy.Policy) -> bool:
    return budget.status == BudgetStatus.SECOND_TIER and rules_now.second_tier == SecondTier.PANEL


def _tier(budget: Budget, rules_now: policy.Policy) -> str:
    if budget.status != BudgetStatus.SECOND_TIER:
        return "First tier"
    return "Second tier: the funding panel" if _panel(budget, rules_now) else "Second tier"


def queue_page(viewer: Viewer) -> dict[str, Any]:
    organisations = ApproverLevel.objects.filter(user_id=viewer.pk or 0).values("organisation_id")
    waiting = (
        Budget.objects.visible_to(viewer)
        .waiting()
        .filter(person__lead_organisation_id__in=organisations)
        .select_related("person__lead_organisation")
        .prefetch_related(Prefetch("status_changes", BudgetStatusChange.objects.visible_to(viewer)))
    )
    now = timezone.now()
    items: list[dict[str, Any]] = []
    started: dict[int, dt.datetime] = {}
    budgets = list(waiting)
    policies = policy.for_organisations({budget.person.lead_organisation_id for budget in budgets})
    for budget in budgets:
        rules_now = policies[budget.person.lead_organisation_id]
        rows = list(budget.status_changes.all())
        found = clock.sign_off_clock(rows, target_days=rules_now.target_days, now=now)
        if found.clock is None:
            continue
        state = str(found.clock.state(now))
        started[len(items)] = found.clock.started
        items.append(
            {
                "person": budget.person.full_name,
                "submitted": date_long(found.clock.started.astimezone(workdays.LONDON).date()),
                "waiting": found.taken(now),
                "returned": found.returned_days,
                "amount": pounds(rows[-1].yearly_pence),
                "tier": _tier(budget, rules_now),
                "state": state,
                "state_colour": _COLOURS[state],
                "url": reverse(
                    f"budgets:{'panel' if _panel(budget, rules_now) else 'decide'}", args=[budget.person_id]
                ),
            }
        )
    order = sorted(range(len(items)), key=lambda index: started[index])
    return {"items": [items[index] for index in order]}
