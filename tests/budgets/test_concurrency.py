"""Two approvers deciding the same budget at the same moment: exactly one decision is recorded,
the other is told someone else decided first. With threads on PostgreSQL (as CI runs it); SQLite
in memory is one connection, so there the same race is run in turn and must end the same way."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from livingplan.accounts.models import Role, User
from livingplan.budgets import services
from livingplan.budgets.models import ApproverLevel, Budget, BudgetStatus, BudgetStatusChange, Level
from tests.budgets.conftest import Ready, ready_plan, submitted
from tests.personas import World, make_staff

DECISIONS = ((services.APPROVE, ""), (services.DECLINE, "Not the right support"))


def _second_team_manager(ready: Ready) -> User:
    taylor = make_staff("taylor", "Taylor", "Quinn", ready.world.council_a, Role.APPROVER)
    ApproverLevel.objects.create(user=taylor, organisation=ready.world.council_a, level=Level.TEAM_MANAGER)
    return taylor


def _race(budget: Budget, approvers: list[User]) -> list[str]:
    outcomes: list[str] = []
    barrier = threading.Barrier(len(approvers))

    def decide(approver: User, decision: str, reason: str) -> None:
        try:
            barrier.wait(timeout=10)
            services.decide_budget(budget, by=approver, decision=decision, revision=budget.revision, reason=reason)
            outcomes.append("decided")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            connection.close()

    threads = [
        threading.Thread(target=decide, args=(approver, *decision))
        for approver, decision in zip(approvers, DECISIONS, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_two_approvers_at_once_make_exactly_one_decision(world: World) -> None:
    ready = ready_plan(world)
    budget = submitted(ready)
    approvers = [world.morgan, _second_team_manager(ready)]
    if connection.vendor == "postgresql":
        outcomes = _race(budget, approvers)
    else:
        outcomes = []
        for approver, (decision, reason) in zip(approvers, DECISIONS, strict=True):
            try:
                services.decide_budget(budget, by=approver, decision=decision, revision=budget.revision, reason=reason)
                outcomes.append("decided")
            except ValidationError as error:
                outcomes.append(error.messages[0])
    assert sorted(outcomes) == sorted(["decided", services.STALE])
    decided = BudgetStatusChange.objects.filter(
        budget=budget, to_status__in=[BudgetStatus.APPROVED, BudgetStatus.DECLINED]
    )
    assert decided.count() == 1
