"""Who sees which part of the plan: the person's sharing choices, one row per group and audience."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction

from livingplan.accounts.models import Organisation, User
from livingplan.core.audit_context import AuditContext, context_for
from livingplan.core.services import auditor
from livingplan.people import capacity
from livingplan.people.models import CircleMember, Person
from livingplan.plans import rules
from livingplan.plans.models import (
    SharingChoice,
)
from livingplan.plans.sections import SharingGroup


def _sharing_decider(by: User, person: Person) -> capacity.Standing:
    """Who decides sharing, judged on what is true now rather than on what a page read earlier."""
    standing = rules.sharing_standing(by, person, fresh=True)
    if not standing.may_decide:
        raise PermissionDenied(
            "Only the person, or someone with authority to decide for them, decides who sees their plan."
        )
    return standing


def _share(
    person: Person,
    standing: capacity.Standing,
    *,
    by: User,
    group: str,
    is_shared: bool,
    circle_member: CircleMember | None,
    organisation: Organisation | None,
    audit: AuditContext | None,
) -> SharingChoice:
    if (circle_member is None) == (organisation is None):
        raise ValueError("Choose either a circle member or an organisation.")
    choice, _ = SharingChoice.objects.update_or_create(
        person=person,
        group=group,
        circle_member=circle_member,
        organisation=organisation,
        defaults={"is_shared": is_shared},
    )
    audience = circle_member.name if circle_member else organisation.name  # type: ignore[union-attr]
    auditor.record(
        "plans.sharing.changed",
        audit=context_for(by, audit),
        person_id=person.pk,
        obj=choice,
        detail={
            "group": group,
            "audience": audience,
            "shared": is_shared,
            **({"on_behalf": True, "acting_as": standing.acting_as} if standing.on_behalf else {}),
        },
    )
    return choice


@dataclass(frozen=True)
class AudienceChoice:
    """What one audience (a circle member or an organisation's care team) may see of each group:
    `{group: True or False}`; a group left out keeps the choice or default it has."""

    shared: Mapping[str, bool]
    circle_member: CircleMember | None = None
    organisation: Organisation | None = None


@transaction.atomic
def save_sharing_choices(
    person: Person, *, by: User, choices: Iterable[AudienceChoice], audit: AuditContext | None = None
) -> list[SharingChoice]:
    """The one write path for sharing choices: every audience on a page saved together or not at all,
    with one check of who decides."""
    standing = _sharing_decider(by, person)
    return [
        _share(
            person,
            standing,
            by=by,
            group=group,
            is_shared=is_shared,
            circle_member=choice.circle_member,
            organisation=choice.organisation,
            audit=audit,
        )
        for choice in choices
        for group, is_shared in choice.shared.items()
    ]


def set_sharing(
    person: Person,
    *,
    by: User,
    group: str,
    is_shared: bool,
    circle_member: CircleMember | None = None,
    organisation: Organisation | None = None,
    audit: AuditContext | None = None,
) -> SharingChoice:
    """One group for one audience (the API, the demo): `save_sharing_choices` with a single choice."""
    choice = AudienceChoice({group: is_shared}, circle_member=circle_member, organisation=organisation)
    [saved] = save_sharing_choices(person, by=by, choices=[choice], audit=audit)
    return saved


def exactly(groups: set[str]) -> dict[str, bool]:
    """Every group, shared or not, so an audience sees exactly `groups` whatever the defaults become."""
    return {group: group in groups for group in SharingGroup}
