"""`POST /fhir/r4/` with a Bundle: another system's coordinator sends a person with their goals and
plan; it is made all or nothing, answered entry by entry, audited with the organisation; a sender
who may not write, a bundle that is not valid, or one a rule here refuses changes nothing."""

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from livingplan.api import tokens
from livingplan.api.models import TokenScope
from livingplan.core.models import AuditEvent
from livingplan.interop import export
from livingplan.people.models import Person
from livingplan.plans.models import Outcome, Plan
from tests.personas import World

PATIENT = "urn:uuid:0b6f2c2e-0000-4000-8000-000000000001"
GOAL = "urn:uuid:0b6f2c2e-0000-4000-8000-000000000002"


def bundle(kind: str = "transaction", plan_status: str = "active") -> dict[str, Any]:
    patient = {"resourceType": "Patient", "name": [{"use": "official", "family": "Okafor", "given": ["Ada"]}]}
    patient["identifier"] = [{"system": "https://gp.example/Id/patient", "value": "A-17"}]
    goal = {
        "resourceType": "Goal",
        "lifecycleStatus": "active",
        "description": {"text": "Get back to the allotment"},
        "subject": {"reference": PATIENT},
    }
    plan = {
        "resourceType": "CarePlan",
        "status": plan_status,
        "intent": "plan",
        "subject": {"reference": PATIENT},
        "goal": [{"reference": GOAL}],
        "activity": [{"detail": {"status": "not-started", "description": "Lift to the allotment on Saturdays"}}],
    }
    practitioner = {"resourceType": "Practitioner", "name": [{"family": "Jones"}]}
    entries: list[tuple[str, dict[str, Any]]] = [
        (PATIENT, patient),
        (GOAL, goal),
        ("urn:uuid:3", plan),
        ("urn:uuid:4", practitioner),
    ]
    return {
        "resourceType": "Bundle",
        "type": kind,
        "entry": [
            {"fullUrl": url, "resource": r, "request": {"method": "POST", "url": r["resourceType"]}}
            for url, r in entries
        ],
    }


Post = Callable[..., tuple[int, dict[str, Any]]]


@pytest.fixture
def post_as(world: World) -> Callable[[str], Post]:
    def make(username: str) -> Post:
        raw = tokens.issue(world.persona(username), name="Hospital discharge system", scope=TokenScope.FHIR)[1]

        def post(body: Any) -> tuple[int, dict[str, Any]]:
            text = body if isinstance(body, str) else json.dumps(body)
            response = Client().post(
                "/fhir/r4/", text, content_type="application/fhir+json", headers={"Authorization": f"Bearer {raw}"}
            )
            assert response["Content-Type"].startswith("application/fhir+json")
            return response.status_code, response.json()

        return post

    return make


def test_a_coordinators_system_sends_a_person_with_a_plan(world: World, post_as: Callable[[str], Post]) -> None:
    status, answer = post_as("priya")(bundle())
    assert (status, answer["type"]) == (200, "transaction-response")
    statuses = [e["response"]["status"] for e in answer["entry"]]
    assert statuses == ["201 Created", "201 Created", "201 Created", "200 OK"]
    person = Person.objects.get(pk=int(answer["entry"][0]["response"]["location"].removeprefix("Patient/")))
    assert person.full_name == "Ada Okafor"
    assert [o.text for o in Outcome.objects.filter(person=person)] == ["Get back to the allotment"]
    assert "Passed over" in answer["entry"][3]["response"]["outcome"]["issue"][0]["diagnostics"]


def test_what_it_made_is_audited_with_the_organisation_and_the_way_in(
    world: World, post_as: Callable[[str], Post]
) -> None:
    post_as("priya")(bundle())
    event = AuditEvent.objects.filter(action__startswith="people.person").latest("pk")
    assert (event.actor, event.actor_organisation) == (world.priya, world.council_a.name)
    assert event.user_agent == "FHIR Bundle POST /fhir/r4/"


def test_sending_it_again_makes_nothing_twice(world: World, post_as: Callable[[str], Post]) -> None:
    post = post_as("priya")
    post(bundle())
    status, answer = post(bundle("collection"))
    assert status == 200
    assert [e["response"]["status"] for e in answer["entry"][:3]] == ["200 OK"] * 3
    assert Person.objects.filter(family_name="Okafor").count() == 1


def test_someone_who_is_not_a_coordinator_may_not_write(world: World, post_as: Callable[[str], Post]) -> None:
    status, answer = post_as("dr.jones")(bundle())
    assert (status, answer["issue"][0]["code"]) == (403, "forbidden")
    assert not Person.objects.filter(family_name="Okafor").exists()


def test_an_invalid_resource_is_a_400_naming_where_and_nothing_is_made(
    world: World, post_as: Callable[[str], Post]
) -> None:
    status, answer = post_as("priya")(bundle(plan_status="bogus"))
    assert status == 400
    assert "Bundle.entry[2].resource(CarePlan).status" in [i["expression"][0] for i in answer["issue"]]
    assert not Person.objects.filter(family_name="Okafor").exists()


def test_a_rule_here_refusing_it_is_a_422_and_nothing_is_made(
    plan: Plan, world: World, post_as: Callable[[str], Post]
) -> None:
    """Alex's plan is agreed: a new goal for it is changed in a review, not sent in."""
    sent = export.plan_bundle(plan.person)
    goal = next(e for e in sent["entry"] if e["resource"]["resourceType"] == "Goal")
    goal["fullUrl"], goal["resource"]["id"] = "urn:uuid:new-goal", "new-goal"
    goal["resource"]["description"]["text"] = "Something new"
    before = Outcome.objects.count()
    status, answer = post_as("priya")({**sent, "type": "transaction"})
    assert (status, answer["resourceType"]) == (422, "OperationOutcome")
    assert Outcome.objects.count() == before


@pytest.mark.parametrize(
    "body", ["not json", {"resourceType": "Patient"}, {"resourceType": "Bundle", "type": "searchset", "entry": []}]
)
def test_anything_but_a_transaction_or_collection_bundle_is_a_400(
    world: World, post_as: Callable[[str], Post], body: Any
) -> None:
    status, answer = post_as("priya")(body)
    assert (status, answer["resourceType"]) == (400, "OperationOutcome")


def test_no_token_no_import(world: World) -> None:
    assert Client().post("/fhir/r4/", json.dumps(bundle()), content_type="application/fhir+json").status_code == 401
