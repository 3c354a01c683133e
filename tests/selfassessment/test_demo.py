"""The demo has Northbridge Council's closed spring round and this winter's, so the comparison shows movement."""

from io import StringIO

from django.core.management import call_command
from django.test import Client

from livingplan.accounts.models import User
from livingplan.selfassessment.models import Round, RoundStatus


def test_the_demo_shows_movement_a_gap_and_a_tracked_action_plan(db: None) -> None:
    call_command("seed_demo", password="living-plan-demo", stdout=StringIO())
    earlier, current = Round.objects.order_by("started_on", "pk")
    assert (earlier.status, current.status) == (RoundStatus.CLOSED, RoundStatus.OPEN)
    client = Client()
    client.force_login(User.objects.get(username="admin"))
    page = client.get(f"/self-assessment/rounds/{current.pk}/results/").content.decode()
    assert "Compared with Spring 2026 self-assessment" in page
    assert "8 areas moved up and 0 areas moved down" in page
    assert "Staff rated this 2.5 levels higher" in page
    plan = client.get(f"/self-assessment/rounds/{current.pk}/actions/").content.decode()
    assert "In progress" in plan
