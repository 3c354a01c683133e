"""Importing and exporting the directory in the Open Referral UK shape (issue 12).

Every official example imports; a broken, partial or wrong file saves nothing and says which record,
which field and why; importing again matches by id; and our export passes the UK profile's schema.
"""

import json
from collections.abc import Callable
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from jsonschema import Draft202012Validator

from livingplan.community import services
from livingplan.community.models import Resource, ResourceKind, ResourceStatus
from tests.community.directory import WALKERS, add_walking_group
from tests.community.oruk_data import EXAMPLES, example, schema
from tests.personas import World

SERVICE_EXAMPLES = [
    "service_full.json",
    "service_list.json",
    "organization_full.json",
    "service_at_location_full.json",
    "service_at_location_list.json",
]
# Files that hold no services: read without a problem, adding nothing, and saying why.
NO_SERVICE_EXAMPLES = {
    "organization_list.json": "The file lists organisations without their services: there was nothing to add.",
    **dict.fromkeys(
        ["taxonomy.json", "taxonomy_list.json", "taxonomy_term.json", "taxonomy_term_list.json"],
        "The file holds a taxonomy, not services: there was nothing to add. Tags come from each service.",
    ),
}


def test_every_official_example_is_one_we_know() -> None:
    assert sorted(p.name for p in EXAMPLES.glob("*.json")) == sorted([*SERVICE_EXAMPLES, *NO_SERVICE_EXAMPLES])


@pytest.mark.parametrize("name", SERVICE_EXAMPLES)
def test_each_official_example_with_a_service_imports_community_counselling(name: str, world: World) -> None:
    result = services.import_directory(example(name), by=world.admin, filename=name)

    assert result.report == []
    assert Resource.objects.get().name == "Community Counselling"


def test_the_full_service_keeps_what_a_person_needs(world: World) -> None:
    services.import_directory(example("service_full.json"), by=world.admin)

    r = Resource.objects.get()
    assert r.oruk_id == "ac148810-d857-441c-9679-408f346de14b"
    assert r.organisation_name == "Example Organization Inc."
    assert r.where == "MyCity Civic Center\n1-30 Main Street\nMyCity\nABC 1234"
    assert r.postcode == ""  # "ABC 1234" is not a UK postcode: kept in the address, not searched by
    assert r.when.startswith("The service is available from 10 am to 6pm weekdays.")
    assert r.cost == "Under 18s and Over 60s: £35 per 1 hour session"
    assert (r.minimum_age, r.maximum_age) == (12, 100)
    assert r.accessibility.startswith("The building is equipped with induction loops")
    assert (r.contact_name, r.contact_email) == ("Ann Persona", "email@example.com")
    assert r.status == ResourceStatus.ACTIVE


@pytest.mark.parametrize(("name", "why"), NO_SERVICE_EXAMPLES.items())
def test_an_example_without_services_is_read_and_says_it_adds_nothing(name: str, why: str, world: World) -> None:
    result = services.import_directory(example(name), by=world.admin)

    assert (result.imported, result.nothing_to_add) == (True, why)
    assert Resource.objects.count() == 0


def test_importing_the_same_file_twice_updates_and_adds_nothing(world: World) -> None:
    services.import_directory(example("service_full.json"), by=world.admin)
    changed = json.loads(example("service_full.json"))
    changed["name"] = "Community Counselling (evenings too)"

    again = services.import_directory(json.dumps(changed).encode(), by=world.admin)

    assert (again.added, again.changed) == ([], ["Community Counselling (evenings too)"])
    assert list(Resource.objects.values_list("name", flat=True)) == ["Community Counselling (evenings too)"]


def _two_services_one_bad() -> bytes:
    good = json.loads(example("service_list.json"))["contents"][0]
    bad = {**good, "id": "not-a-uuid", "name": "", "status": "open", "minimum_age": "twelve"}
    return json.dumps({"contents": [good, bad]}).encode()


def test_a_file_with_one_bad_record_saves_nothing_and_says_which_field_and_why(world: World) -> None:
    result = services.import_directory(_two_services_one_bad(), by=world.admin)

    assert Resource.objects.count() == 0
    assert result.report == [
        "Record 2 (id not-a-uuid): id must be a UUID, like ac148810-d857-441c-9679-408f346de14b, not 'not-a-uuid'",
        "Record 2 (id not-a-uuid): name is empty: every service needs one",
        "Record 2 (id not-a-uuid): status must be one of active, inactive, defunct, temporarily closed, not 'open'",
        "Record 2 (id not-a-uuid): minimum_age must be a number, not text",
    ]


def test_a_file_cut_short_is_refused_with_where_it_stopped(world: World) -> None:
    partial = example("service_full.json")[:700]

    result = services.import_directory(partial, by=world.admin)

    assert len(result.report) == 1
    assert result.report[0].startswith("The file: is not complete, valid JSON: line ")
    assert Resource.objects.count() == 0


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"\xff\xfe\x00", "The file: is not text in UTF-8. Save it as UTF-8 JSON and try again."),
        (b'"just words"', "The file: is not in a shape we know"),
        (b'{"colour": "blue"}', "The file: is not in a shape we know"),
    ],
)
def test_a_file_that_is_not_open_referral_is_refused(content: bytes, why: str, world: World) -> None:
    result = services.import_directory(content, by=world.admin)

    assert result.report[0].startswith(why)


