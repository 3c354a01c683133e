"""Who may move a person's planning journey on. Predicates assume the user can already see the person."""

from livingplan.accounts.models import Membership
from livingplan.core.viewer import Viewer
from livingplan.people import rules as people_rules
from livingplan.people.models import Person


def may_start_planning(user: Viewer, person: Person) -> bool:
    """Their coordinator, or someone on their care team who works for the council leading on them."""
    if user.pk is None:
        return False
    if people_rules.is_coordinator(user, person):
        return True
    return people_rules.is_on_care_team(user, person) and (
        Membership.objects.filter(user_id=user.pk, organisation_id=person.lead_organisation_id).exists()
    )


def may_prepare(user: Viewer, person: Person) -> bool:
    """Preparation for the process and the practitioner's preparation are the care team's to record."""
    return people_rules.is_on_care_team(user, person)


def may_choose_to_go_ahead(user: Viewer, person: Person) -> bool:
    """The person chooses; someone on their care team may record the choice the person told them."""
    return people_rules.is_the_person(user, person) or people_rules.is_on_care_team(user, person)
