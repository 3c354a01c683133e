"""Agreeing with a later start date (issue 9): the plan is agreed but not in force until that day,
when the task worker brings it into force; without a date it is in force at once."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from livingplan.accounts.models import User
from livingplan.api import tokens
from livingplan.api.models import TokenScope
from livingplan.core.models import AuditEvent
from livingplan.plans import services
from livingplan.plans.models import Plan, PlanStatus, PlanStatusChange, PlanVersion
from livingplan.plans.tasks import WORKER, start_of
from tests.api.helpers import Api
from tests.personas import World

pytestmark = pytest.mark.django_db(transaction=True)  # the task is queued when the agreement commits


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def date_fields(day: dt.date) -> dict[str, int]:
    return {"starts_on_day": day.day, "starts_on_month": day.month, "starts_on_year": day.year}


def proposed(plan: Plan, world: World) -> Plan:
    services.propose_plan(plan, by=world.priya)
    plan.refresh_from_db()
    return plan


def statuses(plan: Plan) -> list[str]:
    return list(PlanStatusChange.objects.filter(plan=plan).values_list("to_status", flat=True))


def test_a_later_start_date_leaves_the_plan_agreed_and_the_worker_brings_it_into_force_that_day(
    world: World, plan: Plan
) -> None:
    plan = proposed(plan, world)
    day = timezone.localdate() + dt.timedelta(days=14)
    alex = signed_in(world.alex)

    response = alex.post(
        f"/people/{world.alex_record.pk}/plan/status/agree/", {"revision": plan.revision, **date_fields(day)}
    )

    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.AGREED
    assert statuses(plan)[-1] == PlanStatus.AGREED  # no "in force" row yet
    page = alex.get(f"/people/{world.alex_record.pk}/plan/").content.decode()
    assert f"Your plan starts on <strong>{day.day} {day:%B %Y}</strong>, as agreed." in page
    assert "Until then, nothing changes." in page
    waiting = DBTaskResult.objects.get()
    assert waiting.run_after == start_of(day)

    call_command("db_worker", "--batch", "--backend", "later")  # before the day: it waits
    plan.refresh_from_db()
    assert plan.status == PlanStatus.AGREED

    # The day comes.
    PlanVersion.objects.filter(plan=plan).update(starts_on=timezone.localdate())
    DBTaskResult.objects.update(run_after=timezone.now())
    call_command("db_worker", "--batch", "--backend", "later")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ACTIVE
    last = PlanStatusChange.objects.filter(plan=plan).last()
    assert last is not None
    assert last.to_status == PlanStatus.ACTIVE
    assert (last.changed_by, last.note) == (world.alex, "Version 1 in force, as agreed")
    # In Alex's name, and the trail says the worker did it, not Alex at a browser (ADR-029).
    event = AuditEvent.objects.filter(action="plans.plan.activated", person_id=plan.person_id).latest("pk")
    assert (event.actor, event.user_agent, event.ip_address) == (world.alex, WORKER, None)


def test_the_start_does_nothing_if_a_review_began_before_the_day(world: World, plan: Plan) -> None:
    plan = proposed(plan, world)
    services.agree_plan(plan, by=world.alex, starts_on=timezone.localdate() + dt.timedelta(days=3))
    plan.refresh_from_db()
    services.start_review(plan, by=world.priya)
    PlanVersion.objects.filter(plan=plan).update(starts_on=timezone.localdate())
    DBTaskResult.objects.update(run_after=timezone.now())

    call_command("db_worker", "--batch", "--backend", "later")

    plan.refresh_from_db()
    assert plan.status == PlanStatus.UNDER_REVIEW


def test_without_a_start_date_or_with_today_the_plan_is_in_force_at_once(world: World, plan: Plan) -> None:
    plan = proposed(plan, world)
    version = services.agree_plan(plan, by=world.alex, starts_on=timezone.localdate())
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ACTIVE
    assert version.starts_on is None
    assert not DBTaskResult.objects.exists()


def test_a_start_date_in_the_past_is_a_form_error_and_nothing_is_agreed(world: World, plan: Plan) -> None:
    plan = proposed(plan, world)
    yesterday = timezone.localdate() - dt.timedelta(days=1)

    response = signed_in(world.alex).post(
        f"/people/{world.alex_record.pk}/plan/status/agree/", {"revision": plan.revision, **date_fields(yesterday)}
    )

    assert response.status_code == 400
    text = response.content.decode()
    assert "There is a problem" in text
    assert "The start date must be today or in the future" in text
    plan.refresh_from_db()
    assert plan.status == PlanStatus.PROPOSED
    assert not plan.versions.exists()


def test_a_start_date_that_is_not_a_date_is_a_form_error(world: World, plan: Plan) -> None:
    plan = proposed(plan, world)
    response = signed_in(world.alex).post(
        f"/people/{world.alex_record.pk}/plan/status/agree/",
        {"revision": plan.revision, "starts_on_day": "31", "starts_on_month": "2", "starts_on_year": "2027"},
    )
    assert response.status_code == 400
    assert "Enter a real date" in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.PROPOSED


def test_the_api_takes_a_start_date_and_refuses_one_in_the_past(world: World, plan: Plan) -> None:
    plan = proposed(plan, world)
    api = Api(Client(), tokens.issue(world.alex, name="test", scope=TokenScope.WRITE)[1])
    url = f"/api/v1/people/{world.alex_record.pk}/plan/status/agree"
    past = (timezone.localdate() - dt.timedelta(days=2)).isoformat()

    refused = api.post(url, {"expected_revision": plan.revision, "starts_on": past})
    assert refused.status_code in (400, 422), refused.content
    assert "The start date must be today or in the future" in refused.content.decode()

    later = (timezone.localdate() + dt.timedelta(days=10)).isoformat()
    response = api.post(url, {"expected_revision": plan.revision, "starts_on": later})
    assert response.status_code == 200, response.content
    assert response.json()["status"] == PlanStatus.AGREED
