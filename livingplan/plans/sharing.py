"""Which groups of a person's plan a user may see: the person's sharing choices over the defaults.

`Person.objects.visible_to` decides whether a user may see the person at all; this decides
which parts. Both are needed, and every plan page, API route and export applies both.
"""

from typing import Any

from livingplan.people.models import OVERSIGHT_ROLES, CareTeamMember, CircleMember, Person
from livingplan.plans.models import SharingChoice
from livingplan.plans.sections import ALL_GROUPS, DEFAULT_FOR_CARE_TEAM, DEFAULT_FOR_CIRCLE


def _apply(defaults: frozenset[str], choices: list[SharingChoice]) -> set[str]:
    groups = set(defaults)
    for choice in choices:
        (groups.add if choice.is_shared else groups.discard)(choice.group)
    return groups


def groups_visible_to(user: Any, person: Person) -> frozenset[str]:
    """The sharing groups of `person`'s plan that `user` may read. Assumes `person` is visible."""
    if person.user_id is not None and person.user_id == user.pk:
        return ALL_GROUPS
    choices = list(SharingChoice.objects.filter(person=person))
    groups: set[str] = set()
    circle_ids = set(
        CircleMember.objects.filter(person=person, user=user, has_access=True).values_list("pk", flat=True)
    )
    for circle_id in circle_ids:
        groups |= _apply(DEFAULT_FOR_CIRCLE, [c for c in choices if c.circle_member_id == circle_id])
    org_ids = set(
        CareTeamMember.objects.filter(person=person, user=user, ended_on__isnull=True).values_list(
            "organisation_id", flat=True
        )
    )
    if user.memberships.filter(role__in=OVERSIGHT_ROLES, organisation_id=person.lead_organisation_id).exists():
        org_ids.add(person.lead_organisation_id)
    for org_id in org_ids:
        groups |= _apply(DEFAULT_FOR_CARE_TEAM, [c for c in choices if c.organisation_id == org_id])
    return frozenset(groups)
