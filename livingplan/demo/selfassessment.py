"""The demo's progress self-assessment (issue 16): Northbridge Council's round of spring 2026, closed
with a level agreed for every area, and this winter's round, open, rated by Priya (staff), Alex (a
person who uses services) and Sam (a family carer), with some levels agreed and two priorities.

The levels are made up, but the same on every run (worked out from each area's id), so the
comparison always shows movement and the gap between staff and people always shows somewhere.
"""

import datetime as dt
import zlib

from livingplan.accounts.models import Organisation, User
from livingplan.demo.audit import seeding
from livingplan.selfassessment import services
from livingplan.selfassessment.models import PriorityStatus, RaterKind, Round

# Where Priya and Alex saw it very differently: the demo's highlighted gap.
GAP_AREAS = ("process.talk.what-matters", "process.review.working")


def _base(area_id: str) -> int:
    """Last spring's agreed level, 1 or 2, the same every run."""
    return 1 + zlib.crc32(area_id.encode()) % 2


def _earlier(council: Organisation, admin: User) -> Round:
    audit = seeding(admin)
    version = services.shipped_version()
    earlier = services.start_round(
        council,
        by=admin,
        title="Spring 2026 self-assessment",
        version=version,
        started_on=dt.date(2026, 3, 2),
        audit=audit,
    )
    for area in version.instrument.areas:
        services.agree_level(
            earlier,
            by=admin,
            area_id=area.id,
            level=_base(area.id),
            reason="Agreed at the spring workshop",
            audit=audit,
        )
    return services.close_round(earlier, by=admin, closed_on=dt.date(2026, 4, 17), audit=audit)


def _levels(area_id: str) -> dict[str, int]:
    """This winter's ratings: staff a little more hopeful than people and carers, except where far apart."""
    base = _base(area_id)
    if area_id in GAP_AREAS:
        return {"priya": 4, "alex": 1, "sam": 2}
    step = zlib.crc32(area_id.encode()[::-1]) % 2
    return {"priya": min(base + 1 + step, 5), "alex": base + step, "sam": base + 1}


def seed_selfassessment(*, council: Organisation, admin: User, priya: User, alex: User, sam: User) -> Round:
    _earlier(council, admin)
    audit = seeding(admin)
    current = services.start_round(
        council, by=admin, title="Winter 2026 self-assessment", version=services.shipped_version(), audit=audit
    )
    raters = {"priya": priya, "alex": alex, "sam": sam}
    kinds = {"priya": RaterKind.STAFF, "alex": RaterKind.PERSON, "sam": RaterKind.CARER}
    for name, user in raters.items():
        services.invite_rater(current, by=admin, user=user, kind=kinds[name], audit=audit)
    areas = current.instrument.instrument.areas
    for area in areas:
        for name, level in _levels(area.id).items():
            evidence = "Nobody asked me what mattered until the end." if name == "alex" and area.id in GAP_AREAS else ""
            services.save_rating(
                current, by=raters[name], area_id=area.id, level=level, evidence=evidence, audit=seeding(raters[name])
            )
    for area in areas[:8]:  # the group has met once and agreed the first stages of the process
        services.agree_level(
            current,
            by=admin,
            area_id=area.id,
            level=_base(area.id) + 1,
            reason="Agreed at the winter workshop",
            audit=audit,
        )
    first = services.add_priority(
        current,
        by=admin,
        audit=audit,
        details=services.PlanDetails(
            area_id=GAP_AREAS[0],
            priority="Start every planning conversation with what matters to the person",
            why="Alex and Sam told us the conversation still starts with forms",
            first_steps="Try an opening question in two teams and ask people afterwards",
            owner=priya,
            by_when=dt.date(2027, 3, 31),
            how_we_will_know="People who use services rate this area higher next round",
            who_else="Team managers and the co-production group",
            support_inside="Time in team meetings",
            support_outside="Peer supporters from the community hub",
        ),
    )
    services.move_priority(
        first, by=priya, to=PriorityStatus.IN_PROGRESS, note="Two teams trying it", audit=seeding(priya)
    )
    services.add_priority(
        current,
        by=admin,
        audit=audit,
        details=services.PlanDetails(
            area_id="process.review.working",
            priority="Reviews that begin with what is and is not working",
            why="Staff and people disagree most here",
            first_steps="Pilot a review agenda written with people",
            owner=admin,
            by_when=dt.date(2027, 6, 30),
            how_we_will_know="Fewer reviews are a form about services",
        ),
    )
    return current
