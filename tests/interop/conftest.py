"""Alex's plan with something in each part the FHIR export maps, and FHIR clients per persona."""

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client

from livingplan.api import tokens
from livingplan.api.models import TokenScope
from livingplan.people import services as people
from livingplan.people.models import Person
from livingplan.plans import services
from livingplan.plans.models import Layer, Plan
from livingplan.plans.sections import Section
from tests.personas import World


@pytest.fixture
def plan(world: World) -> Plan:
    return build_plan(world)


def build_plan(world: World) -> Plan:
    """Alex's agreed plan: two outcomes in his words, actions owned by Sam and Priya, progress."""
    alex, priya = world.alex, world.priya
    people.update_person_details(world.alex_record, by=priya, nhs_number="9434765919")
    plan = services.start_plan(world.alex_record, by=alex)
    services.add_statement(plan, by=alex, section=Section.WHAT_MATTERS, text="My garden and my family")
    services.add_statement(plan, by=alex, section=Section.ABOUT_PLEASE_DO, text="Talk to me, not to Sam")
    services.add_statement(plan, by=priya, section=Section.CRISIS_WARNING_SIGNS, text="Alex stops going out")
    services.add_statement(plan, by=alex, section=Section.CRISIS_CONTACTS, text="Sam first, on 07700 900123")
    walk = services.add_outcome(
        plan, by=alex, text="Walk to the shop on my own", why_it_matters="To see people", importance=5
    )
    garden = services.add_outcome(plan, by=alex, text="Keep my garden going", importance=3)
    services.add_action(
        walk,
        by=priya,
        what="Physio twice a week",
        owner_name="Priya",
        owner=priya,
        layer=Layer.SPECIALIST,
        due_on=dt.date(2027, 1, 31),
    )
    services.add_action(
        garden, by=alex, what="Sam helps on Sundays", owner_name="Sam", owner=world.sam, layer=Layer.FAMILY_FRIENDS
    )
    services.record_progress(walk, by=alex, score=5, on=dt.date(2026, 2, 5), note="To the corner and back")
    services.propose_plan(plan, by=alex)
    services.agree_plan(plan, by=alex, summary="First plan")
    plan.refresh_from_db()
    return plan


@pytest.fixture
def alex(plan: Plan) -> Person:
    return plan.person


class Fhir:
    """A FHIR client for another system: bearer token, `application/fhir+json` both ways."""

    def __init__(self, token: str = "") -> None:
        self.client = Client()
        self.token = token

    def get(self, path: str) -> tuple[int, dict]:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        response = self.client.get(f"/fhir/r4/{path}", headers={"Accept": "application/fhir+json", **headers})
        assert response["Content-Type"].startswith("application/fhir+json")
        return response.status_code, response.json()


@pytest.fixture
def fhir_as(world: World) -> Callable[[str], Fhir]:
    def make(username: str, scope: str = TokenScope.FHIR) -> Fhir:
        return Fhir(tokens.issue(world.persona(username), name="GP system link", scope=scope)[1])

    return make
