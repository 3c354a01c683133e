"""Issue 8 #4: one person could add 215 outcomes in 56 seconds, and the plan's PDF then stalled the
service. Each part of a plan has a cap, and each user a number of plan changes a minute, kept in the
database; the page says so in words and keeps what was typed, the API answers 409 or 429 with a reason.

The caps are lowered with settings here so the tests stay quick; `test_the_caps_are_far_above_a_real_plan`
pins the real ones.
"""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from livingplan.api import tokens
from livingplan.api.models import TokenScope
from livingplan.core.models import AuditEvent
from livingplan.plans import limits, services
from livingplan.plans.models import Layer, Outcome, Plan
from livingplan.plans.sections import Section
from tests.api.helpers import Api
from tests.personas import World

FULL = "This plan already has 3 outcomes, the most it can hold. Remove or combine some before adding more."


@pytest.fixture
def api_as(world: World) -> Callable[[str], Api]:
    return lambda username: Api(Client(), tokens.issue(world.persona(username), name="t", scope=TokenScope.WRITE)[1])


def _add_outcome_page(client: Client, world: World, plan: Plan, text: str) -> Any:
    plan.refresh_from_db()
    return client.post(
        f"/people/{world.alex_record.pk}/plan/outcomes/add/",
        {"text": text, "why_it_matters": "", "importance": "3", "revision": plan.revision},
    )


def test_the_caps_are_far_above_a_real_plan() -> None:
    assert limits.DEFAULT_LIMITS["outcomes"] == 100
    assert limits.DEFAULT_LIMITS["actions"] == 300
    assert limits.DEFAULT_LIMITS["writes_per_minute"] == 60


def test_a_full_plan_refuses_another_outcome_on_the_page_and_keeps_what_was_typed(
    world: World, plan: Plan, client_for: Callable[[str], Client], settings
) -> None:
    settings.LIVINGPLAN_PLAN_LIMITS = {"outcomes": 3}
    alex = client_for("alex")
    assert _add_outcome_page(alex, world, plan, "Go swimming").status_code == 302
    assert _add_outcome_page(alex, world, plan, "Visit my sister").status_code == 302

    response = _add_outcome_page(alex, world, plan, "Learn to bake bread")

    assert response.status_code == 400
    page = response.content.decode()
    assert FULL in page
    assert "Learn to bake bread" in page  # their words are still in the box
    assert Outcome.objects.filter(plan=plan).count() == 3


def test_a_full_plan_refuses_through_the_api_with_409_and_a_reason(world: World, plan: Plan, api_as, settings) -> None:
    settings.LIVINGPLAN_PLAN_LIMITS = {"outcomes": 1}  # the fixture's plan already has one
    response = api_as("priya").post(
        f"/api/v1/people/{world.alex_record.pk}/plan/outcomes",
        {"expected_revision": plan.revision, "text": "One too many"},
    )

    assert response.status_code == 409
    assert response.json() == {
        "detail": "This plan already has 1 outcomes, the most it can hold. Remove or combine some before adding more.",
        "code": "limit_reached",
    }
    plan.refresh_from_db()
    assert plan.outcomes.count() == 1


def test_removed_outcomes_and_statements_make_room_again(world: World, plan: Plan, settings) -> None:
    settings.LIVINGPLAN_PLAN_LIMITS = {"statements_per_section": 2}
    first = services.add_statement(plan, by=world.alex, section=Section.NEEDS, text="One")
    services.add_statement(plan, by=world.alex, section=Section.NEEDS, text="Two")
    services.add_statement(plan, by=world.alex, section=Section.GOING_WELL, text="Another section has its own room")
    with pytest.raises(limits.PlanLimitReached) as refused:
        services.add_statement(plan, by=world.alex, section=Section.NEEDS, text="Three")
    assert refused.value.messages == [
        "This plan already has 2 entries in this section, the most it can hold. "
        "Remove or combine some before adding more."
    ]
    services.remove_statement(first, by=world.alex)
    services.add_statement(plan, by=world.alex, section=Section.NEEDS, text="Three")


