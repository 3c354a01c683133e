"""Helpers for the import tests: run the import as Priya (Northbridge Council) and read its report."""

from pathlib import Path
from typing import Any

from livingplan.accounts.models import Organisation, OrganisationKind, Role, User
from livingplan.interop import export
from livingplan.interop.importing import sources
from livingplan.interop.importing.apply import import_unit
from livingplan.interop.importing.report import UnitReport
from livingplan.people.models import Person
from livingplan.plans.models import Plan
from tests.factories import OrganisationFactory
from tests.personas import make_staff


def import_path(path: Path, *, actor: User, organisation: Organisation) -> dict[str, UnitReport]:
    return {u.name: import_unit(u, actor=actor, organisation=organisation) for u in sources.units(path)}


def import_bundle(
    bundle: dict[str, Any], *, actor: User, organisation: Organisation, name: str = "bundle"
) -> UnitReport:
    return import_unit(sources.from_json(bundle, name), actor=actor, organisation=organisation)


def essence(bundle: dict[str, Any]) -> dict[str, Any]:
    """What must survive a round trip: who the person is, their goals in their words, and each
    action with its status, layer, due date, owner and goal. Not ids or timestamps (they are the
    receiving system's), and not whether the person has accepted the words and agreed the plan:
    those are the person's own acts here, so imported goals are suggestions and the plan a draft."""
    resources = [e["resource"] for e in bundle["entry"]]
    (patient,) = [r for r in resources if r["resourceType"] == "Patient"]
    goals = {f"Goal/{r['id']}": r for r in resources if r["resourceType"] == "Goal"}
    plans = [r for r in resources if r["resourceType"] == "CarePlan" and not r["id"].endswith("-contingency")]
    contingency = [r for r in resources if r["resourceType"] == "CarePlan" and r["id"].endswith("-contingency")]
    about_me = [r for r in resources if r["resourceType"] == "QuestionnaireResponse"]
    activities = sorted(
        (
            d["description"],
            d["status"],
            d["code"]["coding"][0]["code"],
            d.get("scheduledPeriod", {}).get("end", ""),
            d["performer"][0].get("display", ""),
            goals[d["goal"][0]["reference"]]["description"]["text"],
        )
        for p in plans
        for d in (a["detail"] for a in p.get("activity", []))
    )
    return {
        "name": patient["name"],
        "birthDate": patient.get("birthDate"),
        "identifiers": sorted(
            (i["system"], i["value"]) for i in patient["identifier"] if not i["system"].endswith("/Id/person")
        ),
        "goals": sorted((g["description"]["text"], str(g.get("note", ""))) for g in goals.values()),
        "activities": activities,
        "plan": [(p["intent"], p["category"], p["title"]) for p in plans],
        # About Me arrives as suggestions to the person (their own voice): in either response.
        "about_me": sorted((i["linkId"], a["valueString"]) for r in about_me for i in r["item"] for a in i["answer"]),
        "contingency": sorted(
            (d["code"]["coding"][0]["code"], d["description"])
            for p in contingency
            for d in (a["detail"] for a in p["activity"])
        ),
        "authors": len([r for r in resources if r["resourceType"] == "Provenance"]) > 0,
    }


def receiving_end() -> tuple[User, Organisation]:
    council = OrganisationFactory.create(name="Eastfield Council", kind=OrganisationKind.COUNCIL)
    return make_staff("robin", "Robin", "Ellis", council, Role.COORDINATOR), council


# The system the plans come from in a round trip: another Living Plan, at its own address.
SENDER = "https://elsewhere.example/fhir/r4"


def exports_of_everyone_with_a_plan(base: str = SENDER) -> list[dict[str, Any]]:
    people = Person.objects.filter(pk__in=Plan.objects.values("person_id")).select_related("lead_organisation")
    return [export.plan_bundle(p, base=base) for p in people.order_by("pk")]


def round_trip(bundles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each bundle imported into this (empty) database, and what it became exported again."""
    actor, council = receiving_end()
    for n, bundle in enumerate(bundles):
        report = import_bundle(bundle, actor=actor, organisation=council, name=f"bundle {n}")
        assert not report.refused, report.lines()
    return exports_of_everyone_with_a_plan()
