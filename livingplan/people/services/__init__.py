"""Domain verbs about a person's record: the one write path for people, care teams, circles and
consent. Each verb guards, changes and audits in one transaction; the demo and the test factories
build state through the same verbs, so nothing is written that the service itself would refuse.

One module per domain (record, care team, consent, circle, invitations); callers keep using
`from livingplan.people import services` and the names below.
"""

from livingplan.people.services.acting import organisation_acted_for, record_person_viewed
from livingplan.people.services.care_team import (
    add_care_team_member,
    organisations_to_add_from,
    staff_to_add,
)
from livingplan.people.services.circle import add_circle_member, set_circle_access
from livingplan.people.services.consent import is_shared_with, set_sharing_consent
from livingplan.people.services.coordinator import (
    answer_coordinator_request,
    ask_to_change_coordinator,
    choose_coordinator,
    has_chosen,
    may_speak_for_the_team,
    open_request,
    set_current_coordinator,
    suggest_coordinator,
)
from livingplan.people.services.invitations import (
    INVITATION_LIFETIME,
    INVITATION_STEP_LIFETIME,
    InvitationInvalid,
    accept_invitation,
    cancel_invitation,
    invite_circle_member,
    open_invitation,
    opened_invitation,
)
from livingplan.people.services.own_invitation import (
    accept_own_invitation,
    can_sign_in,
    invite_person_to_sign_in,
    open_own_invitation,
    opened_own_invitation,
)
from livingplan.people.services.record import (
    PERSON_DETAIL_FIELDS,
    add_legal_authority,
    people_who_may_hold_authority,
    record_capacity_assessment,
    register_person,
    set_advocacy,
    set_communication_needs,
    update_person_details,
)
from livingplan.people.services.tasks import mark_task_done, raise_coordinator_task, task_for_message

__all__ = [
    "INVITATION_LIFETIME",
    "INVITATION_STEP_LIFETIME",
    "PERSON_DETAIL_FIELDS",
    "InvitationInvalid",
    "accept_invitation",
    "accept_own_invitation",
    "add_care_team_member",
    "add_circle_member",
    "add_legal_authority",
    "answer_coordinator_request",
    "ask_to_change_coordinator",
    "can_sign_in",
    "cancel_invitation",
    "choose_coordinator",
    "has_chosen",
    "invite_circle_member",
    "invite_person_to_sign_in",
    "is_shared_with",
    "mark_task_done",
    "may_speak_for_the_team",
    "open_invitation",
    "open_own_invitation",
    "open_request",
    "opened_invitation",
    "opened_own_invitation",
    "organisation_acted_for",
    "organisations_to_add_from",
    "people_who_may_hold_authority",
    "raise_coordinator_task",
    "record_capacity_assessment",
    "record_person_viewed",
    "register_person",
    "set_advocacy",
    "set_circle_access",
    "set_communication_needs",
    "set_current_coordinator",
    "set_sharing_consent",
    "staff_to_add",
    "suggest_coordinator",
    "task_for_message",
    "update_person_details",
]
