"""Who may change what on a person's record. Predicates assume the user can already see the person.

`plans.rules` builds on `is_the_person`; it is written once here, below plans in the layers.
"""

from django.contrib.auth.models import AnonymousUser

from livingplan.accounts.models import User
from livingplan.people.models import Person


def is_the_person(user: User | AnonymousUser, person: Person) -> bool:
    """The record is about this user. Someone without a sign-in (user_id None) is nobody's record."""
    return person.user_id is not None and person.user_id == user.pk


def is_on_care_team(user: User | AnonymousUser, person: Person) -> bool:
    return user.pk is not None and person.care_team.filter(user_id=user.pk, ended_on__isnull=True).exists()


def can_edit_record(user: User | AnonymousUser, person: Person) -> bool:
    """The person and their care team keep the record up to date; the circle contributes to the plan instead."""
    return is_the_person(user, person) or is_on_care_team(user, person)


def can_manage_care_team(user: User | AnonymousUser, person: Person) -> bool:
    """The person and their current coordinator decide who is on the care team."""
    return is_the_person(user, person) or (
        user.pk is not None
        and person.care_team.filter(user_id=user.pk, is_coordinator=True, ended_on__isnull=True).exists()
    )
