"""The sign-off clock in working days across Christmas 2026 (Friday 25 December and the
substitute Boxing Day, Monday 28): time returned to the worker shown apart, never taken off;
due soon and overdue escalated to the senior manager once; approval to first payment counted."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from livingplan.budgets import clock, services, telling
from livingplan.budgets.models import BudgetStatusChange
from livingplan.budgets.presenters.page import budget_page
from livingplan.core.workdays import ClockState
from livingplan.notifications.models import OutboxMessage
from tests.budgets.conftest import Ready, ready_plan, submitted
from tests.personas import World

# Monday 14 December 2026, 9am in London: 10 working days later is Wednesday 30 December.
SENT = dt.datetime(2026, 12, 14, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def christmas(world: World) -> Ready:
    with time_machine.travel(SENT, tick=False):
        return ready_plan(world)


def _clock(budget_id: int, now: dt.datetime) -> clock.SignOffClock:
    rows = list(BudgetStatusChange.objects.filter(budget_id=budget_id))
    return clock.sign_off_clock(rows, target_days=10, now=now)


def test_the_target_skips_christmas_and_the_substitute_boxing_day(christmas: Ready) -> None:
    with time_machine.travel(SENT, tick=False):
        budget = submitted(christmas)
    found = _clock(budget.pk, SENT)
    assert found.clock is not None
    assert found.clock.due == dt.datetime(2026, 12, 31, 0, 0, tzinfo=dt.UTC)  # midnight after Wednesday 30th
    assert found.clock.state(dt.datetime(2026, 12, 29, 10, 0, tzinfo=dt.UTC)) == ClockState.ON_TRACK
    assert found.clock.state(dt.datetime(2026, 12, 30, 10, 0, tzinfo=dt.UTC)) == ClockState.DUE_SOON
    assert found.clock.state(dt.datetime(2026, 12, 31, 10, 0, tzinfo=dt.UTC)) == ClockState.OVERDUE


def test_time_returned_to_the_worker_is_shown_apart_and_counted(christmas: Ready) -> None:
    world = christmas.world
    with time_machine.travel(SENT, tick=False):
        budget = submitted(christmas)
    with time_machine.travel(dt.datetime(2026, 12, 22, 10, 0, tzinfo=dt.UTC), tick=False):  # Tuesday
        services.decide_budget(
            budget, by=world.morgan, decision=services.RETURN, revision=budget.revision, reason="Check the hours"
        )
    with time_machine.travel(dt.datetime(2026, 12, 29, 10, 0, tzinfo=dt.UTC), tick=False):  # after Christmas
        budget.refresh_from_db()
        services.submit_budget(budget, by=world.priya, note="Hours checked with Alex")
    with time_machine.travel(dt.datetime(2026, 12, 30, 15, 0, tzinfo=dt.UTC), tick=False):
        budget.refresh_from_db()
        services.decide_budget(budget, by=world.morgan, decision=services.APPROVE, revision=budget.revision)
        page = budget_page(world.alex_record, world.morgan)
    # 22nd to 29th: Wednesday 23rd, Thursday 24th and Tuesday 29th are working days; the rest are not.
    assert (page["clock"].taken, page["clock"].returned) == ("10 working days", "3 working days")
    assert page["clock"].state == "decided in time"


def test_late_sign_off_is_escalated_to_the_senior_manager_once(christmas: Ready) -> None:
    with time_machine.travel(SENT, tick=False):
        submitted(christmas)
    with time_machine.travel(dt.datetime(2026, 12, 24, 10, 0, tzinfo=dt.UTC), tick=False):
        assert telling.escalate_late_sign_offs() == 0
    with time_machine.travel(dt.datetime(2026, 12, 31, 10, 0, tzinfo=dt.UTC), tick=False):
        telling.escalate_late_sign_offs()
        telling.escalate_late_sign_offs()
    late = OutboxMessage.objects.filter(template_key="budget_sign_off_late")
    assert list(late.values_list("recipient_name", "personalisation__what_changed")) == [("Sasha Grant", "overdue")]


def test_approval_to_first_payment_is_its_own_figure_in_working_days(christmas: Ready) -> None:
    world = christmas.world
    with time_machine.travel(SENT, tick=False):
        budget = submitted(christmas)
    with time_machine.travel(dt.datetime(2026, 12, 23, 10, 0, tzinfo=dt.UTC), tick=False):
        services.decide_budget(budget, by=world.morgan, decision=services.APPROVE, revision=budget.revision)
    with time_machine.travel(dt.datetime(2027, 1, 5, 10, 0, tzinfo=dt.UTC), tick=False):
        services.record_first_payment(budget, by=world.morgan, kind="PAYMENT", happened_on=dt.date(2027, 1, 4))
        page = budget_page(world.alex_record, world.alex)
    # 24, 29, 30, 31 December and Monday 4 January (1 January is a bank holiday).
    assert page["clock"].after_approval == "5 working days (first payment made on 4 January 2027)"


@pytest.mark.parametrize("budgets", [1, 4])
def test_the_escalation_costs_the_same_queries_however_many_budgets_wait(christmas: Ready, budgets: int) -> None:
    with time_machine.travel(SENT, tick=False):
        for _ in range(budgets):
            submitted(christmas)
    christmas_eve = time_machine.travel(dt.datetime(2026, 12, 24, 10, 0, tzinfo=dt.UTC), tick=False)
    with christmas_eve, CaptureQueriesContext(connection) as on_track:
        assert telling.escalate_late_sign_offs() == 0
    with time_machine.travel(dt.datetime(2026, 12, 31, 10, 0, tzinfo=dt.UTC), tick=False):
        assert telling.escalate_late_sign_offs() == budgets  # one message each to Sasha
        with CaptureQueriesContext(connection) as already_told:
            assert telling.escalate_late_sign_offs() == 0
    # Waiting budgets, their status rows, the organisations' settings; then whom to tell and what was sent.
    assert (len(on_track), len(already_told)) == (3, 5)
