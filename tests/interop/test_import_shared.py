"""Every file of the shared FHIR data has a tested outcome: it imports, with the resource counts in
MANIFEST.csv, or it is refused with an OperationOutcome that says what is wrong and where. The whole
folder is imported once for the module (the Synthea bundles are large), then once again."""

from collections import Counter
from dataclasses import dataclass
from typing import Any

import pytest

from livingplan.interop.importing.report import CREATED, MATCHED, UnitReport
from livingplan.people.models import Person
from livingplan.plans.models import Action, Outcome
from tests.interop.fhir_data import COUNTED, FHIR, data_files, manifest
from tests.interop.importing import essence, exports_of_everyone_with_a_plan, import_path, round_trip
from tests.personas import build_world

# Refused, and why: the HL7 examples that name a patient they do not carry, the known-bad
# questionnaire, an npm package file, and every XML file.
REFUSED_BECAUSE = {
    **{
        f"hl7-r4-examples/examples/{name}.json": "is not a Patient in this bundle"
        for name in (
            "CarePlan-example",
            "CarePlan-f001",
            "CarePlan-f002",
            "CarePlan-f003",
            "CarePlan-f201",
            "CarePlan-f202",
            "CarePlan-f203",
            "CarePlan-gpvisit",
            "CarePlan-integrate",
            "CarePlan-obesity-narrative",
            "CarePlan-preg",
            "Goal-example",
            "Goal-stop-smoking",
        )
    },
    "hl7-r4-examples/examples/Questionnaire-qs1.json": "linkId",
    "hl7-r4-examples/package.json": "Not a FHIR resource",
    **{p.relative_to(FHIR).as_posix(): "FHIR XML is not imported" for p in data_files() if p.suffix == ".xml"},
}


@dataclass
class Imported:
    first: dict[str, UnitReport]
    second: dict[str, UnitReport]
    rows_after_first: tuple[int, int, int]
    rows_after_second: tuple[int, int, int]
    # Every Synthea person with a care plan, exported: for the round trip (test_round_trip.py).
    synthea_exports: list[dict[str, Any]]


def _has_care_plan(bundle: dict[str, Any]) -> bool:
    return any(e["resource"]["resourceType"] == "CarePlan" for e in bundle["entry"])


def _rows() -> tuple[int, int, int]:
    return Person.objects.count(), Outcome.objects.count(), Action.objects.count()


_CACHE: list[Imported] = []


@pytest.fixture
def imported(db: None) -> Imported:
    """The whole folder imported, then the Synthea set again: done by the first test that asks,
    in its database transaction, and its reports and counts kept for the others (they are data)."""
    if not _CACHE:
        world = build_world()
        first = {}
        for folder in sorted(p for p in FHIR.iterdir() if p.is_dir()):
            reports = import_path(folder, actor=world.priya, organisation=world.council_a)
            first.update({f"{folder.name}/{k}": v for k, v in reports.items()})
        after_first = _rows()
        exports = [b for b in exports_of_everyone_with_a_plan() if _has_care_plan(b) and "Carter" not in str(b)]
        second = import_path(FHIR / "synthea", actor=world.priya, organisation=world.council_a)
        _CACHE.append(Imported(first, second, after_first, _rows(), exports))
    return _CACHE[0]


def test_every_data_file_has_an_outcome(imported: Imported) -> None:
    names = {p.relative_to(FHIR).as_posix() for p in data_files()}
    assert set(imported.first) == names


def test_exactly_the_expected_files_are_refused_each_saying_why(imported: Imported) -> None:
    refused = {name: r for name, r in imported.first.items() if r.refused}
    assert set(refused) == set(REFUSED_BECAUSE)
    for name, report in refused.items():
        outcome = report.operation_outcome()
        assert outcome["resourceType"] == "OperationOutcome"
        assert any(REFUSED_BECAUSE[name] in i["diagnostics"] for i in outcome["issue"]), name


def test_the_known_bad_questionnaire_is_refused_naming_each_missing_link_id(imported: Imported) -> None:
    issues = imported.first["hl7-r4-examples/examples/Questionnaire-qs1.json"].operation_outcome()["issue"]
    assert issues[0]["expression"] == ["Bundle.entry[0].resource(Questionnaire).item[0].item[0].linkId"]
    assert all(i["severity"] == "error" for i in issues)


def test_each_imported_file_read_the_resources_the_manifest_counts(imported: Imported) -> None:
    counts = manifest()
    checked = 0
    for name, report in imported.first.items():
        base = name.rsplit("/", 1)[-1]
        if report.refused or base not in counts:
            continue
        assert {k: report.seen[k] for k in COUNTED} == counts[base], name
        checked += 1
    assert checked > 100


def test_the_synthea_people_goals_and_plans_are_all_made(imported: Imported) -> None:
    made: Counter[tuple[str, str]] = Counter()
    for name, report in imported.first.items():
        if name.startswith("synthea/"):
            made.update(report.outcomes)
    assert made[("Patient", CREATED)] == 56
    assert made[("Goal", CREATED)] == 213
    assert made[("CarePlan", CREATED)] + made[("CarePlan", MATCHED)] == 159


def test_unknown_resource_types_are_reported_not_fatal(imported: Imported) -> None:
    report = next(r for n, r in imported.first.items() if n.startswith("synthea/smart"))
    assert report.reasons["Condition"] == "not part of a care and support plan"
    assert not report.refused


def test_importing_again_matches_everything_and_makes_nothing(imported: Imported) -> None:
    assert imported.rows_after_second == imported.rows_after_first
    again: Counter[tuple[str, str]] = Counter()
    for report in imported.second.values():
        again.update(report.outcomes)
    assert (again[("Patient", MATCHED)], again[("Goal", MATCHED)], again[("Patient", CREATED)]) == (56, 213, 0)


def test_every_synthea_bundle_with_a_care_plan_round_trips(imported: Imported) -> None:
    """Export, import into an empty database, export again: the same people, goals and actions."""
    sent = imported.synthea_exports
    back = round_trip(sent)
    assert len(sent) == 56
    assert sorted(map(str, map(essence, back))) == sorted(map(str, map(essence, sent)))
