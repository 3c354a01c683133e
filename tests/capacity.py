"""Shortcuts for tests about decisions made on the person's behalf, through the real services.

Priya (Alex's coordinator) records capacity assessments; Sam, Alex's daughter in the circle of
support, is the usual attorney.
"""

import datetime as dt

from livingplan.accounts.models import User
from livingplan.people import services as people
from livingplan.people.models import CapacityAssessment, CapacityOutcome, DecisionKind, LegalAuthority
from tests.personas import World, make_user

REGISTERED = dt.date(2023, 4, 3)


def alex_is_assessed(
    world: World,
    kind: str = DecisionKind.AGREE_PLAN,
    *,
    lacks: bool = True,
    on: dt.date = dt.date(2026, 1, 12),
) -> CapacityAssessment:
    return people.record_capacity_assessment(
        world.alex_record,
        by=world.priya,
        decision_kind=kind,
        decision="Whether to agree the care and support plan" if kind == DecisionKind.AGREE_PLAN else "Sharing",
        outcome=CapacityOutcome.LACKS_CAPACITY if lacks else CapacityOutcome.HAS_CAPACITY,
        assessed_on=on,
    )


def give_authority(
    world: World,
    holder: User | None = None,
    kind: str = LegalAuthority.Kind.LPA_HEALTH_WELFARE,
    *,
    registered_on: dt.date | None = REGISTERED,
) -> LegalAuthority:
    """Record a legal authority for Alex, held by `holder` (Sam unless said otherwise)."""
    holder = holder or world.sam
    return people.add_legal_authority(
        world.alex_record,
        by=world.priya,
        kind=kind,
        name=holder.display_name,
        registered_on=registered_on,
        held_by=holder,
    )


def sam_is_alexs_attorney_and_alex_cannot_agree(world: World) -> LegalAuthority:
    authority = give_authority(world)
    alex_is_assessed(world)
    return authority


def add_to_alexs_circle(world: World, username: str, first: str, last: str, relationship: str) -> User:
    user = make_user(username, first, last)
    people.add_circle_member(
        world.alex_record, by=world.alex, name=f"{first} {last}", relationship=relationship, user=user, has_access=True
    )
    return user
