"""What the person's record page shows."""

from dataclasses import dataclass

from livingplan.people import nhs_number
from livingplan.people.models import (
    Advocacy,
    CapacityAssessment,
    CareTeamMember,
    CircleMember,
    CommunicationNeeds,
    LegalAuthority,
    Person,
)


@dataclass
class RecordPage:
    person: Person
    is_self: bool
    can_edit: bool
    care_team: list[CareTeamMember]
    circle: list[CircleMember]
    communication: CommunicationNeeds | None
    capacity: list[CapacityAssessment]
    advocacy: Advocacy | None
    legal: list[LegalAuthority]

    @property
    def nhs_number(self) -> str:
        return nhs_number.formatted(self.person.nhs_number) if self.person.nhs_number else "Not recorded"

    @property
    def organisations_involved(self) -> list[str]:
        return sorted({m.organisation.name for m in self.care_team})
