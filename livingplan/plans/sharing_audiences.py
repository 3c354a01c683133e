"""The people and organisations a person can share their plan with, and what each sees now."""

from dataclasses import dataclass

from livingplan.accounts.models import Organisation
from livingplan.people.models import CircleMember, Person
from livingplan.plans.models import SharingChoice
from livingplan.plans.sections import DEFAULT_FOR_CARE_TEAM, DEFAULT_FOR_CIRCLE
from livingplan.plans.sharing import apply_choices


@dataclass
class Audience:
    key: str
    label: str
    groups: set[str]
    circle_member: CircleMember | None = None
    organisation: Organisation | None = None


def audiences_for(person: Person) -> list[Audience]:
    choices = list(SharingChoice.objects.filter(person=person))

    def current(defaults: frozenset[str], **match: object) -> set[str]:
        return apply_choices(
            defaults, [c for c in choices if all(getattr(c, f"{k}_id") == v for k, v in match.items())]
        )

    audiences = [
        Audience(f"circle_{m.pk}", m.name, current(DEFAULT_FOR_CIRCLE, circle_member=m.pk), circle_member=m)
        for m in person.circle.filter(has_access=True, user__isnull=False)
    ]
    orgs = Organisation.objects.filter(
        pk__in=person.care_team.filter(ended_on__isnull=True).values("organisation")
    ).order_by("name")
    audiences += [
        Audience(
            f"org_{o.pk}",
            f"the care team from {o.name}",
            current(DEFAULT_FOR_CARE_TEAM, organisation=o.pk),
            organisation=o,
        )
        for o in orgs
    ]
    return audiences
