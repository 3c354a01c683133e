"""The person's download of everything held about them (subject access), as a ZIP."""

import datetime as dt
import io
import json
import zipfile

import pytest

from livingplan.core.models import AuditEvent
from livingplan.people.models import InformationFormat
from tests.documents.conftest import ABOUT_ME, OUTCOME, RISK, AlexPlan, pdf_info, pdf_text, record_format

EXPECTED_FILES = {
    "README.txt",
    "record.json",
    "plan.json",
    "planning.json",
    "versions/version-1.json",
    "audit.json",
    "messages.json",
    "conversations.json",
    "appointments.json",
    "reviews.json",
    "budgets.json",
    "other-systems.json",
    "plan.pdf",
    "about-me.pdf",
}


def _export(alex_plan: AlexPlan, client_for) -> zipfile.ZipFile:
    response = client_for("alex").get(alex_plan.url("export.zip"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="alex-carter-everything-held-about-me-')
    return zipfile.ZipFile(io.BytesIO(response.content))


def _json(archive: zipfile.ZipFile, name: str):
    return json.loads(archive.read(name))


def _is_iso(value: str) -> bool:
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def test_the_export_lists_the_expected_files(alex_plan: AlexPlan, client_for) -> None:
    assert set(_export(alex_plan, client_for).namelist()) == EXPECTED_FILES


def test_audit_json_includes_priyas_view_of_alexs_record(alex_plan: AlexPlan, client_for) -> None:
    assert client_for("priya").get(f"/people/{alex_plan.world.alex_record.pk}/").status_code == 200

    audit = _json(_export(alex_plan, client_for), "audit.json")

    assert {
        "who": "Priya Shah",
        "organisation": "Northbridge Council",
        "action": "people.person.viewed",
        "looked_or_changed": "looked",
    }.items() <= next(e for e in audit if e["action"] == "people.person.viewed").items()
    assert all(_is_iso(event["when"]) for event in audit)
    assert not any("ip" in key or "agent" in key for event in audit for key in event)


def test_record_json_holds_the_persons_details_needs_care_team_and_circle(alex_plan: AlexPlan, client_for) -> None:
    record_format(alex_plan.world, InformationFormat.LARGE_PRINT)
    record = _json(_export(alex_plan, client_for), "record.json")

    assert record["person"]["given_name"] == "Alex"
    assert record["person"]["date_of_birth"] == "1951-06-14"
    assert record["communication_needs"]["information_format"] == "Large print"
    assert {m["name"] for m in record["care_team"]} == {"Priya Shah", "Eleri Jones"}
    assert [c["name"] for c in record["circle"]] == ["Sam Carter"]
    assert set(record) >= {"capacity_assessments", "advocacy", "legal_authorities", "sharing_consents"}


def test_plan_json_holds_the_whole_plan_with_who_added_each_part(alex_plan: AlexPlan, client_for) -> None:
    plan = _json(_export(alex_plan, client_for), "plan.json")

    assert plan["status"] == "Active"
    [outcome] = plan["outcomes"]
    assert outcome["text"] == OUTCOME
    assert outcome["added_by"] == "Alex Carter"
    assert _is_iso(outcome["added_at"])
    assert [r["what_could_go_wrong"] for r in plan["risks"]] == [RISK]
    assert ABOUT_ME in {s["text"] for s in plan["statements"]}


def test_each_agreed_version_says_who_agreed_when_and_who_signed(alex_plan: AlexPlan, client_for) -> None:
    version = _json(_export(alex_plan, client_for), "versions/version-1.json")

    assert version["number"] == 1
    assert version["agreed_by"] == "Alex Carter"
    assert _is_iso(version["agreed_at"])
    assert [(s["name"], s["role"]) for s in version["signatures"]] == [("Priya Shah", "Coordinator")]
    assert OUTCOME in {o["text"] for o in version["plan_as_agreed"]["outcomes"]}


def test_the_pdfs_in_the_export_are_tagged_and_in_alexs_format(alex_plan: AlexPlan, client_for) -> None:
    record_format(alex_plan.world, InformationFormat.EASY_READ)
    archive = _export(alex_plan, client_for)

    plan_pdf = archive.read("plan.pdf")
    assert plan_pdf.startswith(b"%PDF")
    assert pdf_info(plan_pdf)["Tagged"] == "yes"
    assert "What I want to happen" in pdf_text(plan_pdf)
    assert ABOUT_ME in pdf_text(archive.read("about-me.pdf"))


@pytest.mark.parametrize("who", ["sam", "priya", "dr.jones", "morgan", "quinn", "omar", "casey", "admin"])
def test_nobody_but_the_person_can_export(alex_plan: AlexPlan, client_for, who: str) -> None:
    assert client_for(who).get(alex_plan.url("export.zip")).status_code == 404
    assert not AuditEvent.objects.filter(action="people.record.exported").exists()


def test_the_export_is_audited(alex_plan: AlexPlan, client_for) -> None:
    _export(alex_plan, client_for)
    event = AuditEvent.objects.get(action="people.record.exported")
    assert event.actor == alex_plan.world.alex
    assert event.person_id == alex_plan.world.alex_record.pk
    assert event.detail["filename"].endswith(".zip")
