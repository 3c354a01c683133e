"""Who may do what to a plan. Predicates assume the user can already see the person."""

from typing import Any

from livingplan.people.models import Person


def is_the_person(user: Any, person: Person) -> bool:
    return person.user_id is not None and person.user_id == user.pk


def is_on_care_team(user: Any, person: Person) -> bool:
    return person.care_team.filter(user=user, ended_on__isnull=True).exists()


def is_in_circle(user: Any, person: Person) -> bool:
    return person.circle.filter(user=user, has_access=True).exists()


def can_contribute(user: Any, person: Person) -> bool:
    """The person, their circle (with access) and their care team write the plan together."""
    return is_the_person(user, person) or is_on_care_team(user, person) or is_in_circle(user, person)


def can_agree(user: Any, person: Person) -> bool:
    """Only the person agrees their own plan: capacity is assumed unless assessed otherwise."""
    return is_the_person(user, person)


def can_change_sharing(user: Any, person: Person) -> bool:
    return is_the_person(user, person)
