"""The person at the centre of a plan, their care team and their circle of support.

Who may see a person is decided once, by `Person.objects.visible_to(viewer)` (`visibility.py`,
ADR-014); every other model here belongs to one person and is visible exactly when they are.
Django finds the models here, so every one is imported into this package:

- `person`: the person, how to reach them, and how they need information;
- `circle`: their care team, their circle of support, and invitations to sign in;
- `consent`: their consent for each organisation to see their record;
- `decisions`: capacity assessments, advocacy, attorneys and deputies;
- `coordinator`: suggestions, the person's choice of coordinator, and requests to change, with answers;
- `own_invitation`: an invitation for the person themself to sign in, from their care team;
- `tasks`: things to do for their coordinator when a message cannot do its job (ADR-032);
- `querysets` and `visibility`: `visible_to` for rows about a person, and the rule behind it.
"""

from livingplan.people.models.circle import (
    CareTeamMember,
    CircleInvitation,
    CircleInvitationQuerySet,
    CircleMember,
)
from livingplan.people.models.consent import CurrentConsentManager, SharingConsent
from livingplan.people.models.coordinator import (
    CoordinatorChangeAnswer,
    CoordinatorChangeRequest,
    CoordinatorChoice,
    CoordinatorSuggestion,
)
from livingplan.people.models.decisions import (
    ACTING_AUTHORITY_SQL,
    Advocacy,
    CapacityAssessment,
    CapacityOutcome,
    DecisionKind,
    LegalAuthority,
    acting_authority_params,
    latest_capacity_outcome_sql,
)
from livingplan.people.models.own_invitation import OwnInvitation, OwnInvitationQuerySet
from livingplan.people.models.person import (
    CommunicationNeeds,
    ContactChannel,
    InformationFormat,
    Person,
    PersonQuerySet,
    collect_errors,
)
from livingplan.people.models.querysets import ForPersonQuerySet
from livingplan.people.models.tasks import CoordinatorTask, CoordinatorTaskQuerySet, TaskKind
from livingplan.people.models.visibility import OVERSIGHT_ROLES, visible_person_ids

__all__ = [
    "ACTING_AUTHORITY_SQL",
    "OVERSIGHT_ROLES",
    "Advocacy",
    "CapacityAssessment",
    "CapacityOutcome",
    "CareTeamMember",
    "CircleInvitation",
    "CircleInvitationQuerySet",
    "CircleMember",
    "CommunicationNeeds",
    "ContactChannel",
    "CoordinatorChangeAnswer",
    "CoordinatorChangeRequest",
    "CoordinatorChoice",
    "CoordinatorSuggestion",
    "CoordinatorTask",
    "CoordinatorTaskQuerySet",
    "CurrentConsentManager",
    "DecisionKind",
    "ForPersonQuerySet",
    "InformationFormat",
    "LegalAuthority",
    "OwnInvitation",
    "OwnInvitationQuerySet",
    "Person",
    "PersonQuerySet",
    "SharingConsent",
    "TaskKind",
    "acting_authority_params",
    "collect_errors",
    "latest_capacity_outcome_sql",
    "visible_person_ids",
]
