"""`livingplan fhir_import`: what the person running it reads, and its exit status."""

import json
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from livingplan.interop import export
from livingplan.people.models import Person
from livingplan.plans.models import Action, Outcome, Plan
from tests.personas import World


def run(path: Path) -> tuple[int, str]:
    out = StringIO()
    try:
        call_command("fhir_import", str(path), "--as", "priya", stdout=out)
    except SystemExit as exit_:
        return int(exit_.code or 0), out.getvalue()
    return 0, out.getvalue()


PATIENT = {
    "resourceType": "Patient",
    "id": "p1",
    "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9434765870"}],
    "name": [{"family": "Okafor", "given": ["Grace"]}],
    "birthDate": "1948-03-02",
}
GOAL = {
    "resourceType": "Goal",
    "id": "g1",
    "lifecycleStatus": "active",
    "description": {"text": "Get back to choir on Thursdays"},
    "subject": {"reference": "Patient/p1"},
}


def care_plan(status: str) -> dict:
    return {
        "resourceType": "CarePlan",
        "id": "c1",
        "status": status,
        "intent": "plan",
        "subject": {"reference": "Patient/p1"},
        "goal": [{"reference": "Goal/g1"}],
        "activity": [{"detail": {"status": "in-progress", "description": "Lift to choir from a neighbour"}}],
    }


def bundle(*resources: dict, kind: str = "transaction") -> dict:
    return {"resourceType": "Bundle", "type": kind, "entry": [{"resource": r} for r in resources]}


def test_a_transaction_bundle_makes_the_person_their_goal_and_action(world: World, tmp_path: Path) -> None:
    (tmp_path / "grace.json").write_text(json.dumps(bundle(PATIENT, GOAL, care_plan("active"))))
    status, output = run(tmp_path)
    assert status == 0
    assert "Patient: 1 read, 1 created" in output
    grace = Person.objects.get(nhs_number="9434765870")
    action = Action.objects.get(person=grace)
    assert (action.what, action.status, action.outcome.text) == (
        "Lift to choir from a neighbour",
        "IN_PROGRESS",
        "Get back to choir on Thursdays",
    )


def test_a_bogus_status_refuses_the_whole_bundle_saying_where(world: World, tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text(json.dumps(bundle(PATIENT, GOAL, care_plan("bogus"))))
    status, output = run(tmp_path)
    assert status == 1
    assert "Bundle.entry[2].resource(CarePlan).status: 'bogus' is not a CarePlan.status code" in output
    assert '"resourceType": "OperationOutcome"' in output
    assert not Person.objects.filter(nhs_number="9434765870").exists()


def test_ndjson_is_one_resource_a_line(world: World, tmp_path: Path) -> None:
    lines = "\n".join(json.dumps(r) for r in (PATIENT, GOAL, care_plan("active")))
    (tmp_path / "grace.ndjson").write_text(lines)
    status, _ = run(tmp_path)
    assert status == 0
    assert Outcome.objects.filter(text="Get back to choir on Thursdays").count() == 1


def test_running_it_twice_matches_by_nhs_number_and_makes_nothing_new(world: World, tmp_path: Path) -> None:
    (tmp_path / "grace.json").write_text(json.dumps(bundle(PATIENT, GOAL, care_plan("active"), kind="collection")))
    run(tmp_path)
    status, output = run(tmp_path)
    assert status == 0
    assert "Patient: 1 read, 1 matched" in output
    assert Outcome.objects.filter(text="Get back to choir on Thursdays").count() == 1


def test_an_unknown_type_is_reported_and_the_rest_imported(world: World, tmp_path: Path) -> None:
    observation = {"resourceType": "Observation", "status": "final", "code": {"text": "Weight"}}
    (tmp_path / "grace.json").write_text(json.dumps(bundle(PATIENT, observation)))
    status, output = run(tmp_path)
    assert status == 0
    assert "Observation: 1 read, 1 skipped (not part of a care and support plan)" in output


def test_a_plan_exported_here_matches_its_person_when_sent_back(plan: Plan, tmp_path: Path) -> None:
    (tmp_path / "alex.json").write_text(json.dumps(export.plan_bundle(plan.person)))
    status, output = run(tmp_path)
    assert status == 0
    assert "Patient: 1 read, 1 matched" in output


def test_no_progress_bar_when_the_output_is_not_a_terminal(world: World, tmp_path: Path) -> None:
    (tmp_path / "grace.json").write_text(json.dumps(bundle(PATIENT)))
    _, output = run(tmp_path)
    assert "[#" not in output


def test_a_progress_bar_on_a_terminal(world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "grace.json").write_text(json.dumps(bundle(PATIENT)))
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    _, output = run(tmp_path)
    assert "] 1/1 grace.json" in output
