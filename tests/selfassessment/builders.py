"""A self-assessment round for Northbridge Council, built through the service verbs, for tests and the matrix."""

import datetime as dt
from dataclasses import dataclass

from livingplan.selfassessment import services
from livingplan.selfassessment.models import RaterKind, Round
from tests.personas import World

# Areas the tests rate: one where staff and people agree, one where they are far apart.
AGREED_AREA = "process.prepare.arrangements"
GAP_AREA = "process.talk.what-matters"


@dataclass
class Rounds:
    earlier: Round
    current: Round


def start_round(world: World, *, title: str = "Spring 2027", started_on: dt.date | None = None) -> Round:
    return services.start_round(
        world.council_a,
        by=world.admin,
        title=title,
        version=services.shipped_version(),
        started_on=started_on,
    )


def invite_three(world: World, round_: Round) -> None:
    """A coordinator, a person who uses services and a family carer, as the issue's story has them."""
    services.invite_rater(round_, by=world.admin, user=world.priya, kind=RaterKind.STAFF)
    services.invite_rater(round_, by=world.admin, user=world.alex, kind=RaterKind.PERSON)
    services.invite_rater(round_, by=world.admin, user=world.sam, kind=RaterKind.CARER)


def closed_earlier_round(world: World) -> Round:
    """Last year's round, closed, with level 1 agreed for the two areas the tests watch."""
    earlier = start_round(world, title="Spring 2026", started_on=dt.date(2026, 3, 2))
    for area in (AGREED_AREA, GAP_AREA):
        services.agree_level(earlier, by=world.admin, area_id=area, level=1, reason="Where we started")
    return services.close_round(earlier, by=world.admin)


def rounds_with_ratings(world: World) -> Rounds:
    earlier = closed_earlier_round(world)
    current = start_round(world)
    invite_three(world, current)
    services.save_rating(current, by=world.priya, area_id=GAP_AREA, level=4, evidence="Our audit says so")
    services.save_rating(current, by=world.alex, area_id=GAP_AREA, level=1, evidence="Nobody asked me")
    services.save_rating(current, by=world.sam, area_id=GAP_AREA, level=2)
    for user in (world.priya, world.alex, world.sam):
        services.save_rating(current, by=user, area_id=AGREED_AREA, level=3)
    return Rounds(earlier=earlier, current=current)
