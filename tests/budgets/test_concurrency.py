"""Two approvers deciding the same budget at the same moment: exactly one decision is recorded,
the other is told someone else decided first. With threads on PostgreSQL (as CI runs it); SQLite
in memory is one connection, so there the same race is run in turn and must end the same way."""

from functools import partial

import pytest

from livingplan.accounts.models import Role, User
from livingplan.budgets import services
from livingplan.budgets.models import ApproverLevel, BudgetStatus, BudgetStatusChange, Level
from tests.budgets.conftest import Ready, race, ready_plan, submitted
from tests.personas import World, make_staff

DECISIONS = ((services.APPROVE, ""), (services.DECLINE, "Not the right support"))


def _second_team_manager(ready: Ready) -> User:
    taylor = make_staff("taylor", "Taylor", "Quinn", ready.world.council_a, Role.APPROVER)
    ApproverLevel.objects.create(user=taylor, organisation=ready.world.council_a, level=Level.TEAM_MANAGER)
    return taylor


@pytest.mark.django_db(transaction=True)
def test_two_approvers_at_once_make_exactly_one_decision(world: World) -> None:
    ready = ready_plan(world)
    budget = submitted(ready)
    approvers = [world.morgan, _second_team_manager(ready)]
    decide = partial(services.decide_budget, budget, revision=budget.revision)
    outcomes = race(
        [
            partial(decide, by=who, decision=decision, reason=why)
            for who, (decision, why) in zip(approvers, DECISIONS, strict=True)
        ]
    )
    assert sorted(outcomes) == sorted(["decided", services.STALE])
    decided = BudgetStatusChange.objects.filter(
        budget=budget, to_status__in=[BudgetStatus.APPROVED, BudgetStatus.DECLINED]
    )
    assert decided.count() == 1
