"""Person <-> Patient (UK Core shape where it fits: the NHS number under its national system)."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from livingplan.interop.fhir.codes import NHS_NUMBER, PERSON_ID
from livingplan.people.models import Person


def to_fhir(person: Person, *, details: bool, identifiers: list[tuple[str, str]]) -> dict[str, Any]:
    """`details`: the person shares their personal details (NHS number, date of birth, address)
    with this reader (ADR-023); without them the Patient carries their name and our id only."""
    ids = [{"system": PERSON_ID, "value": str(person.pk)}]
    if details:
        if person.nhs_number:
            ids.insert(0, {"system": NHS_NUMBER, "value": person.nhs_number})
        ids += [{"system": system, "value": value} for system, value in identifiers]
    names: list[dict[str, Any]] = [{"use": "official", "family": person.family_name, "given": [person.given_name]}]
    if person.preferred_name:
        names.append({"use": "usual", "given": [person.preferred_name]})
    resource: dict[str, Any] = {
        "resourceType": "Patient",
        "id": str(person.pk),
        "identifier": ids,
        "name": names,
    }
    if details:
        resource["birthDate"] = person.date_of_birth.isoformat() if person.date_of_birth else None
        resource["telecom"] = [
            {"system": "phone", "value": person.phone},
            {"system": "email", "value": person.email},
        ]
        if person.address or person.postcode:
            resource["address"] = [{"text": person.address, "postalCode": person.postcode}]
    return resource


@dataclass
class PatientFields:
    """What an incoming Patient gives the people service verbs."""

    given_name: str
    family_name: str
    preferred_name: str = ""
    date_of_birth: dt.date | None = None
    nhs_number: str = ""
    identifiers: list[tuple[str, str]] = field(default_factory=list)


def from_fhir(resource: dict[str, Any]) -> PatientFields:
    official = _name(resource, ("official", "usual", None))
    usual = _name(resource, ("usual",)) if official is not _name(resource, ("usual",)) else None
    given = " ".join(official.get("given") or []) if official else ""
    family = str(official.get("family") or "") if official else ""
    nhs = ""
    identifiers: list[tuple[str, str]] = []
    for identifier in resource.get("identifier") or []:
        system, value = str(identifier.get("system") or ""), str(identifier.get("value") or "")
        if system == NHS_NUMBER:
            nhs = value
        elif system and value and system != PERSON_ID:
            identifiers.append((system, value))
    birth = resource.get("birthDate")
    return PatientFields(
        given_name=given or (official or {}).get("text", "") or "Not known",
        family_name=family or "Not known",
        preferred_name=" ".join(usual.get("given") or []) if usual else "",
        date_of_birth=dt.date.fromisoformat(birth) if isinstance(birth, str) and len(birth) == 10 else None,
        nhs_number=nhs,
        identifiers=identifiers,
    )


def _name(resource: dict[str, Any], uses: tuple[str | None, ...]) -> dict[str, Any] | None:
    names = [n for n in resource.get("name") or [] if isinstance(n, dict)]
    for use in uses:
        for name in names:
            if use is None or name.get("use") == use:
                return name
    return None
