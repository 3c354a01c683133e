"""FHIR Bulk Data `$export` (ADR-045): another system kicks off an export with its token, polls
until the task worker has written it, downloads NDJSON per resource type with the same token,
and only what the token's user may see is in it. Others' exports do not exist for them."""

import json
from collections.abc import Callable
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from pytest_django.fixtures import Settings

from livingplan.api import tokens
from livingplan.api.models import TokenScope
from livingplan.core.models import AuditEvent
from livingplan.interop.fhir import checks
from livingplan.people.models import Person
from tests.personas import World

ASYNC = {"Prefer": "respond-async", "Accept": "application/fhir+json"}

# The export is queued when the kick-off commits, and the worker run here closes its connection.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def export_dir(settings: Settings, tmp_path: Path) -> Path:
    settings.LIVINGPLAN_FHIR_EXPORT_DIR = str(tmp_path)
    return tmp_path


class System:
    """Another system with a fhir token for one persona."""

    def __init__(self, world: World, username: str) -> None:
        self.client = Client()
        raw = tokens.issue(world.persona(username), name="Shared care record", scope=TokenScope.FHIR)[1]
        self.auth = {"Authorization": f"Bearer {raw}"}

    def get(self, url: str, **headers: str) -> Any:
        return self.client.get(url, headers={**self.auth, **headers})

    def delete(self, url: str) -> Any:
        return self.client.delete(url, headers=self.auth)

    def kick_off(self, query: str = "") -> str:
        response = self.get(f"/fhir/r4/$export{query}", **ASYNC)
        assert response.status_code == 202
        return str(response["Content-Location"])

    def lines(self, url: str) -> list[dict]:
        response = self.get(url)
        assert response.status_code == 200
        return [json.loads(line) for line in response.getvalue().decode().splitlines()]


SystemAs = Callable[[str], System]


@pytest.fixture
def system_as(world: World) -> SystemAs:
    return lambda username: System(world, username)


def run_worker() -> None:
    call_command("db_worker", "--batch", "--backend", "later", "--no-startup-delay", "--interval", "0.01", "-v0")


def finished(system: System, status_url: str) -> dict:
    run_worker()
    response = system.get(status_url)
    assert response.status_code == 200
    return dict(response.json())


def test_an_export_waits_for_the_worker_then_gives_a_file_per_type(alex: Person, system_as: SystemAs) -> None:
    priya = system_as("priya")
    status_url = priya.kick_off()
    waiting = priya.get(status_url)
    assert (waiting.status_code, waiting["X-Progress"]) == (202, "Waiting to start")
    manifest = finished(priya, status_url)
    files = {f["type"]: f for f in manifest["output"]}
    assert {"Patient", "CareTeam", "CarePlan", "Goal", "Consent"} <= set(files)
    assert manifest["requiresAccessToken"] is True
    goals = priya.lines(files["Goal"]["url"])
    assert sorted(g["description"]["text"] for g in goals) == ["Keep my garden going", "Walk to the shop on my own"]
    assert files["Goal"]["count"] == 2


def test_every_line_of_every_file_is_a_valid_resource(alex: Person, system_as: SystemAs) -> None:
    priya = system_as("priya")
    manifest = finished(priya, priya.kick_off())
    resources = [r for f in manifest["output"] for r in priya.lines(f["url"])]
    assert [p for r in resources for p in checks.problems(r, r["resourceType"])] == []


def test_only_the_people_the_tokens_user_may_see_are_in_it(alex: Person, system_as: SystemAs) -> None:
    omar = system_as("omar")  # not on Alex's care team
    manifest = finished(omar, omar.kick_off())
    patients = [r for f in manifest["output"] if f["type"] == "Patient" for r in omar.lines(f["url"])]
    assert str(alex.pk) not in {p["id"] for p in patients}


def test_someone_elses_export_and_its_files_are_not_there(alex: Person, system_as: SystemAs) -> None:
    priya, omar = system_as("priya"), system_as("omar")
    status_url = priya.kick_off()
    manifest = finished(priya, status_url)
    assert omar.get(status_url).status_code == 404
    assert omar.get(manifest["output"][0]["url"]).status_code == 404


def test_cancelling_removes_the_export_and_its_files(alex: Person, system_as: SystemAs, export_dir: Path) -> None:
    priya = system_as("priya")
    status_url = priya.kick_off()
    manifest = finished(priya, status_url)
    assert priya.delete(status_url).status_code == 202
    assert priya.get(status_url).status_code == 404
    assert priya.get(manifest["output"][0]["url"]).status_code == 404
    assert list(export_dir.iterdir()) == []


def test_cancelled_before_the_worker_runs_writes_nothing(alex: Person, system_as: SystemAs, export_dir: Path) -> None:
    priya = system_as("priya")
    status_url = priya.kick_off()
    priya.delete(status_url)
    run_worker()
    assert list(export_dir.iterdir()) == []


def test_a_type_filter_writes_only_those_types(alex: Person, system_as: SystemAs) -> None:
    priya = system_as("priya")
    manifest = finished(priya, priya.kick_off("?_type=Goal,CarePlan"))
    assert sorted(f["type"] for f in manifest["output"]) == ["CarePlan", "Goal"]


@pytest.mark.parametrize(
    ("query", "headers"),
    [
        ("", {"Accept": "application/fhir+json"}),  # no Prefer: respond-async
        ("?_type=Observation", ASYNC),
        ("?_outputFormat=text/csv", ASYNC),
        ("?_since=2026-01-01", ASYNC),
    ],
)
def test_a_kick_off_it_cannot_do_is_a_400_saying_why(
    alex: Person, system_as: SystemAs, query: str, headers: dict[str, str]
) -> None:
    response = system_as("priya").get(f"/fhir/r4/$export{query}", **headers)
    assert (response.status_code, response.json()["resourceType"]) == (400, "OperationOutcome")


def test_patient_level_export_is_the_same_and_needs_a_token(alex: Person, system_as: SystemAs) -> None:
    assert Client().get("/fhir/r4/Patient/$export", headers=ASYNC).status_code == 401
    response = system_as("priya").get("/fhir/r4/Patient/$export", **ASYNC)
    assert response.status_code == 202


def test_each_person_written_is_audited_as_read_by_the_tokens_user(
    alex: Person, world: World, system_as: SystemAs
) -> None:
    priya = system_as("priya")
    finished(priya, priya.kick_off())
    read = AuditEvent.objects.filter(action="interop.fhir.read", person_id=alex.pk, actor=world.priya).get()
    assert (read.actor_organisation, read.detail["request"]) == (world.council_a.name, "$export")


def test_fhir_export_command_shows_progress_and_counts(alex: Person, tmp_path: Path) -> None:
    out = StringIO()
    call_command("fhir_export", "--out", str(tmp_path / "all"), stdout=out)
    assert "1 plans written" in out.getvalue()
