"""The person's budget page: in plain English for everyone who may see it (how much, who pays,
how it is spent, on which outcomes, where sign-off is up to), with the working parts for staff."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from livingplan.budgets import clock, policy, rules
from livingplan.budgets.models import (
    EDITABLE,
    PAUSABLE,
    WAITING,
    ApproverAssignment,
    Budget,
    BudgetStatus,
    BudgetStatusChange,
    DeploymentRoute,
    FirstPayment,
    FundingSource,
    LineOutcome,
    LineSuspension,
    PanelDecision,
    PanelMember,
    SecondTier,
    SupportLine,
    Unit,
)
from livingplan.budgets.money import pounds
from livingplan.budgets.services import check
from livingplan.budgets.totals import Totals, totals
from livingplan.core import workdays
from livingplan.core.viewer import Viewer
from livingplan.people.models import Person

_STEP_WORDS: dict[str, str] = {
    BudgetStatus.DRAFTED: "{by} started drafting the budget",
    BudgetStatus.SUBMITTED: "{by} sent it for sign-off",
    BudgetStatus.RETURNED: "{by} returned it for a change",
    BudgetStatus.RESUBMITTED: "{by} made the change and sent it again",
    BudgetStatus.SECOND_TIER: "{by} agreed it and passed it to the second tier",
    BudgetStatus.APPROVED: "{by} signed it off",
    BudgetStatus.DECLINED: "{by} did not sign it off",
}


def current_budget(person: Person, viewer: Viewer) -> Budget | None:
    return (
        Budget.objects.visible_to(viewer)
        .filter(person=person)
        .select_related("drafted_by", "plan", "person__lead_organisation")
        .first()
    )


@dataclass(frozen=True)
class ClockView:
    taken: str
    returned: str
    due: str
    state: str
    state_colour: str
    after_approval: str


_COLOURS = {"on track": "blue", "due soon": "orange", "overdue": "red", "stopped": "grey"}


def _day(moment: dt.datetime) -> str:
    local = moment.astimezone(workdays.LONDON)
    return f"{local.day} {local:%B %Y}"


def clock_view(budget: Budget, rows: list[BudgetStatusChange], first: FirstPayment | None) -> ClockView | None:
    now = timezone.now()
    found = clock.sign_off_clock(rows, target_days=policy.target_days(budget.person.lead_organisation), now=now)
    if found.clock is None:
        return None
    last_day = found.clock.due - dt.timedelta(days=1)
    after = "Not yet approved"
    if found.approved_at is not None:
        after = "Waiting for the first payment or service"
        if first is not None:
            days = clock.approval_to_start(found.approved_at, first.happened_on)
            on = f"{first.happened_on.day} {first.happened_on:%B %Y}"
            after = f"{days} working days ({first.get_kind_display().lower()} on {on})"
    state = str(found.clock.state(now))
    return ClockView(
        taken=f"{found.taken(now)} working days",
        returned=f"{found.returned_days} working days",
        due=_day(last_day),
        state=state if found.clock.stopped is None else ("decided in time" if found.clock.met() else "decided late"),
        state_colour=_COLOURS[state],
        after_approval=after,
    )


def _paused(line: SupportLine) -> dict[str, Any]:
    """An open pause of the line: the words for it, and whether it is paused today."""
    pause = next(iter(line.suspensions.all()), None)
    if pause is None:
        return {"paused": "", "paused_now": False}
    return {
        "paused": f"Paused from {pause.from_on.day} {pause.from_on:%B %Y}: {pause.reason}",
        "paused_now": pause.from_on <= timezone.localdate(),
    }


def _lines(budget: Budget, viewer: Viewer) -> list[dict[str, Any]]:
    lines = (
        SupportLine.objects.visible_to(viewer)
        .filter(budget=budget)
        .current()
        .prefetch_related(Prefetch("outcome_links", LineOutcome.objects.visible_to(viewer).select_related("outcome")))
        .prefetch_related(
            Prefetch("suspensions", LineSuspension.objects.visible_to(viewer).filter(resumed_on__isnull=True))
        )
    )
    return [
        {
            **_paused(line),
            "id": line.pk,
            "what": line.what,
            "provider": line.provider,
            "unit": line.get_unit_display(),
            "unit_cost": pounds(line.unit_cost_pence),
            "quantity": line.quantity,
            "cost_words": _cost_words(line),
            "weekly": pounds(line.weekly_pence),
            "yearly": pounds(line.yearly_pence),
            "yearly_pence": line.yearly_pence,
            "since": f"{line.starts_on.day} {line.starts_on:%B %Y}",
            "outcomes": [link.outcome.text for link in line.outcome_links.all()],
            "change_url": reverse("budgets:change_line", args=[budget.person_id, line.pk]),
            "suspend_url": reverse("budgets:suspend_line", args=[budget.person_id, line.pk]),
        }
        for line in lines
    ]


def _money(
    budget: Budget, sums: Totals, funding: list[FundingSource], routes: list[DeploymentRoute], paused_pence: int
) -> dict[str, Any]:
    return {
        # A pause leaves the package as signed off and lowers what is being spent now.
        "paused": pounds(paused_pence) if paused_pence else "",
        "spent_now": pounds(sums.yearly_pence - paused_pence),
        "weekly": pounds(sums.weekly_pence),
        "yearly": pounds(sums.yearly_pence),
        "yearly_pence": sums.yearly_pence,
        "indicative": pounds(budget.indicative_pence),
        "difference": _difference(sums.yearly_pence - budget.indicative_pence),
        "agreed": pounds(budget.agreed_pence) if budget.agreed_pence is not None else "",
        "contribution": pounds(budget.contribution_pence),
        "funders_pay": pounds(max(0, sums.funded_pence - budget.contribution_pence)),
        "funding": [{"who": f.get_kind_display(), "amount": pounds(f.yearly_pence)} for f in funding],
        "routes": [
            {
                "how": r.get_route_display(),
                "amount": pounds(r.yearly_pence),
                "managed_by": r.managed_by,
                "needs_met": r.needs_met,
                "frequency": r.payment_frequency,
            }
            for r in routes
        ],
    }


def _panels(budget: Budget, viewer: Viewer) -> dict[int, str]:
    """For each step the funding panel made: the words for it, with who was present."""
    decisions = (
        PanelDecision.objects.visible_to(viewer)
        .filter(budget=budget)
        .prefetch_related(Prefetch("members", PanelMember.objects.visible_to(viewer).select_related("user")))
    )
    return {
        d.status_change_id: "The funding panel ({names}, meeting on {on})".format(
            names=", ".join(m.user.display_name for m in d.members.all()), on=f"{d.met_on.day} {d.met_on:%B %Y}"
        )
        for d in decisions
    }


def _history(rows: list[BudgetStatusChange], panels: dict[int, str]) -> list[dict[str, str]]:
    return [
        {
            "when": _day(row.changed_at),
            "what": _STEP_WORDS[row.to_status].format(by=panels.get(row.pk) or row.changed_by.display_name),
            "reason": row.reason,
            "line": row.line.what if row.line else "",
        }
        for row in rows
    ]


def _asked(budget: Budget, viewer: Viewer) -> str:
    """Who is asked to decide at the tier the budget is waiting at, if anyone."""
    if budget.status not in WAITING:
        return ""
    tier = 2 if budget.status == BudgetStatus.SECOND_TIER else 1
    row = (
        ApproverAssignment.objects.visible_to(viewer)
        .filter(budget=budget, tier=tier)
        .select_related("approver")
        .order_by("-assigned_at", "-pk")
        .first()
    )
    return row.approver.display_name if row else ""


def _cost_words(line: SupportLine) -> str:
    """ "5 hours a week at £24.50 an hour", "£12.00 a week", "£300.00 once": what a person would say."""
    cost = pounds(line.unit_cost_pence)
    if line.unit == Unit.HOUR:
        hours = "1 hour" if line.quantity == 1 else f"{line.quantity} hours"
        return f"{hours} a week at {cost} an hour"
    if line.unit == Unit.WEEK:
        return f"{cost} a week" if line.quantity == 1 else f"{line.quantity} x {cost} a week"
    return f"{cost} once" if line.quantity == 1 else f"{line.quantity} x {cost} once"


def _difference(pence: int) -> str:
    """In words, never a minus sign: "£2,506.00 less than that"."""
    if pence == 0:
        return "the same"
    return f"{pounds(abs(pence))} {'more' if pence > 0 else 'less'} than that"


def _urls(person: Person) -> dict[str, str]:
    names = (
        "start",
        "add_line",
        "set_funding",
        "set_route",
        "details",
        "submit",
        "decide",
        "first_payment",
        "assign",
        "panel",
    )
    urls = {name: reverse(f"budgets:{name}", args=[person.pk]) for name in names}
    # Needs, eligible needs and outcomes are recorded in the plan itself, not here.
    urls["plan"] = reverse("plans:plan", kwargs={"person_pk": person.pk})
    return urls


def budget_page(person: Person, viewer: Viewer) -> dict[str, Any]:
    budget = current_budget(person, viewer)
    is_self = person.user_id is not None and person.user_id == viewer.pk
    base: dict[str, Any] = {"person": person, "is_self": is_self, "budget": budget, "urls": _urls(person)}
    base["can_draft"] = rules.can_draft(viewer, person)
    base["can_decide"] = rules.can_decide(viewer, person)
    if budget is None:
        return base
    rows = list(
        BudgetStatusChange.objects.visible_to(viewer).filter(budget=budget).select_related("changed_by", "line")
    )
    funding = list(FundingSource.objects.visible_to(viewer).filter(budget=budget))
    routes = list(DeploymentRoute.objects.visible_to(viewer).filter(budget=budget))
    lines = _lines(budget, viewer)
    first = FirstPayment.objects.visible_to(viewer).filter(budget=budget).first()
    sums = totals(SupportLine.objects.visible_to(viewer).filter(budget=budget).current(), funding, routes)
    returned = next((r for r in reversed(rows) if r.to_status == BudgetStatus.RETURNED), None)
    items = check(budget) if base["can_draft"] and budget.status in EDITABLE else []
    for_panel = budget.status == BudgetStatus.SECOND_TIER and (
        policy.for_organisation(person.lead_organisation_id).second_tier == SecondTier.PANEL
    )
    return base | {
        "status": "Waiting for the funding panel" if for_panel else budget.get_status_display(),
        "for_panel": for_panel,
        "decide_url": base["urls"]["panel" if for_panel else "decide"],
        "is_editable": budget.status in EDITABLE and base["can_draft"],
        "is_waiting": budget.status in WAITING,
        "is_approved": budget.status == BudgetStatus.APPROVED,
        "money": _money(budget, sums, funding, routes, sum(x["yearly_pence"] for x in lines if x["paused_now"])),
        "lines": lines,
        "history": _history(rows, _panels(budget, viewer)),
        "returned": {"reason": returned.reason, "line": returned.line.what if returned.line else ""}
        if returned is not None and budget.status == BudgetStatus.RETURNED
        else None,
        "clock": clock_view(budget, rows, first),
        "checks": [{"name": i.name, "missing": i.missing} for i in items],
        "ready": bool(items) and not any(i.missing for i in items),
        "first_payment": first,
        "can_record_start": rules.can_record_start(viewer, budget) and first is None,
        "can_pause": base["can_draft"] and budget.status in PAUSABLE,
        "can_assign": (base["can_draft"] or base["can_decide"]) and budget.status in WAITING,
        "asked": _asked(budget, viewer),
    }
