"""Alex's plan ready for a budget, the approvers and their levels, and Priya's budget for Alex
built through the service verbs, from a Monday in November 2026 (London time)."""

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from livingplan.accounts.models import Role, User
from livingplan.budgets import services
from livingplan.budgets.models import ApproverLevel, Budget, Level, SupportLine
from livingplan.plans import services as plans
from livingplan.plans.models import Outcome, Plan
from livingplan.plans.sections import Section
from tests.personas import World, make_staff

# Monday 16 November 2026, 9am in London (GMT).
MONDAY = dt.datetime(2026, 11, 16, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def november() -> Iterator[time_machine.Traveller]:
    with time_machine.travel(MONDAY, tick=False) as traveller:
        yield traveller


@dataclass
class Ready:
    world: World
    plan: Plan
    outcomes: list[Outcome]
    senior: User


def ready_plan(world: World) -> Ready:
    """Alex's plan with what matters, two outcomes, needs, eligible needs and a review date."""
    plan = plans.start_plan(world.alex_record, by=world.priya)
    plans.add_statement(plan, by=world.alex, section=Section.WHAT_MATTERS, text="My garden and my grandchildren")
    walk = plans.add_outcome(plan, by=world.alex, text="Walk to the shops on my own")
    garden = plans.add_outcome(plan, by=world.alex, text="Keep my garden going")
    plans.add_statement(plan, by=world.priya, section=Section.NEEDS, text="Help with washing and dressing")
    plans.add_statement(plan, by=world.priya, section=Section.ELIGIBLE_NEEDS, text="Personal care; getting out")
    plans.set_review_arrangements(
        plan,
        by=world.priya,
        next_review_on=timezone.localdate() + dt.timedelta(days=180),
        review_lead=world.priya,
        early_review_triggers="",
    )
    ApproverLevel.objects.create(user=world.morgan, organisation=world.council_a, level=Level.TEAM_MANAGER)
    senior = make_staff("sasha", "Sasha", "Grant", world.council_a, Role.APPROVER)
    ApproverLevel.objects.create(user=senior, organisation=world.council_a, level=Level.SENIOR_MANAGER)
    return Ready(world=world, plan=plan, outcomes=[walk, garden], senior=senior)


@pytest.fixture
def ready(world: World, november: time_machine.Traveller) -> Ready:
    return ready_plan(world)


def personal_care(ready: Ready, *, hours: int = 7, pence: int = 24_00) -> services.LineDetails:
    return services.LineDetails(
        what="Personal care in the morning",
        provider="Brightwell Home Care",
        unit="HOUR",
        unit_cost_pence=pence,
        quantity=hours,
        outcome_ids=[ready.outcomes[0].pk],
    )


def draft_budget(ready: Ready, *, hours: int = 7) -> tuple[Budget, SupportLine]:
    """Priya's budget for Alex with everything the Care Act check asks for (7 hours at £24: £8,736 a year)."""
    world = ready.world
    budget = services.start_budget(
        world.alex_record, by=world.priya, indicative_pence=9_000_00, basis="Resource allocation system, 2026 rates"
    )
    line = services.add_line(budget, by=world.priya, details=personal_care(ready, hours=hours))
    yearly = line.yearly_pence
    services.set_funding(budget, by=world.priya, kind="COUNCIL", yearly_pence=yearly)
    services.set_route(
        budget,
        by=world.priya,
        route="DIRECT_PAYMENT",
        yearly_pence=yearly,
        managed_by="Alex, with help from Sam",
        needs_met="Personal care",
        payment_frequency="every 4 weeks",
    )
    services.set_details(
        budget,
        by=world.priya,
        contribution_pence=10_00 * 52,
        advice_given="Direct payments leaflet; the support service for employers",
        person_involvement="Alex chose the provider and the times",
    )
    budget.refresh_from_db()
    return budget, line


def submitted(ready: Ready, *, hours: int = 7) -> Budget:
    budget, _ = draft_budget(ready, hours=hours)
    services.submit_budget(budget, by=ready.world.priya)
    budget.refresh_from_db()
    return budget


from tests.notifications.conftest import notify_stub  # noqa: E402, F401 - GOV.UK Notify's loopback stand-in


def sign_off_choices(**changes: object) -> services.Choices:
    """Northbridge's sign-off settings as the defaults are, with `changes`."""
    values: dict[str, object] = {
        "target_days": 10,
        "team_manager_limit_pence": 30_000_00,
        "senior_manager_limit_pence": 150_000_00,
        "panel_limit_pence": None,
        "second_tier_for_new_or_increased": False,
        "second_tier": "SENIOR_MANAGER",
        **changes,
    }
    return services.Choices(**values)  # type: ignore[arg-type]


def race(calls: list[Callable[[], object]]) -> list[str]:
    """Run the decisions at the same moment, each on its own connection, on PostgreSQL (as CI
    does); SQLite in memory is one connection, so there in turn. "decided" or why it was refused."""
    outcomes: list[str] = []

    def run(call: Callable[[], object], barrier: threading.Barrier | None) -> None:
        try:
            if barrier is not None:
                barrier.wait(timeout=10)
            call()
            outcomes.append("decided")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            if barrier is not None:
                connection.close()

    if connection.vendor != "postgresql":
        for call in calls:
            run(call, None)
        return outcomes
    barrier = threading.Barrier(len(calls))
    threads = [threading.Thread(target=run, args=(call, barrier)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes
