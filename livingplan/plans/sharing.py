"""Which groups of a person's plan a user may see: the person's sharing choices over the defaults.

`Person.objects.visible_to` decides whether a user may see the person at all; this decides
which parts. Both are needed, and every plan page, API route and export applies both.
"""

from typing import Any

from django.db.models import CharField, QuerySet, Value

from livingplan.accounts.models import Membership, User
from livingplan.core.viewer import Viewer, active_user
from livingplan.people import capacity
from livingplan.people.models import OVERSIGHT_ROLES, CareTeamMember, CircleMember, DecisionKind, Person
from livingplan.people.rules import is_the_person
from livingplan.plans.models import Action, Layer, SharingChoice
from livingplan.plans.sections import ALL_GROUPS, DEFAULT_FOR_CARE_TEAM, DEFAULT_FOR_CIRCLE, SharingGroup

# An action sits under an outcome, so it needs the outcomes group; an action paid for from the
# personal budget is about the person's money too, so it also needs the budget group (issue 8 #9:
# with the budget not shared, Sam still saw 37 budget actions). Every reader of actions, from rows
# or from a version's snapshot, asks here: the plan page, the API, documents and comparisons.
LAYER_GROUP: dict[str, str] = {Layer.PERSONAL_BUDGET: SharingGroup.BUDGET}


def action_is_shared(layer: str, groups: frozenset[str]) -> bool:
    return SharingGroup.OUTCOMES in groups and LAYER_GROUP.get(layer, SharingGroup.OUTCOMES) in groups


def hidden_layers(groups: frozenset[str]) -> list[str]:
    return [layer for layer, group in LAYER_GROUP.items() if group not in groups]


def shared_actions(actions: "QuerySet[Action]", groups: frozenset[str]) -> "QuerySet[Action]":
    """`actions` without those in a layer whose group is not shared (outcomes are checked by the caller)."""
    hidden = hidden_layers(groups)
    return actions.exclude(layer__in=hidden) if hidden else actions


def shared_snapshot_outcomes(outcomes: list[dict[str, Any]], groups: frozenset[str]) -> list[dict[str, Any]]:
    """A frozen version's outcomes with only the actions shared with the reader now."""
    return [
        {**o, "actions": [a for a in o.get("actions", []) if action_is_shared(a.get("layer", ""), groups)]}
        for o in outcomes
    ]


def apply_choices(defaults: frozenset[str], choices: list[SharingChoice]) -> set[str]:
    """What an audience sees: the defaults for its kind, with the person's choices over them."""
    groups = set(defaults)
    for choice in choices:
        (groups.add if choice.is_shared else groups.discard)(choice.group)
    return groups


def groups_visible_to(user: Viewer, person: Person) -> frozenset[str]:
    """The sharing groups of `person`'s plan that `user` may read. Assumes `person` is visible."""
    signed_in = active_user(user)
    if signed_in is None:  # nobody in particular is in no audience
        return frozenset()
    if is_the_person(user, person):
        return ALL_GROUPS
    if capacity.standing(user, person, DecisionKind.SHARING).on_behalf:
        # They decide who sees each part for the person, so they see every part (ADR-012).
        return ALL_GROUPS
    choices = list(SharingChoice.objects.filter(person=person))
    groups: set[str] = set()
    audiences = _audiences(signed_in, person)
    for kind, audience_id in audiences:
        if kind == CIRCLE:
            groups |= apply_choices(DEFAULT_FOR_CIRCLE, [c for c in choices if c.circle_member_id == audience_id])
        else:
            groups |= apply_choices(DEFAULT_FOR_CARE_TEAM, [c for c in choices if c.organisation_id == audience_id])
    return frozenset(groups)


CIRCLE, ORGANISATION = "circle", "organisation"


def _audiences(user: User, person: Person) -> set[tuple[str, int]]:
    """Every audience the user belongs to for this person, in one query: their circle rows with
    access, the organisations they are on the care team for, and the lead organisation if they
    hold an oversight role there."""
    as_circle, as_organisation = Value(CIRCLE, output_field=CharField()), Value(ORGANISATION, output_field=CharField())
    circle = CircleMember.objects.filter(person=person, user=user, has_access=True).annotate(kind=as_circle)
    team = CareTeamMember.objects.filter(person=person, user=user, ended_on__isnull=True).annotate(kind=as_organisation)
    oversight = Membership.objects.filter(
        user=user, role__in=OVERSIGHT_ROLES, organisation_id=person.lead_organisation_id
    ).annotate(kind=as_organisation)
    # A compound statement allows no ORDER BY in its parts: drop the models' default ordering.
    rows = (
        circle.order_by()
        .values_list("kind", "pk")
        .union(
            team.order_by().values_list("kind", "organisation_id"),
            oversight.order_by().values_list("kind", "organisation_id"),
        )
    )
    return set(rows)
