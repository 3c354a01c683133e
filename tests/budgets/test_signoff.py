"""Sign-off as the team uses it: the Care Act check names what is missing, a budget goes to
Morgan, is returned with one line named, answered and approved inside the target; a larger one
goes on to a second tier; separation of duties, limits and stale decisions are refused with
nothing changed; Alex is told at each step."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings

from livingplan.budgets import services
from livingplan.budgets.models import Budget, BudgetStatus, BudgetStatusChange, SupportLine
from livingplan.notifications.models import OutboxMessage
from tests.budgets.conftest import MONDAY, Ready, draft_budget, personal_care, sign_off_choices, submitted
from tests.personas import World


def test_no_budget_before_the_plan_has_what_matters_and_an_outcome(world: World, november: object) -> None:
    from livingplan.plans import services as plans

    plans.start_plan(world.alex_record, by=world.priya)
    with pytest.raises(ValidationError, match="record what matters to the person and at least one outcome"):
        services.start_budget(world.alex_record, by=world.priya, indicative_pence=100_00, basis="RAS")
    assert not Budget.objects.exists()


def test_the_completeness_check_names_each_missing_item(ready: Ready) -> None:
    budget = services.start_budget(
        ready.world.alex_record, by=ready.world.priya, indicative_pence=9_000_00, basis="RAS"
    )
    missing = {item.name: item.missing for item in services.check(budget) if item.missing}
    assert set(missing) == {
        "Which needs are met and how",
        "The personal budget",
        "How the budget will be spent",
        "Advice and information given",
        "The person's involvement",
    }
    with pytest.raises(ValidationError, match="Advice and information given: Record the advice"):
        services.submit_budget(budget, by=ready.world.priya)
    budget.refresh_from_db()
    assert budget.status == BudgetStatus.DRAFTED


def test_funding_that_does_not_add_up_is_named(ready: Ready) -> None:
    budget, _ = draft_budget(ready)
    services.set_funding(budget, by=ready.world.priya, kind="CHC", yearly_pence=100_00)
    missing = {item.name: item.missing for item in services.check(budget) if item.missing}
    assert missing["The personal budget"] == "The funding adds up to £8,836.00 a year but the support costs £8,736.00"


def test_morgan_returns_one_line_priya_answers_and_morgan_approves_inside_the_target(
    ready: Ready, november: time_machine.Traveller
) -> None:
    world = ready.world
    budget = submitted(ready)
    line = budget.lines.get()
    november.move_to(MONDAY + dt.timedelta(days=1))
    services.decide_budget(
        budget, by=world.morgan, decision=services.RETURN, revision=budget.revision,
        reason="Seven hours looks high for mornings: check with Alex", line_id=line.pk,
    )  # fmt: skip
    services.change_line(line, by=world.priya, details=personal_care(ready, hours=5))
    november.move_to(MONDAY + dt.timedelta(days=3))
    with pytest.raises(ValidationError, match="funding adds up"):
        services.submit_budget(budget, by=world.priya, note="Five hours, as Alex prefers")
    services.set_funding(budget, by=world.priya, kind="COUNCIL", yearly_pence=5 * 24_00 * 52)
    services.set_route(budget, by=world.priya, route="DIRECT_PAYMENT", yearly_pence=5 * 24_00 * 52,
                       managed_by="Alex, with help from Sam", needs_met="Personal care")  # fmt: skip
    services.submit_budget(budget, by=world.priya, note="Five hours, as Alex prefers")
    budget.refresh_from_db()
    november.move_to(MONDAY + dt.timedelta(days=4))
    services.decide_budget(budget, by=world.morgan, decision=services.APPROVE, revision=budget.revision)
    budget.refresh_from_db()
    assert (budget.status, budget.agreed_pence) == (BudgetStatus.APPROVED, 6_240_00)
    lines = list(SupportLine.objects.filter(budget=budget).values_list("quantity", "ended_on"))
    assert lines == [(7, dt.date(2026, 11, 17)), (5, None)]  # changed the day Morgan returned it


def test_approved_budget_records_the_agreed_amount_and_tells_alex(
    ready: Ready, november: time_machine.Traveller
) -> None:
    world = ready.world
    budget = submitted(ready)
    november.move_to(MONDAY + dt.timedelta(days=2))
    services.decide_budget(budget, by=world.morgan, decision=services.APPROVE, revision=budget.revision)
    budget.refresh_from_db()
    assert (budget.status, budget.agreed_pence) == (BudgetStatus.APPROVED, 8_736_00)
    templates = list(
        OutboxMessage.objects.filter(person_id=world.alex_record.pk, template_key__startswith="budget_")
        .order_by("pk")
        .values_list("template_key", flat=True)
    )
    assert templates == ["budget_submitted", "budget_approved"]


def test_the_submitter_cannot_approve_and_nothing_changes(ready: Ready) -> None:
    world = ready.world
    from livingplan.people import services as people

    people.add_care_team_member(world.alex_record, by=world.priya, user=world.morgan, organisation=world.council_a)
    budget, _ = draft_budget(ready)
    services.submit_budget(budget, by=world.morgan)
    budget.refresh_from_db()
    with pytest.raises(ValidationError, match="You drafted or submitted this budget"):
        services.decide_budget(budget, by=world.morgan, decision=services.APPROVE, revision=budget.revision)
    budget.refresh_from_db()
    assert budget.status == BudgetStatus.SUBMITTED


def test_a_larger_budget_goes_on_to_the_second_tier(ready: Ready) -> None:
    world = ready.world
    budget = submitted(ready, hours=40)  # £49,920 a year: over the team manager's £30,000
    services.decide_budget(budget, by=world.morgan, decision=services.APPROVE, revision=budget.revision)
    budget.refresh_from_db()
    assert budget.status == BudgetStatus.SECOND_TIER
    with pytest.raises(ValidationError, match="a different approver must decide at the second"):
        services.decide_budget(budget, by=world.morgan, decision=services.APPROVE, revision=budget.revision)
    services.decide_budget(budget, by=ready.senior, decision=services.APPROVE, revision=budget.revision)
    budget.refresh_from_db()
    assert budget.status == BudgetStatus.APPROVED


def test_an_approver_over_their_limit_is_refused_at_the_second_tier(ready: Ready) -> None:
    world = ready.world
    budget = submitted(ready, hours=40)
    services.decide_budget(budget, by=world.morgan, decision=services.APPROVE, revision=budget.revision)
    budget.refresh_from_db()
    with override_settings(BUDGET_APPROVAL_LIMITS={"TEAM_MANAGER": 30_000_00, "SENIOR_MANAGER": 40_000_00}):
        with pytest.raises(ValidationError, match="Sasha Grant's approval limit is below this budget's yearly cost"):
            services.assign_approver(budget, by=world.priya, approver=ready.senior)
        with pytest.raises(ValidationError, match=r"£49,920\.00 a year, which is over your approval limit"):
            services.decide_budget(budget, by=ready.senior, decision=services.APPROVE, revision=budget.revision)
    budget.refresh_from_db()
    assert budget.status == BudgetStatus.SECOND_TIER


def test_a_new_package_goes_to_the_second_tier_where_the_council_says_so(ready: Ready) -> None:
    world = ready.world
    choices = sign_off_choices(second_tier_for_new_or_increased=True)
    services.set_sign_off_settings(world.council_a, by=world.admin, choices=choices)
    budget = submitted(ready)
    services.decide_budget(budget, by=ready.world.morgan, decision=services.APPROVE, revision=budget.revision)
    budget.refresh_from_db()
    assert budget.status == BudgetStatus.SECOND_TIER


def test_a_stale_decision_is_refused(ready: Ready) -> None:
    world = ready.world
    budget = submitted(ready)
    seen = budget.revision
    services.decide_budget(budget, by=world.morgan, decision=services.APPROVE, revision=seen)
    with pytest.raises(ValidationError, match="Someone else has changed or decided this budget"):
        services.decide_budget(budget, by=ready.senior, decision=services.DECLINE, revision=seen, reason="No")
    assert BudgetStatusChange.objects.filter(budget=budget, to_status=BudgetStatus.DECLINED).count() == 0


def test_someone_who_is_not_an_approver_cannot_decide(ready: Ready) -> None:
    budget = submitted(ready)
    with pytest.raises(PermissionDenied):
        services.decide_budget(budget, by=ready.world.dr_jones, decision=services.APPROVE, revision=budget.revision)


def test_a_return_needs_a_reason(ready: Ready) -> None:
    budget = submitted(ready)
    with pytest.raises(ValidationError, match="Give the reason"):
        services.decide_budget(budget, by=ready.world.morgan, decision=services.RETURN, revision=budget.revision)
