"""Fixtures for the API tests: Alex's plan with something in every group, and API clients per persona."""

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client

from livingplan.api import tokens
from livingplan.api.models import TokenScope
from livingplan.plans import services
from livingplan.plans.models import Layer, LinkedPlan, Plan
from livingplan.plans.sections import Section
from tests.api.helpers import Api
from tests.personas import World


@pytest.fixture
def plan(world: World) -> Plan:
    """Alex's plan in draft with something in each part: what matters, needs, crisis, the one-page
    profile (and a suggestion from Sam), an outcome with an action and progress, a risk and a linked plan."""
    alex, priya = world.alex, world.priya
    plan = services.start_plan(world.alex_record, by=alex)
    services.add_statement(plan, by=alex, section=Section.WHAT_MATTERS, text="Staying in my own home")
    services.add_statement(plan, by=alex, section=Section.NEEDS, text="Help with the stairs")
    services.add_statement(plan, by=alex, section=Section.CRISIS_AVOID, text="Do not send me to hospital at night")
    services.add_statement(plan, by=alex, section=Section.ABOUT_PLEASE_DO, text="Ring before you visit")
    services.add_statement(plan, by=world.sam, section=Section.ABOUT_WELLNESS, text="Dad loves his garden")
    outcome = services.add_outcome(plan, by=alex, text="Walk to the shop on my own", importance=5)
    services.add_action(outcome, by=priya, what="Physio twice a week", owner_name="Priya", layer=Layer.SPECIALIST)
    services.record_progress(outcome, by=alex, score=3, on=dt.date(2026, 1, 5), note="Halfway to the corner")
    services.record_progress(outcome, by=alex, score=5, on=dt.date(2026, 2, 5), note="To the corner and back")
    services.add_risk(plan, by=priya, what_could_go_wrong="A fall", what_we_agree="A pendant alarm", decided_by="Alex")
    services.set_review_arrangements(
        plan, by=priya, next_review_on=dt.date(2027, 3, 1), review_lead=priya, early_review_triggers="A fall"
    )
    services.add_linked_plan(plan, by=priya, kind=LinkedPlan.Kind.ADVANCE_CARE, description="Advance care plan")
    plan.refresh_from_db()
    return plan


@pytest.fixture
def agreed(plan: Plan, world: World) -> Plan:
    """The same plan, agreed once by Alex (version 1)."""
    services.propose_plan(plan, by=world.alex)
    services.agree_plan(plan, by=world.alex, summary="First plan")
    plan.refresh_from_db()
    return plan


@pytest.fixture
def token_for(world: World) -> Callable[..., str]:
    def make(username: str, scope: str = TokenScope.WRITE) -> str:
        return tokens.issue(world.persona(username), name="test", scope=scope)[1]

    return make


@pytest.fixture
def api_as(token_for: Callable[..., str]) -> Callable[..., Api]:
    """`api_as("sam")`: a JSON client with a write token for Sam; `scope="read"` for a read-only one."""

    def make(username: str, scope: str = TokenScope.WRITE) -> Api:
        return Api(Client(), token_for(username, scope))

    return make


@pytest.fixture
def session_api(client_for: Callable[[str], Client]) -> Callable[[str], Api]:
    """A JSON client on a signed-in browser session (CSRF is not enforced unless asked for)."""

    def make(username: str) -> Api:
        return Api(client_for(username))

    return make
