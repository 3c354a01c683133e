"""Who may change what on a person's record. Predicates assume the user can already see the person.

`plans.rules` builds on these; they are written once here, below plans in the layers. Each takes
a `Viewer`, so an anonymous visitor (no `pk`) is nobody: never the person, never on their team.
"""

from livingplan.core.viewer import Viewer
from livingplan.people.models import Person


def is_the_person(user: Viewer, person: Person) -> bool:
    """The record is about this user. Someone without a sign-in (user_id None) is nobody's record."""
    return person.user_id is not None and person.user_id == user.pk


def is_on_care_team(user: Viewer, person: Person) -> bool:
    return user.pk is not None and person.care_team.filter(user_id=user.pk, ended_on__isnull=True).exists()


def is_coordinator(user: Viewer, person: Person) -> bool:
    """Their current coordinator: the one member of the care team who leads on the plan."""
    return (
        user.pk is not None
        and person.care_team.filter(user_id=user.pk, is_coordinator=True, ended_on__isnull=True).exists()
    )


def can_edit_record(user: Viewer, person: Person) -> bool:
    """The person and their care team keep the record up to date; the circle contributes to the plan instead."""
    return is_the_person(user, person) or is_on_care_team(user, person)


def can_manage_care_team(user: Viewer, person: Person) -> bool:
    """The person and their current coordinator decide who is on the care team."""
    return is_the_person(user, person) or is_coordinator(user, person)
