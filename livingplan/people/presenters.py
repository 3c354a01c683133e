"""What the person's record page shows."""

from dataclasses import dataclass, field

from livingplan.accounts.models import Organisation
from livingplan.core.presenters import date_long
from livingplan.people import nhs_number
from livingplan.people.models import (
    Advocacy,
    CapacityAssessment,
    CareTeamMember,
    CircleInvitation,
    CircleMember,
    CommunicationNeeds,
    LegalAuthority,
    Person,
)


@dataclass(frozen=True)
class InvitationRow:
    """An invitation still waiting to be accepted, as the person's record page lists it."""

    pk: int
    member_name: str
    sent_on: str
    stops_working_on: str
    opened: bool

    @classmethod
    def of(cls, invitation: CircleInvitation) -> "InvitationRow":
        return cls(
            pk=invitation.pk,
            member_name=invitation.circle_member.name,
            sent_on=date_long(invitation.created_at),
            stops_working_on=date_long(invitation.expires_at),
            opened=invitation.opened_at is not None,
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
    can_manage_care_team: bool = False
    shared_with: list[Organisation] = field(default_factory=list)
    waiting_invitations: list[InvitationRow] = field(default_factory=list)

    @property
    def nhs_number(self) -> str:
        return nhs_number.formatted(self.person.nhs_number) if self.person.nhs_number else "Not recorded"

    @property
    def organisations_involved(self) -> list[str]:
        return sorted({m.organisation.name for m in self.care_team})

    @property
    def shared_with_names(self) -> list[str]:
        return sorted(org.name for org in self.shared_with)

    @property
    def consent_choices(self) -> list[tuple[Organisation, bool]]:
        """Every organisation the person may decide about: the lead council, the care team's, and any shared."""
        shared = {org.pk for org in self.shared_with}
        orgs = {self.person.lead_organisation.pk: self.person.lead_organisation}
        orgs.update({m.organisation.pk: m.organisation for m in self.care_team})
        orgs.update({org.pk: org for org in self.shared_with})
        return [(org, org.pk in shared) for org in sorted(orgs.values(), key=lambda o: o.name)]

    @property
    def care_team_without_consent(self) -> list[CareTeamMember]:
        shared = {org.pk for org in self.shared_with}
        return [m for m in self.care_team if m.organisation_id not in shared]
