"""Someone in the circle of support -> RelatedPerson (name and relationship: their contact
details are theirs, given to the person's own team, and do not leave with the plan)."""

from typing import Any

from livingplan.interop.fhir.codes import concept, reference
from livingplan.people.models import CircleMember


def to_fhir(member: CircleMember) -> dict[str, Any]:
    return {
        "resourceType": "RelatedPerson",
        "id": str(member.pk),
        "patient": reference("Patient", member.person_id),
        "relationship": [concept(member.relationship)],
        "name": [{"text": member.name}],
    }
