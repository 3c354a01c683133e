"""What a FHIR read or search shows a user: the people they may see (`visible_to`), and of each
person's plan only the groups the person shares with them, mapped exactly as the export maps them."""

from typing import Any

from django.db.models import Q, QuerySet

from livingplan.accounts.models import User
from livingplan.interop import export
from livingplan.interop.capability import SEARCHES
from livingplan.interop.fhir.codes import NHS_NUMBER, PERSON_ID
from livingplan.interop.models import ExternalIdentifier
from livingplan.people.models import Person
from livingplan.plans import sharing
from livingplan.plans.models import Outcome, Plan

Found = tuple[Person, dict[str, Any]]


class NotFound(Exception):
    """Not there, or not for this reader: the same answer either way."""


class BadSearch(ValueError):
    """A search parameter these endpoints do not support, or a value they cannot read."""


def _people(user: User) -> QuerySet[Person]:
    return Person.objects.visible_to(user).select_related("lead_organisation")


def resources_of(user: User, person: Person) -> list[dict[str, Any]]:
    return export.plan_resources(person, groups=sharing.groups_visible_to(user, person))


def _person_for(user: User, resource_type: str, resource_id: int) -> Person | None:
    if resource_type in ("Patient", "CareTeam"):
        return _people(user).filter(pk=resource_id).first()
    owners = Plan.objects.visible_to(user) if resource_type == "CarePlan" else Outcome.objects.visible_to(user)
    person_id = owners.filter(pk=resource_id).values_list("person_id", flat=True).first()
    return _people(user).filter(pk=person_id).first() if person_id else None


def read(user: User, resource_type: str, raw_id: str) -> Found:
    if not raw_id.isdigit():
        raise NotFound
    person = _person_for(user, resource_type, int(raw_id))
    if person is None:
        raise NotFound
    for resource in resources_of(user, person):
        if resource["resourceType"] == resource_type and resource["id"] == raw_id:
            return person, resource
    raise NotFound  # there, but in a part of the plan the person does not share with this reader


def everything(user: User, raw_id: str, base: str) -> tuple[Person, dict[str, Any]]:
    person = _people(user).filter(pk=int(raw_id)).first() if raw_id.isdigit() else None
    if person is None:
        raise NotFound
    return person, export.plan_bundle(person, viewer=user, base=base)


def search(user: User, resource_type: str, params: dict[str, str]) -> list[Found]:
    unknown = sorted(set(params) - set(SEARCHES[resource_type]))
    if unknown:
        raise BadSearch(f"{resource_type} cannot be searched by {', '.join(unknown)}: see /fhir/r4/metadata")
    people = _people(user)
    if resource_type == "Patient":
        people = _patients(user, people, params)
    elif "patient" in params:
        people = people.filter(pk=_patient_id(params["patient"]))
    found: list[Found] = []
    for person in people.order_by("pk")[:100]:
        found += [(person, r) for r in resources_of(user, person) if r["resourceType"] == resource_type]
    if resource_type == "CarePlan" and "status" in params:
        found = [(p, r) for p, r in found if r["status"] == params["status"]]
    return found


def _patient_id(value: str) -> int:
    raw = value.removeprefix("Patient/")
    if not raw.isdigit():
        raise BadSearch(f"patient={value!r} is not a reference to a Patient: use Patient/id")
    return int(raw)


def _patients(user: User, people: QuerySet[Person], params: dict[str, str]) -> QuerySet[Person]:
    if name := params.get("name", "").strip():
        people = people.filter(
            Q(given_name__icontains=name) | Q(family_name__icontains=name) | Q(preferred_name__icontains=name)
        )
    if "identifier" in params:
        system, bar, value = params["identifier"].rpartition("|")
        if not bar:
            system, value = "", params["identifier"]
        by_ours = Q(pk=int(value)) if system in ("", PERSON_ID) and value.isdigit() else Q(pk__in=[])
        by_nhs = Q(nhs_number=value.replace(" ", "")) if system in ("", NHS_NUMBER) else Q(pk__in=[])
        others = ExternalIdentifier.objects.visible_to(user).filter(
            value=value, **({"system": system} if system else {})
        )
        people = people.filter(by_ours | by_nhs | Q(pk__in=others.values("person_id")))
    return people
