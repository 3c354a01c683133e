"""Alex's plan as a FHIR R4 Bundle: every resource valid, the codes right, no nulls."""

import json

from livingplan.interop import export
from livingplan.interop.fhir import checks
from livingplan.people.models import Person
from tests.personas import World


def by_type(bundle: dict, resource_type: str) -> list[dict]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == resource_type]


def test_every_resource_in_the_export_is_valid_r4_with_no_nulls(alex: Person) -> None:
    bundle = export.plan_bundle(alex)
    found = [p for e in bundle["entry"] for p in checks.problems(e["resource"], e["resource"]["resourceType"])]
    assert found == []
    assert checks.problems(bundle, "Bundle") == []
    assert "null" not in json.dumps(bundle)


def test_the_person_is_a_patient_with_their_nhs_number(alex: Person) -> None:
    (patient,) = by_type(export.plan_bundle(alex), "Patient")
    assert {"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9434765919"} in patient["identifier"]


def test_the_plan_is_an_active_care_plan_with_its_goals_and_actions(alex: Person) -> None:
    bundle = export.plan_bundle(alex)
    care_plan, _contingency = by_type(bundle, "CarePlan")
    assert (care_plan["status"], care_plan["intent"]) == ("active", "plan")
    assert care_plan["category"][0]["text"] == "Personalised care and support plan"
    assert len(care_plan["goal"]) == 2
    activities = {a["detail"]["description"]: a["detail"] for a in care_plan["activity"]}
    assert activities["Physio twice a week"]["scheduledPeriod"] == {"end": "2027-01-31"}
    assert activities["Sam helps on Sundays"]["performer"][0]["reference"].startswith("RelatedPerson/")


def test_goals_are_in_the_persons_words_expressed_by_them(alex: Person) -> None:
    goals = {g["description"]["text"]: g for g in by_type(export.plan_bundle(alex), "Goal")}
    walk = goals["Walk to the shop on my own"]
    assert walk["expressedBy"]["reference"] == f"Patient/{alex.pk}"
    assert walk["achievementStatus"]["text"] == "Progress 5 of 10 on 2026-02-05"
    assert walk["lifecycleStatus"] == "active"


def test_the_care_team_names_each_member_and_their_organisation(alex: Person, world: World) -> None:
    bundle = export.plan_bundle(alex)
    (team,) = by_type(bundle, "CareTeam")
    members = {p["member"]["display"]: p for p in team["participant"]}
    assert members[world.dr_jones.display_name]["onBehalfOf"]["display"] == "Riverside Medical Practice"
    assert "Sam Carter" in members


def test_sharing_consents_are_consents_per_organisation(alex: Person) -> None:
    consents = by_type(export.plan_bundle(alex), "Consent")
    assert sorted(c["provision"]["actor"][0]["reference"]["display"] for c in consents) == [
        "Northbridge Council",
        "Riverside Medical Practice",
    ]


def test_a_bogus_status_is_caught_though_the_models_accept_it(alex: Person) -> None:
    care_plan, _contingency = by_type(export.plan_bundle(alex), "CarePlan")
    assert [i.where for i in checks.problems({**care_plan, "status": "bogus"}, "CarePlan")] == ["CarePlan.status"]
