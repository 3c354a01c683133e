"""The pages for what had only services: asking an approver (refused for whoever drafted or sent
the budget, and at the second tier for someone whose limit is below its cost), and pausing a
costed line with a date and a reason (the person is told; the totals show what is spent now)."""

import datetime as dt
from collections.abc import Callable

import time_machine
from django.test import Client

from livingplan.budgets import services
from livingplan.budgets.models import ApproverAssignment, BudgetStatus, LineSuspension
from livingplan.notifications.models import OutboxMessage
from livingplan.people import services as people
from tests.budgets.conftest import MONDAY, Ready, draft_budget, sign_off_choices, submitted

Clients = Callable[[str], Client]


def test_priya_asks_morgan_to_decide_and_the_budget_says_so(ready: Ready, client_for: Clients) -> None:
    world = ready.world
    submitted(ready)
    url = f"/people/{world.alex_record.pk}/budget/approver/"
    priya = client_for("priya")
    form = priya.get(url).content.decode()
    assert "Morgan Reilly, team manager (up to £30,000.00 a year)" in form
    assert "Sasha Grant, senior manager (up to £150,000.00 a year)" in form
    response = priya.post(url, {"approver": str(world.morgan.pk)}, follow=True)
    page = response.content.decode()
    assert "Approver asked" in page
    assert "Asked to decide: Morgan Reilly" in page


def test_someone_who_sent_the_budget_cannot_be_asked_to_decide_it(ready: Ready, client_for: Clients) -> None:
    world = ready.world
    people.add_care_team_member(world.alex_record, by=world.priya, user=world.morgan, organisation=world.council_a)
    budget, _ = draft_budget(ready)
    services.submit_budget(budget, by=world.morgan)
    response = client_for("priya").post(
        f"/people/{world.alex_record.pk}/budget/approver/", {"approver": str(world.morgan.pk)}
    )
    assert response.status_code == 400
    assert "You drafted or submitted this budget, so someone else must decide it." in response.content.decode()
    assert not ApproverAssignment.objects.exists()


def test_at_the_second_tier_an_approver_below_the_cost_cannot_be_asked(ready: Ready, client_for: Clients) -> None:
    world = ready.world
    budget = submitted(ready, hours=40)  # £49,920 a year
    services.decide_budget(budget, by=world.morgan, decision=services.APPROVE, revision=budget.revision)
    choices = sign_off_choices(senior_manager_limit_pence=40_000_00)
    services.set_sign_off_settings(world.council_a, by=world.admin, choices=choices)
    response = client_for("priya").post(
        f"/people/{world.alex_record.pk}/budget/approver/", {"approver": str(ready.senior.pk)}
    )
    assert "approval limit is below this budget" in response.content.decode()
    assert not ApproverAssignment.objects.exists()


def test_nobody_is_asked_while_the_budget_is_drafted(ready: Ready, client_for: Clients) -> None:
    draft_budget(ready)
    assert client_for("priya").get(f"/people/{ready.world.alex_record.pk}/budget/approver/").status_code == 404


def _approved(ready: Ready) -> int:
    budget = submitted(ready)
    services.decide_budget(budget, by=ready.world.morgan, decision=services.APPROVE, revision=budget.revision)
    budget.refresh_from_db()
    assert budget.status == BudgetStatus.APPROVED
    return budget.lines.get().pk


def test_priya_pauses_a_line_alex_is_told_and_the_totals_show_it(
    ready: Ready, client_for: Clients, november: time_machine.Traveller
) -> None:
    world = ready.world
    line = _approved(ready)
    base = f"/people/{world.alex_record.pk}/budget/"
    priya = client_for("priya")
    assert f"{base}lines/{line}/pause/" in priya.get(base).content.decode()
    refused = priya.post(f"{base}lines/{line}/pause/", {"reason": ""})
    assert refused.status_code == 400
    assert "Enter why is it paused?" in refused.content.decode()
    november.move_to(MONDAY + dt.timedelta(days=1))
    priya = client_for("priya")
    day = {"from_on_day": "17", "from_on_month": "11", "from_on_year": "2026"}
    response = priya.post(f"{base}lines/{line}/pause/", {**day, "reason": "In hospital"}, follow=True)
    assert "Support paused" in response.content.decode()
    mine = client_for("alex").get(base).content.decode()
    assert "Paused from 17 November 2026: In hospital" in mine
    assert "Paused now: £8,736.00 a year, so £0.00 a year is being spent." in mine
    told = OutboxMessage.objects.filter(person_id=world.alex_record.pk, template_key="budget_line_paused")
    assert told.count() == 1


def test_a_pause_years_away_or_twice_is_refused(ready: Ready, client_for: Clients) -> None:
    world = ready.world
    line = _approved(ready)
    url = f"/people/{world.alex_record.pk}/budget/lines/{line}/pause/"
    priya = client_for("priya")
    far = {"from_on_day": "1", "from_on_month": "1", "from_on_year": "2030", "reason": "Away"}
    assert "The date must be within 3 months of today" in priya.post(url, far).content.decode()
    today = {"from_on_day": "16", "from_on_month": "11", "from_on_year": "2026", "reason": "In hospital"}
    priya.post(url, today)
    assert "This support is already paused" in priya.post(url, today).content.decode()
    assert LineSuspension.objects.count() == 1