def test_every_growing_part_has_a_cap(world: World, plan: Plan, settings) -> None:
    settings.LIVINGPLAN_PLAN_LIMITS = {"actions": 1, "risks": 0, "linked_plans": 0, "disagreements": 0}
    outcome = plan.outcomes.get()
    services.add_action(outcome, by=world.priya, what="Physio", owner_name="Priya", layer=Layer.SPECIALIST)
    refused = {
        "actions": lambda: services.add_action(
            outcome, by=world.priya, what="More", owner_name="Priya", layer=Layer.SPECIALIST
        ),
        "risks": lambda: services.add_risk(
            plan, by=world.priya, what_could_go_wrong="A fall", what_we_agree="An alarm", decided_by="Alex"
        ),
        "linked_plans": lambda: services.add_linked_plan(
            plan, by=world.priya, kind="ADVANCE_CARE", description="Advance care plan"
        ),
        "disagreements": lambda: services.record_disagreement(
            plan, by=world.sam, about=f"outcome:{outcome.pk}", view="I see it differently"
        ),
    }
    for part, add in refused.items():
        with pytest.raises(limits.PlanLimitReached) as capped:
            add()
        assert capped.value.part == part


def test_the_minutes_allowance_of_changes_is_refused_on_the_page_with_429_then_allowed_again(
    world: World, plan: Plan, client_for: Callable[[str], Client], settings
) -> None:
    settings.LIVINGPLAN_PLAN_LIMITS = {"writes_per_minute": 3}
    alex = client_for("alex")
    # Two minutes on, so the fixture's own changes by Alex are out of the window.
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=2), tick=False) as clock:
        for text in ("One", "Two", "Three"):
            assert _add_outcome_page(alex, world, plan, text).status_code == 302

        clock.shift(dt.timedelta(seconds=20))
        response = _add_outcome_page(alex, world, plan, "Four")

        assert response.status_code == 429
        page = response.content.decode()
        assert "You have made 3 changes to plans in the last minute, the most allowed." in page
        assert "Wait 41 seconds, then save again." in page
        assert "Four" in page
        assert not Outcome.objects.filter(plan=plan, text="Four").exists()

        # Someone else is not held up by Alex's changes.
        assert _add_outcome_page(client_for("priya"), world, plan, "Priya's").status_code == 302

        clock.shift(dt.timedelta(seconds=41))
        assert _add_outcome_page(alex, world, plan, "Four").status_code == 302


def test_the_rate_limit_answers_429_with_retry_after_through_the_api(
    world: World, plan: Plan, api_as, settings
) -> None:
    settings.LIVINGPLAN_PLAN_LIMITS = {"writes_per_minute": 2}
    sam = api_as("sam")
    path = f"/api/v1/people/{world.alex_record.pk}/plan/outcomes"
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=2), tick=False):
        for text in ("One", "Two"):
            plan.refresh_from_db()
            assert sam.post(path, {"expected_revision": plan.revision, "text": text}).status_code == 201
        plan.refresh_from_db()
        response = sam.post(path, {"expected_revision": plan.revision, "text": "Three"})

    assert response.status_code == 429
    assert response["Retry-After"] == "61"
    assert response.json() == {
        "detail": "You have made 2 changes to plans in the last minute, the most allowed. "
        "Wait 61 seconds, then save again. What you typed has not been saved yet.",
        "code": "rate_limited",
        "limit": 2,
        "retry_after": 61,
    }
    assert not Outcome.objects.filter(plan=plan, text="Three").exists()


def test_the_count_is_kept_in_the_database_so_every_server_process_shares_it(
    world: World, plan: Plan, client_for: Callable[[str], Client], settings
) -> None:
    """Changes made through another process show up only in the database: write them there directly."""
    settings.LIVINGPLAN_PLAN_LIMITS = {"writes_per_minute": 2}
    for _ in range(2):
        AuditEvent.objects.create(actor=world.alex, action="plans.outcome.added", person_id=world.alex_record.pk)

    assert _add_outcome_page(client_for("alex"), world, plan, "One more").status_code == 429


def test_changes_made_without_a_request_are_not_rate_limited(world: World, plan: Plan, settings) -> None:
    """The demo seed and management commands build plans with no request; they are not people typing."""
    settings.LIVINGPLAN_PLAN_LIMITS = {"writes_per_minute": 1}
    for n in range(3):
        services.add_outcome(plan, by=world.alex, text=f"Outcome {n}")
