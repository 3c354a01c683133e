"""The story through the pages, without JavaScript: Priya drafts Alex's budget linked to his
outcomes, sees what is missing, fixes it and sends it; Morgan returns one line from the queue;
Priya answers; Morgan approves inside the target; Alex reads it in plain English; the first
payment is recorded and the dashboard shows both clocks. Anyone who may not see it gets a 404."""

import datetime as dt
from collections.abc import Callable

import time_machine
from django.test import Client

from livingplan.budgets.models import Budget, BudgetStatus, SupportLine
from tests.budgets.conftest import MONDAY, Ready

Clients = Callable[[str], Client]


def _line(ready: Ready, hours: str) -> dict[str, object]:
    return {
        "what": "Personal care in the morning",
        "provider": "Brightwell Home Care",
        "unit": "HOUR",
        "unit_cost": "£24.00",
        "quantity": hours,
        "outcomes": [str(ready.outcomes[0].pk)],
    }


def _money(client: Client, base: str, yearly: str) -> None:
    client.post(f"{base}funding/add/", {"kind": "COUNCIL", "yearly": yearly})
    client.post(
        f"{base}spending/add/",
        {"route": "DIRECT_PAYMENT", "yearly": yearly, "managed_by": "Alex", "needs_met": "Personal care"},
    )


def test_the_story_from_draft_to_first_payment(
    ready: Ready, client_for: Clients, november: time_machine.Traveller
) -> None:
    alex = ready.world.alex_record
    base = f"/people/{alex.pk}/budget/"
    priya, morgan = client_for("priya"), client_for("morgan")
    assert "Start a personal budget" in priya.get(base).content.decode()
    priya.post(f"{base}start/", {"indicative": "9,000", "basis": "Resource allocation system"})
    priya.post(f"{base}lines/add/", _line(ready, "7"))
    page = priya.get(base).content.decode()
    assert "Record the advice and information given" in page
    assert "Walk to the shops on my own" in page  # the line shows the outcome it serves
    _money(priya, base, "8736")
    priya.post(
        f"{base}details/",
        {"contribution": "0", "advice_given": "Direct payments leaflet", "person_involvement": "Alex chose"},
    )
    assert "Send for sign-off" in priya.get(base).content.decode()
    priya.post(f"{base}submit/", {"note": ""})
    budget = Budget.objects.get()
    assert budget.status == BudgetStatus.SUBMITTED

    november.move_to(MONDAY + dt.timedelta(days=1))
    # Days pass between the steps: each signs in afresh (sessions end after a while idle).
    priya, morgan = client_for("priya"), client_for("morgan")
    queue = morgan.get("/budgets/").content.decode()
    assert "Alex Carter" in queue
    assert "£8,736.00" in queue
    line = SupportLine.objects.get()
    returning = {"decision": "RETURN", "line": str(line.pk), "reason": "Check the hours with Alex"}
    response = morgan.post(
        f"{base}decide/",
        {**returning, "revision": budget.revision},
    )
    assert response.status_code == 302
    assert "Check the hours with Alex" in priya.get(base).content.decode()

    november.move_to(MONDAY + dt.timedelta(days=2))
    priya = client_for("priya")
    priya.post(f"{base}lines/{line.pk}/change/", _line(ready, "5"))
    _money(priya, base, "6240")
    priya.post(f"{base}submit/", {"note": "Five hours, as Alex prefers"})
    budget.refresh_from_db()
    assert budget.status == BudgetStatus.RESUBMITTED

    november.move_to(MONDAY + dt.timedelta(days=3))
    morgan = client_for("morgan")
    morgan.post(f"{base}decide/", {"decision": "APPROVE", "line": "", "reason": "", "revision": budget.revision})
    budget.refresh_from_db()
    assert budget.status == BudgetStatus.APPROVED

    mine = client_for("alex").get(base).content.decode()
    assert "Your personal budget" in mine
    assert "£6,240.00 a year (£120.00 a week)" in mine
    assert "Council social care (Care Act personal budget): £6,240.00 a year" in mine
    assert "decided in time" in mine
    assert "5 hours a week at £24.00 an hour" in mine  # what a person would say, not "£24.00 x 5"
    assert "The first estimate (the indicative budget) was £9,000.00: £2,760.00 less than that." in mine

    november.move_to(MONDAY + dt.timedelta(days=10))
    morgan = client_for("morgan")
    morgan.post(
        f"{base}first-payment/",
        {"kind": "PAYMENT", "happened_on_day": "24", "happened_on_month": "11", "happened_on_year": "2026"},
    )
    csv = morgan.get("/budgets/dashboard.csv").content.decode()
    # Submitted Monday 16, decided Thursday 19 (3 working days, 1 of them with Priya), paid Tuesday 24 (3).
    assert csv.splitlines()[1] == "No team recorded,2026-11,1,3,3,100,1,1,3"
    assert "<svg" in morgan.get("/budgets/dashboard/sign-off.svg").content.decode()


def test_the_completeness_check_and_bad_money_are_refused_on_the_form(ready: Ready, client_for: Clients) -> None:
    base = f"/people/{ready.world.alex_record.pk}/budget/"
    priya = client_for("priya")
    response = priya.post(f"{base}start/", {"indicative": "-5", "basis": "RAS"})
    assert response.status_code == 400
    assert "Enter an amount of £0 or more" in response.content.decode()
    response = priya.post(f"{base}start/", {"indicative": "99999999", "basis": "RAS"})
    assert "Enter an amount of £2,000,000.00 or less" in response.content.decode()
    priya.post(f"{base}start/", {"indicative": "9000", "basis": "RAS"})
    response = priya.post(f"{base}lines/add/", {**_line(ready, "7"), "unit_cost": "£9,999"})
    assert "This line costs more in a year than any budget could: check the amount" in response.content.decode()
    response = priya.post(f"{base}submit/", {"note": ""})
    assert response.status_code == 400
    assert "Which needs are met and how: Add the support" in response.content.decode()
    assert not SupportLine.objects.exists()


def test_people_who_may_not_see_the_budget_get_a_404(ready: Ready, client_for: Clients) -> None:
    base = f"/people/{ready.world.alex_record.pk}/budget/"
    assert client_for("omar").get(base).status_code == 404
    assert client_for("sam").get(base).status_code == 404  # Alex has not shared his budget with Sam
    assert client_for("priya").get("/budgets/").status_code == 404


def test_home_pages_lead_to_the_budget_and_the_queue(ready: Ready, client_for: Clients) -> None:
    from tests.budgets.conftest import submitted

    submitted(ready)
    assert "1 budget is waiting for you to sign off" in client_for("morgan").get("/").content.decode()
    assert "£9,000.00 a year. Waiting for sign-off." in client_for("alex").get("/").content.decode()
    assert "waiting for you to sign off" not in client_for("priya").get("/").content.decode()