def test_the_same_id_twice_in_one_file_is_refused(world: World) -> None:
    service = json.loads(example("service_list.json"))["contents"][0]

    result = services.import_directory(json.dumps([service, {**service, "name": "Again"}]).encode(), by=world.admin)

    assert result.report == [
        'Record 2 ("Again", id ac148810-d857-441c-9679-408f346de14b): id is used twice in this file (also record 1)'
    ]


def test_a_bad_nested_field_is_named_by_its_path(world: World) -> None:
    service = json.loads(example("service_full.json"))
    service["service_at_locations"][0]["location"]["location_type"] = "floating"
    service["cost_options"][0]["amount"] = "thirty-five"

    result = services.import_directory(json.dumps(service).encode(), by=world.admin)

    assert result.report == [
        'The service ("Community Counselling", id ac148810-d857-441c-9679-408f346de14b): '
        "cost_options[0].amount must be a number, not text",
        'The service ("Community Counselling", id ac148810-d857-441c-9679-408f346de14b): '
        "service_at_locations[0].location.location_type must be one of physical, postal, virtual, not 'floating'",
    ]


def test_the_export_passes_the_uk_profile_schema_and_imports_back_unchanged(world: World) -> None:
    resource = add_walking_group(world)
    resource.contact_name, resource.contact_phone, resource.eligibility = "Jo Hill", "01632 960000", "Adults"
    resource.save()
    exported = services.export_directory(by=world.admin)

    validator = Draft202012Validator(schema("service"), format_checker=Draft202012Validator.FORMAT_CHECKER)
    for service in exported["contents"]:
        assert list(validator.iter_errors(service)) == []
    Resource.objects.all().delete()
    result = services.import_directory(json.dumps(exported).encode(), by=world.admin)
    back = Resource.objects.get()
    assert result.added == [WALKERS]
    assert (back.oruk_id, back.kind, back.postcode, back.district) == (
        resource.oruk_id,
        ResourceKind.GROUP,
        "NB1 2AA",
        "NB1",
    )
    assert (back.where, back.when, back.cost) == (resource.where, resource.when, resource.cost)
    assert (back.contact_name, back.contact_phone, back.eligibility) == ("Jo Hill", "01632 960000", "Adults")
    assert sorted(t.name for t in back.tags.all()) == ["outdoors", "walking"]


def test_the_admin_uploads_a_file_and_sees_what_was_added(client_for: Callable[[str], Client]) -> None:
    upload = SimpleUploadedFile("services.json", example("service_list.json"), content_type="application/json")

    page = client_for("admin").post("/community/manage/import/", {"file": upload})

    assert "Imported: 1 resource added, 0 resources updated." in page.content.decode()
    assert "Community Counselling" in page.content.decode()


def test_the_admin_uploading_a_bad_file_sees_the_report_and_nothing_is_saved(
    client_for: Callable[[str], Client],
) -> None:
    upload = SimpleUploadedFile("services.json", _two_services_one_bad(), content_type="application/json")

    page = client_for("admin").post("/community/manage/import/", {"file": upload})

    text = page.content.decode()
    assert page.status_code == 400
    assert "Nothing was imported. 4 problems need putting right:" in text
    assert "Record 2 (id not-a-uuid): name is empty: every service needs one" in text
    assert Resource.objects.count() == 0


def test_the_admin_downloads_the_directory_as_oruk_json(world: World, client_for: Callable[[str], Client]) -> None:
    add_walking_group(world)

    response = client_for("admin").get("/community/manage/export.json")

    assert response["Content-Disposition"] == 'attachment; filename="community-directory-oruk.json"'
    assert [s["name"] for s in json.loads(response.content)["contents"]] == [WALKERS]


def test_the_command_imports_a_file(world: World, tmp_path: Path) -> None:
    out = StringIO()

    call_command("community_import", str(EXAMPLES / "organization_full.json"), stdout=out)

    assert out.getvalue().strip() == "Imported organization_full.json: 1 added, 0 updated."


def test_the_command_refuses_a_bad_file_with_the_report_and_a_non_zero_exit(world: World, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(_two_services_one_bad())
    err = StringIO()

    with pytest.raises(CommandError, match=r"Nothing was imported from bad\.json: 4 problem"):
        call_command("community_import", str(bad), stderr=err)
    assert "Record 2 (id not-a-uuid): status must be one of" in err.getvalue()
    assert Resource.objects.count() == 0


def test_only_an_organisation_admin_may_import(world: World) -> None:
    with pytest.raises(CommandError, match="'priya' is not an active organisation admin"):
        call_command("community_import", str(EXAMPLES / "service_full.json"), "--by", "priya")
