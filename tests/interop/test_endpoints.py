"""Another system pulls Alex's plan over /fhir/r4/ with a token of someone on his care team; an
outsider's token finds nothing (404), and every read is in the audit trail with the organisation."""

import datetime as dt
from collections.abc import Callable

import time_machine
from django.test import Client, override_settings

from livingplan.api.models import TokenScope
from livingplan.core.models import AuditEvent
from livingplan.interop.fhir import checks
from livingplan.people.models import Person
from livingplan.plans.models import Plan
from tests.interop.conftest import Fhir

FhirAs = Callable[..., Fhir]


def test_dr_jones_systems_pulls_alexs_plan_and_it_is_valid(alex: Person, fhir_as: FhirAs) -> None:
    status, bundle = fhir_as("dr.jones").get(f"Patient/{alex.pk}/$everything")
    assert status == 200
    types = {e["resource"]["resourceType"] for e in bundle["entry"]}
    assert {"Patient", "CarePlan", "Goal", "CareTeam"} <= types
    assert [p for e in bundle["entry"] for p in checks.problems(e["resource"], "x")] == []


def test_an_outsiders_token_gets_404_for_everything_of_alexs(alex: Person, plan: Plan, fhir_as: FhirAs) -> None:
    omar = fhir_as("omar")
    goal_id = plan.outcomes.first().pk  # type: ignore[union-attr]
    for path in (
        f"Patient/{alex.pk}",
        f"CarePlan/{plan.pk}",
        f"Goal/{goal_id}",
        f"CareTeam/{alex.pk}",
        f"Patient/{alex.pk}/$everything",
    ):
        status, body = omar.get(path)
        assert (status, body["resourceType"]) == (404, "OperationOutcome"), path


def test_the_outsiders_search_finds_nobody(alex: Person, fhir_as: FhirAs) -> None:
    status, bundle = fhir_as("omar").get("Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|9434765919")
    assert (status, bundle["total"]) == (200, 0)


def test_searches_by_nhs_number_and_by_patient(alex: Person, plan: Plan, fhir_as: FhirAs) -> None:
    gp = fhir_as("dr.jones")
    _, patients = gp.get("Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|9434765919")
    assert [e["resource"]["id"] for e in patients["entry"]] == [str(alex.pk)]
    _, plans = gp.get(f"CarePlan?patient=Patient/{alex.pk}&status=active")
    assert [e["resource"]["id"] for e in plans["entry"]] == [str(plan.pk), f"{plan.pk}-contingency"]
    _, drafts = gp.get(f"CarePlan?patient={alex.pk}&status=draft")
    assert drafts["total"] == 0
    _, goals = gp.get(f"Goal?patient={alex.pk}")
    assert goals["total"] == 2
    _, teams = gp.get(f"CareTeam?patient={alex.pk}")
    assert teams["total"] == 1
    _, named = gp.get("Patient?name=cart")
    assert named["total"] == 1


def test_each_read_is_audited_with_the_readers_organisation(alex: Person, plan: Plan, fhir_as: FhirAs) -> None:
    fhir_as("dr.jones").get(f"CarePlan/{plan.pk}")
    event = AuditEvent.objects.filter(action="interop.fhir.read").get()
    assert (event.person_id, event.actor_organisation) == (alex.pk, "Riverside Medical Practice")


def test_no_token_is_401_and_a_read_token_is_not_enough(alex: Person, fhir_as: FhirAs) -> None:
    status, body = Fhir().get(f"Patient/{alex.pk}")
    assert (status, body["resourceType"]) == (401, "OperationOutcome")
    status, _ = fhir_as("dr.jones", TokenScope.READ).get(f"Patient/{alex.pk}")
    assert status == 401


def test_a_fhir_token_does_not_open_the_json_api(alex: Person, fhir_as: FhirAs) -> None:
    token = fhir_as("dr.jones").token
    response = Client().get(f"/api/v1/people/{alex.pk}", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code in (401, 403)


def test_unsupported_search_and_type_are_operation_outcomes(alex: Person, fhir_as: FhirAs) -> None:
    gp = fhir_as("dr.jones")
    assert gp.get("Patient?birthdate=1951")[0] == 400
    assert gp.get("Observation?patient=1")[0] == 404


def test_metadata_is_open_and_lists_exactly_what_is_served() -> None:
    status, statement = Fhir().get("metadata")
    assert status == 200
    assert checks.problems(statement, "CapabilityStatement") == []
    resources = {r["type"]: sorted(p["name"] for p in r["searchParam"]) for r in statement["rest"][0]["resource"]}
    assert resources == {
        "Patient": ["identifier", "name"],
        "CarePlan": ["patient", "status"],
        "Goal": ["patient"],
        "CareTeam": ["patient"],
    }


def test_the_about_me_questionnaire_is_served_and_the_answers_point_at_it(alex: Person, fhir_as: FhirAs) -> None:
    response = Client().get("/fhir/r4/Questionnaire/about-me")
    questionnaire = response.json()
    assert (response.status_code, questionnaire["resourceType"]) == (200, "Questionnaire")
    assert checks.problems(questionnaire, "Questionnaire") == []
    _, bundle = fhir_as("dr.jones").get(f"Patient/{alex.pk}/$everything")
    (answers,) = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "QuestionnaireResponse"]
    assert answers["questionnaire"] == questionnaire["url"]
    assert {i["linkId"] for i in answers["item"]} <= {i["linkId"] for i in questionnaire["item"]}


@override_settings(LIVINGPLAN_API_RATE_LIMIT=2, LIVINGPLAN_API_RATE_WINDOW=60)
def test_a_system_over_its_allowance_is_told_to_wait_as_the_json_api_does(alex: Person, fhir_as: FhirAs) -> None:
    """Counted per token in the table every server process shares (ADR-052), answered as FHIR."""
    gp_system = fhir_as("dr.jones")
    with time_machine.travel(dt.datetime(2027, 1, 4, 10, 0, 10, tzinfo=dt.UTC), tick=False):
        assert [gp_system.get(f"Patient/{alex.pk}")[0] for _ in range(2)] == [200, 200]
        response = gp_system.client.get(
            f"/fhir/r4/Patient/{alex.pk}", headers={"Authorization": f"Bearer {gp_system.token}"}
        )
    issue = response.json()["issue"][0]
    assert response.status_code == 429
    assert response["Retry-After"] == "50"
    assert (issue["code"], issue["diagnostics"]) == ("throttled", "Too many requests: wait 50 seconds.")
