"""The demo has Alex's budget drafted by Priya, linked to his outcomes, with the Care Act check
naming what is still missing; Morgan signs budgets off and sees the queue."""

from io import StringIO

from django.core.management import call_command
from django.test import Client

from livingplan.accounts.models import User
from livingplan.budgets import services
from livingplan.budgets.models import Budget, BudgetStatus


def test_the_demo_drafts_alexs_budget(db: None) -> None:
    call_command("seed_demo", password="living-plan-demo", stdout=StringIO())
    budget = Budget.objects.get(person__user__username="alex")
    assert budget.status == BudgetStatus.DRAFTED
    assert [item.name for item in services.check(budget) if item.missing] == ["Eligible needs"]
    morgan = Client()
    morgan.force_login(User.objects.get(username="morgan"))
    assert morgan.get("/budgets/").status_code == 200


def test_morgans_queue_and_dashboard_show_real_work_in_the_demo(db: None) -> None:
    call_command("seed_demo", password="living-plan-demo", stdout=StringIO())
    morgan = Client()
    morgan.force_login(User.objects.get(username="morgan"))
    queue = morgan.get("/budgets/").content.decode()
    assert "Rita Mensah" in queue
    assert "£11,700.00" in queue  # 9 hours a week at £25
    csv = morgan.get("/budgets/dashboard.csv").content.decode()
    assert len(csv.splitlines()) == 2  # Rita's first package: signed off, then its first service
    assert csv.splitlines()[1].endswith(",1,0")
