"""The bulk export's pages (ADR-045): a member of staff starts an export in the browser, follows
its progress in plain words, downloads its files and cancels it; nobody else finds it."""

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from pytest_django.fixtures import Settings

from livingplan.people.models import Person

ClientFor = Callable[[str], Client]

# The export is queued when the kick-off commits, and the worker run here closes its connection.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def export_dir(settings: Settings, tmp_path: Path) -> Path:
    settings.LIVINGPLAN_FHIR_EXPORT_DIR = str(tmp_path)
    return tmp_path


def start(client: Client) -> str:
    response = client.post("/fhir/exports/")
    assert response.status_code == 302
    return str(response["Location"])


def test_priya_starts_an_export_and_sees_it_waiting(alex: Person, client_for: ClientFor) -> None:
    priya = client_for("priya")
    page = priya.get(start(priya)).content.decode()
    assert "Waiting to start" in page
    assert "Check progress again" in page


def test_once_written_the_page_lists_its_files_to_download(alex: Person, client_for: ClientFor) -> None:
    priya = client_for("priya")
    url = start(priya)
    call_command("db_worker", "--batch", "--backend", "later", "--no-startup-delay", "--interval", "0.01", "-v0")
    page = priya.get(url).content.decode()
    assert "Ready: 1 plan in 11 files" in page
    assert "Goal: 2 resources" in page
    goals = priya.get(f"{url}Goal.ndjson")
    lines = goals.getvalue().decode().splitlines()
    assert sorted(json.loads(line)["description"]["text"] for line in lines) == [
        "Keep my garden going",
        "Walk to the shop on my own",
    ]


def test_cancelling_takes_it_off_the_list(alex: Person, client_for: ClientFor) -> None:
    priya = client_for("priya")
    url = start(priya)
    priya.post(f"{url}cancel")
    assert priya.get(url).status_code == 404
    assert "You have not asked for an export yet." in priya.get("/fhir/exports/").content.decode()


def test_another_member_of_staff_cannot_open_it(alex: Person, client_for: ClientFor) -> None:
    url = start(client_for("priya"))
    assert client_for("dr.jones").get(url).status_code == 404
    assert client_for("dr.jones").post(f"{url}cancel").status_code == 404


def test_the_person_has_no_export_pages(alex: Person, client_for: ClientFor) -> None:
    assert client_for("alex").get("/fhir/exports/").status_code == 404
