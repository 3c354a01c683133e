"""Northbridge Council's self-assessment round and one priority, for the access matrix (tests/unit)."""

import datetime as dt

from livingplan.selfassessment import services
from livingplan.selfassessment.models import Round
from tests.personas import AlexPlan
from tests.selfassessment.builders import GAP_AREA, invite_three, start_round

# Who sees the round: Northbridge Council's staff, and the three invited raters (Priya is both).
SEES_ROUND = {"priya": 200, "morgan": 200, "quinn": 200, "casey": 200, "admin": 200, "alex": 200, "sam": 200}
# Only the invited raters rate; the council's other staff see the round but are told they were not invited.
RATES = {**dict.fromkeys(SEES_ROUND, 403), "priya": 200, "alex": 200, "sam": 200}
# Only Northbridge Council's admin runs the round; others who see it may not.
RUNS_ROUND = {**dict.fromkeys(SEES_ROUND, 403), "admin": 200}


def northbridge_round(records: AlexPlan) -> int:
    world = records.world
    found = Round.objects.filter(organisation=world.council_a).first()
    if found is None:
        found = start_round(world)
        invite_three(world, found)
    return found.pk


def northbridge_priority(records: AlexPlan) -> int:
    world = records.world
    found = Round.objects.get(pk=northbridge_round(records))
    priority = found.priorities.first()
    if priority is None:
        details = services.PlanDetails(
            area_id=GAP_AREA,
            priority="Start every conversation with what matters",
            why="People told us nobody asked them",
            first_steps="Try a new opening question in two teams",
            owner=world.priya,
            by_when=dt.date(2027, 3, 31),
            how_we_will_know="People say they were asked",
        )
        priority = services.add_priority(found, by=world.admin, details=details)
    return priority.pk
