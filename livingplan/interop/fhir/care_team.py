"""The care team -> CareTeam, with a Practitioner, PractitionerRole and Organization for each
member of staff, and the circle of support as participants too (they are part of the plan)."""

from typing import Any

from livingplan.accounts.models import Organisation, User
from livingplan.interop.fhir.codes import ODS_CODE, concept, reference
from livingplan.people.models import CareTeamMember, CircleMember, Person

COORDINATOR = "Care coordinator"


def to_fhir(person: Person, members: list[CareTeamMember], circle: list[CircleMember]) -> dict[str, Any]:
    participants: list[dict[str, Any]] = [
        {
            "role": [concept(_role(m))],
            "member": reference("PractitionerRole", m.pk, m.user.display_name),
            "onBehalfOf": reference("Organization", m.organisation_id, m.organisation.name),
            "period": {"start": m.started_on.isoformat()},
        }
        for m in members
    ]
    participants += [
        {"role": [concept(f"Circle of support: {c.relationship}")], "member": reference("RelatedPerson", c.pk, c.name)}
        for c in circle
    ]
    return {
        "resourceType": "CareTeam",
        "id": str(person.pk),
        "status": "active",
        "name": f"{person.full_name}'s care team and circle of support",
        "subject": reference("Patient", person.pk),
        "participant": participants,
        "managingOrganization": [reference("Organization", person.lead_organisation_id)],
    }


def _role(member: CareTeamMember) -> str:
    words = [COORDINATOR] if member.is_coordinator else []
    if member.role_description:
        words.append(member.role_description)
    return ", ".join(words) or "Member of the care team"


def practitioner(user: User) -> dict[str, Any]:
    return {
        "resourceType": "Practitioner",
        "id": str(user.pk),
        "name": [{"family": user.last_name, "given": [user.first_name], "text": user.display_name}],
    }


def practitioner_role(member: CareTeamMember) -> dict[str, Any]:
    return {
        "resourceType": "PractitionerRole",
        "id": str(member.pk),
        "active": member.ended_on is None,
        "practitioner": reference("Practitioner", member.user_id, member.user.display_name),
        "organization": reference("Organization", member.organisation_id, member.organisation.name),
        "code": [concept(_role(member))],
    }


def organization(organisation: Organisation) -> dict[str, Any]:
    ids = [{"system": ODS_CODE, "value": organisation.ods_code}] if organisation.ods_code else []
    return {
        "resourceType": "Organization",
        "id": str(organisation.pk),
        "identifier": ids,
        "active": True,
        "type": [concept(organisation.get_kind_display())],
        "name": organisation.name,
    }
